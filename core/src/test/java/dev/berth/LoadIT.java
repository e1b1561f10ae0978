package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.containers.Attachment;
import dev.berth.containers.Container;
import dev.berth.containers.ListOptions;
import dev.berth.containers.LogStream;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Load and leaks (issue 15): many threads of mixed calls on one client, and hundreds of streams
 * closed early, with zero errors, and the JVM's open file descriptors and live threads back where
 * they were once the client is closed. {@code -Dberth.load.scale=0.1} runs a tenth of the calls,
 * {@code 3} three times as many.
 */
@Timeout(600)
class LoadIT {
  private static final double SCALE = Double.parseDouble(System.getProperty("berth.load.scale",
      "1"));
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static DockerClient admin;
  private static Container running;

  @BeforeAll
  static void start() {
    TestEngine.assumeNot(PodmanGap.LOG_FOLLOWER_LEAK);
    admin = TestEngine.client();
    running = admin.containers().run(spec("sh", "-c",
        "for i in 1 2 3 4 5; do echo line $i; done; exec sleep 3600"));
    // its five lines are written before the logs calls ask for them
    for (int i = 0; i < 100 && !admin.containers().get(running.id()).logs().text()
        .contains("line 5"); i++) {
      sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    if (admin == null) {
      return; // skipped before anything was made
    }
    for (String id : admin.containers().ids(ListOptions.all().withLabel("dev.berth.load", RUN))) {
      admin.containers().remove(id, RemoveOptions.force());
    }
    admin.close();
  }

  private static ContainerSpec spec(String... command) {
    return ContainerSpec.of(TestEngine.IMAGE).command(command).label(TestEngine.LABEL, "true")
        .label("dev.berth.load", RUN);
  }

  @Test
  void eightThreadsOfTenThousandMixedCalls() throws Exception {
    mixed(8, (int) (10_000 * SCALE));
  }

  @Test
  void sixtyFourThreadsOfTwoThousandMixedCalls() throws Exception {
    mixed(64, (int) (2_000 * SCALE));
  }

  @Test
  void fiveHundredStreamsClosedEarly() throws Exception {
    Resources before = Resources.now();
    int streams = (int) (500 * SCALE);
    List<Throwable> errors = new ArrayList<>();
    try (DockerClient docker = TestEngine.client()) {
      Container c = docker.containers().get(running.id());
      for (int i = 0; i < streams; i++) {
        try {
          if (i % 2 == 0) {
            // docker logs -f: the first line read, then the stream dropped while it follows
            try (LogStream logs = c.logs().follow().open()) {
              assertThat(logs.nextLine().text()).isEqualTo("line 1");
            }
          } else {
            // docker attach (with the logs so far): the first line read, then detached
            try (Attachment a = c.attach().logs().open()) {
              assertThat(a.output().nextLine().text()).isEqualTo("line 1");
            }
          }
        } catch (Exception | AssertionError e) {
          errors.add(e);
        }
      }
      // the client still works after all of them
      assertThat(c.inspect().state().running()).isTrue();
    }
    assertThat(errors).as("errors of %d streams", streams).isEmpty();
    Resources.settle(before);
  }

  /**
   * {@code threads} threads, {@code calls} calls each on one client: inspect (40%), list by label
   * (20%), short logs (30%), create and remove (2%, two calls), a state check (8%).
   */
  private void mixed(int threads, int calls) throws Exception {
    Resources before = Resources.now();
    Queue errors = new Queue();
    AtomicInteger done = new AtomicInteger();
    Map<String, Boolean> created = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    try (DockerClient docker = TestEngine.client()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        Thread w = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          Container c = docker.containers().get(running.id());
          for (int i = 0; i < calls; i++) {
            try {
              switch ((i + seed) % 10) {
                case 0, 1, 2, 3 -> assertThat(c.inspect().id()).isEqualTo(running.id());
                case 4, 5 -> assertThat(docker.containers().ids(ListOptions.running()
                    .withLabel("dev.berth.load", RUN))).contains(running.id());
                case 6, 7, 8 -> assertThat(c.logs().tail(2).text())
                    .isEqualTo("line 4\nline 5\n");
                default -> {
                  if ((i + seed) / 10 % 5 == 0) {
                    Container made = docker.containers().create(spec("true"));
                    created.put(made.id(), true);
                    made.remove(RemoveOptions.force());
                    created.remove(made.id());
                  } else {
                    assertThat(c.inspect().state().running()).isTrue();
                  }
                }
              }
              done.incrementAndGet();
            } catch (Exception | AssertionError e) {
              errors.add(e);
            }
          }
        }, "load-" + t);
        workers.add(w);
        w.start();
      }
      go.countDown();
      for (Thread w : workers) {
        w.join();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("LoadIT: %d threads x %d calls: %d done, %d errors in %.1f s%n", threads,
        calls, done.get(), errors.size(), seconds);
    assertThat(errors.first()).as("errors of %d x %d calls (%d in all)", threads, calls,
        errors.size()).isEmpty();
    assertThat(done.get()).isEqualTo(threads * calls);
    assertThat(created).as("containers left by create/remove").isEmpty();
    Resources.settle(before);
  }

  /** Errors of many threads, the first ten kept for the message. */
  private static final class Queue {
    private final ConcurrentLinkedQueue<Throwable> all = new ConcurrentLinkedQueue<>();

    void add(Throwable t) {
      all.add(t);
    }

    int size() {
      return all.size();
    }

    List<String> first() {
      return all.stream().limit(10).map(Throwable::toString).toList();
    }
  }

  /**
   * The JVM's open file descriptors and live threads. The threads of the OkHttp layer's JVM-wide
   * task runners ("Berth ConnectionPool n" for the pools' clean-up, "OkHttp …" while they run a
   * task) and Okio's timeout watchdog are left out of the count: they start when first needed, are
   * shared by every client and end by themselves after 60 s idle, so under OkHttp one may appear
   * during a run without anything leaking.
   */
  private record Resources(long fds, int threads) {
    static Resources now() throws IOException {
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        int threads = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
          String name = t.getName();
          if (!name.startsWith("Berth ConnectionPool ") && !name.startsWith("OkHttp ")
              && !name.equals("Okio Watchdog")) {
            threads++;
          }
        }
        return new Resources(fds.count(), threads);
      }
    }

    /** Asserts that both come back to {@code before}'s within 10 s of the client's close. */
    static void settle(Resources before) throws IOException {
      Resources after = now();
      for (int i = 0; i < 100 && (after.fds > before.fds || after.threads > before.threads); i++) {
        sleep(100);
        after = now();
      }
      System.out.printf("LoadIT: fds %d -> %d, threads %d -> %d%n", before.fds, after.fds,
          before.threads, after.threads);
      assertThat(after.fds).as("open file descriptors").isLessThanOrEqualTo(before.fds);
      assertThat(after.threads).as("live threads: %s", Thread.getAllStackTraces().keySet().stream()
          .map(Thread::getName).sorted().toList()).isLessThanOrEqualTo(before.threads);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
