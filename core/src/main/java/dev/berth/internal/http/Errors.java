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

  /** The exception for an error answer of {@code status} whose body is {@code body}. */
  public static DockerApiException fromAnswer(
      int status, String method, String path, ApiVersion version, InputStream body) {
    return forStatus(status, method, path, version, engineMessage(body));
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
  @SuppressWarnings("unchecked")
  static String engineMessage(InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BODY);
    } catch (IOException e) {
      return "(the error body could not be read: " + e.getMessage() + ")";
    }
    String text = new String(bytes, StandardCharsets.UTF_8).trim();
    if (text.startsWith("{")) {
      try {
        Object json = Json.read(bytes);
        if (json instanceof Map<?, ?> map && map.get("message") instanceof String m) {
          return m;
        }
      } catch (IOException e) {
        // not JSON after all: the text is the message
      }
    }
    if (text.length() > MAX_MESSAGE) { // a proxy's error page, say: its start says enough
      return text.substring(0, MAX_MESSAGE) + "… (" + bytes.length + " bytes in all)";
    }
    return text;
  }

  /** The most characters of a body that is not the engine's JSON error kept in a message. */
  private static final int MAX_MESSAGE = 2000;
}
