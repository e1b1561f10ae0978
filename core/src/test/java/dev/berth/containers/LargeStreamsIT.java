package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams far larger than the heap: this class runs in its own JVM with {@code -Xmx64m} (see the
 * {@code large-streams} failsafe execution in core/pom.xml), so a stream that buffered its content
 * would fail with OutOfMemoryError.
 */
@Timeout(600)
class LargeStreamsIT extends ContainerTestSupport {
  private static final long LOG_BYTES = 200L * 1024 * 1024;
  private static final long EXPORT_BYTES = 1024L * 1024 * 1024;

  @BeforeAll
  static void heapIsSmall() {
    assertThat(Runtime.getRuntime().maxMemory()).as("max heap").isLessThanOrEqualTo(64L << 20);
  }

  /** Counts what is written and checks it is all 'x' lines, keeping nothing. */
  private static final class CountingSink extends OutputStream {
    long bytes;
    long newlines;

    @Override
    public void write(int b) {
      bytes++;
      if (b == '\n') {
        newlines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          newlines++;
        }
      }
    }
  }

  @Test
  void twoHundredMegabytesOfLogsStreamUnderA64MegabyteHeap() {
    // 70-byte lines (69 characters and a newline), 200 MiB of them, on stdout and a little stderr.
    String line = "x".repeat(69);
    Container c = run(busybox("sh", "-c", "yes " + line + " | head -c " + LOG_BYTES
        + "; echo done >&2"));
    assertThat(c.waitFor().exitCode()).isZero();
    CountingSink out = new CountingSink();
    CountingSink err = new CountingSink();
    long copied = c.logs().copyTo(out, err);
    assertThat(out.bytes).isEqualTo(LOG_BYTES);
    assertThat(out.newlines).isEqualTo(LOG_BYTES / 70);
    assertThat(err.bytes).isEqualTo(5);
    assertThat(copied).isEqualTo(LOG_BYTES + 5);
  }

  @Test
  void fiveHundredMegabyteImageSavesAndLoadsUnderA64MegabyteHeap(@TempDir Path dir)
      throws IOException {
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM " + TestEngine.IMAGE + "\n"
        + "RUN dd if=/dev/zero of=/big bs=1048576 count=500\n"
        + "LABEL " + TestEngine.LABEL + "=true\n");
    String name = "berth-test/large:" + run;
    String id = docker.images().build(context).tag(name).call().imageId();
    try {
      Path saved = dir.resolve("large.tar");
      docker.images().save(saved, name);
      assertThat(Files.size(saved)).isGreaterThan(500L << 20);
      docker.images().remove(name);
      assertThat(docker.images().load(saved)).containsExactly(name);
      assertThat(docker.images().inspect(name).id()).isEqualTo(id);
    } finally {
      docker.images().remove(name, true, false);
    }
  }

  @Test
  void oneGigabyteExportStreamsUnderA64MegabyteHeap() throws IOException {
    Container c = run(busybox("sh", "-c", "dd if=/dev/zero of=/big bs=1048576 count=1024"));
    assertThat(c.waitFor().exitCode()).isZero();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream tar = c.export()) {
      for (int n; (n = tar.read(buffer)) > 0; ) {
        total += n;
      }
    }
    // the tar holds the 1 GiB file, busybox and the headers
    assertThat(total).isGreaterThan(EXPORT_BYTES).isLessThan(EXPORT_BYTES + (8L << 20));
  }
}
