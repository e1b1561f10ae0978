package dev.berth.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the engine checks that a container is healthy, as {@code docker run --health-cmd} and its
 * companion flags set it and as the Engine API's {@code Config.Healthcheck} holds it.
 *
 * <pre>{@code
 * Healthcheck check = Healthcheck.shell("curl -f http://localhost/")
 *     .withInterval(Duration.ofSeconds(30))
 *     .withRetries(3);
 * check.test();     // ["CMD-SHELL", "curl -f http://localhost/"]
 * Healthcheck.none().test();  // ["NONE"]
 * }</pre>
 *
 * <p>A zero duration or zero retries means the engine's default (or the image's setting).
 */
public final class Healthcheck {
  private static final Duration SHORTEST = Duration.ofMillis(1);
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private final List<String> test;
  private final Duration interval;
  private final Duration timeout;
  private final Duration startPeriod;
  private final Duration startInterval;
  private final int retries;

  private Healthcheck(
      List<String> test,
      Duration interval,
      Duration timeout,
      Duration startPeriod,
      Duration startInterval,
      int retries) {
    this.test = test;
    this.interval = interval;
    this.timeout = timeout;
    this.startPeriod = startPeriod;
    this.startInterval = startInterval;
    this.retries = retries;
  }

  /**
   * Runs {@code command} with the container's shell, as {@code --health-cmd} does: {@code
   * ["CMD-SHELL", command]}.
   *
   * @throws IllegalArgumentException if {@code command} is empty
   */
  public static Healthcheck shell(String command) {
    Objects.requireNonNull(command, "command");
    if (command.isBlank()) {
      throw new IllegalArgumentException(
          "health command \"" + command + "\" is not valid: it is empty");
    }
    return of(List.of("CMD-SHELL", command));
  }

  /**
   * Runs a program directly, without a shell: {@code ["CMD", program, args...]}.
   *
   * @throws IllegalArgumentException if no program is given
   */
  public static Healthcheck exec(String program, String... args) {
    List<String> test = new ArrayList<>();
    test.add("CMD");
    test.add(Objects.requireNonNull(program, "program"));
    test.addAll(List.of(args));
    return of(test);
  }

  /** Turns off any check the image declares, as {@code --no-healthcheck} does: {@code ["NONE"]}. */
  public static Healthcheck none() {
    return of(List.of("NONE"));
  }

  /**
   * A check with {@code test} in the Engine API's form: {@code []} (use the image's check),
   * {@code ["NONE"]}, {@code ["CMD", program, args...]} or {@code ["CMD-SHELL", command]}.
   *
   * @throws IllegalArgumentException if {@code test} is not one of these forms
   */
  public static Healthcheck of(List<String> test) {
    List<String> copy = List.copyOf(test);
    String kind = copy.isEmpty() ? "" : copy.get(0);
    boolean valid = copy.isEmpty()
        || (kind.equals("NONE") && copy.size() == 1)
        || (kind.equals("CMD") && copy.size() >= 2 && !copy.get(1).isEmpty())
        || (kind.equals("CMD-SHELL") && copy.size() == 2 && !copy.get(1).isBlank());
    if (!valid) {
      throw new IllegalArgumentException(
          "health check test " + copy + " is not valid: expected [], [NONE],"
              + " [CMD, program, args...] or [CMD-SHELL, command]");
    }
    return new Healthcheck(copy, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
  }

  /** The test in the Engine API's form, such as {@code ["CMD-SHELL", "curl -f http://x/"]}. */
  public List<String> test() {
    return test;
  }

  /** The time between checks; zero for the default (30s). */
  public Duration interval() {
    return interval;
  }

  /** How long one check may run before it counts as failed; zero for the default (30s). */
  public Duration timeout() {
    return timeout;
  }

  /** How long after start failures do not count; zero for the default (0s). */
  public Duration startPeriod() {
    return startPeriod;
  }

  /** The time between checks during the start period (API 1.44+); zero for the default (5s). */
  public Duration startInterval() {
    return startInterval;
  }

  /** How many failures in a row make the container unhealthy; 0 for the default (3). */
  public int retries() {
    return retries;
  }

  /**
   * Returns this check run every {@code interval}.
   *
   * @throws IllegalArgumentException if {@code interval} is neither zero nor at least 1ms
   */
  public Healthcheck withInterval(Duration interval) {
    return new Healthcheck(
        test, checked(interval, "interval"), timeout, startPeriod, startInterval, retries);
  }

  /**
   * Returns this check with each run limited to {@code timeout}.
   *
   * @throws IllegalArgumentException if {@code timeout} is neither zero nor at least 1ms
   */
  public Healthcheck withTimeout(Duration timeout) {
    return new Healthcheck(
        test, interval, checked(timeout, "timeout"), startPeriod, startInterval, retries);
  }

  /**
   * Returns this check with failures ignored for {@code startPeriod} after start.
   *
   * @throws IllegalArgumentException if {@code startPeriod} is neither zero nor at least 1ms
   */
  public Healthcheck withStartPeriod(Duration startPeriod) {
    return new Healthcheck(
        test, interval, timeout, checked(startPeriod, "start period"), startInterval, retries);
  }

  /**
   * Returns this check run every {@code startInterval} during the start period.
   *
   * @throws IllegalArgumentException if {@code startInterval} is neither zero nor at least 1ms
   */
  public Healthcheck withStartInterval(Duration startInterval) {
    return new Healthcheck(
        test, interval, timeout, startPeriod, checked(startInterval, "start interval"), retries);
  }

  /**
   * Returns this check with the container unhealthy after {@code retries} failures in a row.
   *
   * @throws IllegalArgumentException if {@code retries} is negative
   */
  public Healthcheck withRetries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException(
          "health check retries " + retries + " is not valid: the count must be 0 or more");
    }
    return new Healthcheck(test, interval, timeout, startPeriod, startInterval, retries);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Healthcheck h
        && h.test.equals(test)
        && h.interval.equals(interval)
        && h.timeout.equals(timeout)
        && h.startPeriod.equals(startPeriod)
        && h.startInterval.equals(startInterval)
        && h.retries == retries;
  }

  @Override
  public int hashCode() {
    return Objects.hash(test, interval, timeout, startPeriod, startInterval, retries);
  }

  /**
   * The test and the settings that are not defaults, durations in Go form, such as {@code
   * Healthcheck[test=[CMD-SHELL, curl -f http://x/], interval=30s, retries=3]}. There is no
   * single CLI value to give back, since the CLI spreads a check over several flags.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Healthcheck[test=").append(test);
    appendIfSet(out, "interval", interval);
    appendIfSet(out, "timeout", timeout);
    appendIfSet(out, "startPeriod", startPeriod);
    appendIfSet(out, "startInterval", startInterval);
    if (retries != 0) {
      out.append(", retries=").append(retries);
    }
    return out.append(']').toString();
  }

  private static void appendIfSet(StringBuilder out, String label, Duration value) {
    if (!value.isZero()) {
      out.append(", ").append(label).append('=').append(GoDuration.format(value));
    }
  }

  private static Duration checked(Duration value, String what) {
    Objects.requireNonNull(value, what);
    if (!value.isZero() && value.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException(
          "health check " + what + " " + value
              + " is not valid: it must be 0 (the default) or at least 1ms");
    }
    if (value.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "health check " + what + " " + value
              + " is not valid: the engine holds durations of at most about 292 years");
    }
    return value;
  }
}
