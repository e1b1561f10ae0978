package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One engine event, as {@code docker events} shows it: what happened ({@code action}) to which
 * object ({@code type} and actor), and when.
 *
 * <pre>{@code
 * try (EventStream events = docker.system().events(EventOptions.follow()
 *     .filter("type", "container"))) {
 *   for (Event e; (e = events.next()) != null; ) System.out.println(e.action() + " " + e.actorId());
 * }
 * }</pre>
 *
 * <p>A stream that resumes after a dropped connection and finds that events may have been lost
 * (the engine replays at most 256) reports it with an event of type {@link #GAP}, never silently.
 *
 * @param type the object type: {@code container}, {@code image}, {@code network}, {@code volume},
 *     …, or {@link #GAP}
 * @param action what happened: {@code create}, {@code start}, {@code die}, {@code destroy}, …
 * @param actorId the object's id
 * @param attributes the actor's attributes (name, image, labels, exit code, …)
 * @param time when it happened, to the nanosecond
 * @param scope {@code local} or {@code swarm}
 * @param raw the whole JSON event, unmodifiable
 */
public record Event(
    String type,
    String action,
    String actorId,
    Map<String, String> attributes,
    Instant time,
    String scope,
    Map<String, Object> raw) {

  /** The type of the event a resumed stream reports when events may have been lost. */
  public static final String GAP = "berth.gap";

  /** Makes the maps unmodifiable. */
  public Event {
    attributes = Collections.unmodifiableMap(Objects.requireNonNull(attributes, "attributes"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** True for the event that reports possibly lost events after a reconnect. */
  public boolean isGap() {
    return GAP.equals(type);
  }
}
