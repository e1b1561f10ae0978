package dev.berth.maven;

import dev.berth.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a started container counts as ready, in a {@code <wait>} element; each condition given
 * must hold (Berth's {@link Wait}, the same waits the JUnit module's fixtures use).
 *
 * <pre>{@code
 * <wait>
 *   <log>database system is ready</log>   <!-- a regular expression; <logTimes> for more -->
 *   <port>5432</port>                      <!-- a TCP connection to its host port is accepted -->
 *   <http>/health</http>                   <!-- GET answers <status> (200) on <httpPort> -->
 *   <healthy>true</healthy>                <!-- its healthcheck reports healthy -->
 *   <exec>pg_isready</exec>                <!-- a command in it exits with 0 -->
 *   <timeout>60</timeout>                  <!-- seconds -->
 * </wait>
 * }</pre>
 */
public class WaitConfig {
  /** A log line to wait for: a regular expression found in a line of output. */
  String log;

  /** How many matching lines are needed; 1 by default. */
  int logTimes = 1;

  /** A container port whose published host port must accept a TCP connection. */
  int port;

  /** A path to {@code GET} on a published port until it answers {@code status}. */
  String http;

  /** The container port the {@code http} check asks; the lowest published TCP port if not set. */
  int httpPort;

  /** The HTTP status to wait for; 200 by default. */
  int status = 200;

  /** Waits for the container's healthcheck to report {@code healthy}. */
  boolean healthy;

  /** A command (split at spaces) run in the container until it exits with 0. */
  String exec;

  /** Seconds to wait before the build fails; 60 by default. */
  int timeout = 60;

  /** The waits configured, in the order above; empty when none is. */
  List<Wait> waits() {
    List<Wait> w = new ArrayList<>();
    if (log != null && !log.isBlank()) {
      w.add(Wait.forLogLine(log).times(logTimes));
    }
    if (port != 0) {
      w.add(Wait.forPort(port));
    }
    if (http != null && !http.isBlank()) {
      Wait.Http h = Wait.forHttp(http.trim()).forStatus(status);
      w.add(httpPort != 0 ? h.forPort(httpPort) : h);
    }
    if (healthy) {
      w.add(Wait.forHealthy());
    }
    if (exec != null && !exec.isBlank()) {
      w.add(Wait.forExec(exec.trim().split("\\s+")));
    }
    return w;
  }

  Duration timeout() {
    if (timeout < 1) {
      throw new IllegalArgumentException("wait timeout " + timeout + " is not valid: expected 1"
          + " or more seconds");
    }
    return Duration.ofSeconds(timeout);
  }
}
