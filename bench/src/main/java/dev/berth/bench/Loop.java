package dev.berth.bench;

import dev.berth.DockerClient;
import dev.berth.containers.Container;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One client doing one thing for a while, to profile it with JFR:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=ping.jfr,settings=profile -cp … dev.berth.bench.Loop berth ping 20
 * jfr print --events jdk.ExecutionSample ping.jfr
 * </pre>
 *
 * <p>Arguments: client ({@code berth}, {@code docker-java}, {@code raw}), what ({@code ping},
 * {@code inspect}, {@code threads} for eight threads inspecting), seconds, and optionally the
 * socket. Inspect uses a container it starts and removes.
 */
public final class Loop {
  private Loop() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String what = args[1];
    long seconds = Long.parseLong(args[2]);
    String socket = args.length > 3 ? args[3] : "/var/run/docker.sock";
    try (DockerClient admin = DockerClient.builder().endpoint("unix://" + socket).build();
        Client c = Client.create(name, socket)) {
      Container running = null;
      if (!what.equals("ping")) {
        running = admin.containers().create(ContainerSpec.of(Bench.IMAGE).command("sleep", "3600")
            .label(Client.TEST_LABEL, "true").label(Client.BENCH_LABEL, "true"));
        running.start();
      }
      try {
        String id = running == null ? null : running.id();
        int threads = what.equals("threads") ? 8 : 1;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.concurrent.atomic.LongAdder done = new java.util.concurrent.atomic.LongAdder();
        long[] counts = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int slot = t;
          Thread w = new Thread(() -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
            long alloc0 = 0;
            long calls0 = 0;
            try {
              while (System.nanoTime() < deadline) {
                if (alloc0 == 0 && System.nanoTime() > deadline - seconds * 500_000_000L) {
                  alloc0 = mx.getCurrentThreadAllocatedBytes(); // the second half only
                  calls0 = counts[slot];
                }
                if (id == null) {
                  c.ping();
                } else {
                  c.inspect(id);
                }
                counts[slot]++;
                done.increment();
              }
              if (slot == 0 && counts[slot] > calls0) {
                System.out.printf("  thread 0: %.0f bytes allocated per call%n",
                    (mx.getCurrentThreadAllocatedBytes() - alloc0)
                        / (double) (counts[slot] - calls0));
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
          w.start();
          workers.add(w);
        }
        long last = 0;
        long lastTime = System.nanoTime();
        while (System.nanoTime() < deadline - 500_000_000L) {
          Thread.sleep(2_000);
          long now = System.nanoTime();
          long sum = done.sum();
          System.out.printf("  %.0f calls/s%n", (sum - last) / ((now - lastTime) / 1e9));
          last = sum;
          lastTime = now;
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
          workers.get(t).join();
          total += counts[t];
        }
        System.out.printf("%s %s: %d calls in %d s, %.0f calls/s%n", name, what, total, seconds,
            total / (double) seconds);
      } finally {
        if (running != null) {
          running.remove(RemoveOptions.force());
        }
      }
    }
  }
}
