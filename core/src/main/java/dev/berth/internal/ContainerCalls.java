package dev.berth.internal;

import static dev.berth.internal.Fields.integer;
import static dev.berth.internal.Fields.longValue;
import static dev.berth.internal.Fields.object;
import static dev.berth.internal.Fields.string;
import static dev.berth.internal.Fields.strings;

import dev.berth.containers.Container;
import dev.berth.containers.Containers;
import dev.berth.containers.ListOptions;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ContainerSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Containers} over the Engine API. */
public final class ContainerCalls implements Containers {
  private final ApiClient api;

  /** Container calls over {@code api}. */
  public ContainerCalls(ApiClient api) {
    this.api = api;
  }

  @Override
  public Container create(ContainerSpec spec) {
    Map<String, Object> body = ContainerCreateBody.of(spec, api.version());
    Map<String, Object> answer = api.call("POST", "/containers/create")
        .query("name", spec.name())
        .query("platform", spec.platform())
        .jsonBody(body)
        .jsonObject();
    return new Handle(string(answer, "Id"));
  }

  @Override
  public Container get(String idOrName) {
    return new Handle(inspect(idOrName).id());
  }

  @Override
  public List<ContainerSummary> list() {
    return list(ListOptions.running());
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ContainerSummary> list(ListOptions options) {
    List<ContainerSummary> out = new ArrayList<>();
    for (Object row : listCall(options).jsonArray()) {
      out.add(toSummary((Map<String, Object>) row));
    }
    return out;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> ids(ListOptions options) {
    List<String> out = new ArrayList<>();
    for (Object row : listCall(options).jsonArray()) {
      out.add(string((Map<String, Object>) row, "Id"));
    }
    return out;
  }

  private ApiClient.Call listCall(ListOptions options) {
    return api.call("GET", "/containers/json")
        .query("all", options.includesStopped() ? "1" : null)
        .query("limit", options.limit() > 0 ? options.limit() : null)
        .query("size", options.size() ? "1" : null)
        .query("filters", options.filters().isEmpty() ? null
            : new String(Json.write(options.filters()), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void remove(String idOrName, RemoveOptions options) {
    // A link is named /container/alias; the engine's router wants it without the leading slash.
    api.call("DELETE", "/containers/" + Paths.segment(idOrName, options.isLink()))
        .query("force", options.isForce() ? "1" : null)
        .query("v", options.isVolumes() ? "1" : null)
        .query("link", options.isLink() ? "1" : null)
        .discard();
  }

  ContainerDetails inspect(String idOrName) {
    return toDetails(api.call("GET", "/containers/" + Paths.segment(idOrName, false) + "/json")
        .jsonObject());
  }

  static ContainerSummary toSummary(Map<String, Object> json) {
    List<String> names = new ArrayList<>();
    for (String n : strings(json, "Names")) {
      names.add(n.startsWith("/") ? n.substring(1) : n);
    }
    long created = longValue(json, "Created");
    return new ContainerSummary(string(json, "Id"), names, string(json, "Image"),
        string(json, "ImageID"), string(json, "Command"),
        created == 0 ? null : Instant.ofEpochSecond(created),
        string(json, "State"), string(json, "Status"), stringMap(object(json, "Labels")), json);
  }

  static ContainerDetails toDetails(Map<String, Object> json) {
    Map<String, Object> config = object(json, "Config");
    Map<String, Object> state = object(json, "State");
    List<String> command = new ArrayList<>();
    if (string(json, "Path") != null && !string(json, "Path").isEmpty()) {
      command.add(string(json, "Path"));
    }
    command.addAll(strings(json, "Args"));
    String name = string(json, "Name");
    return new ContainerDetails(
        string(json, "Id"),
        name != null && name.startsWith("/") ? name.substring(1) : name,
        instant(string(json, "Created")),
        string(config, "Image"),
        string(json, "Image"),
        command,
        new ContainerDetails.State(
            string(state, "Status"),
            Fields.bool(state, "Running"),
            Fields.bool(state, "Paused"),
            integer(state, "ExitCode"),
            longValue(state, "Pid"),
            string(state, "Error") == null ? "" : string(state, "Error"),
            instant(string(state, "StartedAt")),
            instant(string(state, "FinishedAt"))),
        integer(json, "RestartCount"),
        stringMap(object(config, "Labels")),
        strings(config, "Env"),
        json);
  }

  /** An engine timestamp, or null for none or Go's zero time (year 1). */
  static Instant instant(String text) {
    if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, String> stringMap(Map<String, Object> json) {
    Map<String, String> out = new LinkedHashMap<>();
    json.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }

  /** A container by id. */
  private final class Handle implements Container {
    private final String id;

    Handle(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public ContainerDetails inspect() {
      return ContainerCalls.this.inspect(id);
    }

    @Override
    public void remove(RemoveOptions options) {
      ContainerCalls.this.remove(id, options);
    }

    @Override
    public String toString() {
      return "Container{" + id + "}";
    }
  }
}
