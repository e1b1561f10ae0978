package dev.berth.internal.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Patterns that made java.util.regex backtrack for minutes, found by fuzzing: matching now runs
 * as a set of states, in time linear in the path.
 */
class DockerIgnoreHostileInputTest {
  private static final Duration QUICK = Duration.ofSeconds(5);

  @Test
  void manyStarsAgainstALongNameAnswerAtOnce() {
    DockerIgnore ignore = DockerIgnore.parse("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n"
        + "!**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c\n");
    String name = "a".repeat(60);
    assertTimeoutPreemptively(QUICK, () -> {
      assertThat(ignore.excludes(name)).isFalse();
      assertThat(ignore.excludes(name + "b")).isTrue();
      assertThat(ignore.excludes("d/" + name + "/" + name)).isFalse();
      assertThat(ignore.mayReincludeUnder(name)).isTrue();
    });
  }

  @Test
  void thousandsOfDoubleStarsNeitherHangNorOverflowTheStack() {
    DockerIgnore ignore = DockerIgnore.parse("**/".repeat(20_000) + "x\n" + "a/**".repeat(5_000));
    String deep = "a/".repeat(3_000) + "y";
    assertTimeoutPreemptively(QUICK, () -> {
      assertThat(ignore.excludes("b/c/x")).isTrue();
      assertThat(ignore.excludes(deep)).isFalse();
    });
  }
}
