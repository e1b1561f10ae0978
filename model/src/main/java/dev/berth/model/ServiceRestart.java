package dev.berth.model;

import java.time.Duration;
import java.util.Objects;

/**
 * When Swarm restarts a service's task that stops ({@code --restart-condition}, {@code
 * --restart-delay}, {@code --restart-max-attempts}, {@code --restart-window}). Immutable; unset
 * settings keep the engine's defaults (restart on any stop, 5 s apart, without limit).
 *
 * <pre>{@code
 * ServiceRestart.onFailure().maxAttempts(3).delay(Duration.ofSeconds(1));
 * }</pre>
 */
public final class ServiceRestart {
  private final String condition;
  private final Duration delay;
  private final Long maxAttempts;
  private final Duration window;

  private ServiceRestart(String condition, Duration delay, Long maxAttempts, Duration window) {
    this.condition = condition;
    this.delay = delay;
    this.maxAttempts = maxAttempts;
    this.window = window;
  }

  /** Restart whenever a task stops: {@code any}. */
  public static ServiceRestart any() {
    return new ServiceRestart("any", null, null, null);
  }

  /** Restart after a non-zero exit: {@code on-failure}. */
  public static ServiceRestart onFailure() {
    return new ServiceRestart("on-failure", null, null, null);
  }

  /** Never restart: {@code none}. */
  public static ServiceRestart none() {
    return new ServiceRestart("none", null, null, null);
  }

  /** Nothing set: the engine's default. */
  public static ServiceRestart defaults() {
    return new ServiceRestart(null, null, null, null);
  }

  /**
   * With the condition {@code --restart-condition} names: {@code none}, {@code on-failure} or
   * {@code any}.
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public ServiceRestart condition(String condition) {
    if (!"none".equals(condition) && !"on-failure".equals(condition)
        && !"any".equals(condition)) {
      throw new IllegalArgumentException("restart condition \"" + condition
          + "\" is not valid: expected none, on-failure or any");
    }
    return new ServiceRestart(condition, delay, maxAttempts, window);
  }

  /** With a wait between restarts. */
  public ServiceRestart delay(Duration delay) {
    return new ServiceRestart(condition, check(delay, "restart delay"), maxAttempts, window);
  }

  /**
   * With at most {@code n} restarts (within the window, if one is set).
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceRestart maxAttempts(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("restart max attempts " + n
          + " is not valid: expected 0 or more");
    }
    return new ServiceRestart(condition, delay, n, window);
  }

  /** With the window in which restarts are counted. */
  public ServiceRestart window(Duration window) {
    return new ServiceRestart(condition, delay, maxAttempts, check(window, "restart window"));
  }

  private static Duration check(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " -" + GoDuration.format(d.negated())
          + " is not valid: expected 0 or more");
    }
    return d;
  }

  /** {@code none}, {@code on-failure}, {@code any}, or null. */
  public String condition() {
    return condition;
  }

  /** The wait between restarts, or null. */
  public Duration delay() {
    return delay;
  }

  /** The most restarts, or null. */
  public Long maxAttempts() {
    return maxAttempts;
  }

  /** The window restarts are counted in, or null. */
  public Duration window() {
    return window;
  }

  /** Whether nothing is set. */
  public boolean isDefault() {
    return condition == null && delay == null && maxAttempts == null && window == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceRestart r && Objects.equals(condition, r.condition)
        && Objects.equals(delay, r.delay) && Objects.equals(maxAttempts, r.maxAttempts)
        && Objects.equals(window, r.window);
  }

  @Override
  public int hashCode() {
    return Objects.hash(condition, delay, maxAttempts, window);
  }

  @Override
  public String toString() {
    return "ServiceRestart{condition=" + condition + ", delay=" + delay + ", maxAttempts="
        + maxAttempts + ", window=" + window + "}";
  }
}
