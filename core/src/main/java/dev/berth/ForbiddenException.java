package dev.berth;

import dev.berth.model.ApiVersion;

/** The engine forbids the operation (HTTP 403). */
public class ForbiddenException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public ForbiddenException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
