package dev.berth.internal.containers;

import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.stringMap;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.NotFoundException;
import dev.berth.containers.Attachment;
import dev.berth.containers.Container;
import dev.berth.containers.Containers;
import dev.berth.containers.ListOptions;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.internal.body.ContainerCreateBody;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Paths;
import dev.berth.internal.stream.ExecCall;
import dev.berth.internal.stream.ImagePull;
import dev.berth.internal.stream.Streams;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ContainerSummary;
import dev.berth.model.ExecDetails;
import dev.berth.model.ExecResult;
import dev.berth.model.PruneResult;
import dev.berth.model.WaitResult;
import dev.berth.transport.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link Containers} over the Engine API. */
public final class ContainerCalls implements Containers {
  private final ApiClient api;
  private final Streams streams;

  /** Container calls over {@code api}. */
  public ContainerCalls(ApiClient api) {
    this.api = api;
    this.streams = new Streams(api);
  }

  @Override
  public Container run(ContainerSpec spec) {
    return run(spec, PullPolicy.MISSING);
  }

  @Override
  public Container run(ContainerSpec spec, PullPolicy policy) {
    Container c = createPulling(spec, policy);
    try {
      c.start();
    } catch (RuntimeException e) {
      // docker run leaves a container that failed to start; Berth leaves nothing half-made.
      try {
        c.remove(RemoveOptions.force().withVolumes(true));
      } catch (NotFoundException alreadyGone) {
        // --rm removed it already
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return c;
  }

  private Container createPulling(ContainerSpec spec, PullPolicy policy) {
    if (spec.image().isId()) {
      return create(spec); // an id is never pulled: no registry serves it, and it cannot change
    }
    if (policy == PullPolicy.ALWAYS) {
      ImagePull.pull(api, spec.image());
      return create(spec);
    }
    try {
      return create(spec);
    } catch (NotFoundException e) {
      // dockerd: "No such image: x"; Podman: "no such image: docker.io/x: image not known"
      if (policy == PullPolicy.NEVER
          || !e.engineMessage().regionMatches(true, 0, "No such image", 0, 13)) {
        throw e;
      }
      ImagePull.pull(api, spec.image());
      return create(spec);
    }
  }

  @Override
  public ExecResult runToExit(ContainerSpec spec) {
    ContainerSpec foreground = spec.attach().isEmpty() ? spec.attach("stdout", "stderr") : spec;
    Container c = createPulling(foreground, PullPolicy.MISSING);
    ContainerHandle h = (ContainerHandle) c;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // As the CLI does: attach and ask to wait before starting, so neither the output nor the exit
    // is missed, even when --rm removes the container at once.
    // Podman answers a wait for "removed" with 0, whatever the exit code: there the code comes
    // from a wait for the exit, and the wait for "removed" only says the removal is done.
    boolean codeFromExit = spec.autoRemove() && api.isPodman();
    try (Attachment a = c.attach().open();
        HttpResponse wait = api.call("POST", "/containers/" + c.id() + "/wait")
            .query("condition", spec.autoRemove() && !codeFromExit ? "removed" : "next-exit")
            .streaming().open();
        HttpResponse removal = !codeFromExit ? null
            : api.call("POST", "/containers/" + c.id() + "/wait").query("condition", "removed")
                .streaming().open()) {
      c.start();
      a.output().copyTo(out, err);
      WaitResult result = h.waitResult(wait);
      if (removal != null) {
        h.waitResult(removal);
      }
      return new ExecResult(result.exitCode(), out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw api.failure("POST", "/containers/" + c.id() + "/wait", e);
    } catch (RuntimeException e) {
      if (!spec.autoRemove()) {
        throw e;
      }
      try {
        c.remove(RemoveOptions.force());
      } catch (NotFoundException gone) {
        // removed already
      }
      throw e;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public PruneResult prune(Map<String, List<String>> filters) {
    Map<String, Object> answer = api.call("POST", "/containers/prune")
        .filters(filters)
        .jsonObject();
    return new PruneResult(strings(answer, "ContainersDeleted"),
        longValue(answer, "SpaceReclaimed"));
  }

  @Override
  public Container create(ContainerSpec spec) {
    Map<String, Object> body = ContainerCreateBody.of(spec, api.version());
    Map<String, Object> answer = api.call("POST", "/containers/create")
        .query("name", spec.name())
        .query("platform", spec.platform())
        .jsonBody(body)
        .jsonObject();
    return new ContainerHandle(this, api, streams, string(answer, "Id"));
  }

  @Override
  public Container get(String idOrName) {
    return new ContainerHandle(this, api, streams, inspect(idOrName).id());
  }

  @Override
  public ExecDetails inspectExec(String execId) {
    return ExecCall.details(api.call("GET", "/exec/" + Paths.segment(execId, false) + "/json")
        .jsonObject());
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
        .filters(options.filters());
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
    return inspect(idOrName, false);
  }

  ContainerDetails inspect(String idOrName, boolean size) {
    return ContainerInspect.details(
        api.call("GET", "/containers/" + Paths.segment(idOrName, false) + "/json")
            .query("size", size ? "1" : null)
            .jsonObject(),
        size);
  }

  static ContainerSummary toSummary(Map<String, Object> json) {
    List<String> names = new ArrayList<>();
    for (String n : strings(json, "Names")) {
      names.add(n.startsWith("/") ? n.substring(1) : n);
    }
    long created = longValue(json, "Created");
    return new ContainerSummary(string(json, "Id"), names, Fields.imageName(json, "Image"),
        string(json, "ImageID"), string(json, "Command"),
        created == 0 ? null : Instant.ofEpochSecond(created),
        string(json, "State"), string(json, "Status"), stringMap(object(json, "Labels")), json);
  }
}
