package dev.berth.internal.stream;

import dev.berth.containers.AttachRequest;
import dev.berth.containers.Attachment;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Paths;
import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.util.function.BooleanSupplier;

/** {@link AttachRequest}: {@code POST /containers/{id}/attach} on an upgraded connection. */
public final class AttachCall implements AttachRequest {
  private final Streams streams;
  private final String id;
  private final BooleanSupplier tty;
  private final boolean stdin;
  private final boolean logs;
  private final String detachKeys;

  public AttachCall(Streams streams, String id, BooleanSupplier tty) {
    this(streams, id, tty, false, false, null);
  }

  private AttachCall(Streams streams, String id, BooleanSupplier tty, boolean stdin, boolean logs,
      String detachKeys) {
    this.streams = streams;
    this.id = id;
    this.tty = tty;
    this.stdin = stdin;
    this.logs = logs;
    this.detachKeys = detachKeys;
  }

  @Override
  public AttachRequest stdin() {
    return new AttachCall(streams, id, tty, true, logs, detachKeys);
  }

  @Override
  public AttachRequest logs() {
    return new AttachCall(streams, id, tty, stdin, true, detachKeys);
  }

  @Override
  public AttachRequest detachKeys(String keys) {
    return new AttachCall(streams, id, tty, stdin, logs, keys);
  }

  @Override
  public Attachment open() {
    ApiClient api = streams.api();
    String path = "/containers/" + Paths.segment(id, false);
    java.util.function.BooleanSupplier flag = streams.ttyFirst(tty);
    HttpResponse r = api.call("POST", path + "/attach")
        .query("stream", "1")
        .query("stdin", stdin ? "1" : null)
        .query("stdout", "1")
        .query("stderr", "1")
        .query("logs", logs ? "1" : null)
        .query("detachKeys", detachKeys)
        .upgrade()
        .open();
    DuplexConnection c = r.upgraded();
    java.util.function.Supplier<String> endCheck = () -> {
      try {
        return Streams.stillRuns(() -> runs(api, path))
            ? "the connection ended while container " + id + " still runs" : null;
      } catch (dev.berth.DockerException e) {
        return "the connection ended, and whether container " + id + " still runs cannot be"
            + " asked: " + e.getMessage();
      }
    };
    return new Sessions(id, streams.open(r, c, flag, "the attached output of " + id, endCheck), r,
        stdin ? c : null,
        (w, h) -> api.call("POST", path + "/resize").query("w", w).query("h", h).discard(), null);
  }

  /** Whether the container runs now (not restarting, not gone). */
  private static boolean runs(ApiClient api, String path) {
    try {
      java.util.Map<String, Object> state =
          dev.berth.internal.http.Fields.object(api.call("GET", path + "/json").jsonObject(),
              "State");
      return dev.berth.internal.http.Fields.bool(state, "Running")
          && !dev.berth.internal.http.Fields.bool(state, "Restarting");
    } catch (dev.berth.NotFoundException gone) {
      return false;
    }
  }
}
