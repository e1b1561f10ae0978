package dev.berth.swarm;

import dev.berth.model.TaskDetails;
import java.util.List;
import java.util.Map;

/** The tasks of the swarm's services ({@code docker service ps}, {@code docker inspect TASK}). */
public interface Tasks {
  /**
   * The tasks, filtered as {@code docker service ps --filter} and more: {@code service}, {@code
   * node}, {@code desired-state}, {@code label}, {@code name}, {@code id}.
   */
  List<TaskDetails> list(Map<String, List<String>> filters);

  /** One task. */
  TaskDetails inspect(String id);
}
