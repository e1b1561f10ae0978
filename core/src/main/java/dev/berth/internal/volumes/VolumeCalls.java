package dev.berth.internal.volumes;

import static dev.berth.internal.http.ConfigFields.texts;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.EngineTimes;
import dev.berth.internal.http.Paths;
import dev.berth.model.PruneResult;
import dev.berth.model.VolumeDetails;
import dev.berth.volumes.Volumes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Volumes} over the Engine API. */
public final class VolumeCalls implements Volumes {
  private final ApiClient api;

  /** Volume calls over {@code api}. */
  public VolumeCalls(ApiClient api) {
    this.api = api;
  }

  @Override
  public VolumeDetails create(String name, String driver, Map<String, String> options,
      Map<String, String> labels) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (name != null) {
      body.put("Name", name);
    }
    body.put("Driver", driver == null ? "local" : driver);
    body.put("DriverOpts", options);
    body.put("Labels", labels);
    return toDetails(api.call("POST", "/volumes/create").jsonBody(body).jsonObject());
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<VolumeDetails> list(Map<String, List<String>> filters) {
    Object volumes = api.call("GET", "/volumes").filters(filters)
        .jsonObject().get("Volumes");
    List<VolumeDetails> out = new ArrayList<>();
    if (volumes instanceof List<?> list) {
      for (Object o : list) {
        out.add(toDetails((Map<String, Object>) o));
      }
    }
    return out;
  }

  @Override
  public VolumeDetails inspect(String name) {
    return toDetails(api.call("GET", "/volumes/" + Paths.segment(name, false)).jsonObject());
  }

  @Override
  public void remove(String name, boolean force) {
    api.call("DELETE", "/volumes/" + Paths.segment(name, false))
        .query("force", force ? "1" : null).discard();
  }

  @Override
  public PruneResult prune(Map<String, List<String>> filters) {
    Map<String, Object> answer = api.call("POST", "/volumes/prune")
        .filters(filters).jsonObject();
    return new PruneResult(strings(answer, "VolumesDeleted"), longValue(answer, "SpaceReclaimed"));
  }

  /** An inspect, create or list answer as typed values; what the engine leaves out reads as empty. */
  static VolumeDetails toDetails(Map<String, Object> m) {
    Optional<VolumeDetails.Usage> usage = Optional.empty();
    if (m.get("UsageData") instanceof Map<?, ?>) {
      Map<String, Object> u = object(m, "UsageData");
      usage = Optional.of(new VolumeDetails.Usage(number(u, "Size"), number(u, "RefCount")));
    }
    return new VolumeDetails(string(m, "Name"), string(m, "Driver"), string(m, "Mountpoint"),
        EngineTimes.instant(string(m, "CreatedAt")), string(m, "Scope"), texts(m, "Labels"),
        texts(m, "Options"), object(m, "Status"), usage, m);
  }

  /** The number at {@code key}, or -1 (the engine's own "not available") when there is none. */
  private static long number(Map<String, Object> json, String key) {
    return json.get(key) instanceof Number n ? n.longValue() : -1;
  }
}
