package dev.berth.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a Swarm service replaces its tasks when it is updated or rolled back ({@code
 * --update-parallelism}, {@code --update-delay}, … and the same {@code --rollback-*} flags).
 * Immutable; a setting left unset keeps the engine's default.
 *
 * <pre>{@code
 * UpdateConfig.defaults().parallelism(1).delay(Duration.ofSeconds(2))
 *     .failureAction("rollback").order("start-first");
 * }</pre>
 */
public final class UpdateConfig {
  private static final Set<String> ORDERS = Set.of("stop-first", "start-first");
  private static final Set<String> ACTIONS = Set.of("pause", "continue", "rollback");

  private final Long parallelism;
  private final Duration delay;
  private final String failureAction;
  private final Duration monitor;
  private final Double maxFailureRatio;
  private final String order;

  private UpdateConfig(Long parallelism, Duration delay, String failureAction, Duration monitor,
      Double maxFailureRatio, String order) {
    this.parallelism = parallelism;
    this.delay = delay;
    this.failureAction = failureAction;
    this.monitor = monitor;
    this.maxFailureRatio = maxFailureRatio;
    this.order = order;
  }

  /** Nothing set: the engine's defaults (one task at a time, no delay, pause on failure). */
  public static UpdateConfig defaults() {
    return new UpdateConfig(null, null, null, null, null, null);
  }

  /**
   * With {@code n} tasks replaced at a time (0: all at once).
   *
   * @throws IllegalArgumentException if negative
   */
  public UpdateConfig parallelism(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("parallelism " + n + " is not valid: expected 0 or more");
    }
    return new UpdateConfig(n, delay, failureAction, monitor, maxFailureRatio, order);
  }

  /** With a pause between batches. */
  public UpdateConfig delay(Duration delay) {
    return new UpdateConfig(parallelism, nonNegative(delay, "delay"), failureAction, monitor,
        maxFailureRatio, order);
  }

  /**
   * With what to do when a task fails to update: {@code pause}, {@code continue} or {@code
   * rollback} (the last not for a rollback config).
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public UpdateConfig failureAction(String action) {
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException("failure action \"" + action
          + "\" is not valid: expected pause, continue or rollback");
    }
    return new UpdateConfig(parallelism, delay, action, monitor, maxFailureRatio, order);
  }

  /** With how long to watch each new task for failure. */
  public UpdateConfig monitor(Duration monitor) {
    return new UpdateConfig(parallelism, delay, failureAction, nonNegative(monitor, "monitor"),
        maxFailureRatio, order);
  }

  /**
   * With the share of tasks that may fail before the failure action, 0 to 1.
   *
   * @throws IllegalArgumentException if outside 0..1
   */
  public UpdateConfig maxFailureRatio(double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("max failure ratio " + ratio
          + " is not valid: expected 0 to 1");
    }
    return new UpdateConfig(parallelism, delay, failureAction, monitor, ratio, order);
  }

  /**
   * With the order of stopping the old task and starting the new one: {@code stop-first} or
   * {@code start-first}.
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public UpdateConfig order(String order) {
    if (!ORDERS.contains(order)) {
      throw new IllegalArgumentException("update order \"" + order
          + "\" is not valid: expected stop-first or start-first");
    }
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  private static Duration nonNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " -" + GoDuration.format(d.negated())
          + " is not valid: expected 0 or more");
    }
    return d;
  }

  /** Tasks replaced at a time, or null for the default. */
  public Long parallelism() {
    return parallelism;
  }

  /** Pause between batches, or null. */
  public Duration delay() {
    return delay;
  }

  /** {@code pause}, {@code continue}, {@code rollback}, or null. */
  public String failureAction() {
    return failureAction;
  }

  /** How long each new task is watched, or null. */
  public Duration monitor() {
    return monitor;
  }

  /** Share of tasks that may fail, or null. */
  public Double maxFailureRatio() {
    return maxFailureRatio;
  }

  /** {@code stop-first}, {@code start-first}, or null. */
  public String order() {
    return order;
  }

  /** Whether nothing is set. */
  public boolean isDefault() {
    return equals(defaults());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UpdateConfig u && Objects.equals(parallelism, u.parallelism)
        && Objects.equals(delay, u.delay) && Objects.equals(failureAction, u.failureAction)
        && Objects.equals(monitor, u.monitor) && Objects.equals(maxFailureRatio,
        u.maxFailureRatio) && Objects.equals(order, u.order);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  @Override
  public String toString() {
    return "UpdateConfig{parallelism=" + parallelism + ", delay=" + delay + ", failureAction="
        + failureAction + ", monitor=" + monitor + ", maxFailureRatio=" + maxFailureRatio
        + ", order=" + order + "}";
  }
}
