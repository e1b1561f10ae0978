package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects the hostile-input fuzzing found in the model's parsers, one test each: what came out
 * then (a StackOverflowError, minutes of CPU, an OutOfMemoryError) and what comes out now, an
 * IllegalArgumentException quoting the input.
 */
class HostileInputTest {
  private static final Duration QUICK = Duration.ofSeconds(5);

  @Test
  void aNameOfThousandsOfComponentsIsTooLongNotAStackOverflow() {
    // the path pattern recursed once per component: 10,000 of them overflowed the stack
    String name = "gitlab/gitlab-c" + "lab-c".repeat(10_000);
    assertThatThrownBy(() -> ImageRef.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the name is 50025 characters with its registry; at most 255");
    String registry = "a.b" + ".c".repeat(20_000) + "/x";
    assertThatThrownBy(() -> ImageRef.parse(registry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255");
  }

  @Test
  void aDigestAlgorithmOfThousandsOfComponentsIsReadNotAStackOverflow() {
    // the grammar sets no limit on the algorithm; the pattern overflowed the stack on 20,000
    String digest = "x" + ".y".repeat(20_000) + ":" + "a".repeat(64);
    assertThat(ImageRef.parse("alpine@" + digest).digest()).isEqualTo(digest);
    assertThatThrownBy(() -> ImageRef.parse("alpine@" + digest.replace(":", "..:")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be algorithm:hex");
    // the hand-written check reads what the pattern read
    assertThat(ImageRef.parse("a@sha256+b64u.x-y_z:" + "A".repeat(32)).digest())
        .isEqualTo("sha256+b64u.x-y_z:" + "A".repeat(32));
    for (String bad : new String[] {"a@:" + "a".repeat(32), "a@1x:" + "a".repeat(32),
        "a@x.:" + "a".repeat(32), "a@x..y:" + "a".repeat(32), "a@x:" + "a".repeat(31),
        "a@x:" + "g".repeat(32), "a@x:" + "\u0661".repeat(32), "a@x\u00e9:" + "a".repeat(32)}) {
      assertThatThrownBy(() -> ImageRef.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be algorithm:hex");
    }
  }

  @Test
  void keysOfDottedCapitalIAreReadInLinearTime() {
    // String.toLowerCase takes quadratic time over "\u0130" in JDK 17: 200,000 of them took
    // some 20 s in a --mount key, a --mount type, an --attach value and a DOCKER_HOST scheme
    String dotted = "\u0130".repeat(200_000);
    assertTimeoutPreemptively(QUICK, () -> {
      assertThatThrownBy(() -> Mount.parseMountFlag("ta" + dotted + "=/x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown key \"ta\u0130\u0130");
      assertThatThrownBy(() -> Mount.parseMountFlag("type=" + dotted + ",target=/x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not bind, volume or tmpfs");
      assertThatThrownBy(() -> DockerRun.parse("docker run -a " + dotted + " nginx"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("attach stream \"\u0130");
      assertThatThrownBy(() -> ServicePort.parse("mode=" + dotted + ",target=80"))
          .isInstanceOf(IllegalArgumentException.class);
    });
    // ASCII keys are still read in any case, as the docker CLI reads them
    assertThat(Mount.parseMountFlag("TYPE=BIND,Source=/a,Destination=/b").type())
        .isEqualTo(Mount.Type.BIND);
  }

  static boolean hasDevZero() {
    return Files.isReadable(Path.of("/dev/zero"));
  }

  @Test
  @EnabledIf("hasDevZero")
  void anEnvFileWithoutLineEndsEndsInAnErrorNotAnOutOfMemoryError() {
    // read whole, /dev/zero filled the heap; lines now stop at the docker CLI's 64 KiB
    assertTimeoutPreemptively(QUICK, () -> {
      assertThatThrownBy(() -> DockerRun.parse("docker run --env-file /dev/zero nginx"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("env file \"/dev/zero\" line 1 is not valid: it is longer than"
              + " 65536 bytes");
      assertThatThrownBy(() -> DockerRun.parse("docker run --label-file /dev/zero nginx"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("label file \"/dev/zero\" line 1 is not valid");
    });
  }

  @Test
  void envFileLinesUpToTheLimitAreRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("env");
    String value = "v".repeat(EnvVar.MAX_LINE - 2);
    Files.writeString(file, "\ufeffA=" + value.substring(4) + "\r\nB\n\n#c\nC=3");
    assertThat(EnvVar.parseEnvFile(file, Map.of("B", "b")))
        .containsExactly(EnvVar.of("A", value.substring(4)), EnvVar.of("B", "b"),
            EnvVar.of("C", "3"));
    Files.writeString(file, "A=" + value + "v");
    assertThatThrownBy(() -> EnvVar.parseEnvFile(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1 is not valid: it is longer than 65536 bytes");
  }

  @Test
  void aFileNameWithNulIsQuoted() {
    assertThatThrownBy(() -> DockerRun.parse(java.util.List.of("--env-file", "a\0b", "nginx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file \"a\0b\" cannot be read: it is not a valid path");
    assertThatThrownBy(() -> DockerRun.parse(java.util.List.of("--label-file", "a\0b", "nginx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file \"a\0b\" cannot be read: it is not a valid path");
  }
}
