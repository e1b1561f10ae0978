package dev.berth.examples;

import dev.berth.DockerClient;
import dev.berth.model.Ping;
import dev.berth.model.SystemInfo;
import dev.berth.model.Version;

/**
 * A quick tour of Berth against the engine in {@code DOCKER_HOST} (or the default socket): the
 * seed's {@code docker version} and {@code docker info}.
 *
 * <p>Run it with {@code ./scripts/engine && mvn -B -q -pl examples -am package exec:java
 * -DskipTests}.
 */
public final class Tour {
  private Tour() {}

  /** Runs the tour; no arguments. */
  public static void main(String[] args) {
    try (DockerClient docker = DockerClient.fromEnvironment()) {
      Ping ping = docker.system().ping();
      System.out.printf("ping        %s answers: API %s, %s%n",
          docker.endpoint(), ping.apiVersion(), ping.osType());
      System.out.printf("negotiated  API %s (Berth speaks %s to %s)%n",
          docker.apiVersion(), DockerClient.MIN_API_VERSION, DockerClient.MAX_API_VERSION);

      // docker version
      Version v = docker.system().version();
      System.out.printf("version     Docker %s, API %s (oldest %s), %s/%s, Go %s%n",
          v.version(), v.apiVersion(), v.minApiVersion(), v.os(), v.arch(), v.goVersion());

      // docker info
      SystemInfo info = docker.system().info();
      System.out.printf("info        %s on %s, %d CPUs, %d MiB, storage %s%n",
          info.name(), info.operatingSystem(), info.cpus(), info.memoryBytes() >> 20,
          info.storageDriver());
      System.out.printf("            containers %d (%d running, %d paused, %d stopped), images %d%n",
          info.containers(), info.containersRunning(), info.containersPaused(),
          info.containersStopped(), info.images());
      System.out.printf("            swarm: %s%n",
          ((java.util.Map<?, ?>) info.raw().getOrDefault("Swarm", java.util.Map.of()))
              .get("LocalNodeState"));
    }
  }
}
