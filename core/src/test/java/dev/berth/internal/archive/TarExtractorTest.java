package dev.berth.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction, and above all what it refuses: every hostile archive must fail with a message that
 * quotes the entry, and leave {@code outside}, a sibling of the target, as it was.
 */
class TarExtractorTest {
  private static final Instant T = Instant.parse("2021-03-04T05:06:07Z");

  @TempDir Path temp;
  private Path target;
  private Path outside;

  /** What builds an archive. */
  private interface Entries {
    void write(TarWriter tar) throws IOException;
  }

  @BeforeEach
  void directories() throws IOException {
    target = Files.createDirectory(temp.resolve("target"));
    outside = Files.createDirectory(temp.resolve("outside"));
  }

  private static InputStream archive(Entries entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      entries.write(tar);
    }
    return new ByteArrayInputStream(out.toByteArray());
  }

  private static void file(TarWriter tar, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    tar.writeFile(name, bytes.length, 0644, T, new ByteArrayInputStream(bytes));
  }

  private void assertRefused(Entries entries, String entryName) {
    assertThatThrownBy(() -> TarExtractor.extract(archive(entries), target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing tar entry '" + entryName + "'")
        .hasMessageContaining("would escape the target directory");
  }

  /** Nothing but the target and the sibling next to them, and nothing new in the sibling. */
  private void assertNothingOutside(String... expectedInOutside) throws IOException {
    assertThat(names(temp)).containsExactlyInAnyOrder("outside", "target");
    assertThat(names(outside)).containsExactlyInAnyOrder(expectedInOutside);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  // --- refused ---

  @Test
  void absoluteNameIsRefused() throws IOException {
    String absolute = outside.resolve("abs.txt").toString();
    assertRefused(tar -> file(tar, absolute, "pwned"), absolute);
    assertNothingOutside();
    assertThat(names(target)).isEmpty();
  }

  @Test
  void dotDotAtTheStartIsRefused() throws IOException {
    assertRefused(tar -> file(tar, "../outside/escape", "pwned"), "../outside/escape");
    assertNothingOutside();
  }

  @Test
  void dotDotThatClimbsOutAfterGoingInIsRefused() throws IOException {
    assertRefused(tar -> file(tar, "a/../../outside/escape", "pwned"), "a/../../outside/escape");
    assertNothingOutside();
    assertThat(names(target)).isEmpty();
  }

  @Test
  void entryThroughAnExtractedSymlinkToRootIsRefused() throws IOException {
    String through = "a" + outside.resolve("evil"); // a/tmp/.../outside/evil
    assertRefused(
        tar -> {
          tar.writeSymlink("a", "/", T);
          file(tar, through, "pwned");
          file(tar, "later.txt", "later");
        },
        through);
    assertThat(Files.readSymbolicLink(target.resolve("a")).toString()).isEqualTo("/");
    assertThat(names(target)).containsExactly("a");
    assertNothingOutside();
  }

  @Test
  void entryThroughAnExtractedSymlinkToEtcIsRefused() throws IOException {
    assertRefused(
        tar -> {
          tar.writeSymlink("link", "/etc", T);
          file(tar, "link/berth-test-file", "pwned");
        },
        "link/berth-test-file");
    assertThat(Files.readSymbolicLink(target.resolve("link")).toString()).isEqualTo("/etc");
    assertThat(Files.exists(Path.of("/etc/berth-test-file"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertNothingOutside();
  }

  @Test
  void entryThroughAnExtractedSymlinkToASiblingIsRefused() throws IOException {
    assertRefused(
        tar -> {
          tar.writeSymlink("abs", outside.toString(), T);
          file(tar, "abs/evil", "pwned");
        },
        "abs/evil");
    assertRefused(
        tar -> {
          tar.writeSymlink("rel", "../outside", T);
          tar.writeDirectory("rel/evil", 0755, T);
        },
        "rel/evil/");
    assertThat(Files.readSymbolicLink(target.resolve("abs"))).isEqualTo(outside);
    assertThat(Files.readSymbolicLink(target.resolve("rel")).toString()).isEqualTo("../outside");
    assertNothingOutside();
  }

  @Test
  void entryThroughASymlinkAlreadyThereThatLeadsOutsideIsRefused() throws IOException {
    Files.createSymbolicLink(target.resolve("a"), outside);
    assertRefused(tar -> file(tar, "a/evil", "pwned"), "a/evil");
    assertNothingOutside();
  }

  @Test
  void entryThroughASymlinkThatClimbsOutOnlyThroughAnotherLinkIsRefused() throws IOException {
    // lexically "here/.." is the target itself; on disk "here" is the target, so ".." leaves it
    assertRefused(
        tar -> {
          tar.writeSymlink("here", ".", T);
          tar.writeSymlink("up", "here/..", T);
          file(tar, "up/outside/evil", "pwned");
        },
        "up/outside/evil");
    assertThat(Files.readSymbolicLink(target.resolve("up")).toString()).isEqualTo("here/..");
    assertNothingOutside();
  }

  @Test
  void entryThroughALinkALaterEntryMadeLeadOutsideIsRefused() throws IOException {
    assertRefused(
        tar -> {
          tar.writeDirectory("d", 0755, T);
          tar.writeSymlink("l", "d/..", T);
          tar.writeSymlink("d", ".", T);
          file(tar, "l/outside/evil", "pwned");
        },
        "l/outside/evil");
    assertNothingOutside();
  }

  @Test
  void hardLinkToEtcPasswdIsRefused() throws IOException {
    assertRefused(tar -> tar.writeHardLink("passwd", "/etc/passwd", 0644, T), "passwd");
    assertThat(names(target)).isEmpty();
    assertNothingOutside();
  }

  @Test
  void hardLinkToASiblingFileIsRefusedAndTheFileIsUntouched() throws IOException {
    Path secret = Files.writeString(outside.resolve("secret"), "secret");
    assertRefused(
        tar -> {
          tar.writeHardLink("h", "../outside/secret", 0644, T);
          file(tar, "h", "pwned");
        },
        "h");
    assertThat(read(secret)).isEqualTo("secret");
    assertThat(Files.getAttribute(secret, "unix:nlink")).isEqualTo(1);
    assertThat(names(target)).isEmpty();
    assertNothingOutside("secret");
  }

  @Test
  void hardLinkThroughASymlinkThatLeadsOutsideIsRefused() throws IOException {
    Files.writeString(outside.resolve("secret"), "secret");
    assertRefused(
        tar -> {
          tar.writeSymlink("up", "..", T);
          tar.writeHardLink("h", "up/outside/secret", 0644, T);
        },
        "h");
    assertThat(Files.exists(target.resolve("h"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    Files.createSymbolicLink(target.resolve("out"), outside);
    assertRefused(tar -> tar.writeHardLink("h", "out/secret", 0644, T), "h");
    assertThat(Files.getAttribute(outside.resolve("secret"), "unix:nlink")).isEqualTo(1);
    assertNothingOutside("secret");
  }

  @Test
  void entryThroughAHardLinkToASymlinkThatLeadsOutsideFromTheNewPlaceIsRefused()
      throws IOException {
    assertRefused(
        tar -> {
          tar.writeDirectory("sub", 0755, T);
          tar.writeSymlink("sub/l", "../x", T); // sub/../x: inside
          tar.writeHardLink("h", "sub/l", 0777, T); // the same "../x" from the top: outside
          file(tar, "h/evil", "pwned");
        },
        "h/evil");
    assertThat(Files.readSymbolicLink(target.resolve("h")).toString()).isEqualTo("../x");
    assertThat(inode(target.resolve("h"))).isEqualTo(inode(target.resolve("sub/l")));
    assertNothingOutside();
  }

  @Test
  void refusalHalfwayKeepsWhatCameBeforeAndWritesNothingAfter() throws IOException {
    assertRefused(
        tar -> {
          file(tar, "first.txt", "first");
          file(tar, "../outside/escape", "pwned");
          file(tar, "later.txt", "later");
        },
        "../outside/escape");
    assertThat(names(target)).containsExactly("first.txt");
    assertNothingOutside();
  }

  // --- extracted ---

  @Test
  void symlinksLeadingOutsideAreCreatedWithTheirTargetsVerbatim() throws IOException {
    // what docker cp gets from /etc or /etc/nginx: links that only mean something in the container
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeSymlink("mtab", "/proc/mounts", T);
              tar.writeDirectory("sites-enabled", 0755, T);
              tar.writeSymlink(
                  "sites-enabled/default", "/etc/nginx/sites-available/default", T);
              tar.writeSymlink("up", "../outside", T);
              tar.writeSymlink("sites-enabled/far", "../../../../nowhere", T);
              file(tar, "after.txt", "after");
            }),
        target);
    assertThat(Files.readSymbolicLink(target.resolve("mtab")).toString())
        .isEqualTo("/proc/mounts");
    assertThat(Files.readSymbolicLink(target.resolve("sites-enabled/default")).toString())
        .isEqualTo("/etc/nginx/sites-available/default");
    assertThat(Files.readSymbolicLink(target.resolve("up")).toString()).isEqualTo("../outside");
    assertThat(Files.readSymbolicLink(target.resolve("sites-enabled/far")).toString())
        .isEqualTo("../../../../nowhere");
    assertThat(read(target.resolve("after.txt"))).isEqualTo("after");
    assertNothingOutside();
  }

  @Test
  void symlinkToAFileOutsideLeavesThatFileAndItsTimeAlone() throws IOException {
    Path victim = Files.writeString(outside.resolve("victim"), "original");
    FileTime before = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
    Files.setLastModifiedTime(victim, before);
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeSymlink("v", victim.toString(), T);
              tar.writeHardLink("v2", "v", 0777, T);
            }),
        target);
    assertThat(Files.readSymbolicLink(target.resolve("v"))).isEqualTo(victim);
    assertThat(Files.readSymbolicLink(target.resolve("v2"))).isEqualTo(victim);
    assertThat(read(victim)).isEqualTo("original");
    assertThat(Files.getLastModifiedTime(victim)).isEqualTo(before);
    assertThat(Files.getAttribute(victim, "unix:nlink")).isEqualTo(1);
    assertNothingOutside("victim");
  }

  @Test
  void symlinkALaterEntryMakesLeadOutsideIsKept() throws IOException {
    // "l" -> "d/.." is the target while d is a directory; once d -> "." it is the parent
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeDirectory("d", 0755, T);
              tar.writeSymlink("l", "d/..", T);
              tar.writeSymlink("d", ".", T);
            }),
        target);
    assertThat(Files.readSymbolicLink(target.resolve("l")).toString()).isEqualTo("d/..");
    assertThat(Files.readSymbolicLink(target.resolve("d")).toString()).isEqualTo(".");
    assertNothingOutside();
  }

  @Test
  void directoryLaterReplacedByASymlinkOutsideHasNoModeOrTimeSetThroughIt() throws IOException {
    String before = perms(outside);
    FileTime time = Files.getLastModifiedTime(outside);
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeDirectory("d", 0500, Instant.parse("2001-01-01T00:00:00Z"));
              tar.writeSymlink("d", outside.toString(), T);
            }),
        target);
    assertThat(Files.readSymbolicLink(target.resolve("d"))).isEqualTo(outside);
    assertThat(perms(outside)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(outside)).isEqualTo(time);
    assertNothingOutside();
  }

  @Test
  void entryOverASymlinkOutsideReplacesTheLink() throws IOException {
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeSymlink("d", outside.toString(), T);
              tar.writeDirectory("d", 0755, T);
              file(tar, "d/inside", "inside");
            }),
        target);
    assertThat(Files.isSymbolicLink(target.resolve("d"))).isFalse();
    assertThat(read(target.resolve("d/inside"))).isEqualTo("inside");
    assertNothingOutside();
  }

  @Test
  void symlinkAlreadyAtAFilesPathIsReplacedNotWrittenThrough() throws IOException {
    Path victim = Files.writeString(outside.resolve("victim"), "original");
    Files.createSymbolicLink(target.resolve("f"), victim);
    TarExtractor.extract(archive(tar -> file(tar, "f", "new")), target);
    assertThat(Files.isSymbolicLink(target.resolve("f"))).isFalse();
    assertThat(read(target.resolve("f"))).isEqualTo("new");
    assertThat(read(victim)).isEqualTo("original");
  }

  @Test
  void symlinkInsideIsKeptAndEntriesThroughItLandInside() throws IOException {
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeDirectory("real", 0755, T);
              tar.writeSymlink("alias", "real", T);
              tar.writeSymlink("real/self", "../real", T);
              file(tar, "alias/file.txt", "through the alias");
            }),
        target);
    assertThat(Files.readSymbolicLink(target.resolve("alias")).toString()).isEqualTo("real");
    assertThat(read(target.resolve("real/file.txt"))).isEqualTo("through the alias");
    assertThat(Files.readSymbolicLink(target.resolve("real/self")).toString()).isEqualTo("../real");
    assertNothingOutside();
  }

  @Test
  void hardLinkInsideIsCreatedAsALink() throws IOException {
    TarExtractor.extract(
        archive(
            tar -> {
              file(tar, "dir/original", "shared");
              tar.writeHardLink("copy", "dir/original", 0644, T);
            }),
        target);
    assertThat(read(target.resolve("copy"))).isEqualTo("shared");
    assertThat(Files.isSameFile(target.resolve("copy"), target.resolve("dir/original"))).isTrue();
  }

  @Test
  void modesTimesAndMissingParentsAreRestored() throws IOException {
    Instant dirTime = Instant.parse("2019-01-02T03:04:05Z");
    TarExtractor.extract(
        archive(
            tar -> {
              tar.writeDirectory("./", 0755, T); // the target itself: left alone
              tar.writeDirectory("ro", 0555, dirTime);
              tar.writeFile("ro/run.sh", 2, 0755, T, new ByteArrayInputStream("#!".getBytes()));
              tar.writeFile(
                  "./implicit/parents/secret",
                  1,
                  0600,
                  T,
                  new ByteArrayInputStream("s".getBytes()));
            }),
        target);
    assertThat(perms(target.resolve("ro"))).isEqualTo("r-xr-xr-x");
    assertThat(perms(target.resolve("ro/run.sh"))).isEqualTo("rwxr-xr-x");
    assertThat(perms(target.resolve("implicit/parents/secret"))).isEqualTo("rw-------");
    assertThat(Files.getLastModifiedTime(target.resolve("ro"))).isEqualTo(FileTime.from(dirTime));
    assertThat(Files.getLastModifiedTime(target.resolve("ro/run.sh"))).isEqualTo(FileTime.from(T));
    assertThat(perms(target)).isNotEqualTo("r-xr-xr-x");
  }

  @Test
  void specialEntriesAreSkipped() throws IOException {
    byte[] fifo =
        TarHeader.block("fifo".getBytes(), new byte[0], 0644, 0, 0, (byte) '6', new byte[0]);
    byte[] archive = Arrays.copyOf(fifo, 512 * 3);
    assertThat(TarExtractor.extract(new ByteArrayInputStream(archive), target))
        .containsExactly(new TarExtractor.Skipped("fifo", "a FIFO"));
    assertThat(names(target)).isEmpty();
  }

  @Test
  void devicesFifosAndHardLinksToThemAreSkippedAndReportedTheRestExtracted() throws IOException {
    byte[] archive = new RawTar().directory("dev/").special("dev/null", '3')
        .special("dev/sda", '4').special("dev/pipe", '6').hardLink("dev/null2", "dev/null")
        .special("dev/odd", 'Z').file("dev/readme", "kept\n").bytes();
    List<TarExtractor.Skipped> skipped =
        TarExtractor.extract(new ByteArrayInputStream(archive), target);
    assertThat(skipped).containsExactly(
        new TarExtractor.Skipped("dev/null", "a character device"),
        new TarExtractor.Skipped("dev/sda", "a block device"),
        new TarExtractor.Skipped("dev/pipe", "a FIFO"),
        new TarExtractor.Skipped("dev/null2", "a hard link to 'dev/null', which was skipped"),
        new TarExtractor.Skipped("dev/odd", "an entry of unknown type 'Z'"));
    assertThat(names(target.resolve("dev"))).containsExactly("readme");
    assertNothingOutside();
  }

  @Test
  void deviceWhoseNameEscapesIsRefusedNotSkipped() throws IOException {
    assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(
        new RawTar().special("../outside/null", '3').bytes()), target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing tar entry '../outside/null'")
        .hasMessageContaining("climbs above it with '..'");
    assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(
        new RawTar().symlink("out", outside.toString()).special("out/null", '3').bytes()),
        target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing tar entry 'out/null'")
        .hasMessageContaining("goes through symbolic link 'out'");
    assertNothingOutside();
  }

  @Test
  void truncatedArchiveFails() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile("big", 5000, 0644, T, new PatternStream(5000));
    }
    byte[] truncated = Arrays.copyOf(out.toByteArray(), 2000);
    assertThatThrownBy(() -> TarExtractor.extract(new ByteArrayInputStream(truncated), target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("'big'");
  }

  /** The inode of {@code path} itself, a link not followed. */
  private static Object inode(Path path) throws IOException {
    return Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  private static String perms(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
