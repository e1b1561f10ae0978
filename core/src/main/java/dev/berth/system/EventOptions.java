package dev.berth.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events {@code docker events} reports: a time window and filters. Immutable.
 *
 * <pre>{@code
 * EventOptions.follow().filter("label", "app=shop").filter("event", "die");
 * EventOptions.between(start, end);    // past events only; the stream ends at {@code end}
 * }</pre>
 */
public final class EventOptions {
  private final Instant since;
  private final Instant until;
  private final Map<String, List<String>> filters;

  private EventOptions(Instant since, Instant until, Map<String, List<String>> filters) {
    this.since = since;
    this.until = until;
    this.filters = filters;
  }

  /** New events as they happen, until closed; a dropped connection is resumed. */
  public static EventOptions follow() {
    return new EventOptions(null, null, Map.of());
  }

  /** Events from {@code since} (the engine keeps the last 256) to {@code until}, then the end. */
  public static EventOptions between(Instant since, Instant until) {
    return new EventOptions(since, until, Map.of());
  }

  /** Also replays events from {@code since} on (inclusive), as far as the engine kept them. */
  public EventOptions since(Instant since) {
    return new EventOptions(since, until, filters);
  }

  /** With a filter, as {@code --filter key=value}: type, event, container, image, label, … */
  public EventOptions filter(String key, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(filters);
    List<String> values = new ArrayList<>(copy.getOrDefault(key, List.of()));
    values.add(value);
    copy.put(key, List.copyOf(values));
    return new EventOptions(since, until, Collections.unmodifiableMap(copy));
  }

  /** The start, or null for now. */
  public Instant since() {
    return since;
  }

  /** The end, or null to follow until closed. */
  public Instant until() {
    return until;
  }

  /** The filters. */
  public Map<String, List<String>> filters() {
    return filters;
  }
}
