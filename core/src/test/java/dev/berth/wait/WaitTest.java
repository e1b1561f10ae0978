package dev.berth.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerClient;
import dev.berth.containers.Container;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waits and waiters without an engine: descriptions, refused input, message tails. */
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
    http.forPort(8080);
    http.matching(b -> false);
    assertThat(http.toString()).isEqualTo("GET / to answer 200");
  }

  @Test
  void badInputIsQuotedWithWhatIsAllowed() {
    assertThatThrownBy(() -> Wait.forLogLine("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("log line pattern \"(unclosed\" is not a valid regular"
            + " expression: ");
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
    assertThatThrownBy(() -> Wait.forHttp("/").forStatus(600))
        .hasMessage("HTTP status 600 is not valid: expected 100 to 599");
    assertThatThrownBy(() -> Wait.forHttp("/").forPort(-1))
        .hasMessage("port -1 is not valid: expected 1 to 65535");
    assertThatThrownBy(Wait::forExec).hasMessage("forExec needs a command; got none");
    assertThatThrownBy(Wait::all).hasMessage("Wait.all needs at least one wait; got none");
    assertThatThrownBy(() -> Wait.forHttp("/").matching(null))
        .isInstanceOf(NullPointerException.class).hasMessage("predicate");
  }

  @Test
  void waiterOptionsAreChecked() {
    Waiter w = Waiter.of(client(), container());
    assertThatThrownBy(() -> w.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout PT0S is not valid: expected a positive duration");
    assertThatThrownBy(() -> w.timeout(Duration.ofSeconds(-5)))
        .hasMessage("timeout PT-5S is not valid: expected a positive duration");
    assertThatThrownBy(() -> w.spent(Duration.ofMillis(-1)))
        .hasMessage("spent time PT-0.001S is not valid: expected zero or a positive duration");
    assertThat(w.timeout(Duration.ofSeconds(5)).spent(Duration.ZERO).describedAs("fixture db")
        .host("127.0.0.1").onLine(line -> { })).isSameAs(w);
    assertThatThrownBy(() -> w.await((Wait) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("wait");
    assertThatThrownBy(() -> Waiter.of(null, container()))
        .isInstanceOf(NullPointerException.class).hasMessage("client");
  }

  @Test
  void publishedPortsAreOnLocalhostForASocketAndOnTheEngineHostElse() {
    try (DockerClient unix = DockerClient.builder().endpoint("unix:///var/run/docker.sock")
        .apiVersion("1.41").build();
        DockerClient tcp = DockerClient.builder().endpoint("tcp://10.1.2.3:2375")
            .apiVersion("1.41").build()) {
      assertThat(Waiter.publishedHost(unix)).isEqualTo("localhost");
      assertThat(Waiter.publishedHost(tcp)).isEqualTo("10.1.2.3");
    }
  }

  @Test
  void messagesEndWithTheLastLines() {
    assertThat(Target.tail(List.of())).isEqualTo("; it wrote no output");
    assertThat(Target.tail(List.of("one"))).isEqualTo("; its last 1 line of output:\n  one");
    assertThat(Target.tail(List.of("one", "two")))
        .isEqualTo("; its last 2 lines of output:\n  one\n  two");
    assertThat(Target.seconds(Duration.ofMillis(2549))).isEqualTo("2.5 s");
  }

  @Test
  void aWaitExceptionKeepsItsReasonAndLines() {
    WaitException e = new WaitException(WaitException.Reason.EXITED, "gone", List.of("a", "b"));
    assertThat(e.reason()).isEqualTo(WaitException.Reason.EXITED);
    assertThat(e.lastLines()).containsExactly("a", "b");
    assertThat(e).hasMessage("gone").isInstanceOf(dev.berth.DockerException.class);
  }

  private static DockerClient client() {
    return DockerClient.builder().endpoint("unix:///nonexistent.sock").apiVersion("1.41").build();
  }

  /** A container that no test here asks anything. */
  private static Container container() {
    return (Container) Proxy.newProxyInstance(Container.class.getClassLoader(),
        new Class<?>[] {Container.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
