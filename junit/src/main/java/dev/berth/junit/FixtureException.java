package dev.berth.junit;

/**
 * A fixture could not be started: the engine refused it, it was not ready in time, or it exited
 * while being waited for. The message names the fixture, what was waited for and for how long,
 * and ends with the container's last log lines. Nothing the start made is left behind.
 */
public class FixtureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public FixtureException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public FixtureException(String message, Throwable cause) {
    super(message, cause);
  }
}
