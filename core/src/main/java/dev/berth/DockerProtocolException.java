package dev.berth;

/**
 * The engine, or whatever answered in its place, broke the protocol: an answer that is not HTTP,
 * a head or line longer than Berth reads, a chunk or frame header that makes no sense, or JSON
 * that cannot be parsed. The message says what was wrong and quotes the start of it. Often the
 * endpoint is not a Docker engine at all (a web server on the port, a proxy's error page).
 */
public class DockerProtocolException extends DockerException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, caused by {@code cause}. */
  public DockerProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
