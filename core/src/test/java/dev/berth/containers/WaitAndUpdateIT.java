package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerTimeoutException;
import dev.berth.PodmanGap;
import dev.berth.TestEngine;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ExecResult;
import dev.berth.model.ImageRef;
import dev.berth.model.RestartPolicy;
import dev.berth.model.WaitResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's missing calls on containers: {@code waitFor} with a timeout and asynchronously,
 * {@code docker update}'s every field, labels without a value, an image given by its id.
 */
class WaitAndUpdateIT extends ContainerTestSupport {
  @Test
  void aWaitThatTakesTooLongFailsWithATimeoutAndLeavesTheContainerRunning() {
    Container c = run(busybox("sleep", "600"));

    assertThatThrownBy(() -> c.waitFor(WaitCondition.NOT_RUNNING, Duration.ofSeconds(1)))
        .isInstanceOf(DockerTimeoutException.class)
        .hasMessageContaining("did not reach not-running within 1.0 s");
    assertThat(c.inspect().state().running()).isTrue();
    assertThatThrownBy(() -> c.waitFor(WaitCondition.NOT_RUNNING, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }

  @Test
  void aWaitInTimeAnswersTheExitCode() {
    Container c = run(busybox("sh", "-c", "sleep 1; exit 4"));

    assertThat(c.waitFor(WaitCondition.NOT_RUNNING, Duration.ofSeconds(30)).exitCode())
        .isEqualTo(4);
  }

  @Test
  void anAsynchronousWaitIsRegisteredBeforeItReturnsSoAStartRightAfterCannotBeMissed()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      Container c = create(busybox("sh", "-c", "exit " + (10 + i)));
      CompletableFuture<WaitResult> exit = c.waitForAsync(WaitCondition.NEXT_EXIT);
      assertThat(exit).isNotDone();

      c.start();

      assertThat(exit.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(10 + i);
    }
  }

  @Test
  void cancellingAnAsynchronousWaitGivesItUp() {
    Container c = run(busybox("sleep", "600"));
    CompletableFuture<WaitResult> exit = c.waitForAsync(WaitCondition.NOT_RUNNING);

    assertThat(exit.cancel(true)).isTrue();

    assertThat(exit).isCancelled();
    assertThat(c.inspect().state().running()).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFieldOfDockerUpdateArrives() {
    TestEngine.assumeNot(PodmanGap.CONTAINER_UPDATE);
    Container c = run(busybox("sleep", "600"));

    c.update(ContainerUpdate.create()
        .memory(64L << 20).memoryReservation(32L << 20).memorySwap(128L << 20)
        .kernelMemory(64L << 20)
        .cpuShares(512).cpuPeriod(100_000).cpuQuota(50_000)
        .cpuRealtimePeriod(100_000).cpuRealtimeRuntime(1_000)
        .cpusetCpus("0").cpusetMems("0")
        .blkioWeight(300)
        .pidsLimit(100)
        .restart(RestartPolicy.onFailure(3)));

    Map<String, Object> host = (Map<String, Object>) c.inspect().raw().get("HostConfig");
    assertThat(((Number) host.get("Memory")).longValue()).isEqualTo(64L << 20);
    assertThat(((Number) host.get("MemoryReservation")).longValue()).isEqualTo(32L << 20);
    assertThat(((Number) host.get("MemorySwap")).longValue()).isEqualTo(128L << 20);
    assertThat(((Number) host.get("CpuShares")).longValue()).isEqualTo(512);
    assertThat(((Number) host.get("CpuPeriod")).longValue()).isEqualTo(100_000);
    assertThat(((Number) host.get("CpuQuota")).longValue()).isEqualTo(50_000);
    assertThat(((Number) host.get("CpuRealtimePeriod")).longValue()).isEqualTo(100_000);
    assertThat(((Number) host.get("CpuRealtimeRuntime")).longValue()).isEqualTo(1_000);
    assertThat(host.get("CpusetCpus")).isEqualTo("0");
    assertThat(host.get("CpusetMems")).isEqualTo("0");
    assertThat(((Number) host.get("PidsLimit")).longValue()).isEqualTo(100);
    assertThat(((Map<String, Object>) host.get("RestartPolicy")).get("Name"))
        .isEqualTo("on-failure");
    if (docker.apiVersion().compareTo(dev.berth.model.ApiVersion.of(1, 42)) < 0) {
      // sent only below 1.42, which removed it
      assertThat(((Number) host.get("KernelMemory")).longValue()).isEqualTo(64L << 20);
    }
    // the engine keeps a block IO weight only where the kernel has that controller; it discards
    // it with a warning elsewhere (cgroup v1 without blkio weights, as on the CI machines)
    assertThat(((Number) host.get("BlkioWeight")).intValue()).isIn(0, 300);
  }

  @Test
  void badUpdateValuesAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> ContainerUpdate.create().cpusetCpus("0-"))
        .hasMessageContaining("--cpuset-cpus \"0-\" is not valid");
    assertThatThrownBy(() -> ContainerUpdate.create().blkioWeight(5))
        .hasMessageContaining("blkio weight 5 is not valid: expected 10 to 1000");
  }

  @Test
  void aLabelWithoutAValueArrivesAsTheCliSendsIt() {
    Container c = create(busybox("true").label("dev.berth.flag"));

    assertThat(c.inspect().labels()).containsEntry("dev.berth.flag", "");
  }

  @Test
  void anImageGivenByItsIdRunsAndIsNeverPulled() {
    String id = docker.images().inspect(TestEngine.IMAGE).id(); // sha256:…
    String shortId = id.substring("sha256:".length(), "sha256:".length() + 12);

    ExecResult byFullId = docker.containers().runToExit(ContainerSpec.of(id)
        .command("echo", "full").label(TestEngine.LABEL, "true").autoRemove(true));
    ExecResult byShortId = docker.containers().runToExit(ContainerSpec.of(ImageRef.ofId(shortId))
        .command("echo", "short").label(TestEngine.LABEL, "true").autoRemove(true));

    assertThat(byFullId.stdout()).isEqualTo("full\n");
    assertThat(byShortId.stdout()).isEqualTo("short\n");
    assertThat(ImageRef.parse(id).isId()).isTrue();
    assertThatThrownBy(() -> docker.images().pull(id))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is an image id");
  }
}
