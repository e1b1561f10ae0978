package dev.berth.internal.swarm;

import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;

import dev.berth.model.ServiceDetails;
import dev.berth.model.TaskDetails;
import java.util.List;

/** Whether a service has converged, for {@link dev.berth.swarm.Services#awaitConverged}. */
final class ServiceConvergence {
  private ServiceConvergence() {}

  /**
   * Null when {@code service} has converged; else what is still missing, starting with {@code !}
   * when it will not change without help (a paused update).
   */
  static String of(ServiceDetails service, List<TaskDetails> tasks) {
    String state = service.updateState();
    if ("paused".equals(state) || "rollback_paused".equals(state)) {
      return "!its update is " + state + ": " + service.updateMessage();
    }
    if ("updating".equals(state) || "rollback_started".equals(state)) {
      return "its update is " + state.replace('_', ' ');
    }
    String image = service.image();
    long running = 0;
    long waiting = 0;
    long completed = 0;
    for (TaskDetails t : tasks) {
      if ("complete".equals(t.state())) {
        completed++;
      }
      if (!"running".equals(t.desiredState())) {
        continue;
      }
      if ("running".equals(t.state()) && image.equals(t.image())) {
        running++;
      } else {
        waiting++;
      }
    }
    switch (service.mode()) {
      case "replicated":
        return running == service.replicas() && waiting == 0 ? null
            : running + " of " + service.replicas() + " tasks run the current spec";
      case "global":
        return running > 0 && waiting == 0 ? null
            : running + " tasks run the current spec, " + waiting + " are on their way";
      case "replicated-job":
        long total = longValue(object(object(service.spec(), "Mode"), "ReplicatedJob"),
            "TotalCompletions");
        return completed >= total ? null : completed + " of " + total + " tasks completed";
      default:
        return completed > 0 && running + waiting == 0 ? null
            : completed + " tasks completed, " + (running + waiting) + " still to finish";
    }
  }
}
