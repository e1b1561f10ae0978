package dev.berth;

import dev.berth.model.ApiVersion;

/**
 * The object named in the request does not exist (HTTP 404), for example a missing container or
 * image. Podman answers some of these with 500 and says so in its error's {@code cause}; they are
 * not-found errors too, with {@link #status()} the 500 it sent.
 */
public class NotFoundException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public NotFoundException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
