package dev.berth.internal.auth;

/**
 * A {@code docker-credential-*} helper could not be run, failed, or answered something that could
 * not be read. The message names the helper and what it printed about the failure; it never holds
 * a password or token that was passed to the helper or that the helper printed on success.
 */
public class CredentialHelperException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public CredentialHelperException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public CredentialHelperException(String message, Throwable cause) {
    super(message, cause);
  }
}
