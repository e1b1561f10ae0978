package dev.berth;

import dev.berth.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The engine integration tests run against: the one in {@code DOCKER_HOST}, or the default socket,
 * as {@code scripts/engine} made available.
 */
public final class TestEngine {
  /** The label every object a test creates carries, so that only those are ever removed. */
  public static final String LABEL = "dev.berth.test";

  /** The test image {@code scripts/engine} imports from the static busybox; never pulled. */
  public static final String IMAGE = "berth-test/busybox:latest";

  private TestEngine() {}

  /** A client of the test engine; the caller closes it. */
  public static DockerClient client() {
    return DockerClient.fromEnvironment();
  }

  /**
   * Sends plain HTTP of the clients made after this through {@code layer} ({@code berth} or {@code
   * okhttp}); null clears the property, back to the default.
   */
  public static void useHttpLayer(String layer) {
    if (layer == null) {
      System.clearProperty(dev.berth.transport.Transport.HTTP_PROPERTY);
    } else {
      System.setProperty(dev.berth.transport.Transport.HTTP_PROPERTY, layer);
    }
  }

  private static volatile Version.Kind kind;

  /** Docker or Podman: what the test engine says of itself, asked once. */
  public static Version.Kind kind() {
    Version.Kind k = kind;
    if (k == null) {
      try (DockerClient docker = client()) {
        k = docker.system().version().kind();
      }
      kind = k;
    }
    return k;
  }

  /** True when the test engine is Podman's Docker-compatible service. */
  public static boolean isPodman() {
    return kind() == Version.Kind.PODMAN;
  }

  /**
   * Skips the calling test on Podman, naming the Podman behaviour it depends on; each {@link
   * PodmanGap} is listed in docs/COMPATIBILITY.md.
   */
  public static void assumeNot(PodmanGap gap) {
    Assumptions.assumeFalse(isPodman(), gap::reason);
  }

  /**
   * True when tests may change engine-wide state (swarm, prunes without a label filter): the
   * engine is one {@code scripts/engine} started and still runs, or the user set {@code
   * BERTH_TEST_ENGINE_WIDE=true}.
   */
  public static boolean engineWideAllowed() {
    if ("true".equals(System.getenv("BERTH_TEST_ENGINE_WIDE"))) {
      return true;
    }
    String dir = System.getenv().getOrDefault("BERTH_ENGINE_DIR", "/tmp/berth-engine");
    // scripts/engine keeps Podman's state (and its owner file) in a folder of its own
    Path ownerFile = Path.of(dir, isPodman() ? "podman/owner" : "owner");
    Map<String, String> owner = new HashMap<>();
    try {
      for (String line : Files.readAllLines(ownerFile)) {
        String[] kv = line.split("=", 2);
        if (kv.length == 2) {
          owner.put(kv[0], kv[1]);
        }
      }
    } catch (IOException e) {
      return false;
    }
    String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String pid = owner.get("pid");
    return host.equals(owner.get("host")) && pid != null
        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
  }
}
