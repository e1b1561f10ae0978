package dev.berth.wait;

import dev.berth.DockerException;
import java.util.List;
import java.util.Objects;

/**
 * A container was not ready: it was not ready in time, exited or was removed while being waited
 * for, cannot satisfy its wait (no healthcheck, no published TCP port), or the waiting thread was
 * interrupted. The message names the container, what was waited for and for how long, and ends
 * with its last lines of output, which {@link #lastLines()} also gives one by one.
 */
public class WaitException extends DockerException {
  private static final long serialVersionUID = 1L;

  /** Why the wait failed. */
  public enum Reason {
    /** The timeout passed before the waits held. */
    TIMEOUT,
    /** The container exited (or is dead) while being waited for. */
    EXITED,
    /** The container was removed while being waited for, as {@code --rm} does after an exit. */
    REMOVED,
    /** {@link Wait#forHealthy()} on a container without a healthcheck. */
    NO_HEALTHCHECK,
    /** {@link Wait#forHttp} without {@code forPort} on a container that publishes no TCP port. */
    NO_PORT,
    /** The waiting thread was interrupted (its interrupt flag is set again). */
    INTERRUPTED
  }

  /** Why the wait failed. */
  private final Reason reason;
  /** The container's last lines of output, oldest first. */
  private final List<String> lastLines;

  /**
   * An exception with {@code message}, for {@code reason}, with the container's last lines of
   * output (the message is expected to show them already).
   */
  public WaitException(Reason reason, String message, List<String> lastLines) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.lastLines = List.copyOf(lastLines);
  }

  /** Why the wait failed. */
  public Reason reason() {
    return reason;
  }

  /**
   * The container's last lines of output (up to 50, oldest first, without line ends), as the
   * message ends with them; empty if it wrote nothing or could no longer be asked.
   */
  public List<String> lastLines() {
    return lastLines;
  }
}
