package dev.berth.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host tree written with {@link TarWriter#writePath}, read back and extracted elsewhere. */
class TarRoundTripTest {
  private static final Instant T = Instant.parse("2022-02-03T04:05:06Z");
  private static final String NAME_150 = "a/" + "f".repeat(148);
  private static final String NAME_300 =
      "long/" + "x".repeat(100) + "/" + "y".repeat(100) + "/" + "z".repeat(93);
  private static final String UNICODE = "ünïcødé-日本語-🚢.txt";

  @TempDir Path temp;
  private Path source;

  @BeforeEach
  void sourceTree() throws IOException {
    source = Files.createDirectory(temp.resolve("source"));
    write("a/b/c/deep.txt", "deep", "rw-r--r--");
    write("empty.txt", "", "rw-r--r--");
    Files.createDirectories(source.resolve("empty-dir"));
    write(NAME_150, "150", "rw-r--r--");
    write(NAME_300, "300", "rw-r--r--");
    write(UNICODE, "unicode", "rw-r--r--");
    write("run.sh", "#!/bin/sh\n", "rwxr-xr-x");
    write("secret.txt", "secret", "rw-------");
    Files.createSymbolicLink(source.resolve("link"), Path.of("a/b/c/deep.txt"));
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, FileTime.from(T));
        }
      }
    }
  }

  private void write(String name, String content, String perms) throws IOException {
    Path file = source.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
  }

  private byte[] archiveOfSource() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writePath(source, "");
    }
    return out.toByteArray();
  }

  private static Map<String, TarEntry> entries(byte[] archive) throws IOException {
    Map<String, TarEntry> entries = new LinkedHashMap<>();
    try (TarReader reader = new TarReader(new ByteArrayInputStream(archive))) {
      for (TarEntry e = reader.next(); e != null; e = reader.next()) {
        entries.put(e.name(), e);
      }
    }
    return entries;
  }

  @Test
  void treeIsReadBackWithNamesTypesModesSizesAndLinks() throws IOException {
    Map<String, TarEntry> entries = entries(archiveOfSource());
    assertThat(entries.keySet())
        .containsExactly(
            "a/",
            "a/b/",
            "a/b/c/",
            "a/b/c/deep.txt",
            NAME_150,
            "empty-dir/",
            "empty.txt",
            "link",
            "long/",
            "long/" + "x".repeat(100) + "/",
            "long/" + "x".repeat(100) + "/" + "y".repeat(100) + "/",
            NAME_300,
            "run.sh",
            "secret.txt",
            UNICODE);
    assertThat(entries.get("a/").type()).isEqualTo(TarEntry.Type.DIRECTORY);
    assertThat(entries.get("empty-dir/").type()).isEqualTo(TarEntry.Type.DIRECTORY);
    assertThat(entries.get("empty.txt").size()).isZero();
    assertThat(entries.get(NAME_300).size()).isEqualTo(3);
    assertThat(entries.get(UNICODE).size()).isEqualTo(7);
    assertThat(entries.get("run.sh").mode()).isEqualTo(0755);
    assertThat(entries.get("secret.txt").mode()).isEqualTo(0600);
    assertThat(entries.get("a/b/c/deep.txt").modified()).isEqualTo(T);
    TarEntry link = entries.get("link");
    assertThat(link.type()).isEqualTo(TarEntry.Type.SYMLINK);
    assertThat(link.linkTarget()).isEqualTo("a/b/c/deep.txt");
    assertThat(link.size()).isZero();
  }

  @Test
  void sameTreeGivesTheSameBytes() throws IOException {
    assertThat(archiveOfSource()).isEqualTo(archiveOfSource());
  }

  @Test
  void extractedTreeMatchesTheSource() throws IOException {
    Path copy = temp.resolve("copy");
    TarExtractor.extract(new ByteArrayInputStream(archiveOfSource()), copy);
    assertThat(describe(copy)).isEqualTo(describe(source));
    assertThat(Files.readString(copy.resolve(NAME_300))).isEqualTo("300");
    assertThat(Files.readString(copy.resolve(UNICODE))).isEqualTo("unicode");
    assertThat(Files.readSymbolicLink(copy.resolve("link"))).isEqualTo(Path.of("a/b/c/deep.txt"));
  }

  @Test
  void singleFilesAndLinksAreAddedUnderTheGivenName() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writePath(source.resolve("run.sh"), "bin/start");
      tar.writePath(source.resolve("link"), "alias");
      tar.writePath(source.resolve("a/b"), "renamed");
    }
    assertThat(entries(out.toByteArray()).keySet())
        .containsExactly("bin/start", "alias", "renamed/", "renamed/c/", "renamed/c/deep.txt");
  }

  @Test
  void longAndUnicodeNamesAndLinkTargetsSurviveExactly() throws IOException {
    String name150 = "n".repeat(150);
    String dir300 = "d".repeat(300);
    String link = "ℓ/" + "t".repeat(200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile(name150, 0, 0644, T, new ByteArrayInputStream(new byte[0]));
      tar.writeDirectory(dir300, 0700, T);
      tar.writeSymlink(UNICODE, link, T);
      tar.writeHardLink("h", name150, 0644, T);
      tar.writeFile(
          "old",
          0,
          0644,
          Instant.parse("1960-01-01T00:00:00Z"),
          new ByteArrayInputStream(new byte[0]));
    }
    List<TarEntry> read = new ArrayList<>(entries(out.toByteArray()).values());
    assertThat(read.get(0).name()).isEqualTo(name150);
    assertThat(read.get(1).name()).isEqualTo(dir300 + "/");
    assertThat(read.get(1).mode()).isEqualTo(0700);
    assertThat(read.get(2).name()).isEqualTo(UNICODE);
    assertThat(read.get(2).linkTarget()).isEqualTo(link);
    assertThat(read.get(3).type()).isEqualTo(TarEntry.Type.HARDLINK);
    assertThat(read.get(3).linkTarget()).isEqualTo(name150);
    assertThat(read.get(4).modified()).isEqualTo(Instant.parse("1960-01-01T00:00:00Z"));
  }

  /** Every path below {@code root} with what it is: content, link target, mode, time. */
  private static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          tree.put(name, "link to " + Files.readSymbolicLink(p));
          continue;
        }
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String what =
            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                ? "directory"
                : "file " + Files.readString(p, StandardCharsets.UTF_8);
        String time = name.isEmpty() ? "" : " " + Files.getLastModifiedTime(p);
        tree.put(name, what + " " + perms + time);
      }
    }
    return tree;
  }
}
