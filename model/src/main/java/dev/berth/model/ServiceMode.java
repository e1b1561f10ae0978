package dev.berth.model;

import java.util.Objects;

/**
 * How many tasks a Swarm service runs: a fixed number of replicas, one on every node (global), or
 * a job that runs to completion ({@code docker service create --mode}).
 *
 * <pre>{@code
 * ServiceMode.replicated(3);        // --replicas 3
 * ServiceMode.global();             // --mode global
 * ServiceMode.replicatedJob(2, 10); // --mode replicated-job --max-concurrent 2 --replicas 10
 * }</pre>
 */
public final class ServiceMode {
  /** The kinds of mode. */
  public enum Kind {
    /** A fixed number of replicas, {@code replicated}. */
    REPLICATED("replicated"),
    /** One task on every node that fits, {@code global}. */
    GLOBAL("global"),
    /** Tasks that run to completion, a number at a time, {@code replicated-job} (API 1.41). */
    REPLICATED_JOB("replicated-job"),
    /** One task to completion on every node, {@code global-job} (API 1.41). */
    GLOBAL_JOB("global-job");

    private final String flag;

    Kind(String flag) {
      this.flag = flag;
    }

    /** The word {@code --mode} takes. */
    public String flag() {
      return flag;
    }

    /**
     * The kind {@code --mode} names.
     *
     * @throws IllegalArgumentException for any other word; the message quotes it
     */
    public static Kind parse(String flag) {
      for (Kind k : values()) {
        if (k.flag.equals(flag)) {
          return k;
        }
      }
      throw new IllegalArgumentException("service mode \"" + flag + "\" is not valid: expected"
          + " replicated, global, replicated-job or global-job");
    }
  }

  private final Kind kind;
  private final Long replicas;
  private final Long maxConcurrent;

  private ServiceMode(Kind kind, Long replicas, Long maxConcurrent) {
    this.kind = kind;
    this.replicas = replicas;
    this.maxConcurrent = maxConcurrent;
  }

  /**
   * {@code replicas} copies of the task.
   *
   * @throws IllegalArgumentException if {@code replicas} is negative
   */
  public static ServiceMode replicated(long replicas) {
    return new ServiceMode(Kind.REPLICATED, count("replicas", replicas), null);
  }

  /** One task on every node. */
  public static ServiceMode global() {
    return new ServiceMode(Kind.GLOBAL, null, null);
  }

  /**
   * A job: {@code totalCompletions} successful tasks, at most {@code maxConcurrent} at once.
   *
   * @throws IllegalArgumentException if either is negative
   */
  public static ServiceMode replicatedJob(long maxConcurrent, long totalCompletions) {
    return new ServiceMode(Kind.REPLICATED_JOB, count("replicas", totalCompletions),
        count("max-concurrent", maxConcurrent));
  }

  /** A job that runs once to completion on every node. */
  public static ServiceMode globalJob() {
    return new ServiceMode(Kind.GLOBAL_JOB, null, null);
  }

  private static long count(String flag, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("--" + flag + " " + n
          + " is not valid: expected 0 or more");
    }
    return n;
  }

  /** The kind of mode. */
  public Kind kind() {
    return kind;
  }

  /**
   * The replicas of a replicated service, or the total completions of a replicated job; null for
   * the global modes.
   */
  public Long replicas() {
    return replicas;
  }

  /** How many tasks of a replicated job run at once; null for the other modes. */
  public Long maxConcurrent() {
    return maxConcurrent;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceMode m && kind == m.kind && Objects.equals(replicas, m.replicas)
        && Objects.equals(maxConcurrent, m.maxConcurrent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, replicas, maxConcurrent);
  }

  @Override
  public String toString() {
    return kind.flag + (replicas == null ? "" : " replicas=" + replicas)
        + (maxConcurrent == null ? "" : " max-concurrent=" + maxConcurrent);
  }
}
