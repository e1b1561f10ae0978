package dev.berth.bench;

import dev.berth.DockerClient;
import dev.berth.containers.Container;
import dev.berth.containers.RemoveOptions;
import dev.berth.junit.ContainerFixture;
import dev.berth.junit.Wait;
import dev.berth.model.ContainerSpec;
import dev.berth.model.PortBinding;
import dev.berth.model.PortMapping;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 9: the time from "a test wants a ready HTTP server" to its first 200 answer, for a
 * busybox httpd, three ways, interleaved round by round (each round rotates which goes first):
 *
 * <ul>
 *   <li>{@value #FIXTURE}: berth-junit's {@link ContainerFixture} waiting for {@code
 *       Wait.forHttp("/")}, then the test's own GET;
 *   <li>{@value #RAW}: what a user writes without it: {@code containers().run(spec)}, the mapped
 *       port read from the container, a GET every {@value #POLL_MS} ms until one answers 200;
 *   <li>{@value #TESTCONTAINERS}: Testcontainers' {@code GenericContainer} with {@code
 *       Wait.forHttp("/")}, then the same GET, in a JVM of its own (module {@code
 *       bench/testcontainers}) that stays up for the whole section, so that each of its runs is
 *       as warm as the others. Ryuk and its start-up checks are off and its host is given
 *       ({@code TESTCONTAINERS_HOST_OVERRIDE}), since any of them would pull an image.
 * </ul>
 *
 * <p>Every client serves the same command from the same local image; removing the container
 * after each run is not timed. One warm-up round is not counted.
 */
final class FixtureBench {
  static final String FIXTURE = "berth-fixture";
  static final String RAW = "berth-raw";
  static final String TESTCONTAINERS = "testcontainers";
  static final List<String> CLIENTS = List.of(FIXTURE, RAW, TESTCONTAINERS);
  static final int POLL_MS = 100;
  /** Writes a page and serves it: ready a few milliseconds after the container starts. */
  static final String HTTPD = "echo berth-bench > /tmp/index.html && exec httpd -f -p 80 -h /tmp";

  private final DockerClient docker;
  private final String socket;
  private final int runs;
  private final Map<String, List<Double>> ms = new LinkedHashMap<>();
  private final Map<String, Double> warmUp = new LinkedHashMap<>();

  FixtureBench(DockerClient docker, String socket, int runs) {
    this.docker = docker;
    this.socket = socket;
    this.runs = runs;
    for (String c : CLIENTS) {
      ms.put(c, new ArrayList<>());
    }
  }

  /** The milliseconds of each counted run, by client. */
  Map<String, List<Double>> run() throws Exception {
    Path tcTarget = Path.of(FixtureBench.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).getParent().getParent().resolve("testcontainers/target");
    String tcClasspath = tcTarget.resolve("classes") + File.pathSeparator
        + Files.readString(tcTarget.resolve("classpath.txt")).trim();
    ProcessBuilder pb = new ProcessBuilder(Bench.java(), "-cp", tcClasspath, "dev.berth.bench.tc.TestcontainersFixture", Bench.IMAGE,
        HTTPD).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("DOCKER_HOST", "unix://" + socket);
    pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
    pb.environment().put("TESTCONTAINERS_CHECKS_DISABLE", "true");
    pb.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    Process tc = pb.start();
    try (BufferedReader tcOut = new BufferedReader(new InputStreamReader(tc.getInputStream(),
            StandardCharsets.UTF_8));
        OutputStream tcIn = tc.getOutputStream()) {
      for (int i = -1; i < runs; i++) {
        for (int k = 0; k < CLIENTS.size(); k++) {
          String name = CLIENTS.get((k + Math.max(i, 0)) % CLIENTS.size());
          double t = switch (name) {
            case FIXTURE -> fixture();
            case RAW -> raw();
            default -> testcontainers(tcIn, tcOut);
          };
          if (i >= 0) {
            ms.get(name).add(t);
          } else {
            warmUp.put(name, t);
          }
        }
      }
      tcIn.write("quit\n".getBytes(StandardCharsets.UTF_8));
      tcIn.flush();
    } finally {
      if (!tc.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        tc.destroyForcibly();
      }
    }
    return ms;
  }

  /**
   * The milliseconds of the warm-up round, by client: each one's first fixture in its JVM (for
   * Berth's fixture that includes starting the session's reaper; for Testcontainers, finding and
   * checking the engine).
   */
  Map<String, Double> warmUp() {
    return warmUp;
  }

  private static ContainerSpec spec() {
    return ContainerSpec.of(Bench.IMAGE).command("sh", "-c", HTTPD)
        .label(Client.TEST_LABEL, "true").label(Client.BENCH_LABEL, "true");
  }

  private static double fixture() throws IOException {
    long t0 = System.nanoTime();
    try (ContainerFixture httpd = ContainerFixture.of(spec()).withExposedPorts(80)
        .waitingFor(Wait.forHttp("/"))) {
      httpd.start();
      get(httpd.host(), httpd.hostPort(80));
      return (System.nanoTime() - t0) / 1e6;
    }
  }

  private double raw() throws InterruptedException {
    long t0 = System.nanoTime();
    Container c = docker.containers().run(spec().publish(PortBinding.parse("80")));
    try {
      int port = -1;
      for (PortMapping p : c.ports()) {
        // the IPv4 binding: dockerd 20.10 may give 0.0.0.0 and :: different host ports
        if (p.containerPort() == 80 && p.protocol().equals("tcp") && !p.hostIp().contains(":")) {
          port = p.hostPort();
        }
      }
      long deadline = t0 + 30_000_000_000L;
      while (true) {
        try {
          get("localhost", port);
          return (System.nanoTime() - t0) / 1e6;
        } catch (IOException notYet) {
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("httpd on port " + port + " did not answer 200"
                + " within 30 s: " + notYet);
          }
          Thread.sleep(POLL_MS);
        }
      }
    } finally {
      c.remove(RemoveOptions.force());
    }
  }

  private static double testcontainers(OutputStream in, BufferedReader out) throws IOException {
    in.write("run\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    String line = out.readLine();
    if (line == null || !line.startsWith("ms ")) {
      throw new IllegalStateException("the Testcontainers JVM answered: " + line);
    }
    return Double.parseDouble(line.substring(3));
  }

  /** One GET as a test would make it; an {@link IOException} unless it answers 200. */
  private static void get(String host, int port) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL("http://" + host + ":" + port + "/")
        .openConnection();
    c.setConnectTimeout(1000);
    c.setReadTimeout(1000);
    try {
      int status = c.getResponseCode();
      try (InputStream body = c.getInputStream()) {
        body.readAllBytes();
      }
      if (status != 200) {
        throw new IOException("status " + status);
      }
    } finally {
      c.disconnect();
    }
  }
}
