package dev.berth.internal.swarm;

import static dev.berth.internal.http.EngineTimes.instant;
import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.stringMap;

import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Paths;
import dev.berth.model.ConfigDetails;
import dev.berth.model.NodeDetails;
import dev.berth.model.SecretDetails;
import dev.berth.model.ServiceDetails;
import dev.berth.model.TaskDetails;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of swarm objects: nodes, services, tasks, secrets and configs read into the model's
 * details, specs copied so they can be changed and posted back, and the checks and path segments
 * the swarm calls share.
 */
final class SwarmJson {
  private static final String NAME_PATTERN = "[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9])?";

  private SwarmJson() {}

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
  static List<Map<String, Object>> objects(ApiClient.Call call) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : call.jsonArray()) {
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  static String segment(String idOrName) {
    return Paths.segment(idOrName, false);
  }

  static long version(Map<String, Object> json) {
    return longValue(object(json, "Version"), "Index");
  }

  static void checkName(String what, String name) {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException(what + " name \"" + name + "\" is not valid: expected 1"
          + " to 64 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
  }

  static Map<String, Object> dataBody(String what, String name, byte[] data,
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

  static NodeDetails toNode(Map<String, Object> m) {
    Map<String, Object> spec = object(m, "Spec");
    Map<String, Object> description = object(m, "Description");
    return new NodeDetails(string(m, "ID"), version(m), string(description, "Hostname"),
        string(spec, "Role"), string(spec, "Availability"), string(object(m, "Status"), "State"),
        string(object(m, "Status"), "Addr"), bool(object(m, "ManagerStatus"), "Leader"),
        string(object(description, "Engine"), "EngineVersion"),
        stringMap(object(spec, "Labels")), m);
  }

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
}
