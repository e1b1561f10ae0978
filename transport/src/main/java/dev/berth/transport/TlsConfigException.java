package dev.berth.transport;

/**
 * TLS was asked for but cannot be set up as asked: a certificate or key file is missing, cannot be
 * read or cannot be parsed, a key does not match its certificate, or a key store does not open.
 * The message names the file and where it came from ({@code DOCKER_CERT_PATH /x/certs: key.pem is
 * missing}) and what was found in it; it never holds key material or passwords.
 *
 * <p>Berth never falls back to plain TCP or to other trust when this is thrown.
 */
public final class TlsConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public TlsConfigException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public TlsConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
