package dev.berth.bench;

import dev.berth.DockerClient;
import dev.berth.containers.CommitOptions;
import dev.berth.containers.Container;
import dev.berth.containers.ListOptions;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The benchmark: Berth, docker-java (zerodep) and a raw {@code SocketChannel} client against the
 * same engine, in one run, interleaved (each round rotates which client goes first). Prints a table
 * of medians and p99 with the ratios Berth/raw and Berth/docker-java. See docs/PERFORMANCE.md.
 *
 * <p>Options: {@code --quick} (small sizes, few samples: to try the harness, not to quote), {@code
 * --socket PATH} (default: {@code DOCKER_HOST}'s unix path or /var/run/docker.sock), {@code
 * --out FILE} (also write the table there as Markdown), {@code --only startup} (only section 7:
 * no containers, no fixtures, only the start-up rows), {@code --only fixture} (only section 9,
 * {@link FixtureBench}: a ready HTTP server for a test, berth-junit's fixture against the raw
 * calls and Testcontainers), {@code --fixture-runs N} (its samples per client; default 20, 3 with
 * {@code --quick}), {@code --baseline-classpath CP} (a fourth
 * start-up client, {@value #BASELINE}: the same {@link Startup} run of Berth on the class path of
 * another build, interleaved with the others; see {@link #baselineClasspath}) and {@code
 * --startup-runs N} (start-up samples per client; default 10, 3 with {@code --quick}).
 */
public final class Bench {
  static final List<String> CLIENTS = List.of(BerthClient.NAME, DockerJavaClient.NAME,
      RawClient.NAME);
  /** The start-up client that runs Berth from another build's class path. */
  static final String BASELINE = "berth-base";
  /**
   * Start-up only: the raw client on Berth's class path, what the jars alone cost. Measured with
   * {@link #RAW_JARS_SLF4J} so that Berth's start-up row can be split into the class path, the
   * logging library and Berth's own code.
   */
  static final String RAW_JARS = "raw-jars";
  /** Start-up only: {@link #RAW_JARS} after initialising SLF4J, as Berth's first call does. */
  static final String RAW_JARS_SLF4J = "raw-jars-slf4j";
  static final String IMAGE = "berth-test/busybox:latest";
  static final String SAVE_IMAGE = "berth-bench/big:latest";
  /** 69 characters and a newline: the 70-byte log line. */
  static final String LINE = "berth-bench-log-line-" + "x".repeat(48);

  private final boolean quick;
  private final String socket;
  private final Path out;
  private final boolean onlyStartup;
  private final boolean onlyFixture;
  private final String baselineClasspath;
  private final int startupRuns;
  private final int fixtureRuns;
  private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
  private final List<String> created = new ArrayList<>();
  private DockerClient admin;
  private String loadBefore = "?";
  private String engineVersion = "?";

  private Bench(boolean quick, String socket, Path out, String only,
      String baselineClasspath, int startupRuns, int fixtureRuns) {
    this.quick = quick;
    this.socket = socket;
    this.out = out;
    this.onlyStartup = "startup".equals(only);
    this.onlyFixture = "fixture".equals(only);
    this.baselineClasspath = baselineClasspath;
    this.startupRuns = startupRuns > 0 ? startupRuns : quick ? 3 : 10;
    this.fixtureRuns = fixtureRuns > 0 ? fixtureRuns : quick ? 3 : 20;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    String socket = defaultSocket();
    Path out = null;
    String only = null;
    String baseline = null;
    int startupRuns = 0;
    int fixtureRuns = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--socket" -> socket = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> {
          only = args[++i];
          if (!only.equals("startup") && !only.equals("fixture")) {
            throw new IllegalArgumentException("--only " + only
                + ": expected --only startup or --only fixture");
          }
        }
        case "--baseline-classpath" -> baseline = args[++i];
        case "--startup-runs" -> startupRuns = Integer.parseInt(args[++i]);
        case "--fixture-runs" -> fixtureRuns = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --quick, --socket PATH, --out FILE, --only startup|fixture,"
            + " --baseline-classpath CP, --startup-runs N, --fixture-runs N");
      }
    }
    new Bench(quick, socket, out, only, baseline, startupRuns, fixtureRuns).run();
  }

  private static String defaultSocket() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && host.startsWith("unix://")) {
      return host.substring("unix://".length());
    }
    if (host != null && !host.isEmpty()) {
      throw new IllegalArgumentException("DOCKER_HOST=" + host + ": the bench needs a unix:// engine");
    }
    return "/var/run/docker.sock";
  }

  private static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }

  private void run() throws Exception {
    log("engine at %s; %s; %d cores; Java %s; load average %s", socket,
        quick ? "QUICK run (not for quoting)" : "full run",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        loadAverage());
    loadBefore = loadAverage();
    if (onlyStartup) {
      // no containers, no fixtures, nothing to clean up: the engine is only asked its version
      try (DockerClient d = DockerClient.builder().endpoint("unix://" + socket).build()) {
        engineVersion = d.system().version().version() + " (API " + d.apiVersion() + ")";
      }
      log("engine %s", engineVersion);
      startup();
      printTable();
      return;
    }
    admin = DockerClient.builder().endpoint("unix://" + socket).build();
    Thread cleanup = new Thread(this::cleanUp, "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      engineVersion = admin.system().version().version() + " (API " + admin.apiVersion() + ")";
      log("engine %s", engineVersion);
      removeLeftovers();
      if (onlyFixture) {
        fixture();
        printTable();
        return;
      }
      Fixtures f = fixtures();
      List<Client> clients = new ArrayList<>();
      for (String name : CLIENTS) {
        clients.add(Client.create(name, socket));
      }
      try {
        latency(clients, f.running);
        throughput(clients, f.running);
        lifecycle(clients);
      } finally {
        for (Client c : clients) {
          c.close();
        }
      }
      streams(f);
      startup();
      footprint();
      fixture();
      printTable();
    } finally {
      cleanUp();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  private void printTable() throws IOException {
    String table = table();
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table);
    }
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  // ---- fixtures ----

  private record Fixtures(String running, String logs, long logBytes, String warmLogs,
      String export, long exportFileBytes) {}

  private ContainerSpec spec(String... command) {
    return ContainerSpec.of(IMAGE).command(command).label(Client.TEST_LABEL, "true")
        .label(Client.BENCH_LABEL, "true");
  }

  private Container make(ContainerSpec spec) {
    Container c = admin.containers().create(spec);
    synchronized (created) {
      created.add(c.id());
    }
    return c;
  }

  private Fixtures fixtures() {
    long t0 = System.nanoTime();
    Container running = make(spec("sleep", "3600"));
    running.start();

    int lines = quick ? 300_000 : 3_000_000;
    Container logs = make(spec("sh", "-c", "yes " + LINE + " | head -n " + lines));
    Container warmLogs = make(spec("sh", "-c", "yes " + LINE + " | head -n 100000"));
    int mb = quick ? 20 : 200;
    Container big = make(spec("dd", "if=/dev/urandom", "of=/big", "bs=1M", "count=" + mb));
    logs.start();
    warmLogs.start();
    big.start();
    log("fixtures: writing %d MB of logs in 70-byte lines, a %d MB file ...",
        lines * 70L / 1_000_000, mb);
    for (Container c : List.of(logs, warmLogs, big)) {
      long code = c.waitFor().exitCode();
      if (code != 0) {
        throw new IllegalStateException("fixture " + c.id() + " exited " + code);
      }
    }
    big.commit(CommitOptions.as(SAVE_IMAGE).change("LABEL " + Client.TEST_LABEL + "=true")
        .change("LABEL " + Client.BENCH_LABEL + "=true"));
    log("fixtures ready in %.0f s", (System.nanoTime() - t0) / 1e9);
    return new Fixtures(running.id(), logs.id(), lines * 70L, warmLogs.id(), big.id(),
        mb * 1024L * 1024L);
  }

  private void removeLeftovers() {
    for (String id : admin.containers().ids(ListOptions.all().withLabel(Client.BENCH_LABEL))) {
      log("removing container %s left by an earlier run", id);
      admin.containers().remove(id, RemoveOptions.force());
    }
    removeImage();
  }

  private void removeImage() {
    try {
      admin.images().remove(SAVE_IMAGE, true, false);
    } catch (dev.berth.NotFoundException absent) {
      // nothing to remove
    }
  }

  private synchronized void cleanUp() {
    if (admin == null) {
      return;
    }
    List<String> ids;
    synchronized (created) {
      ids = new ArrayList<>(created);
      created.clear();
    }
    for (String id : ids) {
      try {
        admin.containers().remove(id, RemoveOptions.force());
      } catch (RuntimeException e) {
        log("could not remove %s: %s", id, e.getMessage());
      }
    }
    try {
      removeImage();
    } catch (RuntimeException e) {
      log("could not remove %s: %s", SAVE_IMAGE, e.getMessage());
    }
    admin.close();
    admin = null;
  }

  // ---- results ----

  private void record(String client, String measure, double value) {
    results.computeIfAbsent(measure, k -> new LinkedHashMap<>())
        .computeIfAbsent(client, k -> new ArrayList<>()).add(value);
  }

  private Double value(String measure, String client) {
    Map<String, List<Double>> m = results.get(measure);
    if (m == null || m.get(client) == null) {
      return null;
    }
    return Stats.median(m.get(client).stream().mapToDouble(Double::doubleValue).toArray());
  }

  // ---- 1, 2: latency ----

  private interface Call {
    void run(Client c) throws Exception;
  }

  private void latency(List<Client> clients, String running) throws Exception {
    // OkHttp and docker-java reach their steady state only after several seconds of calls on
    // two cores (C2 keeps compiling); a warm-up by count would measure the JIT
    int warmRounds = quick ? 2 : 8;
    log("1. ping: warming up, %d interleaved rounds of 1 s per client ...", warmRounds);
    warmUp(clients, warmRounds, c -> c.ping());
    log("1. ping: 2,000 sequential calls each, in 10 interleaved rounds");
    measure(clients, 10, 200, c -> c.ping(), "ping");
    log("2. inspect: warming up, %d interleaved rounds of 1 s per client ...", warmRounds / 2);
    warmUp(clients, warmRounds / 2, c -> c.inspect(running));
    log("2. inspect: 1,000 calls each, in 10 interleaved rounds");
    measure(clients, 10, 100, c -> c.inspect(running), "inspect");
  }

  private static void warmUp(List<Client> clients, int rounds, Call call) throws Exception {
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < clients.size(); k++) {
        Client c = clients.get((k + r) % clients.size());
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) {
          call.run(c);
        }
      }
    }
  }

  private void measure(List<Client> clients, int rounds, int perRound, Call call, String name)
      throws Exception {
    int n = clients.size();
    long[][] samples = new long[n][rounds * perRound];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        int ci = (k + r) % n;
        Client c = clients.get(ci);
        for (int i = 0; i < perRound; i++) {
          long t0 = System.nanoTime();
          call.run(c);
          samples[ci][r * perRound + i] = System.nanoTime() - t0;
        }
      }
    }
    if (name != null) {
      for (int ci = 0; ci < n; ci++) {
        record(clients.get(ci).name(), name + "_p50_us", Stats.percentile(samples[ci], 50) / 1e3);
        record(clients.get(ci).name(), name + "_p99_us", Stats.percentile(samples[ci], 99) / 1e3);
      }
    }
  }

  // ---- 3: eight threads ----

  private void throughput(List<Client> clients, String running) throws Exception {
    int threads = 8;
    long millis = quick ? 2_000 : 5_000;
    log("3. eight threads inspecting: 2 interleaved rounds of %d s each, straight to the engine",
        millis / 1000);
    for (Client c : clients) {
      calls(c, running, threads, 1_000); // warm-up, and fills the pools
    }
    double[][] rates = new double[clients.size()][2];
    for (int r = 0; r < 2; r++) {
      for (int k = 0; k < clients.size(); k++) {
        int ci = (k + r) % clients.size();
        rates[ci][r] = calls(clients.get(ci), running, threads, millis) * 1000.0 / millis;
      }
    }
    for (int ci = 0; ci < clients.size(); ci++) {
      record(clients.get(ci).name(), "threads8_calls_per_s", (rates[ci][0] + rates[ci][1]) / 2);
    }
    log("3. the same through a counting proxy, fresh clients, %d s each", 2 * millis / 1000);
    Path proxyPath = Path.of(System.getProperty("java.io.tmpdir"),
        "berth-bench-" + ProcessHandle.current().pid() + ".sock");
    try (CountingProxy proxy = new CountingProxy(proxyPath, Path.of(socket))) {
      for (String name : CLIENTS) {
        proxy.reset();
        long calls;
        try (Client c = Client.create(name, proxy.path().toString())) {
          calls = calls(c, running, threads, 2 * millis);
        }
        int[] counts = proxy.reset();
        record(name, "threads8_sockets_opened", counts[0]);
        record(name, "threads8_max_open", counts[1]);
        record(name, "threads8_proxy_calls_per_s", calls * 1000.0 / (2 * millis));
      }
    }
  }

  /** Inspect calls made by {@code threads} threads in {@code millis}. */
  private static long calls(Client c, String id, int threads, long millis) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    long[] counts = new long[threads];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int slot = t;
      Thread w = new Thread(() -> {
        try {
          start.await();
          long deadline = System.nanoTime() + millis * 1_000_000;
          long n = 0;
          while (System.nanoTime() < deadline) {
            c.inspect(id);
            n++;
          }
          counts[slot] = n;
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "inspect-" + t);
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(c.name() + " failed while 8 threads inspected",
          failure.get());
    }
    long total = 0;
    for (long n : counts) {
      total += n;
    }
    return total;
  }

  // ---- 4: lifecycle ----

  private void lifecycle(List<Client> clients) throws Exception {
    int iterations = quick ? 5 : 30;
    log("4. create + start + wait + remove: 2 warm-up and %d measured each, interleaved",
        iterations);
    for (int i = 0; i < 2; i++) {
      for (Client c : clients) {
        c.lifecycle(IMAGE);
      }
    }
    for (int i = 0; i < iterations; i++) {
      for (int k = 0; k < clients.size(); k++) {
        Client c = clients.get((k + i) % clients.size());
        long t0 = System.nanoTime();
        c.lifecycle(IMAGE);
        record(c.name(), "lifecycle_ms", (System.nanoTime() - t0) / 1e6);
      }
    }
  }

  // ---- 5, 6: streams, -Xmx64m ----

  private void streams(Fixtures f) throws Exception {
    log("5, 6. logs, export, save: in a JVM with -Xmx64m");
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx64m", "-cp",
        System.getProperty("java.class.path")));
    String jfr = System.getProperty("bench.streams.jvmArg");
    if (jfr != null) {
      command.add(jfr);
    }
    command.addAll(List.of(StreamsBench.class.getName(), socket, f.logs,
        Long.toString(f.logBytes), f.warmLogs, f.export, Long.toString(f.exportFileBytes),
        SAVE_IMAGE, quick ? "1" : "2", quick ? "2" : "9"));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] parts = line.split(" ");
        if (parts.length == 4 && parts[0].equals("RESULT")) {
          record(parts[1], parts[2], Double.parseDouble(parts[3]));
          if (parts[2].endsWith("_mbps")) {
            log("   %s %s %.1f", parts[1], parts[2], Double.parseDouble(parts[3]));
          }
        } else {
          System.err.println(line);
        }
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the -Xmx64m streams JVM failed (exit " + p.exitValue()
          + ")");
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  // ---- 7: start-up ----

  private void startup() throws Exception {
    int runs = startupRuns;
    List<String> clients = new ArrayList<>(CLIENTS);
    Footprint fp = footprintData();
    Map<String, String> classpaths = new LinkedHashMap<>();
    String self = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    String nop = fp.closure("org.slf4j:slf4j-nop").stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
    classpaths.put(BerthClient.NAME, join(self, join(fp.closure("dev.berth:berth-core")), nop));
    classpaths.put(DockerJavaClient.NAME, join(self, join(fp.closure(
        "com.github.docker-java:docker-java-core",
        "com.github.docker-java:docker-java-transport-zerodep")), nop));
    classpaths.put(RawClient.NAME, self);
    clients.add(RAW_JARS);
    classpaths.put(RAW_JARS, classpaths.get(BerthClient.NAME));
    clients.add(RAW_JARS_SLF4J);
    classpaths.put(RAW_JARS_SLF4J, classpaths.get(BerthClient.NAME));
    if (baselineClasspath != null) {
      clients.add(BASELINE);
      classpaths.put(BASELINE, baselineClasspath(baselineClasspath, fp));
    }
    log("7. start-up: a JVM that makes a client and pings once; 1 warm-up and %d each,"
        + " interleaved (%s); load average %s", runs, String.join(", ", clients), loadAverage());
    for (int i = -1; i < runs; i++) {
      for (int k = 0; k < clients.size(); k++) {
        String name = clients.get((k + Math.max(i, 0)) % clients.size());
        // the baseline is Berth too: its own build's Startup, told to run "berth"
        String client = name.equals(BASELINE) ? BerthClient.NAME
            : name.equals(RAW_JARS) ? RawClient.NAME : name;
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-cp", classpaths.get(name),
            Startup.class.getName(), client, socket).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (exit != 0) {
          throw new IllegalStateException("start-up of " + name + " failed: " + output);
        }
        if (i >= 0) {
          record(name, "startup_ms", ms);
          for (String line : output.split("\n")) {
            if (line.startsWith("VmHWM ")) {
              record(name, "startup_rss_mb", Long.parseLong(line.substring(6).trim()) / 1024.0);
            }
          }
        }
      }
    }
    for (String name : clients) {
      double[] ms = results.get("startup_ms").get(name).stream().mapToDouble(Double::doubleValue)
          .sorted().toArray();
      log("   %s start-up ms: median %.1f, min %.1f, max %.1f", name, Stats.median(ms), ms[0],
          ms[ms.length - 1]);
    }
    double raw = value("startup_ms", RawClient.NAME);
    double jars = value("startup_ms", RAW_JARS);
    double slf4j = value("startup_ms", RAW_JARS_SLF4J);
    double berth = value("startup_ms", BerthClient.NAME);
    log("   berth's start-up over raw, by medians: %+.1f ms for its class path (%s), %+.1f ms for"
        + " starting SLF4J (%s), %+.1f ms for the rest (Berth's own code); the raw client with"
        + " both would be %.2f× raw", jars - raw, RAW_JARS, slf4j - jars, RAW_JARS_SLF4J,
        berth - slf4j, slf4j / raw);
    if (baselineClasspath != null) {
      // each round ran both under the same load: the difference round by round is steadier than
      // the difference of the medians
      List<Double> now = results.get("startup_ms").get(BerthClient.NAME);
      List<Double> base = results.get("startup_ms").get(BASELINE);
      double[] d = new double[now.size()];
      int faster = 0;
      for (int i = 0; i < d.length; i++) {
        d[i] = now.get(i) - base.get(i);
        faster += d[i] < 0 ? 1 : 0;
      }
      log("   %s - %s, paired by round: median %+.1f ms; %s faster in %d of %d rounds",
          BerthClient.NAME, BASELINE, Stats.median(d), BerthClient.NAME, faster, d.length);
    }
    log("   load average at the end %s", loadAverage());
  }

  /**
   * The class path of the {@value #BASELINE} start-up client: of {@code given} (another build's
   * bench classes followed by its {@code classpath.txt}), only what Berth's own row has, so both
   * rows start with the same kind of class path: the bench's classes or jar, the closure of
   * {@code berth-core} and {@code slf4j-nop}. That closure is read from the {@code
   * dependency-tree.txt} beside the first entry when it is a bench build's {@code target/classes}
   * (the other build's own tree), otherwise from this build's ({@code current}). {@code
   * classpath.txt} alone holds every client's jars (docker-java's too), and SLF4J looks for its
   * provider in every jar of the class path: the whole of it would not be the same measure.
   */
  static String baselineClasspath(String given, Footprint current) throws IOException {
    List<String> entries = List.of(given.split(File.pathSeparator));
    Path first = Path.of(entries.get(0));
    Path dir = first.getParent();
    Footprint fp = current;
    String source = "this build's dependency tree";
    if (dir != null && first.getFileName().toString().equals("classes")
        && Files.exists(dir.resolve("dependency-tree.txt"))
        && Files.exists(dir.resolve("classpath.txt"))) {
      fp = new Footprint(dir.resolve("dependency-tree.txt"), dir.resolve("classpath.txt"));
      source = dir.resolve("dependency-tree.txt").toString();
    }
    java.util.Set<String> wanted = new java.util.HashSet<>(fp.artifacts("dev.berth:berth-core",
        "org.slf4j:slf4j-nop"));
    wanted.add("dev.berth:berth-bench");
    List<String> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String e : entries) {
      if (e.isEmpty()) {
        continue;
      }
      if (!wanted.contains(Footprint.gaOf(Path.of(e)))) {
        dropped.add(Path.of(e).getFileName().toString());
        continue;
      }
      if (!Files.exists(Path.of(e))) {
        throw new IllegalArgumentException("--baseline-classpath: " + e + " does not exist;"
            + " build that commit's bench first (see docs/PERFORMANCE.md)");
      }
      kept.add(e);
    }
    if (kept.stream().noneMatch(e -> Footprint.gaOf(Path.of(e)).equals("dev.berth:berth-core"))) {
      throw new IllegalArgumentException("--baseline-classpath has no berth-core jar or classes: "
          + given);
    }
    log("7. %s: %d class path entries kept (berth-core's closure by %s, slf4j-nop, the bench),"
        + " %d dropped (%s)", BASELINE, kept.size(), source, dropped.size(),
        String.join(", ", dropped));
    return String.join(File.pathSeparator, kept);
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static String join(String... parts) {
    return List.of(parts).stream().filter(s -> !s.isEmpty())
        .collect(Collectors.joining(File.pathSeparator));
  }

  // ---- 8: footprint ----

  private static Footprint footprintData() throws Exception {
    Path self = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path target = self.getParent(); // target/classes or target/berth-bench.jar
    return new Footprint(target.resolve("dependency-tree.txt"), target.resolve("classpath.txt"));
  }

  private void footprint() throws Exception {
    Footprint fp = footprintData();
    List<Path> berthAll = fp.closure("dev.berth:berth-core");
    List<Path> berth = Footprint.thirdParty(berthAll);
    List<Path> dj = Footprint.thirdParty(fp.closure("com.github.docker-java:docker-java-core",
        "com.github.docker-java:docker-java-transport-zerodep"));
    List<Path> djThird = dj.stream().filter(p -> !p.toString().contains("/com/github/docker-java/"))
        .collect(Collectors.toList());
    record(BerthClient.NAME, "footprint_jars", berth.size());
    record(BerthClient.NAME, "footprint_mb", Footprint.bytes(berth) / 1e6);
    record(DockerJavaClient.NAME, "footprint_jars", djThird.size());
    record(DockerJavaClient.NAME, "footprint_mb", Footprint.bytes(djThird) / 1e6);
    List<Path> berthOwn = berthAll.stream().filter(p -> p.getFileName().toString()
        .startsWith("berth-") && p.toString().endsWith(".jar")).collect(Collectors.toList());
    record(BerthClient.NAME, "footprint_all_jars", berth.size() + berthOwn.size());
    record(BerthClient.NAME, "footprint_all_mb",
        (Footprint.bytes(berth) + Footprint.bytes(berthOwn)) / 1e6);
    record(DockerJavaClient.NAME, "footprint_all_jars", dj.size());
    record(DockerJavaClient.NAME, "footprint_all_mb", Footprint.bytes(dj) / 1e6);
    log("8. footprint: Berth's third-party jars: %s", berth.stream()
        .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
    log("8. footprint: docker-java's jars: %s", dj.stream()
        .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
  }

  // ---- 9: a fixture for a test ----

  private void fixture() throws Exception {
    log("9. fixture: a busybox httpd until its first 200, %d interleaved rounds and 1 warm-up"
        + " (%s); load average %s", fixtureRuns, String.join(", ", FixtureBench.CLIENTS),
        loadAverage());
    FixtureBench bench = new FixtureBench(admin, socket, fixtureRuns);
    Map<String, List<Double>> ms = bench.run();
    for (Map.Entry<String, Double> e : bench.warmUp().entrySet()) {
      log("   %s warm-up (its first in the JVM, not counted): %.1f ms", e.getKey(), e.getValue());
    }
    for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
      for (double v : e.getValue()) {
        record(e.getKey(), "fixture_ms", v);
      }
      double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      log("   %s ms: median %.1f, min %.1f, max %.1f", e.getKey(), Stats.median(v), v[0],
          v[v.length - 1]);
    }
    log("   load average at the end %s", loadAverage());
  }

  private String fixtureTable() {
    Map<String, List<Double>> m = results.get("fixture_ms");
    if (m == null) {
      return "";
    }
    double raw = value("fixture_ms", FixtureBench.RAW);
    double fixture = value("fixture_ms", FixtureBench.FIXTURE);
    double tc = value("fixture_ms", FixtureBench.TESTCONTAINERS);
    StringBuilder s = new StringBuilder("\n| 9. ready HTTP server to first 200 (ms) | median | min"
        + " | max | / " + FixtureBench.RAW + " |\n|---|---:|---:|---:|---:|\n");
    for (String name : FixtureBench.CLIENTS) {
      double[] v = m.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double med = Stats.median(v);
      s.append("| ").append(name).append(" | ").append(format(med)).append(" | ")
          .append(format(v[0])).append(" | ").append(format(v[v.length - 1])).append(" | ")
          .append(ratio(med, raw)).append(" |\n");
    }
    s.append("\nTargets: ").append(FixtureBench.FIXTURE).append(" ≤ 1.1× ")
        .append(FixtureBench.RAW).append(" (").append(fixture / raw <= 1.1 ? "met" : "**not met**")
        .append("), ahead of ").append(FixtureBench.TESTCONTAINERS).append(" (")
        .append(fixture < tc ? "met" : "**not met**").append("). Median of ")
        .append(m.get(FixtureBench.RAW).size()).append(" runs each.\n");
    return s.toString();
  }

  // ---- the table ----

  /** One row: measure, unit, whether more is better, the target as a test on Berth's numbers. */
  private record Row(String measure, String label, boolean higherIsBetter, String target,
      Check check) {}

  private interface Check {
    /** Whether Berth meets the target; null when it cannot tell. */
    Boolean met(Double berth, Double raw, Double dockerJava);
  }

  private static Check ratioToRaw(double max) {
    return (b, r, d) -> b == null || r == null ? null : b / r <= max;
  }

  private static Check atLeastRaw(double min) {
    return (b, r, d) -> b == null || r == null ? null : b / r >= min;
  }

  private static Check atMost(double max) {
    return (b, r, d) -> b == null ? null : b <= max;
  }

  private static Check atLeast(double min) {
    return (b, r, d) -> b == null ? null : b >= min;
  }

  private String table() {
    List<Row> rows = List.of(
        new Row("ping_p50_us", "1. ping p50 (µs)", false, "≤ 1.3× raw", ratioToRaw(1.3)),
        new Row("ping_p99_us", "1. ping p99 (µs)", false, "≤ 2× raw", ratioToRaw(2)),
        new Row("inspect_p50_us", "2. inspect p50 (µs)", false, "≤ 1.3× raw", ratioToRaw(1.3)),
        new Row("inspect_p99_us", "2. inspect p99 (µs)", false, "≤ 2× raw", ratioToRaw(2)),
        new Row("threads8_calls_per_s", "3. 8 threads inspect (calls/s)", true, "≥ 0.8× raw",
            atLeastRaw(0.8)),
        new Row("threads8_sockets_opened", "3. sockets opened (8 threads, via proxy)",
            false, "≤ 8", atMost(8)),
        new Row("threads8_max_open", "3. sockets open at once (max)", false, "≤ 8", atMost(8)),
        new Row("threads8_proxy_calls_per_s", "3. calls/s through the counting proxy", true, "",
            null),
        new Row("lifecycle_ms", "4. create+start+wait+remove (ms, median)", false, "", null),
        new Row("logs_mbps", "5. logs, 70-byte lines, -Xmx64m (MB/s)", true, "≥ 13", atLeast(13)),
        new Row("logs_alloc_per_byte", "5. logs: bytes allocated per log byte", false, "< 0.2",
            (b, r, d) -> b == null ? null : b < 0.2),
        new Row("logs_client_cpu_s", "5. logs: client CPU (s)", false, "", null),
        new Row("logs_engine_cpu_s", "5. logs: dockerd CPU (s)", false, "", null),
        new Row("export_mbps", "6. export, -Xmx64m (MB/s)", true, "≥ 0.9× raw",
            atLeastRaw(0.9)),
        new Row("save_mbps", "6. save, -Xmx64m (MB/s)", true, "≥ 0.9× raw",
            atLeastRaw(0.9)),
        new Row("startup_ms", "7. start-up: client + 1 ping (ms wall)", false, "≤ 2× raw",
            ratioToRaw(2)),
        new Row("startup_rss_mb", "7. start-up: max RSS (MB)", false, "", null),
        new Row("footprint_jars", "8. third-party jars", false, "≤ 10", atMost(10)),
        new Row("footprint_mb", "8. third-party MB", false, "≤ 10", atMost(10)),
        new Row("footprint_all_jars", "8. all jars (with the client's own)", false, "", null),
        new Row("footprint_all_mb", "8. all MB", false, "", null));
    // the baseline's columns only when a run has them (--baseline-classpath)
    boolean base = results.values().stream().anyMatch(m -> m.containsKey(BASELINE));
    StringBuilder s = new StringBuilder();
    // with --only fixture sections 1 to 8 did not run: no empty table for them (and no rows)
    if (!onlyFixture) {
      s.append("| measure | Berth | docker-java | raw floor | Berth/raw | Berth/docker-java");
      s.append(base ? " | " + BASELINE + " | Berth/" + BASELINE + " | " + BASELINE + "/raw" : "");
      s.append(" | target | met |\n");
      s.append("|---|---:|---:|---:|---:|---:|").append(base ? "---:|---:|---:|" : "")
          .append("---|---|\n");
    }
    for (Row row : rows) {
      if (!results.containsKey(row.measure)) {
        continue;
      }
      Double b = value(row.measure, BerthClient.NAME);
      Double d = value(row.measure, DockerJavaClient.NAME);
      Double r = value(row.measure, RawClient.NAME);
      Boolean met = row.check == null ? null : row.check.met(b, r, d);
      s.append("| ").append(row.label)
          .append(" | ").append(format(b))
          .append(" | ").append(format(d))
          .append(" | ").append(format(r))
          .append(" | ").append(ratio(b, r))
          .append(" | ").append(ratio(b, d));
      if (base) {
        Double bb = value(row.measure, BASELINE);
        s.append(" | ").append(format(bb))
            .append(" | ").append(ratio(b, bb))
            .append(" | ").append(ratio(bb, r));
      }
      s.append(" | ").append(row.target)
          .append(" | ").append(met == null ? "" : met ? "yes" : "**no**")
          .append(" |\n");
    }
    s.append("\nMB = 10^6 bytes. Latencies: ").append(quick ? "QUICK run, " : "")
        .append(onlyStartup ? "ONLY start-up (--only startup), " : "")
        .append(onlyFixture ? "ONLY the fixture section (--only fixture), " : "")
        .append("nearest-rank percentiles of every sample; other rows: median of the runs.\n")
        .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", engine ").append(engineVersion)
        .append("; load average (1, 5, 15 min) at the start ").append(loadBefore)
        .append(", at the end ").append(loadAverage()).append(".\n");
    s.append(fixtureTable());
    return s.toString();
  }

  private static String format(Double v) {
    if (v == null) {
      return "";
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e9) {
      return String.format(Locale.ROOT, "%,d", (long) (double) v);
    }
    if (a < 0.1) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(Double a, Double b) {
    if (a == null || b == null || b == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "%.2f×", a / b);
  }
}
