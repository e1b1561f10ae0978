package dev.berth;

import java.io.IOException;

/**
 * The {@link IOException} that the input stream of {@code export()}, {@code images().save(…)} or
 * {@code getArchive(…)} throws when the stream broke off before its end, instead of ending as if
 * it were complete: an export cut halfway never looks like a finished tar. The message names the
 * call, how far it got and what ended it. Berth's own stream types throw the unchecked {@link
 * StreamCutException} instead.
 */
public class StreamCutIOException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long bytesRead;

  /** An exception for a stream cut after {@code bytesRead} bytes. */
  public StreamCutIOException(String message, long bytesRead, Throwable cause) {
    super(message, cause);
    this.bytesRead = bytesRead;
  }

  /** How many bytes of the answer's body arrived before the cut. */
  public long bytesRead() {
    return bytesRead;
  }
}
