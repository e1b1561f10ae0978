package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.NotFoundException;
import dev.berth.model.PathStat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's three docker cp forms, raw tar in and out, stat, outward links, a hostile link,
 * devices and FIFOs left out and reported.
 */
@Timeout(120)
class CopyIT extends ContainerTestSupport {
  @TempDir Path host;

  private Path runoob() throws IOException {
    Path dir = Files.createDirectories(host.resolve("www/runoob"));
    Files.writeString(dir.resolve("index.html"), "<h1>runoob</h1>\n");
    Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho ran\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createDirectories(dir.resolve("a/deeply/nested/directory/with/a/name/that/is/long"));
    Files.writeString(dir.resolve("a/deeply/nested/directory/with/a/name/that/is/long/"
        + "x".repeat(120) + ".txt"), "long name\n");
    Files.createSymbolicLink(dir.resolve("home"), Path.of("index.html"));
    return dir;
  }

  /**
   * A running container in which {@code setup} has run to completion: run by exec, not by the
   * container's own command, which may not have run yet when a copy starts.
   */
  private Container runPrepared(String setup) {
    Container c = run(busybox("sleep", "300"));
    assertThat(c.exec("sh", "-c", setup).call().exitCode()).as(setup).isZero();
    return c;
  }

  @Test
  void copyIntoAnExistingDirectory() throws IOException {
    // docker cp /www/runoob C:/www/
    Container c = runPrepared("mkdir /www");
    c.copyIn(runoob(), "/www/");
    String listing = c.exec("sh", "-c", "cat /www/runoob/index.html; /www/runoob/run.sh;"
        + " stat -c %a /www/runoob/run.sh; readlink /www/runoob/home;"
        + " cat /www/runoob/a/deeply/nested/directory/with/a/name/that/is/long/*.txt").call()
        .stdout();
    assertThat(listing).isEqualTo("<h1>runoob</h1>\nran\n750\nindex.html\nlong name\n");
  }

  @Test
  void copyIntoAMissingPathRenames() throws IOException {
    // docker cp /www/runoob C:/www   (no /www in the container: runoob becomes /www)
    Container c = run(busybox("sleep", "300"));
    c.copyIn(runoob(), "/www");
    assertThat(c.exec("cat", "/www/index.html").call().stdout()).isEqualTo("<h1>runoob</h1>\n");
    PathStat stat = c.stat("/www");
    assertThat(stat.isDirectory()).isTrue();
    assertThat(stat.name()).isEqualTo("www");
  }

  @Test
  void copyOutToAHostDirectory() throws IOException {
    // docker cp C:/www /tmp/
    Container c = runPrepared("mkdir -p /www/sub; echo hello > /www/sub/f; chmod 600 /www/sub/f");
    Path tmp = Files.createDirectories(host.resolve("tmp"));
    c.copyOut("/www", tmp);
    assertThat(Files.readString(tmp.resolve("www/sub/f"))).isEqualTo("hello\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve(
        "www/sub/f")))).isEqualTo("rw-------");
  }

  @Test
  void copyOutToAMissingPathRenamesAndAFileToAFile() throws IOException {
    Container c = runPrepared("mkdir /www; echo page > /www/p");
    c.copyOut("/www", host.resolve("site"));
    assertThat(Files.readString(host.resolve("site/p"))).isEqualTo("page\n");
    c.copyOut("/www/p", host.resolve("single.txt"));
    assertThat(Files.readString(host.resolve("single.txt"))).isEqualTo("page\n");
    assertThatThrownBy(() -> c.copyOut("/nope", host.resolve("x")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void singleFileIntoDirectoryAndOverAFile() throws IOException {
    Container c = runPrepared("echo old > /tmp/target");
    Path f = Files.writeString(host.resolve("note.txt"), "new\n");
    c.copyIn(f, "/tmp");
    c.copyIn(f, "/tmp/target");
    assertThat(c.exec("sh", "-c", "cat /tmp/note.txt /tmp/target").call().stdout())
        .isEqualTo("new\nnew\n");
    assertThatThrownBy(() -> c.copyIn(host.resolve("missing"), "/tmp"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> c.copyIn(f, "/no/such/dir/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/no/such/dir/");
  }

  @Test
  void rawTarInAndOutAndStat() throws IOException {
    Container c = run(busybox("sleep", "300"));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (dev.berth.internal.archive.TarWriter w = new dev.berth.internal.archive.TarWriter(tar)) {
      byte[] content = "from a tar\n".getBytes(StandardCharsets.UTF_8);
      w.writeFile("raw.txt", content.length, 0640, java.time.Instant.parse(
          "2020-01-02T03:04:05Z"), new ByteArrayInputStream(content));
    }
    c.putArchive("/tmp", new ByteArrayInputStream(tar.toByteArray()));
    PathStat stat = c.stat("/tmp/raw.txt");
    assertThat(stat.size()).isEqualTo(11);
    assertThat(stat.permissions()).isEqualTo(0640);
    assertThat(stat.isDirectory()).isFalse();
    assertThat(stat.modified()).isEqualTo(java.time.Instant.parse("2020-01-02T03:04:05Z"));
    try (InputStream out = c.getArchive("/tmp/raw.txt")) {
      String text = new String(out.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(text).contains("raw.txt").contains("from a tar\n");
    }
  }

  @Test
  void symbolicLinksLeadingOutsideAreCopiedOutAsTheyAre() throws IOException {
    // docker cp C:/conf ./conf-copy: links that only mean something in the container, as in /etc
    Container c = runPrepared("mkdir -p /conf/avail /conf/enabled; echo site > /conf/avail/default;"
        + " ln -s /conf/avail/default /conf/enabled/default; ln -s /proc/mounts /conf/mtab");
    Path copy = host.resolve("conf-copy");
    c.copyOut("/conf", copy);
    assertThat(Files.readSymbolicLink(copy.resolve("enabled/default")).toString())
        .isEqualTo("/conf/avail/default");
    assertThat(Files.readSymbolicLink(copy.resolve("mtab")).toString()).isEqualTo("/proc/mounts");
    assertThat(Files.readString(copy.resolve("avail/default"))).isEqualTo("site\n");
  }

  @Test
  void hostileSymlinkFromTheContainerWritesNothingOutsideTheTarget() throws IOException {
    Path outside = Files.createDirectories(host.resolve("outside"));
    // The container's directory holds a link pointing at a directory on the host, and the host
    // already has a link where that directory lands: both are replaced, never written through.
    Container c = runPrepared("mkdir -p /evil/sub; echo inside > /evil/sub/f;"
        + " ln -s " + outside + " /evil/link");
    Path target = Files.createDirectories(host.resolve("target"));
    Files.createSymbolicLink(target.resolve("evil"), outside);
    c.copyOut("/evil", target);
    assertThat(outside).isEmptyDirectory();
    assertThat(Files.isSymbolicLink(target.resolve("evil"))).isFalse();
    assertThat(Files.readSymbolicLink(target.resolve("evil/link"))).isEqualTo(outside);
    assertThat(Files.readString(target.resolve("evil/sub/f"))).isEqualTo("inside\n");
  }

  @Test
  void devicesAndFifosAreLeftOutAndReportedTheRestIsCopied() throws IOException {
    Container c = runPrepared("mkdir /d; mknod /d/null c 1 3; mkfifo /d/fifo; echo x > /d/f");
    List<SkippedEntry> skipped = c.copyOut("/d", host.resolve("d-copy"));
    assertThat(skipped).containsExactlyInAnyOrder(
        new SkippedEntry("d/null", "a character device"), new SkippedEntry("d/fifo", "a FIFO"));
    assertThat(Files.readString(host.resolve("d-copy/f"))).isEqualTo("x\n");
    try (Stream<Path> copied = Files.list(host.resolve("d-copy"))) {
      assertThat(copied.map(p -> p.getFileName().toString())).containsExactly("f");
    }
    // docker cp C:/d/null ./null-copy (the engine will not archive /dev/null itself): nothing is
    // made, and the list says why
    assertThat(c.copyOut("/d/null", host.resolve("null-copy")))
        .containsExactly(new SkippedEntry("null", "a character device"));
    assertThat(host.resolve("null-copy")).doesNotExist();
  }
}
