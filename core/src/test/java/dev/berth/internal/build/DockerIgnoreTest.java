package dev.berth.internal.build;

import static dev.berth.internal.build.DockerIgnoreTest.Verdict.EXCLUDED;
import static dev.berth.internal.build.DockerIgnoreTest.Verdict.KEPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .dockerignore} rules as the docker CLI reads and matches them: a conformance table of
 * (file lines, path, verdict), then reading, malformed patterns and when a walker must look inside
 * an excluded directory.
 */
class DockerIgnoreTest {

  /** What the rules decide for a path. */
  enum Verdict {
    EXCLUDED,
    KEPT
  }

  /** One row: the lines of a .dockerignore file, a path in the context, what happens to it. */
  private static Arguments row(List<String> lines, String path, Verdict verdict) {
    return Arguments.of(lines, path, verdict);
  }

  static Stream<Arguments> conformance() {
    return Stream.of(
        // * is any run of characters but /
        row(List.of("*.log"), "app.log", EXCLUDED),
        row(List.of("*.log"), "logs/app.log", KEPT),
        row(List.of("src/*.c"), "src/main.c", EXCLUDED),
        row(List.of("src/*.c"), "src/lib/main.c", KEPT),
        row(List.of("*"), "any/deep/file", EXCLUDED),
        // ? is one character but /
        row(List.of("file?.txt"), "file1.txt", EXCLUDED),
        row(List.of("file?.txt"), "file10.txt", KEPT),
        row(List.of("a?b"), "a/b", KEPT),
        // character classes
        row(List.of("[a-c].txt"), "b.txt", EXCLUDED),
        row(List.of("[a-c].txt"), "d.txt", KEPT),
        row(List.of("[^a-c].txt"), "d.txt", EXCLUDED),
        row(List.of("[^a-c].txt"), "a.txt", KEPT),
        row(List.of("log[0-9][0-9]"), "log42", EXCLUDED),
        row(List.of("[\\]x]y"), "]y", EXCLUDED),
        // \ escapes the next character
        row(List.of("\\*.txt"), "*.txt", EXCLUDED),
        row(List.of("\\*.txt"), "a.txt", KEPT),
        row(List.of("\\[draft\\].md"), "[draft].md", EXCLUDED),
        row(List.of("a\\.b"), "axb", KEPT),
        // \ is never a separator: Windows-style paths escape instead
        row(List.of("logs\\*.txt"), "logs*.txt", EXCLUDED),
        row(List.of("logs\\*.txt"), "logs/a.txt", KEPT),
        row(List.of("dir\\\\sub"), "dir\\sub", EXCLUDED),
        row(List.of("dir\\\\sub"), "dir/sub", KEPT),
        // ** at the start, in the middle, at the end
        row(List.of("**/foo"), "foo", EXCLUDED),
        row(List.of("**/foo"), "a/b/foo", EXCLUDED),
        row(List.of("**/foo"), "a/xfoo", KEPT),
        row(List.of("**/*.go"), "cmd/tool/main.go", EXCLUDED),
        row(List.of("**.log"), "a/b/x.log", EXCLUDED),
        row(List.of("**"), "any/thing", EXCLUDED),
        row(List.of("a/**/b"), "a/b", EXCLUDED),
        row(List.of("a/**/b"), "a/x/y/b", EXCLUDED),
        row(List.of("a/**/b"), "a/x/yb", KEPT),
        row(List.of("foo/**"), "foo/a/b.txt", EXCLUDED),
        row(List.of("foo/**"), "foo", KEPT),
        // a pattern that matches a parent directory matches everything in it
        row(List.of("node_modules"), "node_modules/x/y.js", EXCLUDED),
        row(List.of("docs/*"), "docs/a/b.txt", EXCLUDED),
        row(List.of("node_modules"), "src/node_modules/x.js", KEPT),
        // the last matching pattern wins, in either order
        row(List.of("*.md", "!README.md"), "README.md", KEPT),
        row(List.of("*.md", "!README.md"), "CHANGES.md", EXCLUDED),
        row(List.of("!README.md", "*.md"), "README.md", EXCLUDED),
        // an exception re-includes a file inside an excluded directory
        row(List.of("dir", "!dir/keep.txt"), "dir/keep.txt", KEPT),
        row(List.of("dir", "!dir/keep.txt"), "dir/drop.txt", EXCLUDED),
        row(List.of("dir", "!dir/keep.txt"), "dir", EXCLUDED),
        row(List.of("!dir/keep.txt", "dir"), "dir/keep.txt", EXCLUDED),
        row(List.of("*", "!src"), "src/main.c", KEPT),
        // (docker's legacy builder never looks inside build/ for this; BuildKit and Berth do)
        row(List.of("build", "!**/*.keep"), "build/out/x.keep", KEPT),
        // a leading / is dropped: patterns are relative to the context root
        row(List.of("/foo"), "foo", EXCLUDED),
        row(List.of("/foo"), "a/foo", KEPT),
        row(List.of("*.md", "! /keep.md"), "keep.md", KEPT),
        // patterns are cleaned as Go's filepath.Clean cleans them
        row(List.of("./build"), "build/out.o", EXCLUDED),
        row(List.of("a//b"), "a/b", EXCLUDED),
        row(List.of("a/b/.."), "a/c", EXCLUDED),
        row(List.of("dist/"), "dist/app.js", EXCLUDED),
        row(List.of("../outside"), "outside", KEPT),
        // comments, blank lines, white space
        row(List.of("# secret.txt"), "secret.txt", KEPT),
        row(List.of("#secret.txt"), "#secret.txt", KEPT),
        row(List.of("", "   ", "\t", "x"), "x", EXCLUDED),
        row(List.of(" # notes"), "# notes", EXCLUDED),
        row(List.of("\\#hash"), "#hash", EXCLUDED),
        row(List.of("*.log   "), "a.log", EXCLUDED),
        row(List.of("\t*.log\r"), "a.log", EXCLUDED),
        // a UTF-8 byte order mark is not part of the first pattern, nor hides a comment
        row(List.of("\uFEFF*.tmp"), "a.tmp", EXCLUDED),
        row(List.of("\uFEFF# a.tmp"), "a.tmp", KEPT),
        // the path asked about is cleaned too, and the root is never excluded
        row(List.of("foo"), "./foo/bar", EXCLUDED),
        row(List.of("*"), ".", KEPT),
        row(List.of(), "anything", KEPT));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @MethodSource("conformance")
  void decidesAsDockerDoes(List<String> lines, String path, Verdict verdict) {
    DockerIgnore ignore = DockerIgnore.parse(String.join("\n", lines));

    assertThat(ignore.excludes(path)).isEqualTo(verdict == EXCLUDED);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "[abc", "[", "a[", "[a\\", // a class is not closed
        "[]", "[]a]", "[a-]", "[-a]", "[^]", // a class has a bare ] or -
        "[c-a]", // a range is reversed
        "abc\\", // nothing to escape
        "src\\main.c", "a\\d", "[\\w]", "\\\u00e9", // Go's regexp would not read it literally
        "!", "! ", "!/" // an exception of nothing
      })
  void malformedPatternIsRejectedWithThePatternQuoted(String pattern) {
    assertThatThrownBy(() -> DockerIgnore.parse("ok.txt\n" + pattern + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + pattern.trim() + "\"");
  }

  @Test
  void patternsAreListedCleanedWithTheirExclamationMarks() {
    DockerIgnore ignore =
        DockerIgnore.parse("\uFEFF# comment\r\n\r\n/foo\r\n! ./bar/\r\n  *.md  \r\na/b/../c");

    assertThat(ignore.patterns()).containsExactly("foo", "!bar", "*.md", "a/c");
  }

  @Test
  void missingFileMeansNoPatterns(@TempDir Path context) throws IOException {
    DockerIgnore ignore = DockerIgnore.read(context);

    assertThat(ignore.patterns()).isEmpty();
    assertThat(ignore.excludes("anything")).isFalse();
  }

  @Test
  void fileIsReadFromTheContextRoot(@TempDir Path context) throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "*.log\n!keep.log\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(text, 0, content, bom.length, text.length);
    Files.write(context.resolve(".dockerignore"), content);

    DockerIgnore ignore = DockerIgnore.read(context);

    assertThat(ignore.patterns()).containsExactly("*.log", "!keep.log");
    assertThat(ignore.excludes("a.log")).isTrue();
    assertThat(ignore.excludes("keep.log")).isFalse();
  }

  @Test
  void malformedPatternInAFileNamesTheFile(@TempDir Path context) throws IOException {
    Files.writeString(context.resolve(".dockerignore"), "[oops\n");

    assertThatThrownBy(() -> DockerIgnore.read(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(context.resolve(".dockerignore").toString())
        .hasMessageContaining("\"[oops\"");
  }

  @Test
  void unreadableFileIsAnIoErrorNamingIt(@TempDir Path context) throws IOException {
    Files.createDirectory(context.resolve(".dockerignore"));

    assertThatThrownBy(() -> DockerIgnore.read(context))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(context.resolve(".dockerignore").toString());
  }

  @Test
  void exceptionNamingAFileInsideMeansLookInside() {
    DockerIgnore ignore = DockerIgnore.parse("dir\n!dir/sub/keep.txt\n");

    assertThat(ignore.mayReincludeUnder("dir")).isTrue();
    assertThat(ignore.mayReincludeUnder("dir/sub")).isTrue();
    assertThat(ignore.mayReincludeUnder("dir/other")).isFalse();
    assertThat(ignore.mayReincludeUnder("elsewhere")).isFalse();
  }

  @Test
  void exceptionWithDoubleStarMeansLookEverywhere() {
    DockerIgnore ignore = DockerIgnore.parse("dir\n!**/keep.txt\n");

    assertThat(ignore.mayReincludeUnder("dir")).isTrue();
    assertThat(ignore.mayReincludeUnder("dir/a/b")).isTrue();
  }

  @Test
  void exceptionThatCannotMatchInsideMeansSkip() {
    assertThat(DockerIgnore.parse("dir\n").mayReincludeUnder("dir")).isFalse();
    // "*.txt" has no "/", so it matches only top-level names
    assertThat(DockerIgnore.parse("dir\n!*.txt\n").mayReincludeUnder("dir")).isFalse();
    assertThat(DockerIgnore.parse("dir\n!other/x\n").mayReincludeUnder("dir")).isFalse();
  }

  @Test
  void exceptionWithAWildcardDirectoryMeansLookInside() {
    DockerIgnore ignore = DockerIgnore.parse("*\n!d*r/keep.txt\n");

    assertThat(ignore.mayReincludeUnder("dir")).isTrue();
    assertThat(ignore.mayReincludeUnder("xyz")).isFalse();
  }

  @Test
  void keepingAPathAddsAnExactExceptionThatGlobCharactersDoNotWiden() {
    DockerIgnore ignore = DockerIgnore.parse("*\n").keeping("df/Docker[1]*");

    assertThat(ignore.excludes("df/Docker[1]*")).isFalse();
    assertThat(ignore.excludes("df/Docker1x")).isTrue();
    assertThat(ignore.mayReincludeUnder("df")).isTrue();
  }

  @Test
  void cleaningFollowsGo() {
    assertThat(DockerIgnore.clean("")).isEqualTo(".");
    assertThat(DockerIgnore.clean("./")).isEqualTo(".");
    assertThat(DockerIgnore.clean("a/./b/")).isEqualTo("a/b");
    assertThat(DockerIgnore.clean("a/../../b")).isEqualTo("../b");
    assertThat(DockerIgnore.clean("/../a")).isEqualTo("/a");
    assertThat(DockerIgnore.clean("//")).isEqualTo("/");
    assertThat(DockerIgnore.clean("../../x/..")).isEqualTo("../..");
  }
}
