package dev.berth.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures 5 and 6 in a JVM of their own, started by {@link Bench} with {@code -Xmx64m}: bulk
 * logs (MB/s and bytes allocated per log byte), export and save (MB/s). Prints one {@code RESULT
 * client measure value} line per sample for the parent to read.
 *
 * <p>Arguments: socket, logs container, its log bytes, warm-up logs container, export container,
 * export bytes at least, image to save, logs runs, export/save runs.
 */
public final class StreamsBench {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private StreamsBench() {}

  public static void main(String[] args) throws Exception {
    String socket = args[0];
    String logsId = args[1];
    long logBytes = Long.parseLong(args[2]);
    String warmLogsId = args[3];
    String exportId = args[4];
    long exportAtLeast = Long.parseLong(args[5]);
    String image = args[6];
    int logRuns = Integer.parseInt(args[7]);
    int copyRuns = Integer.parseInt(args[8]);
    System.err.printf("streams: max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);

    List<Client> clients = new ArrayList<>();
    for (String name : System.getProperty("bench.clients", String.join(",", Bench.CLIENTS))
        .split(",")) {
      clients.add(Client.create(name, socket));
    }
    int dockerd = dockerdPid();
    try {
      // warm-up: a small log, one export and one save each
      for (Client c : clients) {
        c.logs(warmLogsId, new CountingSink(), new CountingSink());
        c.logs(warmLogsId, new CountingSink(), new CountingSink());
        c.export(exportId, new CountingSink());
        c.save(image, new CountingSink());
      }
      for (int r = 0; r < logRuns; r++) {
        for (int k = 0; k < clients.size(); k++) {
          Client c = clients.get((k + r) % clients.size());
          System.gc();
          CountingSink out = new CountingSink();
          CountingSink err = new CountingSink();
          long tid = Thread.currentThread().getId();
          long alloc0 = THREADS.getThreadAllocatedBytes(tid);
          long cpu0 = OS.getProcessCpuTime();
          long engineCpu0 = cpuTicks(dockerd);
          long t0 = System.nanoTime();
          long n = c.logs(logsId, out, err);
          long nanos = System.nanoTime() - t0;
          long alloc = THREADS.getThreadAllocatedBytes(tid) - alloc0 + c.lastStreamThreadAllocation();
          long cpu = OS.getProcessCpuTime() - cpu0;
          long engineCpu = cpuTicks(dockerd) - engineCpu0;
          if (n != logBytes || out.count != logBytes) {
            throw new IllegalStateException(c.name() + " read " + n + " log bytes (" + out.count
                + " to stdout), expected " + logBytes);
          }
          result(c, "logs_mbps", n / 1e6 / (nanos / 1e9));
          result(c, "logs_alloc_per_byte", (double) alloc / n);
          result(c, "logs_client_cpu_s", cpu / 1e9);
          result(c, "logs_engine_cpu_s", engineCpu / 100.0);
        }
      }
      for (int r = 0; r < copyRuns; r++) {
        for (int k = 0; k < clients.size(); k++) {
          Client c = clients.get((k + r) % clients.size());
          long t0 = System.nanoTime();
          long n = c.export(exportId, new CountingSink());
          if (n < exportAtLeast) {
            throw new IllegalStateException(c.name() + " exported " + n + " bytes, expected at"
                + " least " + exportAtLeast);
          }
          result(c, "export_mbps", n / 1e6 / ((System.nanoTime() - t0) / 1e9));
          result(c, "export_bytes", n);
        }
        for (int k = 0; k < clients.size(); k++) {
          Client c = clients.get((k + r) % clients.size());
          long t0 = System.nanoTime();
          long n = c.save(image, new CountingSink());
          if (n < exportAtLeast) {
            throw new IllegalStateException(c.name() + " saved " + n + " bytes, expected at"
                + " least " + exportAtLeast);
          }
          result(c, "save_mbps", n / 1e6 / ((System.nanoTime() - t0) / 1e9));
          result(c, "save_bytes", n);
        }
      }
    } finally {
      for (Client c : clients) {
        c.close();
      }
    }
    System.exit(0);
  }

  private static void result(Client c, String measure, double value) {
    System.out.printf("RESULT %s %s %.6f%n", c.name(), measure, value);
    System.out.flush();
  }

  /** The engine's pid, to read its CPU time; 0 when not found. */
  private static int dockerdPid() throws IOException {
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) dirs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          try {
            if (Files.readString(p.resolve("comm")).trim().equals("dockerd")) {
              return Integer.parseInt(name);
            }
          } catch (IOException gone) {
            // a process that ended
          }
        }
      }
    }
    return 0;
  }

  /** utime + stime of a process, in clock ticks (1/100 s). */
  private static long cpuTicks(int pid) {
    if (pid == 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException e) {
      return 0;
    }
  }
}
