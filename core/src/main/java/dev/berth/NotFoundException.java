package dev.berth;

import dev.berth.model.ApiVersion;

/** The object named in the request does not exist (HTTP 404), for example a missing container or image. */
public class NotFoundException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public NotFoundException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
