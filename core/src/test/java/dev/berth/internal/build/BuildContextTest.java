package dev.berth.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.internal.archive.TarEntry;
import dev.berth.internal.archive.TarReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Build context tars written from a directory in a {@link TempDir}, read back with TarReader. */
class BuildContextTest {
  @TempDir Path context;

  /** An entry read back, with its content if it is a file. */
  private record Read(TarEntry entry, String content) {}

  private void file(String name, String content) throws IOException {
    Path file = context.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Map<String, Read> tar(String dockerfile) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BuildContext.write(context, dockerfile, out);
    return read(out.toByteArray());
  }

  private static Map<String, Read> read(byte[] archive) throws IOException {
    Map<String, Read> entries = new LinkedHashMap<>();
    try (TarReader reader = new TarReader(new ByteArrayInputStream(archive))) {
      for (TarEntry e = reader.next(); e != null; e = reader.next()) {
        String content = new String(reader.content().readAllBytes(), StandardCharsets.UTF_8);
        entries.put(e.name(), new Read(e, content));
      }
    }
    return entries;
  }

  @Test
  void excludedFilesAreLeftOutAndExceptionsKept() throws IOException {
    file(".dockerignore", "*.log\n!keep.log\nsecret\nnode_modules\n");
    file("Dockerfile", "FROM scratch\n");
    file("app.log", "noise");
    file("keep.log", "kept");
    file("secret/key.pem", "private");
    file("node_modules/x/y.js", "js");
    file("src/main.c", "int main;");
    file("src/debug.log", "top-level patterns do not reach into src");

    Map<String, Read> entries = tar(null);

    assertThat(entries.keySet())
        .containsExactly(
            ".dockerignore",
            "Dockerfile",
            "keep.log",
            "src/",
            "src/debug.log",
            "src/main.c");
    assertThat(entries.get("src/main.c").content()).isEqualTo("int main;");
    assertThat(entries.get("src/").entry().type()).isEqualTo(TarEntry.Type.DIRECTORY);
  }

  @Test
  void dockerfileAndDockerignoreAreSentEvenWhenIgnored() throws IOException {
    file(".dockerignore", "*\n");
    file("Dockerfile", "FROM scratch\n");
    file("other.txt", "x");

    assertThat(tar(null).keySet()).containsExactly(".dockerignore", "Dockerfile");
  }

  @Test
  void dockerfileAndDockerignoreNamedOutrightAreSentAnyway() throws IOException {
    file(".dockerignore", "Dockerfile\n.dockerignore\n");
    file("Dockerfile", "FROM scratch\n");

    assertThat(tar(null).keySet()).containsExactly(".dockerignore", "Dockerfile");
  }

  @Test
  void customDockerfileInAnExcludedDirectoryIsSentAlone() throws IOException {
    file(".dockerignore", "docker\n");
    file("docker/Dockerfile.prod", "FROM scratch\n");
    file("docker/Dockerfile.dev", "FROM scratch\n");
    file("app.txt", "app");

    Map<String, Read> entries = tar("./docker/Dockerfile.prod");

    assertThat(entries.keySet())
        .containsExactly(".dockerignore", "app.txt", "docker/Dockerfile.prod");
    assertThat(entries.get("docker/Dockerfile.prod").content()).isEqualTo("FROM scratch\n");
  }

  @Test
  void reincludedFileInsideAnExcludedDirectoryIsSent() throws IOException {
    file(".dockerignore", "build\n!build/keep/me.txt\n");
    file("build/other.txt", "no");
    file("build/keep/me.txt", "yes");
    file("build/keep/not-me.txt", "no");

    Map<String, Read> entries = tar(null);

    // the excluded directories get no entries of their own; the engine creates them
    assertThat(entries.keySet()).containsExactly(".dockerignore", "build/keep/me.txt");
    assertThat(entries.get("build/keep/me.txt").content()).isEqualTo("yes");
  }

  @Test
  void symbolicLinksAreSentAsLinksAndNotFollowed() throws IOException {
    file("target.txt", "content");
    file("dir/inside.txt", "inside");
    Files.createSymbolicLink(context.resolve("link.txt"), Path.of("target.txt"));
    Files.createSymbolicLink(context.resolve("linkdir"), Path.of("dir"));
    Files.createSymbolicLink(context.resolve("dangling"), Path.of("nowhere"));

    Map<String, Read> entries = tar(null);

    assertThat(entries.keySet())
        .containsExactly("dangling", "dir/", "dir/inside.txt", "link.txt", "linkdir", "target.txt");
    TarEntry link = entries.get("link.txt").entry();
    assertThat(link.type()).isEqualTo(TarEntry.Type.SYMLINK);
    assertThat(link.linkTarget()).isEqualTo("target.txt");
    assertThat(entries.get("linkdir").entry().linkTarget()).isEqualTo("dir");
    assertThat(entries.get("dangling").entry().linkTarget()).isEqualTo("nowhere");
  }

  @Test
  void modesAreKept() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    file("run.sh", "#!/bin/sh\n");
    file("private/data", "x");
    Files.setPosixFilePermissions(
        context.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.setPosixFilePermissions(
        context.resolve("private"), PosixFilePermissions.fromString("rwx------"));

    Map<String, Read> entries = tar(null);

    assertThat(entries.get("run.sh").entry().mode()).isEqualTo(0750);
    assertThat(entries.get("private/").entry().mode()).isEqualTo(0700);
  }

  @Test
  void namesAreRelativeAndInNameOrderEveryTime() throws IOException {
    file("b/z.txt", "z");
    file("b/a.txt", "a");
    file("a.txt", "a");
    file("c/d/e.txt", "e");

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    BuildContext.write(context, first);
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    BuildContext.write(context, second);

    assertThat(read(first.toByteArray()).keySet())
        .containsExactly("a.txt", "b/", "b/a.txt", "b/z.txt", "c/", "c/d/", "c/d/e.txt");
    assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
  }

  @Test
  void outputIsFinishedButLeftOpen() throws IOException {
    file("a.txt", "a");
    boolean[] closed = {false};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes.write(b);
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    BuildContext.write(context, out);

    assertThat(closed[0]).isFalse();
    assertThat(read(bytes.toByteArray()).keySet()).containsExactly("a.txt");
  }

  @Test
  void unreadableFileIsAnErrorNamingIt() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    file("locked.txt", "x");
    Path locked = context.resolve("locked.txt");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // root reads anything, so there is nothing to see there
    assumeTrue(!Files.isReadable(locked), "the file is still readable (running as root?)");

    assertThatThrownBy(() -> BuildContext.write(context, new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(locked.toString());
  }

  @Test
  void ignoredUnreadableFileIsNeverOpened() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    file(".dockerignore", "locked\n");
    file("locked/secret.txt", "x");
    Files.setPosixFilePermissions(
        context.resolve("locked"), PosixFilePermissions.fromString("---------"));
    try {
      // root reads anything, so opening it would go unnoticed there
      assumeTrue(!Files.isReadable(context.resolve("locked")), "still readable (running as root?)");
      assertThat(tar(null).keySet()).containsExactly(".dockerignore");
    } finally {
      // let @TempDir clean up
      Files.setPosixFilePermissions(
          context.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void malformedDockerignoreIsRejected() throws IOException {
    file(".dockerignore", "[oops\n");

    assertThatThrownBy(() -> BuildContext.write(context, new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[oops");
  }

  @Test
  void dockerfileOutsideTheContextIsRejected() {
    assertThatThrownBy(
            () -> BuildContext.write(context, "../Dockerfile", new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../Dockerfile");
  }

  @Test
  void contextThatIsNotADirectoryIsAnError() throws IOException {
    file("plain", "x");

    assertThatThrownBy(
            () -> BuildContext.write(context.resolve("plain"), new ByteArrayOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("plain");
  }

  /**
   * A 300 MB file goes through without being held: when half of it has reached the sink, the
   * heap, after a collection, holds far less than the file.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void largeFileStreamsWithoutBeingBuffered() throws IOException {
    long size = 300L * 1024 * 1024;
    try (RandomAccessFile big = new RandomAccessFile(context.resolve("big.bin").toFile(), "rw")) {
      big.setLength(size); // sparse: no disk space, reads as zeros
    }
    HeapSampler sink = new HeapSampler(size / 2);

    BuildContext.write(context, sink);

    // one header, the content (a multiple of 512 bytes) and the two end blocks
    assertThat(sink.count).isEqualTo(512 + size + 1024);
    assertThat(sink.usedAtHalfway - sink.usedAtStart).isLessThan(size / 3);
  }

  /**
   * Counts what it is given and, once it has {@code sampleAt} bytes, measures the heap in use
   * after a collection: a writer that buffered the file would still hold it then.
   */
  private static final class HeapSampler extends OutputStream {
    private final long sampleAt;
    private final long usedAtStart;
    private long usedAtHalfway = -1;
    private long count;

    HeapSampler(long sampleAt) {
      this.sampleAt = sampleAt;
      this.usedAtStart = usedAfterCollection();
    }

    @Override
    public void write(int b) {
      count(1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count(len);
    }

    private void count(int n) {
      count += n;
      if (usedAtHalfway < 0 && count >= sampleAt) {
        usedAtHalfway = usedAfterCollection();
      }
    }

    private static long usedAfterCollection() {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }
  }
}
