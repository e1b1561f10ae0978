package dev.berth.system;

import dev.berth.model.Ping;
import dev.berth.model.RegistryCredentials;
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

  /**
   * Logs in to a registry, as {@code docker login -u U -p P SERVER}: the engine checks the
   * credentials ({@code POST /auth}), then they are kept where the docker CLI keeps them (its
   * credential helper, else {@code config.json}) for later pulls and pushes. Returns the engine's
   * status, such as {@code Login Succeeded}.
   *
   * @throws dev.berth.UnauthorizedException if the registry refuses them; the engine's own status
   *     and message are kept (dockerd 20.10 reports a registry's 401 as a 500)
   */
  String login(RegistryCredentials credentials);

  /**
   * Engine events as they happen or in a past window ({@code docker events --since --until
   * --filter}). A follow stream never times out while idle and resumes a dropped connection.
   */
  EventStream events(EventOptions options);

  /** Disk use by images, containers, volumes and the build cache ({@code docker system df}). */
  dev.berth.model.DiskUsage df();

  /**
   * Forgets the credentials of {@code server}, as {@code docker logout SERVER}; nothing happens if
   * none were kept.
   */
  void logout(String server);
}
