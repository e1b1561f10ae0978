package dev.berth.internal.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.ServiceDetails;
import dev.berth.model.TaskDetails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When {@code awaitConverged} stops waiting, and what it says while it waits. */
class ServiceConvergenceTest {
  private static ServiceDetails service(String mode, Long replicas, String updateState) {
    Map<String, Object> spec = mode.equals("replicated-job")
        ? Map.of("Mode", Map.of("ReplicatedJob", Map.of("TotalCompletions", 2)))
        : Map.of();
    return new ServiceDetails("id", 1, "web", "web:2", mode, replicas, updateState,
        updateState == null ? null : "update " + updateState, null, null, Map.of(), spec,
        Map.of());
  }

  private static TaskDetails task(String desired, String state, String image) {
    return new TaskDetails("t", "id", "n", 1L, desired, state, "", null, null, image, null,
        Map.of());
  }

  @Test
  void replicatedConvergesWhenEveryReplicaRunsTheCurrentImage() {
    ServiceDetails web = service("replicated", 2L, "completed");
    assertThat(ServiceConvergence.of(web, List.of(task("running", "running", "web:2"),
        task("running", "running", "web:2"), task("shutdown", "shutdown", "web:1")))).isNull();
    assertThat(ServiceConvergence.of(web, List.of(task("running", "running", "web:2"),
        task("running", "running", "web:1")))).isEqualTo("1 of 2 tasks run the current spec");
    assertThat(ServiceConvergence.of(web, List.of(task("running", "running", "web:2"),
        task("running", "running", "web:2"), task("running", "preparing", "web:2"))))
        .isEqualTo("2 of 2 tasks run the current spec");
  }

  @Test
  void anUpdateInProgressIsWaitedForAndAPausedOneIsNot() {
    List<TaskDetails> running = List.of(task("running", "running", "web:2"));
    assertThat(ServiceConvergence.of(service("replicated", 1L, "updating"), running))
        .isEqualTo("its update is updating");
    assertThat(ServiceConvergence.of(service("replicated", 1L, "rollback_started"), running))
        .isEqualTo("its update is rollback started");
    assertThat(ServiceConvergence.of(service("replicated", 1L, "paused"), running))
        .startsWith("!").contains("update paused");
    assertThat(ServiceConvergence.of(service("replicated", 1L, null), running)).isNull();
  }

  @Test
  void globalAndJobModes() {
    assertThat(ServiceConvergence.of(service("global", null, null),
        List.of(task("running", "running", "web:2")))).isNull();
    assertThat(ServiceConvergence.of(service("global", null, null), List.of())).isNotNull();
    ServiceDetails job = service("replicated-job", null, null);
    assertThat(ServiceConvergence.of(job, List.of(task("complete", "complete", "web:2"))))
        .isEqualTo("1 of 2 tasks completed");
    assertThat(ServiceConvergence.of(job, List.of(task("complete", "complete", "web:2"),
        task("complete", "complete", "web:2")))).isNull();
    assertThat(ServiceConvergence.of(service("global-job", null, null),
        List.of(task("complete", "complete", "web:2")))).isNull();
  }
}
