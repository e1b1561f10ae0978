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
    return new Sessions(id, streams.open(r, c, flag, "the attached output of " + id), r,
        stdin ? c : null,
        (w, h) -> api.call("POST", path + "/resize").query("w", w).query("h", h).discard(), null);
  }
}
