package dev.berth.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Berth's tar against GNU tar: each reads what the other writes. */
class SystemTarTest {
  private static final Instant T = Instant.parse("2023-04-05T06:07:00Z");
  private static final String NAME_200 = "n".repeat(200);
  private static final String LONG_DIR = "sub/" + "d".repeat(150);
  private static final String LINK_TARGET_150 = "t".repeat(150);
  private static final String UNICODE = "ünïcødé-日本語.txt";

  @TempDir Path temp;

  @BeforeAll
  static void gnuTarIsInstalled() throws Exception {
    boolean gnu;
    try {
      gnu = run(Path.of("."), "tar", "--version").stdout.contains("GNU tar");
    } catch (IOException e) {
      gnu = false;
    }
    assumeTrue(gnu, "GNU tar is not installed");
  }

  private record Result(String stdout, String stderr) {}

  /** Runs {@code command} in {@code dir} and checks that it succeeds. */
  private static Result run(Path dir, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    // the same names and times on every machine: UTF-8 names printed as they are, times in UTC
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().put("TZ", "UTC");
    Process process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> text(process, false));
    String stdout = text(process, true);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), stderr.get()).isZero();
    return new Result(stdout, stderr.get());
  }

  private static String text(Process process, boolean stdout) {
    try (InputStream in = stdout ? process.getInputStream() : process.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "pax"})
  void archiveWrittenByGnuTarIsReadAndExtracted(String format) throws Exception {
    Path src = Files.createDirectory(temp.resolve("src"));
    Files.writeString(src.resolve(NAME_200), "two hundred");
    Files.createDirectories(src.resolve(LONG_DIR));
    Files.writeString(src.resolve(LONG_DIR).resolve("file.txt"), "deep");
    Files.createSymbolicLink(src.resolve("longlink"), Path.of(LINK_TARGET_150));
    Files.createLink(src.resolve("zz-hard"), src.resolve(NAME_200));
    Files.writeString(src.resolve(UNICODE), "unicode");
    Path archive = temp.resolve(format + ".tar");
    run(
        src,
        "tar",
        "--format=" + format,
        "-cf",
        archive.toString(),
        NAME_200,
        "sub",
        "longlink",
        "zz-hard",
        UNICODE);

    Map<String, TarEntry> entries = new LinkedHashMap<>();
    Map<String, String> contents = new LinkedHashMap<>();
    try (TarReader reader = new TarReader(Files.newInputStream(archive))) {
      for (TarEntry e = reader.next(); e != null; e = reader.next()) {
        entries.put(e.name(), e);
        contents.put(e.name(), new String(reader.content().readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries.keySet())
        .containsExactly(
            NAME_200,
            "sub/",
            LONG_DIR + "/",
            LONG_DIR + "/file.txt",
            "longlink",
            "zz-hard",
            UNICODE);
    assertThat(entries.get(NAME_200).type()).isEqualTo(TarEntry.Type.FILE);
    assertThat(entries.get(NAME_200).size()).isEqualTo(11);
    assertThat(contents.get(NAME_200)).isEqualTo("two hundred");
    assertThat(entries.get(LONG_DIR + "/").type()).isEqualTo(TarEntry.Type.DIRECTORY);
    assertThat(contents.get(LONG_DIR + "/file.txt")).isEqualTo("deep");
    assertThat(entries.get("longlink").type()).isEqualTo(TarEntry.Type.SYMLINK);
    assertThat(entries.get("longlink").linkTarget()).isEqualTo(LINK_TARGET_150);
    assertThat(entries.get("zz-hard").type()).isEqualTo(TarEntry.Type.HARDLINK);
    assertThat(entries.get("zz-hard").linkTarget()).isEqualTo(NAME_200);
    assertThat(contents.get(UNICODE)).isEqualTo("unicode");

    Path out = temp.resolve("out");
    try (InputStream in = Files.newInputStream(archive)) {
      TarExtractor.extract(in, out);
    }
    assertThat(Files.readString(out.resolve(NAME_200))).isEqualTo("two hundred");
    assertThat(Files.readString(out.resolve(LONG_DIR).resolve("file.txt"))).isEqualTo("deep");
    assertThat(Files.readSymbolicLink(out.resolve("longlink"))).isEqualTo(Path.of(LINK_TARGET_150));
    assertThat(Files.isSameFile(out.resolve("zz-hard"), out.resolve(NAME_200))).isTrue();
    assertThat(Files.readString(out.resolve(UNICODE))).isEqualTo("unicode");
  }

  @Test
  void archiveWrittenByTarWriterIsListedAndExtractedByGnuTar() throws Exception {
    String name300 = "p".repeat(100) + "/" + "q".repeat(100) + "/" + "r".repeat(98);
    Path archive = temp.resolve("berth.tar");
    try (OutputStream file = Files.newOutputStream(archive);
        TarWriter tar = new TarWriter(file)) {
      tar.writeDirectory("dir", 0755, T);
      tar.writeFile("dir/hello.txt", 5, 0644, T, text("hello"));
      tar.writeFile(name300, 70_000, 0600, T, new PatternStream(70_000));
      tar.writeFile(UNICODE, 7, 0755, T, text("unicode"));
      tar.writeSymlink("longlink", LINK_TARGET_150, T);
      tar.writeHardLink("hard", "dir/hello.txt", 0644, T);
    }

    Result listing =
        run(temp, "tar", "--numeric-owner", "--quoting-style=literal", "-tvf", archive.toString());
    assertThat(listing.stderr()).as("tar's warnings").isEmpty();

    List<String> lines = new ArrayList<>();
    for (String line : listing.stdout().split("\n")) {
      // "-rw-r--r-- 0/0   5 2023-04-05 06:07 dir/hello.txt": drop the run of spaces tar aligns with
      String[] f = line.split(" +", 6);
      lines.add(String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5]));
    }
    assertThat(lines)
        .containsExactly(
            "drwxr-xr-x 0/0 0 2023-04-05 06:07 dir/",
            "-rw-r--r-- 0/0 5 2023-04-05 06:07 dir/hello.txt",
            "-rw------- 0/0 70000 2023-04-05 06:07 " + name300,
            "-rwxr-xr-x 0/0 7 2023-04-05 06:07 " + UNICODE,
            "lrwxrwxrwx 0/0 0 2023-04-05 06:07 longlink -> " + LINK_TARGET_150,
            "hrw-r--r-- 0/0 0 2023-04-05 06:07 hard link to dir/hello.txt");

    Path out = Files.createDirectory(temp.resolve("out"));
    Result extracted = run(out, "tar", "-xf", archive.toString());
    assertThat(extracted.stderr()).isEmpty();
    assertThat(Files.readString(out.resolve("dir/hello.txt"))).isEqualTo("hello");
    byte[] big = Files.readAllBytes(out.resolve(name300));
    assertThat(big).hasSize(70_000);
    assertThat(PatternStream.matches(0, big, 0, big.length)).isTrue();
    assertThat(Files.readString(out.resolve(UNICODE))).isEqualTo("unicode");
    assertThat(Files.readSymbolicLink(out.resolve("longlink"))).isEqualTo(Path.of(LINK_TARGET_150));
    assertThat(Files.isSameFile(out.resolve("hard"), out.resolve("dir/hello.txt"))).isTrue();
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
