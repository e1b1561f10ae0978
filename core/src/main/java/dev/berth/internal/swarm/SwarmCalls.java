package dev.berth.internal.swarm;

import static dev.berth.internal.http.EngineTimes.instant;
import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.stringMap;

import dev.berth.DockerException;
import dev.berth.containers.LogRequest;
import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.internal.body.ServiceSpecBody;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Paths;
import dev.berth.internal.stream.LogCall;
import dev.berth.internal.stream.Streams;
import dev.berth.model.ConfigDetails;
import dev.berth.model.EnvVar;
import dev.berth.model.NodeDetails;
import dev.berth.model.RegistryCredentials;
import dev.berth.model.SecretDetails;
import dev.berth.model.ServiceDetails;
import dev.berth.model.ServiceSpec;
import dev.berth.model.SwarmDetails;
import dev.berth.model.TaskDetails;
import dev.berth.swarm.Configs;
import dev.berth.swarm.NodeUpdate;
import dev.berth.swarm.Nodes;
import dev.berth.swarm.Secrets;
import dev.berth.swarm.ServiceUpdate;
import dev.berth.swarm.Services;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmInit;
import dev.berth.swarm.SwarmJoin;
import dev.berth.swarm.SwarmUpdate;
import dev.berth.swarm.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@link Swarm} and its resources over the Engine API. */
public final class SwarmCalls implements Swarm {
  private static final String NAME_PATTERN = "[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9])?";

  private final ApiClient api;
  private final RegistryAuthSource auth;
  private final Streams streams;
  private final Nodes nodes = new NodeCalls();
  private final Services services = new ServiceCalls();
  private final Tasks tasks = new TaskCalls();
  private final Secrets secrets = new SecretCalls();
  private final Configs configs = new ConfigCalls();

  /** Swarm calls over {@code api}, with registry credentials from {@code auth}. */
  public SwarmCalls(ApiClient api, RegistryAuthSource auth) {
    this.api = api;
    this.auth = auth;
    this.streams = new Streams(api);
  }

  // ------------------------------------------------------------------ the swarm

  @Override
  public String init(SwarmInit init) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ListenAddr", init.listenAddr());
    body.put("AdvertiseAddr", init.advertiseAddr());
    if (init.dataPathAddr() != null) {
      body.put("DataPathAddr", init.dataPathAddr());
    }
    body.put("ForceNewCluster", init.forceNewCluster());
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!init.labels().isEmpty()) {
      spec.put("Labels", init.labels());
    }
    if (init.taskHistoryLimit() != null) {
      spec.put("Orchestration", Map.of("TaskHistoryRetentionLimit", init.taskHistoryLimit()));
    }
    if (init.autolock()) {
      spec.put("EncryptionConfig", Map.of("AutoLockManagers", true));
    }
    body.put("Spec", spec);
    return String.valueOf(api.call("POST", "/swarm/init").jsonBody(body).json());
  }

  @Override
  public void join(SwarmJoin join) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ListenAddr", join.listenAddr());
    if (join.advertiseAddr() != null) {
      body.put("AdvertiseAddr", join.advertiseAddr());
    }
    if (join.dataPathAddr() != null) {
      body.put("DataPathAddr", join.dataPathAddr());
    }
    body.put("RemoteAddrs", List.of(join.remoteAddr()));
    body.put("JoinToken", join.token());
    api.call("POST", "/swarm/join").jsonBody(body).discard();
  }

  @Override
  public void leave(boolean force) {
    api.call("POST", "/swarm/leave").query("force", force ? "true" : null).discard();
  }

  @Override
  public SwarmDetails inspect() {
    Map<String, Object> m = api.call("GET", "/swarm").jsonObject();
    Map<String, Object> spec = object(m, "Spec");
    Object limit = object(spec, "Orchestration").get("TaskHistoryRetentionLimit");
    return new SwarmDetails(string(m, "ID"), longValue(object(m, "Version"), "Index"),
        instant(string(m, "CreatedAt")), string(object(m, "JoinTokens"), "Worker"),
        string(object(m, "JoinTokens"), "Manager"),
        bool(object(spec, "EncryptionConfig"), "AutoLockManagers"),
        limit instanceof Number n ? n.longValue() : null, stringMap(object(spec, "Labels")), m);
  }

  @Override
  public boolean isActive() {
    Map<String, Object> info = api.call("GET", "/info").jsonObject();
    return "active".equals(string(object(info, "Swarm"), "LocalNodeState"));
  }

  @Override
  public void update(SwarmUpdate update) {
    Map<String, Object> m = api.call("GET", "/swarm").jsonObject();
    Map<String, Object> spec = mutable(object(m, "Spec"));
    if (update.taskHistoryLimit() != null) {
      child(spec, "Orchestration").put("TaskHistoryRetentionLimit", update.taskHistoryLimit());
    }
    if (update.autolock() != null) {
      child(spec, "EncryptionConfig").put("AutoLockManagers", update.autolock());
    }
    if (update.labels() != null) {
      spec.put("Labels", update.labels());
    }
    api.call("POST", "/swarm/update")
        .query("version", String.valueOf(longValue(object(m, "Version"), "Index")))
        .query("rotateWorkerToken", update.rotatesWorkerToken() ? "true" : null)
        .query("rotateManagerToken", update.rotatesManagerToken() ? "true" : null)
        .jsonBody(spec).discard();
  }

  @Override
  public String unlockKey() {
    String key = string(api.call("GET", "/swarm/unlockkey").jsonObject(), "UnlockKey");
    return key == null || key.isEmpty() ? null : key;
  }

  @Override
  public Nodes nodes() {
    return nodes;
  }

  @Override
  public Services services() {
    return services;
  }

  @Override
  public Tasks tasks() {
    return tasks;
  }

  @Override
  public Secrets secrets() {
    return secrets;
  }

  @Override
  public Configs configs() {
    return configs;
  }

  // ------------------------------------------------------------------ JSON helpers

  /** A deep copy of engine JSON that can be changed. */
  @SuppressWarnings("unchecked")
  static <T> T mutable(T json) {
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, mutable(v)));
      return (T) copy;
    }
    if (json instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object item : list) {
        copy.add(mutable(item));
      }
      return (T) copy;
    }
    return json;
  }

  /** The object at {@code key} of a mutable map, made when missing. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    if (v instanceof Map<?, ?>) {
      return (Map<String, Object>) v;
    }
    Map<String, Object> made = new LinkedHashMap<>();
    parent.put(key, made);
    return made;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> objects(ApiClient.Call call) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : call.jsonArray()) {
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  private static String segment(String idOrName) {
    return Paths.segment(idOrName, false);
  }

  /** A node's id or name, with {@code self} (as the docker CLI takes it) read as this node. */
  private String node(String idOrName) {
    if (!"self".equals(idOrName)) {
      return segment(idOrName);
    }
    String id = string(object(api.call("GET", "/info").jsonObject(), "Swarm"), "NodeID");
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException("node \"self\" names this engine's node, but the engine is"
          + " not in a swarm");
    }
    return segment(id);
  }

  private static long version(Map<String, Object> json) {
    return longValue(object(json, "Version"), "Index");
  }

  private static void checkName(String what, String name) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException(what + " name \"" + name + "\" is not valid: expected 1"
          + " to 64 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
  }

  // ------------------------------------------------------------------ nodes

  static NodeDetails toNode(Map<String, Object> m) {
    Map<String, Object> spec = object(m, "Spec");
    Map<String, Object> description = object(m, "Description");
    return new NodeDetails(string(m, "ID"), version(m), string(description, "Hostname"),
        string(spec, "Role"), string(spec, "Availability"), string(object(m, "Status"), "State"),
        string(object(m, "Status"), "Addr"), bool(object(m, "ManagerStatus"), "Leader"),
        string(object(description, "Engine"), "EngineVersion"),
        stringMap(object(spec, "Labels")), m);
  }

  private final class NodeCalls implements Nodes {
    @Override
    public List<NodeDetails> list(Map<String, List<String>> filters) {
      List<NodeDetails> out = new ArrayList<>();
      for (Map<String, Object> m : objects(api.call("GET", "/nodes")
          .filters(filters))) {
        out.add(toNode(m));
      }
      return out;
    }

    @Override
    public NodeDetails inspect(String idOrName) {
      return toNode(api.call("GET", "/nodes/" + node(idOrName)).jsonObject());
    }

    @Override
    public NodeDetails update(String idOrName, NodeUpdate update) {
      Map<String, Object> m = api.call("GET", "/nodes/" + node(idOrName)).jsonObject();
      Map<String, Object> spec = mutable(object(m, "Spec"));
      if (update.availability() != null) {
        spec.put("Availability", update.availability());
      }
      if (update.role() != null) {
        spec.put("Role", update.role());
      }
      Map<String, Object> labels = child(spec, "Labels");
      update.labelsRemoved().forEach(labels::remove);
      labels.putAll(update.labelsAdded());
      String id = string(m, "ID");
      api.call("POST", "/nodes/" + segment(id) + "/update")
          .query("version", String.valueOf(version(m))).jsonBody(spec).discard();
      return inspect(id);
    }

    @Override
    public void remove(String idOrName, boolean force) {
      api.call("DELETE", "/nodes/" + node(idOrName)).query("force", force ? "true" : null)
          .discard();
    }
  }

  // ------------------------------------------------------------------ services

  static ServiceDetails toService(Map<String, Object> m) {
    Map<String, Object> spec = object(m, "Spec");
    Map<String, Object> mode = object(spec, "Mode");
    String modeName;
    Long replicas = null;
    if (mode.containsKey("Replicated")) {
      modeName = "replicated";
      replicas = longValue(object(mode, "Replicated"), "Replicas");
    } else if (mode.containsKey("ReplicatedJob")) {
      modeName = "replicated-job";
    } else if (mode.containsKey("GlobalJob")) {
      modeName = "global-job";
    } else {
      modeName = "global";
    }
    Map<String, Object> status = object(m, "UpdateStatus");
    return new ServiceDetails(string(m, "ID"), version(m), string(spec, "Name"),
        string(object(object(spec, "TaskTemplate"), "ContainerSpec"), "Image"), modeName,
        replicas, string(status, "State"), string(status, "Message"),
        instant(string(m, "CreatedAt")), instant(string(m, "UpdatedAt")),
        stringMap(object(spec, "Labels")), spec, m);
  }

  static TaskDetails toTask(Map<String, Object> m) {
    Map<String, Object> status = object(m, "Status");
    Object slot = m.get("Slot");
    String container = string(object(status, "ContainerStatus"), "ContainerID");
    return new TaskDetails(string(m, "ID"), string(m, "ServiceID"), string(m, "NodeID"),
        slot instanceof Number n && n.longValue() > 0 ? n.longValue() : null,
        string(m, "DesiredState"), string(status, "State"), string(status, "Message"),
        string(status, "Err"), container == null || container.isEmpty() ? null : container,
        string(object(object(m, "Spec"), "ContainerSpec"), "Image"),
        instant(string(status, "Timestamp")), m);
  }

  private String secretId(String name) {
    return string(api.call("GET", "/secrets/" + segment(name)).jsonObject(), "ID");
  }

  private String configId(String name) {
    return string(api.call("GET", "/configs/" + segment(name)).jsonObject(), "ID");
  }

  private final class ServiceCalls implements Services {
    @Override
    public ServiceDetails create(ServiceSpec spec) {
      return create(spec, (String) null);
    }

    @Override
    public ServiceDetails create(ServiceSpec spec, RegistryCredentials credentials) {
      return create(spec, auth.authHeader(credentials));
    }

    private ServiceDetails create(ServiceSpec spec, String authHeader) {
      ServiceSpecBody.checkVersion(spec, api.version());
      Map<String, Object> body = ServiceSpecBody.toJson(spec, SwarmCalls.this::secretId,
          SwarmCalls.this::configId);
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
      if (update.spec() != null) {
        ServiceSpecBody.checkVersion(update.spec(), api.version());
      }
      Map<String, Object> spec = update.spec() != null
          ? mutable(ServiceSpecBody.toJson(update.spec(), SwarmCalls.this::secretId,
              SwarmCalls.this::configId))
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
  }

  // ------------------------------------------------------------------ tasks

  private final class TaskCalls implements Tasks {
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

  // ------------------------------------------------------------------ secrets and configs

  private Map<String, Object> dataBody(String what, String name, byte[] data,
      Map<String, String> labels) {
    checkName(what, name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    if (labels != null && !labels.isEmpty()) {
      body.put("Labels", labels);
    }
    body.put("Data", Base64.getEncoder().encodeToString(data));
    return body;
  }

  static SecretDetails toSecret(Map<String, Object> m) {
    Map<String, Object> spec = object(m, "Spec");
    return new SecretDetails(string(m, "ID"), version(m), string(spec, "Name"),
        instant(string(m, "CreatedAt")), stringMap(object(spec, "Labels")), m);
  }

  static ConfigDetails toConfig(Map<String, Object> m) {
    Map<String, Object> spec = object(m, "Spec");
    String data = string(spec, "Data");
    return new ConfigDetails(string(m, "ID"), version(m), string(spec, "Name"),
        data == null ? new byte[0] : Base64.getDecoder().decode(data),
        instant(string(m, "CreatedAt")), stringMap(object(spec, "Labels")), m);
  }

  /** Create, list, inspect and remove of secrets or configs, which the API treats alike. */
  private abstract class DataCalls<T> {
    private final String what;
    private final Function<Map<String, Object>, T> read;

    DataCalls(String what, Function<Map<String, Object>, T> read) {
      this.what = what;
      this.read = read;
    }

    public T create(String name, byte[] data, Map<String, String> labels) {
      String id = string(api.call("POST", "/" + what + "s/create")
          .jsonBody(dataBody(what, name, data, labels)).jsonObject(), "ID");
      return inspect(id);
    }

    public List<T> list(Map<String, List<String>> filters) {
      List<T> out = new ArrayList<>();
      for (Map<String, Object> m : objects(api.call("GET", "/" + what + "s")
          .filters(filters))) {
        out.add(read.apply(m));
      }
      return out;
    }

    public T inspect(String idOrName) {
      return read.apply(api.call("GET", "/" + what + "s/" + segment(idOrName)).jsonObject());
    }

    public void remove(String idOrName) {
      api.call("DELETE", "/" + what + "s/" + segment(idOrName)).discard();
    }
  }

  private final class SecretCalls extends DataCalls<SecretDetails> implements Secrets {
    SecretCalls() {
      super("secret", SwarmCalls::toSecret);
    }
  }

  private final class ConfigCalls extends DataCalls<ConfigDetails> implements Configs {
    ConfigCalls() {
      super("config", SwarmCalls::toConfig);
    }
  }
}
