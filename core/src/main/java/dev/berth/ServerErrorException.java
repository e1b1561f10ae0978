package dev.berth;

import dev.berth.model.ApiVersion;

/** The engine failed to carry out the request (HTTP 500 and above). */
public class ServerErrorException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public ServerErrorException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
