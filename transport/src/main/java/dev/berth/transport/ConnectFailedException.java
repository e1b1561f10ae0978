package dev.berth.transport;

import java.io.IOException;

/**
 * No connection to the engine could be made: the socket file is missing, nothing listens, access
 * is denied, or the connect timeout passed. The message names the endpoint and the cause.
 */
public final class ConnectFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Endpoint endpoint;

  /** A failure to connect to {@code endpoint}, caused by {@code cause}. */
  public ConnectFailedException(Endpoint endpoint, IOException cause) {
    super("cannot connect to the Docker engine at " + endpoint + ": " + describe(cause), cause);
    this.endpoint = endpoint;
  }

  /** The endpoint that could not be reached. */
  public Endpoint endpoint() {
    return endpoint;
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    String type = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : message + " (" + type + ")";
  }
}
