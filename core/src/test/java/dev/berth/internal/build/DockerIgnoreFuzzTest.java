package dev.berth.internal.build;

import dev.berth.fuzz.Fuzz;
import dev.berth.fuzz.Mutate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@code .dockerignore} reading and matching: {@link DockerIgnore#parse} throws only
 * {@link IllegalArgumentException} quoting the pattern, and matching what it accepted never
 * throws and never hangs, whatever the pattern and the path.
 */
class DockerIgnoreFuzzTest {
  private static final List<String> SEEDS = List.of("*.log\n!keep.log\n", "# c\nnode_modules\n",
      "**/*.tmp\n!**/important.tmp", "build/\n/dist\n./a//b/../c\n", "[a-c]?x\n[^0-9]*\n",
      "\\*literal\\?\n\ufeff**.bak\n!/", "a/**/b\n**\n!a/**/keep\n", "*a*a*a*a*a*a*a*a*a*a*b");
  private static final List<String> TOKENS = List.of("*", "**", "**/", "/**", "?", "[", "]",
      "[^", "[a-", "\\", "\\*", "\\d", "!", "#", "\n", "\r\n", " ", "..", "./", "/", "a", "a*",
      "*a", "[]a]", "[\\]]", "\u00e9", "\ud83d\ude00");
  private static final List<String> PATHS = List.of("a", "a/b", "keep.log", "x.log",
      "node_modules/x/y", "a/b/c/important.tmp", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "a/" + "b/".repeat(200) + "c", "\u00e9/\ud83d\ude00", "dist/.hidden", "[x]", "*");

  @Test
  void dockerIgnore() {
    Fuzz.strings(".dockerignore", (r, i) -> Mutate.string(r, SEEDS, TOKENS), text -> {
      DockerIgnore ignore;
      try {
        ignore = DockerIgnore.parse(text);
      } catch (IllegalArgumentException e) {
        if (!e.getMessage().startsWith("bad .dockerignore pattern \"")) {
          throw new AssertionError("the message does not quote the pattern: " + e.getMessage());
        }
        throw e;
      }
      for (String path : PATHS) {
        ignore.excludes(path);
        ignore.mayReincludeUnder(path);
      }
      // the patterns' own text as paths, the worst case for backtracking matchers, cut at
      // Linux's PATH_MAX: matching costs up to the path's length times the pattern's
      // (the first 20: each call weighs every pattern, so all of 50,000 would be the test's own
      // quadratic time)
      for (String pattern : ignore.patterns().subList(0, Math.min(20, ignore.patterns().size()))) {
        String asPath = pattern.replace("*", "a").replace("?", "a");
        asPath = asPath.substring(0, Math.min(asPath.length(), 4096));
        ignore.excludes(asPath);
        ignore.excludes(asPath + "x");
      }
    }).allowing(IllegalArgumentException.class).run();
  }
}
