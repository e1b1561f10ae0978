package dev.berth.containers;

import dev.berth.model.RestartPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code docker update} changes: resources and the restart policy. Immutable; only what is
 * set is changed.
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
