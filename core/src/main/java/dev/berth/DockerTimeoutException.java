package dev.berth;

/**
 * A call waited longer than it was allowed to: no byte of an answer within the {@linkplain
 * DockerClient.Builder#readTimeout read timeout}. Streams that may stay silent for long (logs
 * {@code --follow}, events, attach, exec, {@code wait}) have no read timeout. The connection is
 * not reused; the next call opens another. Connect timeouts are {@link DockerConnectionException}s.
 *
 * <pre>{@code
 * DockerClient docker = DockerClient.builder().readTimeout(Duration.ofSeconds(5)).build();
 * try { docker.containers().get("web").inspect(); }
 * catch (DockerTimeoutException e) { log.warn("the engine is slow: {}", e.getMessage()); }
 * }</pre>
 */
public class DockerTimeoutException extends DockerException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, caused by {@code cause}. */
  public DockerTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
