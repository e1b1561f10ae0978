package dev.berth.internal.stream;

import static dev.berth.internal.http.Fields.integer;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;

import dev.berth.DockerException;
import dev.berth.containers.StatsStream;
import dev.berth.internal.http.EngineTimes;
import dev.berth.internal.http.Json;
import dev.berth.model.ContainerStats;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reads the engine's stats JSON into {@link ContainerStats}, as {@code docker stats} computes it. */
public final class StatsReading {
  private StatsReading() {}

  @SuppressWarnings("unchecked")
  public static ContainerStats of(Map<String, Object> json) {
    Map<String, Object> cpu = object(json, "cpu_stats");
    Map<String, Object> precpu = object(json, "precpu_stats");
    long total = longValue(object(cpu, "cpu_usage"), "total_usage");
    long cpuDelta = total - longValue(object(precpu, "cpu_usage"), "total_usage");
    long systemDelta = longValue(cpu, "system_cpu_usage") - longValue(precpu, "system_cpu_usage");
    int online = integer(cpu, "online_cpus");
    if (online == 0) {
      Object perCpu = object(cpu, "cpu_usage").get("percpu_usage");
      online = perCpu instanceof List<?> l ? l.size() : 1;
    }
    double percent = systemDelta > 0 && cpuDelta > 0
        ? (double) cpuDelta / systemDelta * online * 100.0 : 0.0;

    Map<String, Object> memory = object(json, "memory_stats");
    Map<String, Object> memoryDetail = object(memory, "stats");
    // docker stats leaves the page cache out: inactive_file on cgroup v2, cache on v1.
    long cache = memoryDetail.containsKey("inactive_file")
        ? longValue(memoryDetail, "inactive_file") : longValue(memoryDetail, "cache");
    long usage = Math.max(0, longValue(memory, "usage") - cache);

    long rx = 0;
    long tx = 0;
    for (Object n : object(json, "networks").values()) {
      if (n instanceof Map<?, ?> m) {
        rx += longValue((Map<String, Object>) m, "rx_bytes");
        tx += longValue((Map<String, Object>) m, "tx_bytes");
      }
    }
    long read = 0;
    long write = 0;
    Object io = object(json, "blkio_stats").get("io_service_bytes_recursive");
    if (io instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> m = (Map<String, Object>) o;
        String op = string(m, "op");
        if ("read".equalsIgnoreCase(op)) {
          read += longValue(m, "value");
        } else if ("write".equalsIgnoreCase(op)) {
          write += longValue(m, "value");
        }
      }
    }
    return new ContainerStats(EngineTimes.instant(string(json, "read")), percent, total, online,
        usage, longValue(memory, "limit"), rx, tx, read, write,
        longValue(object(json, "pids_stats"), "current"), json);
  }

  /** Readings as the engine streams them, one JSON object a second. */
  public static final class Stream implements StatsStream {
    private final HttpResponse response;
    private final String id;
    private volatile boolean closed;
    private Json.Sequence sequence;

    public Stream(HttpResponse response, String id) {
      this.response = response;
      this.id = id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ContainerStats next() {
      if (closed) {
        return null;
      }
      try {
        if (sequence == null) {
          sequence = Json.sequence(response.body());
        }
        Object json = sequence.next();
        if (json == null) {
          Streams.closeQuietly(response);
          return null;
        }
        return of((Map<String, Object>) json);
      } catch (IOException | RuntimeException e) {
        if (closed) {
          return null;
        }
        Streams.closeQuietly(response);
        throw new DockerException("the stats of " + id + " broke off: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      closed = true;
      response.abort();
      Streams.closeQuietly(response);
    }
  }
}
