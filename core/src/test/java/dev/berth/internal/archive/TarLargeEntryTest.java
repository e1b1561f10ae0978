package dev.berth.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 5 GiB entry, larger than an int can count and than any Java array can hold, streamed from a
 * {@link TarWriter} to a {@link TarReader} through a pipe that holds at most 16 chunks: neither
 * side can buffer the entry, so the test passes only if both stream it.
 */
class TarLargeEntryTest {
  private static final long FIVE_GIB = 5L * 1024 * 1024 * 1024;
  private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

  /** Writes before.txt, a 5 GiB big.bin and after.txt into a pipe from another thread. */
  private static CompletableFuture<Void> writeInBackground(ChunkPipe pipe) {
    return CompletableFuture.runAsync(
        () -> {
          try (TarWriter tar = new TarWriter(pipe.sink())) {
            tar.writeFile("before.txt", 6, 0644, T, text("before"));
            tar.writeFile("big.bin", FIVE_GIB, 0600, T, new PatternStream(FIVE_GIB));
            tar.writeFile("after.txt", 5, 0644, T, text("after"));
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String readText(TarReader reader) throws IOException {
    return new String(reader.content().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void fiveGibEntryStreamsFromWriterToReaderWithItsContentIntact() throws Exception {
    ChunkPipe pipe = new ChunkPipe(16);
    CompletableFuture<Void> writing = writeInBackground(pipe);
    try (TarReader reader = new TarReader(pipe.source())) {
      assertThat(reader.next().name()).isEqualTo("before.txt");
      assertThat(readText(reader)).isEqualTo("before");

      TarEntry big = reader.next();
      assertThat(big.name()).isEqualTo("big.bin");
      assertThat(big.size()).isEqualTo(FIVE_GIB).isGreaterThan(Integer.MAX_VALUE);
      assertThat(big.mode()).isEqualTo(0600);
      InputStream content = reader.content();
      byte[] buffer = new byte[64 * 1024];
      long position = 0;
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        if (!PatternStream.matches(position, buffer, 0, n)) {
          throw new AssertionError("content differs within " + n + " bytes from " + position);
        }
        position += n;
      }
      assertThat(position).isEqualTo(FIVE_GIB);

      assertThat(reader.next().name()).isEqualTo("after.txt");
      assertThat(readText(reader)).isEqualTo("after");
      assertThat(reader.next()).isNull();
    }
    writing.get(1, TimeUnit.MINUTES);
  }

  @Test
  void patternCheckNoticesADifference() {
    byte[] chunk = PatternStream.bytes(1000);
    assertThat(PatternStream.matches(0, chunk, 0, chunk.length)).isTrue();
    assertThat(PatternStream.matches(1, chunk, 0, chunk.length)).isFalse();
    chunk[999] ^= 1;
    assertThat(PatternStream.matches(0, chunk, 0, chunk.length)).isFalse();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void fiveGibEntryLeftUnreadIsSkippedByNext() throws Exception {
    ChunkPipe pipe = new ChunkPipe(16);
    CompletableFuture<Void> writing = writeInBackground(pipe);
    try (TarReader reader = new TarReader(pipe.source())) {
      assertThat(reader.next().name()).isEqualTo("before.txt");
      assertThat(reader.next().size()).isEqualTo(FIVE_GIB);
      reader.content().readNBytes(1000); // read a little, leave the rest
      TarEntry after = reader.next();
      assertThat(after.name()).isEqualTo("after.txt");
      assertThat(readText(reader)).isEqualTo("after");
      assertThat(reader.next()).isNull();
    }
    writing.get(1, TimeUnit.MINUTES);
  }
}
