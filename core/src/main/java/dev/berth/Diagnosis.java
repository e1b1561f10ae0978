package dev.berth;

import dev.berth.transport.Endpoint;
import java.util.List;

/**
 * How a client chose its engine: every candidate it considered, in order, and why each was taken
 * or skipped, as {@code docker.diagnose()} reports it. A client that finds no engine at all throws
 * a {@link DockerConnectionException} with this text in its message.
 *
 * <pre>{@code
 * System.out.println(docker.diagnose());
 * // DOCKER_HOST                  not set
 * // /var/run/docker.sock         file missing
 * // $XDG_RUNTIME_DIR/docker.sock taken: answers, API 1.41 (oldest 1.12), Docker 20.10.24
 * }</pre>
 *
 * @param candidates the candidates in the order they were considered
 * @param chosen the endpoint taken, or null when none was
 */
public record Diagnosis(List<Candidate> candidates, Endpoint chosen) {
  /** Makes the list unmodifiable. */
  public Diagnosis {
    candidates = List.copyOf(candidates);
  }

  /**
   * One place an engine might be.
   *
   * @param source where it came from: {@code builder}, {@code DOCKER_HOST}, {@code
   *     DOCKER_CONTEXT}, {@code currentContext}, or a usual socket path
   * @param endpoint the address, or null when the source was not set
   * @param taken whether it is the one used
   * @param reason why: {@code not set}, {@code file missing}, {@code permission denied}, {@code
   *     connection refused}, {@code TLS failure: …}, {@code ping failed: …}, or what answered
   */
  public record Candidate(String source, String endpoint, boolean taken, String reason) {}

  /** One line a candidate: source, address, and the reason. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Candidate c : candidates) {
      sb.append(String.format("%-30s %s%s%n", c.source(),
          c.endpoint() == null ? "" : c.endpoint() + " ", (c.taken() ? "taken: " : "") + c.reason()));
    }
    return sb.toString().stripTrailing();
  }
}
