package dev.berth.swarm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to a swarm ({@code docker swarm update}, {@code docker swarm join-token --rotate}).
 * Immutable; what is not set stays as it is.
 *
 * <pre>{@code
 * docker.swarm().update(SwarmUpdate.changes().taskHistoryLimit(2).rotateWorkerToken());
 * }</pre>
 */
public final class SwarmUpdate {
  private final Long taskHistoryLimit;
  private final Boolean autolock;
  private final Map<String, String> labels;
  private final boolean rotateWorkerToken;
  private final boolean rotateManagerToken;

  private SwarmUpdate(Long taskHistoryLimit, Boolean autolock, Map<String, String> labels,
      boolean rotateWorkerToken, boolean rotateManagerToken) {
    this.taskHistoryLimit = taskHistoryLimit;
    this.autolock = autolock;
    this.labels = labels;
    this.rotateWorkerToken = rotateWorkerToken;
    this.rotateManagerToken = rotateManagerToken;
  }

  /** No changes yet. */
  public static SwarmUpdate changes() {
    return new SwarmUpdate(null, null, null, false, false);
  }

  /**
   * Keeping {@code n} old tasks per slot.
   *
   * @throws IllegalArgumentException if negative
   */
  public SwarmUpdate taskHistoryLimit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("--task-history-limit " + n
          + " is not valid: expected 0 or more");
    }
    return new SwarmUpdate(n, autolock, labels, rotateWorkerToken, rotateManagerToken);
  }

  /** Turning autolock on or off. */
  public SwarmUpdate autolock(boolean autolock) {
    return new SwarmUpdate(taskHistoryLimit, autolock, labels, rotateWorkerToken,
        rotateManagerToken);
  }

  /** Replacing the swarm's labels. */
  public SwarmUpdate labels(Map<String, String> labels) {
    return new SwarmUpdate(taskHistoryLimit, autolock,
        Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(labels))),
        rotateWorkerToken, rotateManagerToken);
  }

  /** Replacing the worker join token; the old one stops working. */
  public SwarmUpdate rotateWorkerToken() {
    return new SwarmUpdate(taskHistoryLimit, autolock, labels, true, rotateManagerToken);
  }

  /** Replacing the manager join token; the old one stops working. */
  public SwarmUpdate rotateManagerToken() {
    return new SwarmUpdate(taskHistoryLimit, autolock, labels, rotateWorkerToken, true);
  }

  /** The new task history limit, or null. */
  public Long taskHistoryLimit() {
    return taskHistoryLimit;
  }

  /** The new autolock setting, or null. */
  public Boolean autolock() {
    return autolock;
  }

  /** The new labels, or null to keep them. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Whether the worker token is rotated. */
  public boolean rotatesWorkerToken() {
    return rotateWorkerToken;
  }

  /** Whether the manager token is rotated. */
  public boolean rotatesManagerToken() {
    return rotateManagerToken;
  }
}
