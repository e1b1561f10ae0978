package dev.berth.internal.containers;

import static dev.berth.internal.http.Fields.integer;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.DockerException;
import dev.berth.DockerTimeoutException;
import dev.berth.containers.AttachRequest;
import dev.berth.containers.CommitOptions;
import dev.berth.containers.Container;
import dev.berth.containers.ContainerUpdate;
import dev.berth.containers.ExecRequest;
import dev.berth.containers.LogRequest;
import dev.berth.containers.RemoveOptions;
import dev.berth.containers.StatsStream;
import dev.berth.containers.WaitCondition;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import dev.berth.internal.stream.AttachCall;
import dev.berth.internal.stream.ExecCall;
import dev.berth.internal.stream.LogCall;
import dev.berth.internal.stream.StatsReading;
import dev.berth.internal.stream.Streams;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerStats;
import dev.berth.model.FileChange;
import dev.berth.model.ImageRef;
import dev.berth.model.PortMapping;
import dev.berth.model.ProcessList;
import dev.berth.model.WaitResult;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container by id: {@link Container} over the Engine API. */
final class ContainerHandle implements Container {
  private final ContainerCalls calls;
  private final ApiClient api;
  private final Streams streams;
  private final String id;
  private final String path;
  private volatile Boolean tty;

  ContainerHandle(ContainerCalls calls, ApiClient api, Streams streams, String id) {
    this.calls = calls;
    this.api = api;
    this.streams = streams;
    this.id = id;
    this.path = "/containers/" + id;
  }

  /** The container's TTY flag, which decides the framing of its logs and attach. */
  private boolean tty() {
    Boolean t = tty;
    if (t == null) {
      t = Fields.bool(object(api.call("GET", path + "/json").jsonObject(), "Config"), "Tty");
      tty = t;
    }
    return t;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ContainerDetails inspect() {
    return inspect(false);
  }

  @Override
  public ContainerDetails inspect(boolean size) {
    ContainerDetails d = calls.inspect(id, size);
    tty = d.config().tty();
    return d;
  }

  @Override
  public void start() {
    api.call("POST", path + "/start").discard();
  }

  @Override
  public void stop() {
    api.call("POST", path + "/stop").streaming().discard();
  }

  @Override
  public void stop(Duration timeout) {
    api.call("POST", path + "/stop").query("t", timeout.toSeconds()).streaming().discard();
  }

  @Override
  public void restart() {
    api.call("POST", path + "/restart").streaming().discard();
  }

  @Override
  public void restart(Duration timeout) {
    api.call("POST", path + "/restart").query("t", timeout.toSeconds()).streaming().discard();
  }

  @Override
  public void kill() {
    api.call("POST", path + "/kill").discard();
  }

  @Override
  public void kill(String signal) {
    if (signal == null || !signal.matches("[A-Za-z0-9+-]+")) {
      throw new IllegalArgumentException("signal \"" + signal
          + "\" is not valid: expected a name such as KILL or SIGHUP, or a number such as 9");
    }
    api.call("POST", path + "/kill").query("signal", signal).discard();
  }

  @Override
  public void pause() {
    api.call("POST", path + "/pause").discard();
  }

  @Override
  public void unpause() {
    api.call("POST", path + "/unpause").discard();
  }

  @Override
  public void rename(String newName) {
    if (newName == null || !newName.matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
      throw new IllegalArgumentException("container name \"" + newName
          + "\" is not valid: expected [a-zA-Z0-9][a-zA-Z0-9_.-]+");
    }
    api.call("POST", path + "/rename").query("name", newName).discard();
  }

  @Override
  public void update(ContainerUpdate update) {
    api.call("POST", path + "/update").jsonBody(update.fields()).discard();
  }

  @Override
  public WaitResult waitFor() {
    return waitFor(WaitCondition.NOT_RUNNING);
  }

  @Override
  public WaitResult waitFor(WaitCondition condition) {
    try (HttpResponse r = api.call("POST", path + "/wait")
        .query("condition", condition.text()).streaming().open()) {
      return waitResult(r);
    } catch (IOException e) {
      throw api.failure("POST", path + "/wait", e);
    }
  }

  @Override
  public WaitResult waitFor(WaitCondition condition, Duration timeout) {
    java.util.Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("wait timeout " + timeout + " is not valid: expected a"
          + " positive duration");
    }
    java.util.concurrent.CompletableFuture<WaitResult> f = waitForAsync(condition);
    try {
      return f.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      throw new DockerTimeoutException("container " + id + " did not reach " + condition.text()
          + " within " + timeout.toMillis() / 1000.0 + " s; the wait was given up", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new DockerException("wait for " + id + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new DockerException("interrupted while waiting for " + id + " to reach "
          + condition.text(), e);
    }
  }

  @Override
  public java.util.concurrent.CompletableFuture<WaitResult> waitForAsync(
      WaitCondition condition) {
    // the engine answers the head once it has registered the wait, the body at the event
    HttpResponse r = api.call("POST", path + "/wait").query("condition", condition.text())
        .streaming().open();
    java.util.concurrent.CompletableFuture<WaitResult> f =
        new java.util.concurrent.CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            try {
              r.close(); // ends the reading thread
            } catch (IOException e) {
              // given up either way
            }
            return cancelled;
          }
        };
    Thread reader = new Thread(() -> {
      try (r) {
        f.complete(waitResult(r));
      } catch (IOException e) {
        f.completeExceptionally(api.failure("POST", path + "/wait", e));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    }, "berth-wait " + (id.length() > 12 ? id.substring(0, 12) : id));
    reader.setDaemon(true);
    reader.start();
    return f;
  }

  WaitResult waitResult(HttpResponse r) throws IOException {
    Object json = Json.read(r.body());
    if (!(json instanceof Map<?, ?>)) {
      throw new DockerException("wait for " + id + " answered " + json);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) json;
    String error = string(object(m, "Error"), "Message");
    return new WaitResult(integer(m, "StatusCode"), error == null || error.isEmpty() ? null
        : error);
  }

  @Override
  public LogRequest logs() {
    return new LogCall(streams, id, this::tty);
  }

  @Override
  public AttachRequest attach() {
    return new AttachCall(streams, id, this::tty);
  }

  @Override
  public ExecRequest exec(String... command) {
    return new ExecCall(streams, id, List.of(command));
  }

  @Override
  @SuppressWarnings("unchecked")
  public ProcessList top(String... psArguments) {
    Map<String, Object> json = api.call("GET", path + "/top")
        .query("ps_args", psArguments.length == 0 ? null : String.join(" ", psArguments))
        .jsonObject();
    List<List<String>> rows = new ArrayList<>();
    Object processes = json.get("Processes");
    if (processes instanceof List<?> list) {
      for (Object row : list) {
        rows.add(((List<Object>) row).stream().map(String::valueOf).toList());
      }
    }
    return columns(strings(json, "Titles"), rows);
  }

  /**
   * Podman passes {@code ps}'s own output through: one title ({@code "PID   COMMAND"}) and one text
   * per row. This splits them into columns as dockerd gives them, the last column keeping its
   * spaces (a command line).
   */
  static ProcessList columns(List<String> titles, List<List<String>> rows) {
    if (titles.size() != 1 || titles.get(0).trim().split("\\s+").length < 2) {
      return new ProcessList(titles, rows);
    }
    List<String> split = List.of(titles.get(0).trim().split("\\s+"));
    List<List<String>> splitRows = new ArrayList<>();
    for (List<String> row : rows) {
      splitRows.add(row.size() == 1 ? List.of(row.get(0).trim().split("\\s+", split.size()))
          : row);
    }
    return new ProcessList(split, splitRows);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<FileChange> diff() {
    Object json = api.call("GET", path + "/changes").json();
    List<FileChange> out = new ArrayList<>();
    if (json instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> m = (Map<String, Object>) o;
        out.add(new FileChange(FileChange.Kind.of(integer(m, "Kind")), string(m, "Path")));
      }
    }
    return out;
  }

  @Override
  public List<PortMapping> ports() {
    return inspect().networkSettings().ports();
  }


  @Override
  public List<PortMapping> port(int containerPort) {
    List<PortMapping> out = ports().stream()
        .filter(p -> p.containerPort() == containerPort).toList();
    if (out.isEmpty()) {
      throw new IllegalArgumentException("container " + id + " publishes no port "
          + containerPort + "; it publishes " + ports());
    }
    return out;
  }

  @Override
  public ContainerStats stats() {
    return StatsReading.of(api.call("GET", path + "/stats").query("stream", "false")
        .jsonObject());
  }

  @Override
  public StatsStream statsStream() {
    return new StatsReading.Stream(api.call("GET", path + "/stats").query("stream", "true")
        .streaming().open(), id);
  }

  @Override
  public InputStream export() {
    return Streams.body(api.call("GET", path + "/export").streaming().open());
  }

  @Override
  public void copyIn(java.nio.file.Path source, String destination) {
    new ArchiveCalls(api, id).copyIn(source, destination);
  }

  @Override
  public java.util.List<dev.berth.containers.SkippedEntry> copyOut(String source,
      java.nio.file.Path destination) {
    return new ArchiveCalls(api, id).copyOut(source, destination);
  }

  @Override
  public void putArchive(String directory, InputStream tar) {
    new ArchiveCalls(api, id).put(directory, tar);
  }

  @Override
  public InputStream getArchive(String containerPath) {
    return new ArchiveCalls(api, id).get(containerPath);
  }

  @Override
  public dev.berth.model.PathStat stat(String containerPath) {
    return new ArchiveCalls(api, id).stat(containerPath);
  }

  @Override
  public String commit(CommitOptions options) {
    ImageRef image = options.image();
    ApiClient.Call call = api.call("POST", "/commit")
        .query("container", id)
        .query("repo", image == null ? null : image.name())
        .query("tag", image == null ? null : image.tagOrLatest())
        .query("comment", options.message())
        .query("author", options.author())
        .query("pause", options.isPause() ? "1" : "0");
    for (String change : options.changes()) {
      call.query("changes", change);
    }
    return Fields.imageId(string(call.jsonBody(Map.of()).jsonObject(), "Id"));
  }

  @Override
  public void remove(RemoveOptions options) {
    calls.remove(id, options);
  }

  @Override
  public String toString() {
    return "Container{" + id + "}";
  }
}
