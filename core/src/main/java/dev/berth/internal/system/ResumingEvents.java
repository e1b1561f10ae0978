package dev.berth.internal.system;

import dev.berth.DockerException;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import dev.berth.internal.stream.Streams;
import dev.berth.model.Event;
import dev.berth.system.EventOptions;
import dev.berth.system.EventStream;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /events}, resumed after a dropped connection with {@code since} set to the last
 * event's time. {@code since} is inclusive, so events at that very nanosecond already seen are
 * dropped. The engine replays at most 256 past events: a resume that replays that many may have
 * lost some, and says so with a {@link Event#GAP} event.
 */
final class ResumingEvents implements EventStream {
  /** The most past events the engine keeps for {@code since}. */
  static final int ENGINE_REPLAY_LIMIT = 256;
  private static final long RESUME_FOR_MILLIS = 30_000;

  private final ApiClient api;
  private final EventOptions options;
  private final Deque<Event> pending = new ArrayDeque<>();
  private final Set<String> seenAtLast = new HashSet<>();
  private volatile boolean closed;
  private volatile HttpResponse response;
  private Json.Sequence sequence;
  private Instant last;
  private Instant resumedAt;
  private int replayed;
  private int reconnects;

  ResumingEvents(ApiClient api, EventOptions options) {
    this.api = api;
    this.options = options;
    this.last = options.since() != null ? options.since() : Instant.now();
    open(options.since());
  }

  private void open(Instant since) {
    ApiClient.Call call = api.call("GET", "/events").streaming()
        .query("since", since == null ? null : seconds(since))
        .query("until", options.until() == null ? null : seconds(options.until()))
        .filters(options.filters());
    HttpResponse r = call.open();
    response = r;
    try {
      sequence = Json.sequence(r.body());
    } catch (IOException e) {
      throw api.failure("GET", "/events", e);
    }
  }

  private static String seconds(Instant t) {
    return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Event next() {
    while (!closed) {
      if (!pending.isEmpty()) {
        return pending.poll();
      }
      Object json;
      try {
        json = sequence.next();
      } catch (IOException | RuntimeException dropped) {
        if (closed) {
          return null;
        }
        if (api.isClosed()) {
          throw new dev.berth.StreamCutException("the event stream was ended: the DockerClient"
              + " was closed", -1, dropped);
        }
        resume(dropped);
        continue;
      }
      if (json == null) {
        Streams.closeQuietly(response);
        if (options.until() != null || closed) {
          return null; // the window ended
        }
        resume(null); // a follow stream never ends on its own: the engine went away
        continue;
      }
      Event e = toEvent((Map<String, Object>) json);
      String key = e.type() + "/" + e.action() + "/" + e.actorId();
      int order = e.time().compareTo(last);
      if (order < 0 || (order == 0 && !seenAtLast.add(key))) {
        continue; // replayed after a resume: seen already
      }
      if (order > 0) {
        last = e.time();
        seenAtLast.clear();
        seenAtLast.add(key);
      }
      if (resumedAt != null && !e.time().isAfter(resumedAt)
          && ++replayed == ENGINE_REPLAY_LIMIT) {
        pending.add(gap());
      }
      return e;
    }
    return null;
  }

  private Event gap() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("since", last.toString());
    attributes.put("replayed", String.valueOf(ENGINE_REPLAY_LIMIT));
    attributes.put("note", "the engine replays at most " + ENGINE_REPLAY_LIMIT
        + " past events: some may have been lost while the connection was down");
    return new Event(Event.GAP, "possible-loss", null, attributes, Instant.now(), "local",
        Map.of());
  }

  private void resume(Throwable cause) {
    Streams.closeQuietly(response);
    long deadline = System.currentTimeMillis() + RESUME_FOR_MILLIS;
    long pause = 50;
    while (!closed) {
      try {
        open(last);
        reconnects++;
        resumedAt = Instant.now();
        replayed = 0;
        return;
      } catch (DockerException e) {
        if (System.currentTimeMillis() > deadline) {
          DockerException failure = new DockerException("the event stream dropped and could not"
              + " be resumed for " + RESUME_FOR_MILLIS / 1000 + " s: " + e.getMessage(), e);
          if (cause != null) {
            failure.addSuppressed(cause);
          }
          throw failure;
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new DockerException("interrupted while resuming the event stream", interrupted);
        }
        pause = Math.min(pause * 2, 1000);
      }
    }
  }

  @Override
  public int reconnects() {
    return reconnects;
  }

  @Override
  public void close() {
    closed = true;
    HttpResponse r = response;
    if (r != null) {
      r.abort();
      Streams.closeQuietly(r);
    }
  }

  @SuppressWarnings("unchecked")
  static Event toEvent(Map<String, Object> m) {
    Map<String, Object> actor = Fields.object(m, "Actor");
    Map<String, String> attributes = new LinkedHashMap<>();
    Fields.object(actor, "Attributes").forEach((k, v) -> attributes.put(k, String.valueOf(v)));
    long nanos = Fields.longValue(m, "timeNano");
    Instant time = nanos != 0 ? Instant.ofEpochSecond(0, nanos)
        : Instant.ofEpochSecond(Fields.longValue(m, "time"));
    String type = Fields.string(m, "Type");
    String action = Fields.string(m, "Action");
    String id = Fields.string(actor, "ID");
    if (action == null) {
      action = Fields.string(m, "status");
    }
    if ("container".equals(type) && "remove".equals(action)) {
      action = "destroy"; // Podman's name for what dockerd calls destroy (dockerd has no "remove")
    }
    return new Event(type, action,
        id == null ? Fields.string(m, "id") : id, attributes, time, Fields.string(m, "scope"), m);
  }
}
