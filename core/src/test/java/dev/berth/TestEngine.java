package dev.berth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
   * True when tests may change engine-wide state (swarm, prunes without a label filter): the
   * engine is one {@code scripts/engine} started and still runs, or the user set {@code
   * BERTH_TEST_ENGINE_WIDE=true}.
   */
  public static boolean engineWideAllowed() {
    if ("true".equals(System.getenv("BERTH_TEST_ENGINE_WIDE"))) {
      return true;
    }
    String dir = System.getenv().getOrDefault("BERTH_ENGINE_DIR", "/tmp/berth-engine");
    Map<String, String> owner = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of(dir, "owner"))) {
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
