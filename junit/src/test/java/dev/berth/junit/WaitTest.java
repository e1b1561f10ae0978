package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Waits and fixture configuration without an engine: descriptions and refused input. */
class WaitTest {
  @Test
  void descriptionsSayWhatIsWaitedFor() {
    assertThat(Wait.forLogLine("ready").toString()).isEqualTo("a log line matching \"ready\"");
    assertThat(Wait.forLogLine("ready").times(2).toString())
        .isEqualTo("a log line matching \"ready\" 2 times");
    assertThat(Wait.forPort(5432).toString()).isEqualTo("port 5432/tcp to accept connections");
    assertThat(Wait.forHttp("/health").forPort(8080).forStatus(204).toString())
        .isEqualTo("GET /health on port 8080 to answer 204");
    assertThat(Wait.forHttp("/").matching(b -> true).toString())
        .isEqualTo("GET / to answer 200 with a matching body");
    assertThat(Wait.forHealthy().toString()).isEqualTo("its healthcheck to report healthy");
    assertThat(Wait.forExec("pg_isready", "-q").toString())
        .isEqualTo("exec pg_isready -q to exit with 0");
    assertThat(Wait.all(Wait.forPort(1), Wait.forLogLine("x")).toString())
        .isEqualTo("all of [port 1/tcp to accept connections, a log line matching \"x\"]");
  }

  @Test
  void waitsAreImmutable() {
    Wait.LogLine once = Wait.forLogLine("ready");
    once.times(3);
    assertThat(once.toString()).isEqualTo("a log line matching \"ready\"");
    Wait.Http http = Wait.forHttp("/");
    http.forStatus(404);
    assertThat(http.toString()).isEqualTo("GET / to answer 200");
  }

  @Test
  void eachWaitStandsForCoresWaitOfTheSameName() {
    assertThat(WaitImpl.core(Wait.forLogLine("ready").times(2)))
        .isInstanceOf(dev.berth.wait.Wait.LogLine.class)
        .hasToString("a log line matching \"ready\" 2 times");
    assertThat(WaitImpl.core(Wait.forHttp("/").forPort(80).matching(b -> true)))
        .isInstanceOf(dev.berth.wait.Wait.Http.class)
        .hasToString("GET / on port 80 to answer 200 with a matching body");
    assertThat(WaitImpl.core(Wait.all(Wait.forHealthy(), Wait.forExec("true"))))
        .hasToString(dev.berth.wait.Wait.all(dev.berth.wait.Wait.forHealthy(),
            dev.berth.wait.Wait.forExec("true")).toString());
    assertThatThrownBy(() -> Wait.all(Wait.forPort(1), null))
        .isInstanceOf(NullPointerException.class).hasMessage("a wait in Wait.all");
  }

  @Test
  void badInputIsQuotedWithWhatIsAllowed() {
    assertThatThrownBy(() -> Wait.forLogLine("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"(unclosed\"").hasMessageContaining("regular expression");
    assertThatThrownBy(() -> Wait.forLogLine("x").times(0))
        .hasMessage("times(0) is not valid: expected 1 or more");
    assertThatThrownBy(() -> Wait.forPort(0))
        .hasMessage("port 0 is not valid: expected 1 to 65535");
    assertThatThrownBy(() -> Wait.forPort(70000))
        .hasMessage("port 70000 is not valid: expected 1 to 65535");
    assertThatThrownBy(() -> Wait.forHttp("health"))
        .hasMessage("HTTP path \"health\" is not valid: expected a path starting with /");
    assertThatThrownBy(() -> Wait.forHttp("/").forStatus(99))
        .hasMessage("HTTP status 99 is not valid: expected 100 to 599");
    assertThatThrownBy(() -> Wait.forHttp("/").forPort(-1))
        .hasMessage("port -1 is not valid: expected 1 to 65535");
    assertThatThrownBy(Wait::forExec).hasMessage("forExec needs a command; got none");
    assertThatThrownBy(Wait::all).hasMessage("Wait.all needs at least one wait; got none");
  }

  @Test
  void fixtureConfigurationRefusesBadInputBeforeAnythingRuns() {
    assertThatThrownBy(() -> ContainerFixture.run("docker run --no-such-flag busybox"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--no-such-flag");
    ContainerFixture f = ContainerFixture.run("docker run -d --name web busybox");
    assertThat(f.name()).isEqualTo("web");
    assertThat(ContainerFixture.run("docker run -d busybox:1.36").name())
        .isEqualTo("busybox:1.36");
    assertThatThrownBy(() -> f.withFile("x".getBytes(StandardCharsets.UTF_8), "etc/x"))
        .hasMessage("container path \"etc/x\" is not absolute: expected a path starting with /");
    assertThatThrownBy(() -> f.withFile("x".getBytes(StandardCharsets.UTF_8), "/etc/"))
        .hasMessageContaining("\"/etc/\" names a directory");
    assertThatThrownBy(() -> f.withFile(Path.of("/no/such/file"), "/etc/x"))
        .hasMessage("withFile: host path /no/such/file does not exist");
    assertThatThrownBy(() -> f.withStartupTimeout(Duration.ZERO))
        .hasMessage("startup timeout PT0S is not valid: expected a positive duration");
    assertThatThrownBy(() -> f.withExposedPorts(0))
        .hasMessage("port 0 is not valid: expected 1 to 65535");
    assertThatThrownBy(() -> f.hostPort("http"))
        .hasMessageContaining("\"http\" is not valid");
    assertThatThrownBy(f::container).isInstanceOf(IllegalStateException.class)
        .hasMessage("fixture web is not started");
  }

  @Test
  void networkNamesAreChecked() {
    assertThat(NetworkFixture.named("ci_net-1.a").name()).isEqualTo("ci_net-1.a");
    assertThat(NetworkFixture.create().name()).matches("berth-[0-9a-f]{10}");
    assertThat(NetworkFixture.create().name()).isNotEqualTo(NetworkFixture.create().name());
    assertThatThrownBy(() -> NetworkFixture.named("-bad name"))
        .hasMessage("network name \"-bad name\" is not valid: expected letters, digits, _ . -"
            + " starting with a letter or digit");
    assertThatThrownBy(() -> NetworkFixture.create().id())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not started");
  }

  @Test
  void bytesBecomeAOneFileTar() {
    byte[] content = "hello\n".getBytes(StandardCharsets.UTF_8);
    byte[] tar = ContainerFixture.Tar.oneFile("www/index.html", content);
    assertThat(tar.length % 512).isZero();
    assertThat(new String(tar, 0, 14, StandardCharsets.UTF_8)).isEqualTo("www/index.html");
    assertThat(tar[14]).isZero();
    assertThat(Long.parseLong(new String(tar, 124, 11, StandardCharsets.US_ASCII), 8))
        .isEqualTo(6);
    assertThat(tar[156]).isEqualTo((byte) '0');
    assertThat(new String(tar, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += i >= 148 && i < 156 ? ' ' : tar[i] & 0xff;
    }
    assertThat(Long.parseLong(new String(tar, 148, 6, StandardCharsets.US_ASCII), 8))
        .isEqualTo(sum);
    assertThat(Arrays.copyOfRange(tar, 512, 518)).isEqualTo(content);
    assertThat(tar).hasSize(512 + 512 + 1024);
  }

  @Test
  void aLongNameGoesInAPaxHeader() {
    String name = "d/".repeat(60) + "file.txt";
    byte[] tar = ContainerFixture.Tar.oneFile(name, new byte[0]);
    assertThat(tar[156]).isEqualTo((byte) 'x');
    String record = new String(tar, 512, 200, StandardCharsets.UTF_8);
    assertThat(record).contains(" path=" + name + "\n");
    int length = Integer.parseInt(record.substring(0, record.indexOf(' ')));
    assertThat(record.substring(0, length)).endsWith("\n");
    assertThat(record.substring(0, length).getBytes(StandardCharsets.UTF_8)).hasSize(length);
  }
}
