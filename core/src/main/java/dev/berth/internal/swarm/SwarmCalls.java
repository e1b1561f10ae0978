package dev.berth.internal.swarm;

import static dev.berth.internal.http.EngineTimes.instant;
import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.stringMap;
import static dev.berth.internal.swarm.SwarmJson.child;
import static dev.berth.internal.swarm.SwarmJson.mutable;

import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.stream.Streams;
import dev.berth.model.SwarmDetails;
import dev.berth.swarm.Configs;
import dev.berth.swarm.Nodes;
import dev.berth.swarm.Secrets;
import dev.berth.swarm.Services;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmInit;
import dev.berth.swarm.SwarmJoin;
import dev.berth.swarm.SwarmUpdate;
import dev.berth.swarm.Tasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Swarm} and its resources over the Engine API. */
public final class SwarmCalls implements Swarm {
  private final ApiClient api;
  private final Nodes nodes;
  private final Services services;
  private final Tasks tasks;
  private final Secrets secrets;
  private final Configs configs;

  /** Swarm calls over {@code api}, with registry credentials from {@code auth}. */
  public SwarmCalls(ApiClient api, RegistryAuthSource auth) {
    this.api = api;
    this.nodes = new NodeCalls(api);
    this.tasks = new TaskCalls(api);
    this.services = new ServiceCalls(api, auth, new Streams(api), tasks);
    this.secrets = new SecretCalls(api);
    this.configs = new ConfigCalls(api);
  }

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
}
