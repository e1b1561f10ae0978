package dev.berth;

import dev.berth.model.ApiVersion;

/**
 * The request was malformed or had an invalid parameter (HTTP 400). Podman answers an invalid filter
 * or argument with 500 and its error's {@code cause}; those are bad requests too, with {@link
 * #status()} the 500 it sent.
 */
public class BadRequestException extends DockerApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link DockerApiException#DockerApiException(int, String, String, ApiVersion, String)}. */
  public BadRequestException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(status, method, path, apiVersion, engineMessage);
  }
}
