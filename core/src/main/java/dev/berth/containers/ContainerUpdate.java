package dev.berth.containers;

import dev.berth.model.RestartPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code docker update} changes: every resource the CLI's flags take (memory, reservation,
 * swap, kernel memory, CPUs, shares, CFS and real-time periods, cpusets, block IO weight, pids)
 * and the restart policy. Immutable; only what is set is changed.
 *
 * <pre>{@code
 * web.update(ContainerUpdate.create().memory(256L << 20).restart(RestartPolicy.always()));
 * }</pre>
 */
public final class ContainerUpdate {
  private final Map<String, Object> fields;

  private ContainerUpdate(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** An update that changes nothing yet. */
  public static ContainerUpdate create() {
    return new ContainerUpdate(Map.of());
  }

  private ContainerUpdate with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return new ContainerUpdate(Collections.unmodifiableMap(copy));
  }

  /** The memory limit in bytes ({@code -m}). */
  public ContainerUpdate memory(long bytes) {
    return with("Memory", bytes);
  }

  /** Memory plus swap in bytes, -1 for unlimited swap ({@code --memory-swap}). */
  public ContainerUpdate memorySwap(long bytes) {
    return with("MemorySwap", bytes);
  }

  /** The CPU limit, such as 1.5 ({@code --cpus}). */
  public ContainerUpdate cpus(double cpus) {
    if (!(cpus > 0)) {
      throw new IllegalArgumentException("CPU limit " + cpus + " is not valid: expected above 0");
    }
    return with("NanoCpus", Math.round(cpus * 1e9));
  }

  /** The soft memory limit in bytes ({@code --memory-reservation}). */
  public ContainerUpdate memoryReservation(long bytes) {
    return with("MemoryReservation", bytes);
  }

  /**
   * The kernel memory limit in bytes ({@code --kernel-memory}). Engine API 1.42 removed it: from
   * there on the engine is not asked to change it, as the docker CLI does.
   */
  public ContainerUpdate kernelMemory(long bytes) {
    return with("KernelMemory", bytes);
  }

  /** The CFS scheduler period in microseconds ({@code --cpu-period}). */
  public ContainerUpdate cpuPeriod(long microseconds) {
    return with("CpuPeriod", microseconds);
  }

  /** The CFS scheduler quota in microseconds per period ({@code --cpu-quota}). */
  public ContainerUpdate cpuQuota(long microseconds) {
    return with("CpuQuota", microseconds);
  }

  /** The real-time scheduler period in microseconds ({@code --cpu-rt-period}). */
  public ContainerUpdate cpuRealtimePeriod(long microseconds) {
    return with("CpuRealtimePeriod", microseconds);
  }

  /** The real-time scheduler runtime in microseconds ({@code --cpu-rt-runtime}). */
  public ContainerUpdate cpuRealtimeRuntime(long microseconds) {
    return with("CpuRealtimeRuntime", microseconds);
  }

  /**
   * The CPUs it may run on, such as {@code 0-3} or {@code 0,1} ({@code --cpuset-cpus}).
   *
   * @throws IllegalArgumentException if {@code cpus} is not a list of numbers and ranges
   */
  public ContainerUpdate cpusetCpus(String cpus) {
    return with("CpusetCpus", cpuList(cpus, "cpuset-cpus"));
  }

  /**
   * The memory nodes it may use, such as {@code 0-1} ({@code --cpuset-mems}).
   *
   * @throws IllegalArgumentException if {@code nodes} is not a list of numbers and ranges
   */
  public ContainerUpdate cpusetMems(String nodes) {
    return with("CpusetMems", cpuList(nodes, "cpuset-mems"));
  }

  /**
   * The relative block IO weight, 10 to 1000 ({@code --blkio-weight}); 0 leaves it unset.
   *
   * @throws IllegalArgumentException if {@code weight} is not 0 or between 10 and 1000
   */
  public ContainerUpdate blkioWeight(int weight) {
    if (weight != 0 && (weight < 10 || weight > 1000)) {
      throw new IllegalArgumentException("blkio weight " + weight + " is not valid: expected 10"
          + " to 1000, or 0 for unset");
    }
    return with("BlkioWeight", weight);
  }

  private static String cpuList(String list, String flag) {
    if (list == null || !list.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
      throw new IllegalArgumentException("--" + flag + " \"" + list + "\" is not valid: expected"
          + " numbers and ranges such as 0-3 or 0,2");
    }
    return list;
  }

  /** The relative CPU weight ({@code --cpu-shares}). */
  public ContainerUpdate cpuShares(long shares) {
    return with("CpuShares", shares);
  }

  /** The most processes, -1 for no limit ({@code --pids-limit}). */
  public ContainerUpdate pidsLimit(long limit) {
    return with("PidsLimit", limit);
  }

  /** The restart policy ({@code --restart}). */
  public ContainerUpdate restart(RestartPolicy policy) {
    return with("RestartPolicy", Map.of("Name", policy.name(),
        "MaximumRetryCount", policy.maxRetries()));
  }

  /** The Engine API body: {@code HostConfig} fields by name. */
  public Map<String, Object> fields() {
    return fields;
  }
}
