package dev.berth;

import dev.berth.transport.Endpoint;

/**
 * The engine could not be reached: no socket file, nothing listening, access denied, or the connect
 * timeout passed. The message names the endpoint and the cause.
 *
 * <pre>{@code
 * try { docker.system().ping(); }
 * catch (DockerConnectionException e) { log.warn("no Docker engine at {}", e.endpoint()); }
 * }</pre>
 */
public class DockerConnectionException extends DockerException {
  private static final long serialVersionUID = 1L;

  private final transient Endpoint endpoint;

  /** An exception for {@code endpoint} with {@code message}, caused by {@code cause}. */
  public DockerConnectionException(Endpoint endpoint, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
  }

  /** The endpoint that could not be reached. */
  public Endpoint endpoint() {
    return endpoint;
  }
}
