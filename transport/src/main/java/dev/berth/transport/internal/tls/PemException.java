package dev.berth.transport.internal.tls;

/**
 * PEM or DER content that cannot be turned into a certificate or key. The message says what was
 * found and what was expected, without naming the file: {@link PemFiles} adds where it came from.
 */
final class PemException extends Exception {
  private static final long serialVersionUID = 1L;

  PemException(String message) {
    super(message);
  }

  PemException(String message, Throwable cause) {
    super(message, cause);
  }
}
