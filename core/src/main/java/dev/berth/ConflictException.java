package dev.berth;

import dev.berth.model.ApiVersion;

/**
 * The request conflicts with the object's state (HTTP 409), for example a container name in use or
 * an image used by a container. Podman answers some of these with 500 and says the kind in its
 * error's {@code cause}; they are conflicts too, with {@link #status()} the 500 it sent.
 */
public class ConflictException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public ConflictException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
