package dev.berth.internal.http;

import dev.berth.BadRequestException;
import dev.berth.ConflictException;
import dev.berth.DockerApiException;
import dev.berth.ForbiddenException;
import dev.berth.NotFoundException;
import dev.berth.ServerErrorException;
import dev.berth.UnauthorizedException;
import dev.berth.model.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns the engine's error answers into typed exceptions. */
public final class Errors {
  /** The most of an error body that is read; an engine never sends more for a real error. */
  static final int MAX_BODY = 1 << 20;

  private Errors() {}

  /**
   * Podman's errors that dockerd answers with 404, 409 or 400 and Podman (sometimes) with 500: its
   * JSON error carries a {@code cause} (libpod's error kind), which is what these are matched on.
   */
  private static final Map<String, Integer> PODMAN_CAUSES = Map.ofEntries(
      Map.entry("no such container", 404),
      Map.entry("no such image", 404),
      Map.entry("no such volume", 404),
      Map.entry("network not found", 404),
      Map.entry("no such exec session", 404),
      Map.entry("network already exists", 409),
      Map.entry("that name is already in use", 409),
      Map.entry("container state improper", 409),
      Map.entry("volume already exists", 409),
      Map.entry("volume is being used", 409),
      Map.entry("image is in use by a container", 409),
      Map.entry("invalid argument", 400));

  /** The exception for an error answer of {@code status} whose body is {@code body}. */
  public static DockerApiException fromAnswer(
      int status, String method, String path, ApiVersion version, InputStream body) {
    ErrorBody error = ErrorBody.read(body);
    String message = error.message();
    String cause = error.cause();
    if (status == 500 && cause != null) { // dockerd's errors carry no cause
      Integer meant = PODMAN_CAUSES.get(cause);
      if (meant == null && cause.endsWith(" is an invalid filter")) {
        meant = 400;
      }
      if (meant != null) { // the type says what kind of error it is; status() stays the 500 sent
        return forStatus(meant, method, path, version, message, status);
      }
    }
    if (status == 404 && error.plainText() && !message.isEmpty()) {
      // not the engine's JSON error but a router's "Not Found": the endpoint itself is unknown
      message = message + " (the engine does not know " + method + " " + path.replaceFirst(
          "^/v[0-9.]+", "") + "; it may not implement this call)";
    }
    return forStatus(status, method, path, version, message);
  }

  /** The exception of the kind {@code meant} names, keeping the status the engine {@code sent}. */
  private static DockerApiException forStatus(int meant, String method, String path,
      ApiVersion version, String message, int sent) {
    return switch (meant) {
      case 404 -> new NotFoundException(sent, method, path, version, message);
      case 409 -> new ConflictException(sent, method, path, version, message);
      default -> new BadRequestException(sent, method, path, version, message);
    };
  }

  /** The exception subclass that names {@code status}. */
  public static DockerApiException forStatus(
      int status, String method, String path, ApiVersion version, String message) {
    switch (status) {
      case 400:
        return new BadRequestException(status, method, path, version, message);
      case 401:
        return new UnauthorizedException(status, method, path, version, message);
      case 403:
        return new ForbiddenException(status, method, path, version, message);
      case 404:
        return new NotFoundException(status, method, path, version, message);
      case 409:
        return new ConflictException(status, method, path, version, message);
      default:
        return status >= 500
            ? new ServerErrorException(status, method, path, version, message)
            : new DockerApiException(status, method, path, version, message);
    }
  }

  /**
   * The engine's message from an error body: the {@code message} of a JSON object, else the text
   * trimmed (at most 1 MiB is read, at most 2,000 characters kept).
   */
  static String engineMessage(InputStream body) {
    return ErrorBody.read(body).message();
  }

  /**
   * An error body read: the message, Podman's {@code cause} (or null), and whether it was plain
   * text rather than the engine's JSON error.
   */
  private record ErrorBody(String message, String cause, boolean plainText) {
    static ErrorBody read(InputStream body) {
      byte[] bytes;
      try {
        bytes = body.readNBytes(MAX_BODY);
      } catch (IOException e) {
        return new ErrorBody("(the error body could not be read: " + e.getMessage() + ")", null,
            false);
      }
      String text = new String(bytes, StandardCharsets.UTF_8).trim();
      if (text.startsWith("{")) {
        try {
          Object json = Json.read(bytes);
          if (json instanceof Map<?, ?> map && map.get("message") instanceof String m) {
            return new ErrorBody(m, map.get("cause") instanceof String c ? c : null, false);
          }
        } catch (IOException e) {
          // not JSON after all: the text is the message
        }
      }
      if (text.length() > MAX_MESSAGE) { // a proxy's error page, say: its start says enough
        text = text.substring(0, MAX_MESSAGE) + "… (" + bytes.length + " bytes in all)";
      }
      return new ErrorBody(text, null, true);
    }
  }

  /** The most characters of a body that is not the engine's JSON error kept in a message. */
  private static final int MAX_MESSAGE = 2000;
}
