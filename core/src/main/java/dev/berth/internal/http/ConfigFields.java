package dev.berth.internal.http;

import static dev.berth.internal.http.Fields.integer;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the parts of a {@code Config} object (an image's or a container's) that the write
 * side has types for: exposed ports as {@link ExposedPort}, the health check as {@link
 * Healthcheck}. What cannot be read as such is left out, as {@link Fields} leaves out what is
 * absent; it stays in the answer's {@code raw()}.
 */
public final class ConfigFields {
  private ConfigFields() {}

  /** The keys of the object at {@code key} ({@code {"80/tcp": {}}}) as ports, in the engine's order. */
  public static List<ExposedPort> exposedPorts(Map<String, Object> config, String key) {
    List<ExposedPort> out = new ArrayList<>();
    for (String k : object(config, key).keySet()) {
      try {
        out.add(ExposedPort.parse(k));
      } catch (IllegalArgumentException e) {
        // not a port Berth could have sent; raw() has it
      }
    }
    return out;
  }

  /**
   * The health check at {@code key} ({@code Test} and nanosecond durations), or empty when there is
   * none or it is not one Docker accepts.
   */
  public static Optional<Healthcheck> healthcheck(Map<String, Object> config, String key) {
    Object v = config.get(key);
    if (!(v instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    Map<String, Object> h = object(config, key);
    try {
      return Optional.of(Healthcheck.of(strings(h, "Test"))
          .withInterval(Duration.ofNanos(longValue(h, "Interval")))
          .withTimeout(Duration.ofNanos(longValue(h, "Timeout")))
          .withStartPeriod(Duration.ofNanos(longValue(h, "StartPeriod")))
          .withStartInterval(Duration.ofNanos(longValue(h, "StartInterval")))
          .withRetries(integer(h, "Retries")));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a test or duration the engine should have refused; raw() has it
    }
  }

  /** The object at {@code key} with its values as text, in the engine's order (a null stays null). */
  public static Map<String, String> texts(Map<String, Object> json, String key) {
    return new LinkedHashMap<>(Fields.stringMap(object(json, key)));
  }

  /** The text at {@code key}, or empty. */
  public static String text(Map<String, Object> json, String key) {
    String s = Fields.string(json, key);
    return s == null ? "" : s;
  }
}
