package dev.berth;

import dev.berth.model.ApiVersion;

/**
 * The engine answered with an error status (400 or above). It carries the status, the request's
 * method and path, the API version in use and the engine's own message; subclasses name the common
 * statuses.
 *
 * <pre>{@code
 * try { docker.api().get("/containers/nope/json"); }
 * catch (NotFoundException e) { e.engineMessage(); }   // "No such container: nope"
 * }</pre>
 */
public class DockerApiException extends DockerException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final transient ApiVersion apiVersion;
  private final String engineMessage;

  /**
   * An exception for an error answer.
   *
   * @param status the HTTP status
   * @param method the request's method
   * @param path the request's path as sent, with the version prefix
   * @param apiVersion the API version in use, or null for an unversioned request
   * @param engineMessage the engine's message: its JSON {@code message}, or its plain text
   */
  public DockerApiException(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    super(describe(status, method, path, apiVersion, engineMessage));
    this.status = status;
    this.method = method;
    this.path = path;
    this.apiVersion = apiVersion;
    this.engineMessage = engineMessage;
  }

  private static String describe(
      int status, String method, String path, ApiVersion apiVersion, String engineMessage) {
    String message = engineMessage == null || engineMessage.isEmpty()
        ? "(the engine sent no message)" : engineMessage;
    return message + " [" + method + " " + path + " answered " + status
        + (apiVersion == null ? "" : ", API " + apiVersion) + "]";
  }

  /** The HTTP status, for example 404. */
  public int status() {
    return status;
  }

  /** The request's method, for example {@code GET}. */
  public String method() {
    return method;
  }

  /** The request's path as sent, for example {@code /v1.41/containers/web/json}. */
  public String path() {
    return path;
  }

  /** The API version in use, or null for an unversioned request such as {@code /_ping}. */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  /** The engine's own message, for example {@code No such container: web}. */
  public String engineMessage() {
    return engineMessage;
  }
}
