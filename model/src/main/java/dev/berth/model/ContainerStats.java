package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One reading of a container's resource use, as a row of {@code docker stats} ({@code GET
 * /containers/{id}/stats}).
 *
 * <pre>{@code
 * ContainerStats s = container.stats();
 * s.cpuPercent();     // 12.5 (100 = one full CPU)
 * s.memoryUsage();    // bytes in use, page cache left out as docker stats does
 * }</pre>
 *
 * @param read when the engine took the reading
 * @param cpuPercent CPU use since the previous reading, in percent of one CPU (as {@code docker
 *     stats}: 200 means two CPUs busy); 0 for the first reading of a one-shot request
 * @param cpuTotalNanos CPU time used since the container started, in nanoseconds
 * @param onlineCpus how many CPUs the container can use
 * @param memoryUsage memory in use in bytes, without the page cache
 * @param memoryLimit the memory limit in bytes (the host's memory when unlimited)
 * @param networkRxBytes bytes received on all interfaces
 * @param networkTxBytes bytes sent on all interfaces
 * @param blockReadBytes bytes read from block devices
 * @param blockWriteBytes bytes written to block devices
 * @param pids the number of processes
 * @param raw the whole JSON reading, unmodifiable
 */
public record ContainerStats(
    Instant read,
    double cpuPercent,
    long cpuTotalNanos,
    int onlineCpus,
    long memoryUsage,
    long memoryLimit,
    long networkRxBytes,
    long networkTxBytes,
    long blockReadBytes,
    long blockWriteBytes,
    long pids,
    Map<String, Object> raw) {

  /** Makes {@code raw} unmodifiable. */
  public ContainerStats {
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
