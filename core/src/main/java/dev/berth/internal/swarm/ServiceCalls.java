package dev.berth.internal.swarm;

import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.swarm.SwarmJson.child;
import static dev.berth.internal.swarm.SwarmJson.mutable;
import static dev.berth.internal.swarm.SwarmJson.objects;
import static dev.berth.internal.swarm.SwarmJson.segment;
import static dev.berth.internal.swarm.SwarmJson.toService;
import static dev.berth.internal.swarm.SwarmJson.version;

import dev.berth.DockerException;
import dev.berth.containers.LogRequest;
import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.internal.body.ServiceSpecBody;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.stream.LogCall;
import dev.berth.internal.stream.Streams;
import dev.berth.model.EnvVar;
import dev.berth.model.RegistryCredentials;
import dev.berth.model.ServiceDetails;
import dev.berth.model.ServiceSpec;
import dev.berth.model.TaskDetails;
import dev.berth.swarm.ServiceUpdate;
import dev.berth.swarm.Services;
import dev.berth.swarm.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code docker service}: {@code /services}, with each service's tasks and logs. */
final class ServiceCalls implements Services {
  private final ApiClient api;
  private final RegistryAuthSource auth;
  private final Streams streams;
  private final Tasks tasks;

  ServiceCalls(ApiClient api, RegistryAuthSource auth, Streams streams, Tasks tasks) {
    this.api = api;
    this.auth = auth;
    this.streams = streams;
    this.tasks = tasks;
  }

  @Override
  public ServiceDetails create(ServiceSpec spec) {
    return create(spec, (String) null);
  }

  @Override
  public ServiceDetails create(ServiceSpec spec, RegistryCredentials credentials) {
    return create(spec, auth.authHeader(credentials));
  }

  private ServiceDetails create(ServiceSpec spec, String authHeader) {
    Map<String, Object> body = ServiceSpecBody.toJson(spec, this::secretId,
        this::configId);
    ApiClient.Call call = api.call("POST", "/services/create").jsonBody(body);
    if (authHeader != null) {
      call.header("X-Registry-Auth", authHeader);
    }
    return inspect(string(call.jsonObject(), "ID"));
  }

  @Override
  public List<ServiceDetails> list(Map<String, List<String>> filters) {
    List<ServiceDetails> out = new ArrayList<>();
    for (Map<String, Object> m : objects(api.call("GET", "/services")
        .filters(filters))) {
      out.add(toService(m));
    }
    return out;
  }

  @Override
  public ServiceDetails inspect(String idOrName) {
    return toService(api.call("GET", "/services/" + segment(idOrName)).jsonObject());
  }

  @Override
  @SuppressWarnings("unchecked")
  public ServiceDetails update(String idOrName, ServiceUpdate update) {
    Map<String, Object> m = api.call("GET", "/services/" + segment(idOrName)).jsonObject();
    String id = string(m, "ID");
    Map<String, Object> spec = update.spec() != null
        ? mutable(ServiceSpecBody.toJson(update.spec(), this::secretId,
            this::configId))
        : mutable(object(m, "Spec"));
    Map<String, Object> task = child(spec, "TaskTemplate");
    Map<String, Object> container = child(task, "ContainerSpec");
    if (update.image() != null) {
      container.put("Image", update.image().toString());
    }
    if (update.replicas() != null) {
      Map<String, Object> mode = child(spec, "Mode");
      if (!mode.containsKey("Replicated")) {
        throw new IllegalArgumentException("service \"" + idOrName + "\" is not replicated"
            + " (mode " + toService(m).mode() + "): only a replicated service has replicas");
      }
      child(mode, "Replicated").put("Replicas", update.replicas());
    }
    if (update.args() != null) {
      container.put("Args", update.args());
    }
    if (!update.envAdded().isEmpty() || !update.envRemoved().isEmpty()) {
      List<String> env = container.get("Env") instanceof List<?> l
          ? (List<String>) l : new ArrayList<>();
      Set<String> dropped = new java.util.HashSet<>(update.envRemoved());
      for (EnvVar e : update.envAdded()) {
        dropped.add(e.name());
      }
      env.removeIf(line -> dropped.contains(line.split("=", 2)[0]));
      for (EnvVar e : update.envAdded()) {
        env.add(e.toString());
      }
      container.put("Env", env);
    }
    if (!update.labelsAdded().isEmpty() || !update.labelsRemoved().isEmpty()) {
      Map<String, Object> labels = child(spec, "Labels");
      update.labelsRemoved().forEach(labels::remove);
      labels.putAll(update.labelsAdded());
    }
    if (update.forced()) {
      task.put("ForceUpdate", longValue(task, "ForceUpdate") + 1);
    }
    post(id, m, spec, null);
    return inspect(id);
  }

  private void post(String id, Map<String, Object> current, Map<String, Object> spec,
      String rollback) {
    api.call("POST", "/services/" + segment(id) + "/update")
        .query("version", String.valueOf(version(current)))
        .query("rollback", rollback)
        .jsonBody(spec).discard();
  }

  @Override
  public ServiceDetails scale(String idOrName, long replicas) {
    return update(idOrName, ServiceUpdate.changes().replicas(replicas));
  }

  @Override
  public ServiceDetails rollback(String idOrName) {
    Map<String, Object> m = api.call("GET", "/services/" + segment(idOrName)).jsonObject();
    if (!m.containsKey("PreviousSpec")) {
      throw new IllegalStateException("service \"" + idOrName + "\" has no previous spec to"
          + " roll back to: it was not updated since it was created");
    }
    String id = string(m, "ID");
    post(id, m, object(m, "Spec"), "previous");
    return inspect(id);
  }

  @Override
  public void remove(String idOrName) {
    api.call("DELETE", "/services/" + segment(idOrName)).discard();
  }

  @Override
  public LogRequest logs(String idOrName) {
    return new LogCall(streams, "services", idOrName, () -> bool(object(object(
        inspect(idOrName).spec(), "TaskTemplate"), "ContainerSpec"), "TTY"));
  }

  @Override
  public List<TaskDetails> tasks(String idOrName) {
    String id = inspect(idOrName).id();
    return tasks.list(Map.of("service", List.of(id)));
  }

  @Override
  public ServiceDetails awaitConverged(String idOrName, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ServiceDetails service = inspect(idOrName);
      List<TaskDetails> all = tasks.list(Map.of("service", List.of(service.id())));
      String problem = ServiceConvergence.of(service, all);
      if (problem == null) {
        return service;
      }
      if (problem.startsWith("!") || System.nanoTime() > deadline) {
        StringBuilder b = new StringBuilder("service ").append(service.name())
            .append(problem.startsWith("!") ? " cannot converge: " + problem.substring(1)
                : " did not converge within " + timeout.toMillis() + " ms: " + problem)
            .append("; tasks:");
        for (TaskDetails t : all) {
          b.append(' ').append(t.slot() == null ? t.id() : "#" + t.slot()).append(' ')
              .append(t.state()).append(" (wants ").append(t.desiredState()).append(')');
          if (t.error() != null && !t.error().isEmpty()) {
            b.append(" error: ").append(t.error());
          }
          b.append(';');
        }
        throw new DockerException(b.toString());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DockerException("interrupted while waiting for service " + idOrName, e);
      }
    }
  }

  private String secretId(String name) {
    return string(api.call("GET", "/secrets/" + segment(name)).jsonObject(), "ID");
  }

  private String configId(String name) {
    return string(api.call("GET", "/configs/" + segment(name)).jsonObject(), "ID");
  }
}
