package dev.berth.internal.swarm;

import static dev.berth.internal.swarm.SwarmJson.objects;
import static dev.berth.internal.swarm.SwarmJson.segment;
import static dev.berth.internal.swarm.SwarmJson.toTask;

import dev.berth.internal.http.ApiClient;
import dev.berth.model.TaskDetails;
import dev.berth.swarm.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker service ps}, {@code docker inspect} of a task: {@code /tasks}. */
final class TaskCalls implements Tasks {
  private final ApiClient api;

  TaskCalls(ApiClient api) {
    this.api = api;
  }

  @Override
  public List<TaskDetails> list(Map<String, List<String>> filters) {
    List<TaskDetails> out = new ArrayList<>();
    for (Map<String, Object> m : objects(api.call("GET", "/tasks")
        .filters(filters))) {
      out.add(toTask(m));
    }
    return out;
  }

  @Override
  public TaskDetails inspect(String id) {
    return toTask(api.call("GET", "/tasks/" + segment(id)).jsonObject());
  }
}
