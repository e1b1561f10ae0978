package dev.berth;

/**
 * The root of every exception Berth throws for a failed call: an error answer from the engine
 * ({@link DockerApiException}), an engine that cannot be reached ({@link
 * DockerConnectionException}), an API version mismatch ({@link UnsupportedApiVersionException}),
 * or an exchange that broke off.
 */
public class DockerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public DockerException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public DockerException(String message, Throwable cause) {
    super(message, cause);
  }
}
