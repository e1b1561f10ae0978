package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.containers.ListOptions;
import dev.berth.junit.internal.Session;
import dev.berth.model.ContainerSpec;
import dev.berth.model.Healthcheck;
import dev.berth.model.PortBinding;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Each wait against a container that becomes ready 2 s after its start, one that never does
 * (the failure message, asserted on its text) and one that exits (failing at once). The methods
 * run concurrently: the containers mostly sleep.
 */
@Execution(ExecutionMode.CONCURRENT)
class WaitStrategiesIT {
  static final String IMAGE = "berth-test/busybox:latest";
  /** Ready two seconds after the start: a flag file, a line, and an HTTP server on 8080. */
  static final String LATE = "echo starting; mkdir -p /www; echo healthy > /www/health;"
      + " sleep 2; touch /tmp/ready; echo ready; echo ready;"
      + " exec httpd -f -p 8080 -h /www";
  static final String NEVER = "for i in $(seq 1 80); do echo line $i; done; exec sleep 300";

  static ContainerFixture busybox(String script) {
    return ContainerFixture.of(ContainerSpec.of(IMAGE)
        .name("berth-wait-" + UUID.randomUUID().toString().substring(0, 8))
        .publish(PortBinding.parse("8080"))
        .command("sh", "-c", script));
  }

  /**
   * Starts {@code f}, returns how long the start took in ms, and stops it. Every wait here holds
   * only after "starting" was printed.
   */
  static long timeStart(ContainerFixture f) {
    long t0 = System.nanoTime();
    try (f) {
      f.start();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(f.logs()).contains("starting");
      return ms;
    }
  }

  static void assertGone(ContainerFixture f) {
    assertThat(f.isStarted()).isFalse();
    assertThat(Session.get().client().containers().list(ListOptions.all()
        .withFilter("name", f.name()))).isEmpty();
  }

  // ---- late ----

  @Test
  void logLineLate() {
    assertThat(timeStart(busybox(LATE).waitingFor(Wait.forLogLine("^ready$").times(2))))
        .isGreaterThanOrEqualTo(2000);
  }

  @Test
  void portLate() {
    assertThat(timeStart(busybox(LATE).waitingFor(Wait.forPort(8080))))
        .isGreaterThanOrEqualTo(2000);
  }

  @Test
  void httpLate() throws Exception {
    ContainerFixture f = busybox(LATE).waitingFor(Wait.forHttp("/health").forPort(8080)
        .matching(body -> body.contains("healthy")));
    long t0 = System.nanoTime();
    try (f) {
      f.start();
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(2000);
      HttpGet answer = HttpGet.get(f.host(), f.hostPort(8080), "/health");
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("healthy\n");
    }
    assertGone(f);
  }

  @Test
  void httpStatusOtherThan200() {
    // without forPort: the lowest published port
    assertThat(timeStart(busybox(LATE).waitingFor(Wait.forHttp("/missing").forStatus(404))))
        .isGreaterThanOrEqualTo(2000);
  }

  @Test
  void healthyLate() {
    ContainerFixture f = ContainerFixture.run("docker run -d --health-cmd 'test -f /tmp/ready'"
        + " --health-interval 300ms --health-retries 100 -p 8080 " + IMAGE + " sh -c '"
        + LATE.replace("'", "") + "'").waitingFor(Wait.forHealthy());
    assertThat(timeStart(f)).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void execLate() {
    assertThat(timeStart(busybox(LATE).waitingFor(Wait.forExec("test", "-f", "/tmp/ready"))))
        .isGreaterThanOrEqualTo(2000);
  }

  @Test
  void allLate() {
    assertThat(timeStart(busybox(LATE).waitingFor(Wait.all(Wait.forLogLine("ready"),
        Wait.forPort(8080), Wait.forExec("test", "-f", "/tmp/ready"))))).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void noWaitIsReadyOnceRunning() {
    // ready only after a minute: a start that waited for anything but "running" would show it
    ContainerFixture f = busybox("echo starting; sleep 60; echo ready; exec sleep 300");
    try (f) {
      f.start();
      assertThat(f.container().inspect().state().running()).isTrue();
      assertThat(f.logs()).doesNotContain("ready");
    }
    assertGone(f);
  }

  // ---- never ----

  @Test
  void logLineNeverNamesTheWaitTheTimeAndTheLast50Lines() {
    ContainerFixture f = busybox(NEVER).waitingFor(Wait.forLogLine("never"))
        .withStartupTimeout(Duration.ofSeconds(3));
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageStartingWith("fixture " + f.name() + " was not ready after 3.0 s: waited for"
            + " a log line matching \"never\" (seen 0 of 1)")
        .hasMessageContaining("its last 50 lines of output:\n  line 31\n")
        .hasMessageEndingWith("\n  line 80")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("line 30\n"));
    assertGone(f);
  }

  @Test
  void portNever() {
    ContainerFixture f = busybox(NEVER).waitingFor(Wait.forPort(8080))
        .withStartupTimeout(Duration.ofSeconds(3));
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("was not ready after 3.0 s: waited for port 8080/tcp to accept"
            + " connections")
        .hasMessageContaining("  line 80");
    assertGone(f);
  }

  @Test
  void httpNeverSaysWhatItGot() {
    ContainerFixture f = busybox(LATE).waitingFor(Wait.forHttp("/health").forPort(8080)
        .forStatus(204)).withStartupTimeout(Duration.ofSeconds(8)); // httpd is up after ~2 s,
    // and 8 s leave it time to answer 200 even when create and start are slow under load
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("was not ready after 8.0 s: waited for GET /health on port 8080 to"
            + " answer 204 (last answer 200)")
        .hasMessageContaining("  ready");
    assertGone(f);
  }

  @Test
  void healthyNever() {
    ContainerFixture f = ContainerFixture.of(ContainerSpec.of(IMAGE)
            .healthcheck(Healthcheck.shell("exit 1").withInterval(Duration.ofMillis(300)))
            .command("sh", "-c", NEVER))
        .waitingFor(Wait.forHealthy()).withStartupTimeout(Duration.ofSeconds(3));
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("was not ready after 3.0 s: waited for its healthcheck to report"
            + " healthy (health ");
  }

  @Test
  void healthyWithoutAHealthcheckFailsAtOnce() {
    ContainerFixture f = busybox(NEVER).waitingFor(Wait.forHealthy());
    long t0 = System.nanoTime();
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("has no healthcheck to wait for");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
    assertGone(f);
  }

  @Test
  void execNever() {
    ContainerFixture f = busybox(NEVER).waitingFor(Wait.forExec("test", "-f", "/tmp/ready"))
        .withStartupTimeout(Duration.ofSeconds(3));
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("waited for exec test -f /tmp/ready to exit with 0 (last exit code"
            + " 1)");
    assertGone(f);
  }

  // ---- exits ----

  @Test
  void exitWhileWaitingFailsAtOnceWithItsCodeAndOutput() {
    ContainerFixture f = busybox("echo going; echo bye >&2; exit 3")
        .waitingFor(Wait.forLogLine("never"));
    long t0 = System.nanoTime();
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("fixture " + f.name() + " exited with code 3 after ")
        .hasMessageContaining("while waiting for a log line matching \"never\"")
        .hasMessageContaining("\n  going")
        .hasMessageContaining("\n  bye");
    // the default start-up timeout is 60 s: an exit must not wait for it
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
    assertGone(f);
  }

  @Test
  void exitOfAnAutoRemovedContainerFailsAtOnceToo() {
    ContainerFixture f = ContainerFixture.run("docker run -d --rm " + IMAGE
        + " sh -c 'echo short-lived; sleep 1; exit 4'").waitingFor(Wait.forPort(80));
    long t0 = System.nanoTime();
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("short-lived")
        .hasMessageFindingMatch("exited with code 4|was removed \\(--rm\\)|publishes no host port");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
  }
}
