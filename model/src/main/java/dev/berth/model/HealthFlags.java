package dev.berth.model;

import java.time.Duration;
import java.util.List;

/**
 * The health check flags that {@code docker run} and {@code docker service create} share: {@code
 * --health-cmd}, {@code --health-interval}, {@code --health-timeout}, {@code
 * --health-start-period}, {@code --health-start-interval}, {@code --health-retries} and {@code
 * --no-healthcheck}; read one at a time, then {@link #result()}, and written by {@link #write}.
 */
final class HealthFlags {
  private Healthcheck health;
  private boolean none;

  /**
   * Reads one flag if it is a health check flag.
   *
   * @return false if {@code name} is not one, and nothing was read
   */
  boolean apply(String name, String value, String written) {
    switch (name) {
      case "no-healthcheck" -> none = FlagValues.bool(value, written);
      case "health-cmd" -> health = withTest(health, value);
      case "health-interval" -> health = health().withInterval(GoDuration.parse(value));
      case "health-timeout" -> health = health().withTimeout(GoDuration.parse(value));
      case "health-start-period" -> health = health().withStartPeriod(GoDuration.parse(value));
      case "health-start-interval" ->
          health = health().withStartInterval(GoDuration.parse(value));
      case "health-retries" ->
          health = health().withRetries(Math.toIntExact(FlagValues.number(value)));
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The check the flags read describe, or null when none was given.
   *
   * @throws IllegalArgumentException if {@code --no-healthcheck} came with {@code --health-*}
   */
  Healthcheck result() {
    if (none) {
      if (health != null) {
        throw new IllegalArgumentException("flags \"--no-healthcheck\" and \"--health-*\""
            + " conflict: give --no-healthcheck alone, or the --health-* flags, not both");
      }
      return Healthcheck.none();
    }
    return health;
  }

  private Healthcheck health() {
    return health == null ? Healthcheck.of(List.of()) : health;
  }

  private static Healthcheck withTest(Healthcheck base, String command) {
    Healthcheck shell = Healthcheck.shell(command);
    if (base == null) {
      return shell;
    }
    return shell.withInterval(base.interval()).withTimeout(base.timeout())
        .withStartPeriod(base.startPeriod()).withStartInterval(base.startInterval())
        .withRetries(base.retries());
  }

  /**
   * Appends the flags that say {@code h}: {@code --no-healthcheck} alone for a check turned off,
   * else {@code --health-cmd} and the settings that are not zero.
   *
   * @throws IllegalStateException if the check runs without a shell, which no flag can say
   */
  static void write(List<String> w, Healthcheck h) {
    List<String> test = h.test();
    if (test.equals(List.of("NONE"))) {
      w.add("--no-healthcheck");
      return;
    }
    if (!test.isEmpty()) {
      if (!test.get(0).equals("CMD-SHELL")) {
        throw new IllegalStateException("health check " + test + " runs without a shell, which"
            + " --health-cmd cannot say");
      }
      w.add("--health-cmd");
      w.add(test.get(1));
    }
    nonZero(w, "--health-interval", h.interval());
    nonZero(w, "--health-timeout", h.timeout());
    nonZero(w, "--health-start-period", h.startPeriod());
    nonZero(w, "--health-start-interval", h.startInterval());
    if (h.retries() != 0) {
      w.add("--health-retries");
      w.add(String.valueOf(h.retries()));
    }
  }

  private static void nonZero(List<String> w, String flag, Duration d) {
    if (!d.isZero()) {
      w.add(flag);
      w.add(GoDuration.format(d));
    }
  }
}
