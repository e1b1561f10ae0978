package dev.berth.containers;

/**
 * A running {@code docker exec}: its streams, and its exit code once it ends.
 *
 * <pre>{@code
 * try (ExecSession s = web.exec("tail", "-f", "/var/log/app.log").open()) {
 *   Frame line = s.output().nextLine();
 * }
 * }</pre>
 */
public interface ExecSession extends Attachment {
  /** The exec's id. */
  String id();

  /**
   * Waits for the command to end (read its output to the end first) and returns its exit code.
   *
   * @throws dev.berth.DockerException if it is still running after its output ended for 30 s
   */
  int exitCode();
}
