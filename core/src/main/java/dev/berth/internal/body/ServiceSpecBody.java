package dev.berth.internal.body;

import dev.berth.model.ConfigRef;
import dev.berth.model.EnvVar;
import dev.berth.model.Mount;
import dev.berth.model.SecretRef;
import dev.berth.model.ServiceMode;
import dev.berth.model.ServicePort;
import dev.berth.model.ServiceRestart;
import dev.berth.model.ServiceSpec;
import dev.berth.model.UpdateConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of {@code POST /services/create} and {@code /services/{id}/update} for a {@link
 * ServiceSpec}, written as the docker CLI writes it (durations in nanoseconds, {@code --host
 * name:ip} as {@code "ip name"}). Settings newer than the API spoken are refused by the API
 * gates ({@code dev.berth.internal.http.ApiGates}) when the request is sent.
 */
public final class ServiceSpecBody {
  private ServiceSpecBody() {}

  /**
   * The spec's JSON; {@code secretIds} and {@code configIds} give the id of each secret and config
   * by name.
   */
  public static Map<String, Object> toJson(ServiceSpec spec, Function<String, String> secretIds,
      Function<String, String> configIds) {
    Map<String, Object> json = new LinkedHashMap<>();
    put(json, "Name", spec.name());
    putMap(json, "Labels", spec.labels());
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("ContainerSpec", container(spec, secretIds, configIds));
    Map<String, Object> resources = new LinkedHashMap<>();
    Map<String, Object> limits = resources(spec.limitCpus(), spec.limitMemory());
    put(limits, "Pids", spec.limitPids());
    putObject(resources, "Limits", limits);
    putObject(resources, "Reservations", resources(spec.reserveCpus(), spec.reserveMemory()));
    putObject(task, "Resources", resources);
    putObject(task, "RestartPolicy", restart(spec.restart()));
    Map<String, Object> placement = new LinkedHashMap<>();
    putList(placement, "Constraints", spec.constraints());
    List<Object> preferences = new ArrayList<>();
    for (String p : spec.placementPreferences()) {
      preferences.add(Map.of("Spread", Map.of("SpreadDescriptor",
          p.substring("spread=".length()))));
    }
    putList(placement, "Preferences", preferences);
    put(placement, "MaxReplicas", spec.maxReplicasPerNode());
    putObject(task, "Placement", placement);
    List<Object> networks = new ArrayList<>();
    for (String n : spec.networks()) {
      networks.add(Map.of("Target", n));
    }
    putList(task, "Networks", networks);
    if (spec.logDriver() != null || !spec.logOptions().isEmpty()) {
      Map<String, Object> log = new LinkedHashMap<>();
      put(log, "Name", spec.logDriver());
      putMap(log, "Options", spec.logOptions());
      task.put("LogDriver", log);
    }
    json.put("TaskTemplate", task);
    json.put("Mode", mode(spec.mode()));
    putObject(json, "UpdateConfig", update(spec.updateConfig()));
    putObject(json, "RollbackConfig", update(spec.rollbackConfig()));
    Map<String, Object> endpoint = new LinkedHashMap<>();
    put(endpoint, "Mode", spec.endpointMode());
    List<Object> ports = new ArrayList<>();
    for (ServicePort p : spec.ports()) {
      Map<String, Object> port = new LinkedHashMap<>();
      port.put("Protocol", p.protocol());
      port.put("TargetPort", p.target());
      if (p.published() != 0) {
        port.put("PublishedPort", p.published());
      }
      port.put("PublishMode", p.mode());
      ports.add(port);
    }
    putList(endpoint, "Ports", ports);
    putObject(json, "EndpointSpec", endpoint);
    return json;
  }

  private static Map<String, Object> container(ServiceSpec spec,
      Function<String, String> secretIds, Function<String, String> configIds) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Image", spec.image().toString());
    putMap(c, "Labels", spec.containerLabels());
    if (spec.entrypoint() != null) {
      c.put("Command", spec.entrypoint());
    }
    putList(c, "Args", spec.args());
    put(c, "Hostname", spec.hostname());
    List<String> env = new ArrayList<>();
    for (EnvVar e : spec.env()) {
      env.add(e.toString());
    }
    putList(c, "Env", env);
    put(c, "Dir", spec.workdir());
    put(c, "User", spec.user());
    putList(c, "Groups", spec.groups());
    if (spec.tty()) {
      c.put("TTY", true);
    }
    if (spec.readOnly()) {
      c.put("ReadOnly", true);
    }
    List<Object> mounts = new ArrayList<>();
    for (Mount m : spec.mounts()) {
      mounts.add(ContainerCreateBody.mount(m));
    }
    putList(c, "Mounts", mounts);
    put(c, "StopSignal", spec.stopSignal());
    if (spec.stopGracePeriod() != null) {
      c.put("StopGracePeriod", spec.stopGracePeriod().toNanos());
    }
    if (spec.healthcheck() != null) {
      c.put("Healthcheck", ContainerCreateBody.healthcheck(spec.healthcheck()));
    }
    List<String> hosts = new ArrayList<>();
    for (String h : spec.hosts()) {
      int colon = h.indexOf(':');
      hosts.add(h.substring(colon + 1) + " " + h.substring(0, colon));
    }
    putList(c, "Hosts", hosts);
    Map<String, Object> dns = new LinkedHashMap<>();
    putList(dns, "Nameservers", spec.dns());
    putList(dns, "Search", spec.dnsSearch());
    putList(dns, "Options", spec.dnsOptions());
    putObject(c, "DNSConfig", dns);
    List<Object> secrets = new ArrayList<>();
    for (SecretRef s : spec.secrets()) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("File", file(s.target(), s.uid(), s.gid(), s.mode()));
      ref.put("SecretID", secretIds.apply(s.source()));
      ref.put("SecretName", s.source());
      secrets.add(ref);
    }
    putList(c, "Secrets", secrets);
    List<Object> configs = new ArrayList<>();
    for (ConfigRef s : spec.configs()) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("File", file(s.target(), s.uid(), s.gid(), s.mode()));
      ref.put("ConfigID", configIds.apply(s.source()));
      ref.put("ConfigName", s.source());
      configs.add(ref);
    }
    putList(c, "Configs", configs);
    put(c, "Init", spec.init());
    putMap(c, "Sysctls", spec.sysctls());
    putList(c, "CapabilityAdd", capabilities(spec.capAdd()));
    putList(c, "CapabilityDrop", capabilities(spec.capDrop()));
    List<Object> ulimits = new ArrayList<>();
    for (String u : spec.ulimits()) {
      ulimits.add(ContainerCreateBody.ulimit(u));
    }
    putList(c, "Ulimits", ulimits);
    put(c, "Isolation", spec.isolation());
    return c;
  }

  /** Capability names as the CLI sends them: upper case with {@code CAP_}, except {@code ALL}. */
  private static List<String> capabilities(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String upper = n.toUpperCase(java.util.Locale.ROOT);
      out.add(upper.equals("ALL") || upper.startsWith("CAP_") ? upper : "CAP_" + upper);
    }
    return out;
  }

  private static Map<String, Object> file(String name, String uid, String gid, int mode) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("Name", name);
    f.put("UID", uid);
    f.put("GID", gid);
    f.put("Mode", mode);
    return f;
  }

  private static Map<String, Object> resources(Long cpus, Long memory) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "NanoCPUs", cpus);
    put(m, "MemoryBytes", memory);
    return m;
  }

  private static Map<String, Object> restart(ServiceRestart r) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "Condition", r.condition());
    nanos(m, "Delay", r.delay());
    put(m, "MaxAttempts", r.maxAttempts());
    nanos(m, "Window", r.window());
    return m;
  }

  static Map<String, Object> mode(ServiceMode mode) {
    Map<String, Object> inner = new LinkedHashMap<>();
    switch (mode.kind()) {
      case REPLICATED:
        inner.put("Replicas", mode.replicas());
        return Map.of("Replicated", inner);
      case REPLICATED_JOB:
        inner.put("MaxConcurrent", mode.maxConcurrent());
        inner.put("TotalCompletions", mode.replicas());
        return Map.of("ReplicatedJob", inner);
      case GLOBAL_JOB:
        return Map.of("GlobalJob", inner);
      default:
        return Map.of("Global", inner);
    }
  }

  private static Map<String, Object> update(UpdateConfig u) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "Parallelism", u.parallelism());
    nanos(m, "Delay", u.delay());
    put(m, "FailureAction", u.failureAction());
    nanos(m, "Monitor", u.monitor());
    put(m, "MaxFailureRatio", u.maxFailureRatio());
    put(m, "Order", u.order());
    return m;
  }

  private static void nanos(Map<String, Object> m, String key, Duration d) {
    if (d != null) {
      m.put(key, d.toNanos());
    }
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static void putMap(Map<String, Object> m, String key, Map<String, String> value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static void putList(Map<String, Object> m, String key, List<?> value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }

  private static void putObject(Map<String, Object> m, String key, Map<String, Object> value) {
    if (!value.isEmpty()) {
      m.put(key, value);
    }
  }
}
