package dev.berth;

import dev.berth.model.ApiVersion;

/** The engine or a registry refused the credentials (HTTP 401). */
public class UnauthorizedException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public UnauthorizedException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
