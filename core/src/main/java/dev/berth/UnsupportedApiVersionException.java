package dev.berth;

import dev.berth.model.ApiVersion;

/**
 * The engine and Berth have no API version in common, or a request needs a newer API version than
 * the one in use. The message names both versions; for a request it also names the field (and the
 * CLI flag that sets it), and nothing of that request was sent.
 */
public class UnsupportedApiVersionException extends DockerException {
  private static final long serialVersionUID = 1L;

  private final transient ApiVersion required;
  private final transient ApiVersion actual;

  /**
   * An exception saying that {@code required} is needed where {@code actual} is what there is.
   */
  public UnsupportedApiVersionException(String message, ApiVersion required, ApiVersion actual) {
    super(message);
    this.required = required;
    this.actual = actual;
  }

  /** The version that would be needed. */
  public ApiVersion required() {
    return required;
  }

  /** The version there is: the engine's, or the one negotiated with it. */
  public ApiVersion actual() {
    return actual;
  }
}
