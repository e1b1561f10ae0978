package dev.berth.containers;

import dev.berth.PodmanGap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.PruneResult;
import dev.berth.model.ExecResult;
import dev.berth.model.RestartPolicy;
import dev.berth.model.WaitResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's lifecycle commands: run, start, stop, restart, pause, kill, rename, update, wait, rm. */
class LifecycleIT extends ContainerTestSupport {

  @Test
  void runDetachedStartsAndPsListsIt() {
    Container c = run(busybox("sleep", "60").name(name("sleeper")));
    assertThat(c.inspect().state().running()).isTrue();
    assertThat(docker.containers().list(ListOptions.running().withFilter("name", run)))
        .extracting(s -> s.name()).containsExactly(name("sleeper"));
  }

  @Test
  void foregroundRunReturnsExitCodeAndOutputAndRmRemovesIt() {
    ExecResult r = docker.containers().runToExit(DockerRun.parse("docker run --rm --name "
        + name("hello") + " -l " + TestEngine.LABEL + "=true " + TestEngine.IMAGE
        + " sh -c 'echo Hello world; echo oops >&2; exit 3'").spec());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("Hello world\n");
    assertThat(r.stderr()).isEqualTo("oops\n");
    assertThatThrownBy(() -> docker.containers().get(name("hello")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void foregroundRunWithoutRmLeavesTheExitedContainer() {
    ExecResult r = docker.containers().runToExit(busybox("echo", "kept").name(name("kept")));
    track(docker.containers().get(name("kept")));
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("kept\n");
    assertThat(docker.containers().get(name("kept")).inspect().state().status())
        .isEqualTo("exited");
  }

  @Test
  void runWithMissingImageAndPullNeverFailsAndLeavesNothing() {
    assertThatThrownBy(() -> docker.containers().run(
        ContainerSpec.of("berth-test/absent:" + run).label(TestEngine.LABEL, "true")
            .name(name("absent")), PullPolicy.NEVER))
        .isInstanceOf(NotFoundException.class).message().containsIgnoringCase("No such image");
    assertThatThrownBy(() -> docker.containers().get(name("absent")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void runWhoseStartFailsRemovesTheContainer() {
    assertThatThrownBy(() -> docker.containers().run(busybox("/no/such/program")
        .name(name("broken")), PullPolicy.NEVER))
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("/no/such/program");
    assertThatThrownBy(() -> docker.containers().get(name("broken")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void stopStartRestartMoveThroughTheStates() {
    Container c = run(busybox("sleep", "300"));
    c.stop(Duration.ofSeconds(1));
    assertThat(c.inspect().state().status()).isEqualTo("exited");
    assertThat(c.inspect().state().exitCode()).isEqualTo(137); // sleep ignores SIGTERM as PID 1
    c.stop(Duration.ofSeconds(1)); // stopping a stopped container does nothing
    c.start();
    assertThat(c.inspect().state().running()).isTrue();
    c.start(); // starting a running one does nothing either
    var before = c.inspect().state().startedAt();
    c.restart(Duration.ofSeconds(1));
    assertThat(c.inspect().state().running()).isTrue();
    assertThat(c.inspect().state().startedAt()).isAfter(before);
  }

  @Test
  void pauseFreezesAndUnpauseThaws() {
    Container c = run(busybox("sleep", "300"));
    c.pause();
    assertThat(c.inspect().state().paused()).isTrue();
    assertThat(c.inspect().state().status()).isEqualTo("paused");
    c.unpause();
    assertThat(c.inspect().state().paused()).isFalse();
    assertThat(c.inspect().state().status()).isEqualTo("running");
  }

  @Test
  void killSendsTheSignalAsked() {
    // The shell traps HUP and exits with 42: only a HUP gives that exit code.
    Container c = run(busybox("sh", "-c", "trap 'exit 42' HUP; while true; do sleep 0.1; done"));
    c.kill("HUP");
    assertThat(c.waitFor().exitCode()).isEqualTo(42);

    Container d = run(busybox("sleep", "300"));
    d.kill("KILL");
    assertThat(d.waitFor().exitCode()).isEqualTo(137);
    assertThatThrownBy(() -> d.kill("NOT A SIGNAL")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"NOT A SIGNAL\"");
  }

  @Test
  void notRunningReturnsAtOnceWithZeroForACreatedContainer() {
    TestEngine.assumeNot(PodmanGap.NEVER_RAN_EXIT_CODE);
    Container c = create(busybox("sh", "-c", "exit 7"));
    assertThat(c.waitFor(WaitCondition.NOT_RUNNING).exitCode()).isZero();
  }

  @Test
  void waitConditions() {
    Container c = create(busybox("sh", "-c", "exit 7"));
    c.start();
    WaitResult r = c.waitFor(WaitCondition.NOT_RUNNING);
    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.error()).isNull();
  }

  @Test
  void renameAndUpdate() {
    TestEngine.assumeNot(PodmanGap.CONTAINER_UPDATE);
    Container c = run(busybox("sleep", "300").name(name("before")));
    c.rename(name("after"));
    assertThat(c.inspect().name()).isEqualTo(name("after"));
    assertThatThrownBy(() -> c.rename("bad name")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"bad name\"");

    c.update(ContainerUpdate.create().memory(64L << 20).memorySwap(128L << 20)
        .restart(RestartPolicy.onFailure(2)));
    @SuppressWarnings("unchecked")
    Map<String, Object> host = (Map<String, Object>) c.inspect().raw().get("HostConfig");
    assertThat(((Number) host.get("Memory")).longValue()).isEqualTo(64L << 20);
    assertThat(host.get("RestartPolicy"))
        .isEqualTo(Map.of("Name", "on-failure", "MaximumRetryCount", 2));
  }

  @Test
  void rmOfSeveralAndPsQuiet() {
    // docker rm -f db01 db02; docker rm $(docker ps -a -q)
    run(busybox("sleep", "300").name(name("db01")));
    run(busybox("sleep", "300").name(name("db02")));
    ListOptions mine = ListOptions.all().withFilter("name", run);
    List<String> ids = docker.containers().ids(mine);
    assertThat(ids).hasSize(2);
    for (String id : ids) {
      docker.containers().remove(id, RemoveOptions.force());
    }
    assertThat(docker.containers().ids(mine)).isEmpty();
  }

  @Test
  void pruneRemovesOnlyStoppedLabelledContainers() {
    Container stopped = create(busybox("true").label("dev.berth.test.prune", run));
    Container running = run(busybox("sleep", "300").label("dev.berth.test.prune", run));
    PruneResult r = docker.containers().prune(
        Map.of("label", List.of(TestEngine.LABEL, "dev.berth.test.prune=" + run)));
    assertThat(r.removed()).containsExactly(stopped.id());
    assertThat(running.inspect().state().running()).isTrue();
  }
}
