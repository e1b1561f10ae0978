package dev.berth.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.berth.ConflictException;
import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.Frame;
import dev.berth.model.Healthcheck;
import dev.berth.model.PortBinding;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@link Waiter} on real containers of the test image: waits that hold, and each failure. */
class WaiterIT {
  /** Ready a second after the start: a line, and an HTTP server on 8080. */
  static final String LATE = "echo starting; mkdir -p /www; echo hello > /www/index.html;"
      + " sleep 1; echo ready; exec httpd -f -p 8080 -h /www";
  static final String NEVER = "for i in $(seq 1 80); do echo line $i; done; exec sleep 300";

  static DockerClient docker;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> made = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void connect() {
    docker = TestEngine.client();
  }

  @AfterAll
  static void disconnect() {
    docker.close();
  }

  @AfterEach
  void removeWhatTheTestMade() {
    for (String id : made) {
      try {
        docker.containers().remove(id, RemoveOptions.force().withVolumes(true));
      } catch (NotFoundException | ConflictException gone) {
        // removed, or being removed, by --rm
      }
    }
  }

  ContainerSpec busybox(String what, String script) {
    return ContainerSpec.of(TestEngine.IMAGE).name("berth-it-" + run + "-" + what)
        .label(TestEngine.LABEL, "true").command("sh", "-c", script);
  }

  Container run(ContainerSpec spec) {
    Container c = docker.containers().create(spec);
    made.add(c.id());
    c.start();
    return c;
  }

  @Test
  void aLogLineWaitHoldsAndSeesTheOutputFromTheStart() {
    Container c = run(busybox("line", LATE));
    List<String> seen = new CopyOnWriteArrayList<>();
    long t0 = System.nanoTime();
    Waiter.of(docker, c).onLine(line -> seen.add(line.text()))
        .await(Wait.forLogLine("^ready$"));
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(500);
    assertThat(seen).contains("starting", "ready");

    // a second wait, once the line is long written, holds at once: the output is read again
    t0 = System.nanoTime();
    Waiter.of(docker, c).await(Wait.forLogLine("starting"), Wait.forLogLine("ready"));
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void aWaiterMadeBeforeTheStartMissesNothing() throws Exception {
    Container c = docker.containers().create(busybox("created", "echo first; exec sleep 300"));
    made.add(c.id());
    Thread starter = new Thread(() -> {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      c.start();
    });
    starter.start();
    Waiter.of(docker, c).timeout(Duration.ofSeconds(20)).await(Wait.forLogLine("^first$"));
    starter.join();
  }

  @Test
  void portAndHttpWaitsHoldOnceBusyboxHttpdListens() {
    Container c = run(busybox("httpd", LATE).publish(PortBinding.parse("8080")));
    long t0 = System.nanoTime();
    Waiter.of(docker, c).timeout(Duration.ofSeconds(30)).await(Wait.forPort(8080));
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(500);
    assertThat(docker.containers().get(c.id()).logs().text()).contains("ready");
    // without forPort: the lowest published TCP port
    Waiter.of(docker, c).await(Wait.forHttp("/index.html")
        .matching(body -> body.equals("hello\n")), Wait.forHttp("/none").forStatus(404));
  }

  @Test
  void aTimeoutSaysWhatWasWaitedForAndEndsWithTheLast50Lines() {
    Container c = run(busybox("never", NEVER));
    WaitException e = catchThrowableOfType(() -> Waiter.of(docker, c)
        .timeout(Duration.ofSeconds(2)).await(Wait.forLogLine("never")), WaitException.class);
    assertThat(e.reason()).isEqualTo(WaitException.Reason.TIMEOUT);
    assertThat(e).hasMessageStartingWith("container berth-it-" + run + "-never was not ready"
            + " after 2.0 s: waited for a log line matching \"never\" (seen 0 of 1)")
        .hasMessageContaining("; its last 50 lines of output:\n  line 31\n")
        .hasMessageEndingWith("\n  line 80");
    assertThat(e.getMessage()).doesNotContain("line 30\n");
    assertThat(e.lastLines()).hasSize(50).startsWith("line 31").endsWith("line 80");
  }

  @Test
  void theSpentTimeCountsIntoTheTimeoutButNotIntoItsText() {
    Container c = run(busybox("spent", NEVER).publish(PortBinding.parse("8080")));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> Waiter.of(docker, c).describedAs("fixture web")
        .timeout(Duration.ofSeconds(3)).spent(Duration.ofMillis(2500)).await(Wait.forPort(8080)))
        .isInstanceOf(WaitException.class)
        .hasMessageStartingWith("fixture web was not ready after 3.0 s: waited for port 8080/tcp"
            + " to accept connections");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void anExitFailsAtOnceWithItsCodeAndOutput() {
    Container c = run(busybox("exits", "echo going; echo bye >&2; sleep 0.5; exit 3"));
    long t0 = System.nanoTime();
    WaitException e = catchThrowableOfType(() -> Waiter.of(docker, c)
        .await(Wait.forLogLine("never")), WaitException.class);
    assertThat(e.reason()).isEqualTo(WaitException.Reason.EXITED);
    assertThat(e).hasMessageStartingWith("container berth-it-" + run + "-exits exited with code 3"
            + " after ")
        .hasMessageContaining("while waiting for a log line matching \"never\"; its last 2 lines"
            + " of output:")
        .hasMessageContaining("\n  going").hasMessageContaining("\n  bye");
    assertThat(e.lastLines()).containsExactlyInAnyOrder("going", "bye");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000); // not the 60 s timeout
  }

  @Test
  void anAutoRemovedContainerThatExitsFailsAtOnce() {
    Container c = run(busybox("rm", "echo short-lived; sleep 1; exit 4").autoRemove(true));
    long t0 = System.nanoTime();
    WaitException e = catchThrowableOfType(() -> Waiter.of(docker, c)
        .await(Wait.forLogLine("never")), WaitException.class);
    assertThat(e.reason()).isIn(WaitException.Reason.EXITED, WaitException.Reason.REMOVED);
    assertThat(e).hasMessageFindingMatch("exited with code 4|was removed \\(--rm\\) after it"
        + " exited, [0-9.]+ s into its start, while waiting for a log line matching \"never\"");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
  }

  @Test
  void waitsThatCannotHoldFailAtOnce() {
    Container c = run(busybox("cannot", NEVER));
    Waiter.of(docker, c).await(Wait.forLogLine("^line 80$"));
    WaitException noPort = catchThrowableOfType(() -> Waiter.of(docker, c)
        .await(Wait.forHttp("/")), WaitException.class);
    assertThat(noPort.reason()).isEqualTo(WaitException.Reason.NO_PORT);
    assertThat(noPort).hasMessageStartingWith("container berth-it-" + run + "-cannot publishes no"
        + " TCP port to ask").hasMessageEndingWith("; its last 50 lines of output:"
        + IntStream.rangeClosed(31, 80).mapToObj(i -> "\n  line " + i)
            .collect(Collectors.joining()));
    assertThat(noPort.lastLines()).hasSize(50);
    WaitException noHealth = catchThrowableOfType(() -> Waiter.of(docker, c)
        .await(Wait.forHealthy()), WaitException.class);
    assertThat(noHealth.reason()).isEqualTo(WaitException.Reason.NO_HEALTHCHECK);
    assertThat(noHealth).hasMessageContaining("has no healthcheck to wait for");
  }

  @Test
  void withoutAWaitItIsReadyOnceItRunsAndExecAndHealthWaitsRun() {
    Container c = run(busybox("exec", "sleep 1; touch /tmp/ready; exec sleep 300")
        .healthcheck(Healthcheck.shell("test -f /tmp/ready").withInterval(Duration.ofMillis(300))
            .withRetries(100)));
    Waiter.of(docker, c).await();
    assertThat(c.inspect().state().running()).isTrue();
    List<Frame> none = new CopyOnWriteArrayList<>();
    Waiter.of(docker, c).onLine(none::add).await(Wait.forExec("test", "-f", "/tmp/ready"));
    assertThat(none).isEmpty();
    Waiter.of(docker, c).timeout(Duration.ofSeconds(30)).await(Wait.forHealthy());
  }
}
