package dev.berth.system;

import dev.berth.model.Ping;
import dev.berth.model.SystemInfo;
import dev.berth.model.Version;

/**
 * The engine as a whole: {@code docker version}, {@code docker info} and a ping.
 *
 * <pre>{@code
 * DockerSystem system = docker.system();
 * system.ping().apiVersion();        // 1.41
 * system.version().version();        // 20.10.24
 * system.info().containersRunning(); // 3
 * }</pre>
 */
public interface DockerSystem {
  /**
   * {@code GET /_ping}: whether the engine answers, and what its answer's headers say. It is
   * unversioned and does not need a negotiated version.
   */
  Ping ping();

  /** {@code GET /version}: the engine's release and API versions. */
  Version version();

  /** {@code GET /info}: facts about the engine and its host. */
  SystemInfo info();
}
