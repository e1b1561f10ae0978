package dev.berth.internal.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile tar streams read with a 64 MiB heap (the fuzz execution): extension headers that pile
 * up before an entry, and a PAX size at the end of a long.
 */
class TarReaderLowMemoryTest {

  /** One PAX header of about 1 MiB with a key of its own. */
  private static byte[] paxHeader(int n) {
    byte[] data = PaxRecords.format(Map.of("key" + n, "v".repeat(1_000_000)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(TarHeader.block(("PaxHeaders/" + n).getBytes(UTF_8), new byte[0], 0644,
        data.length, 0, TarHeader.TYPE_PAX, new byte[0]));
    out.writeBytes(data);
    out.writeBytes(new byte[TarHeader.padding(data.length)]);
    return out.toByteArray();
  }

  @Test
  void extensionHeadersPilingUpBeforeAnEntryEndInAnErrorNotAnOutOfMemoryError() {
    // each within its 1 MiB, 200 of them were all held: 200 MB of strings
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(256L * 1024 * 1024);
    Enumeration<InputStream> headers = new Enumeration<>() {
      int n;

      @Override
      public boolean hasMoreElements() {
        return n < 200;
      }

      @Override
      public InputStream nextElement() {
        return new ByteArrayInputStream(paxHeader(n++));
      }
    };
    TarReader reader = new TarReader(new SequenceInputStream(headers));
    assertThatThrownBy(reader::next)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tar header for entry 'PaxHeaders/4' at byte")
        .hasMessageEndingWith("has extension headers of more than 4194304 bytes in all before one"
            + " entry");
  }

  @Test
  void aPaxSizeNearTheLargestLongIsATruncatedStream() throws IOException {
    // skipping size + padding overflowed to a negative count: nothing was skipped and the content
    // was read as the next header
    byte[] pax = PaxRecords.format(Map.of("size", Long.toString(Long.MAX_VALUE)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(TarHeader.block("PaxHeaders/big".getBytes(UTF_8), new byte[0], 0644,
        pax.length, 0, TarHeader.TYPE_PAX, new byte[0]));
    out.writeBytes(pax);
    out.writeBytes(new byte[TarHeader.padding(pax.length)]);
    out.writeBytes(TarHeader.block("big".getBytes(UTF_8), new byte[0], 0644, 0, 0,
        TarHeader.TYPE_FILE, new byte[0]));
    out.writeBytes(new byte[2048]);
    TarReader reader = new TarReader(new ByteArrayInputStream(out.toByteArray()));
    assertThat(reader.next().size()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(reader::next)
        .isInstanceOf(EOFException.class)
        .hasMessageStartingWith("tar stream truncated in entry 'big': ");
  }
}
