package dev.berth.internal.http;

import dev.berth.StreamCutIOException;

/**
 * A streaming answer that broke off: {@link #reason()} is what ended it, without the call and the
 * count that the message adds.
 */
public final class BodyCut extends StreamCutIOException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  BodyCut(String what, long count, String reason, Throwable cause) {
    super(what + " broke off after " + count + " bytes: " + reason, count, cause);
    this.reason = reason;
  }

  /** What ended the stream. */
  public String reason() {
    return reason;
  }
}
