package dev.berth.bench.tc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The bench's Testcontainers client for section 9: a JVM the bench starts once and drives line by
 * line on stdin. For each {@code run} it starts a busybox httpd as a {@link GenericContainer}
 * waiting for HTTP, asks it once as a test would, prints {@code ms <milliseconds>} on stdout and
 * removes the container (not timed). {@code quit} ends it. Ryuk is left to the environment the
 * bench gives (disabled: nothing may be pulled).
 */
public final class TestcontainersFixture {
  private TestcontainersFixture() {}

  public static void main(String[] args) throws Exception {
    String image = args[0];
    String command = args[1];
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
      try {
        out.printf(Locale.ROOT, "ms %.3f%n", once(image, command));
      } catch (Exception | AssertionError e) {
        out.println("error " + e.toString().replace('\n', ' '));
      }
    }
  }

  private static double once(String image, String command) throws Exception {
    long start = System.nanoTime();
    try (GenericContainer<?> httpd = new GenericContainer<>(DockerImageName.parse(image))) {
      httpd.withCommand("sh", "-c", command)
          .withExposedPorts(80)
          .withLabel("dev.berth.test", "true")
          .waitingFor(Wait.forHttp("/"));
      httpd.start();
      URL url = new URL("http://" + httpd.getHost() + ":" + httpd.getMappedPort(80) + "/");
      HttpURLConnection c = (HttpURLConnection) url.openConnection();
      int status = c.getResponseCode();
      c.getInputStream().readAllBytes();
      if (status != 200) {
        throw new AssertionError("GET " + url + " answered " + status);
      }
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
