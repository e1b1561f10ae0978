package dev.berth.internal.discovery;

import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** The docker CLI's {@code config.json}: where it is and what it says. */
public final class DockerConfig {
  private DockerConfig() {}

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
  public static Path file(Map<String, String> environment, Path home) {
    String dir = environment.get("DOCKER_CONFIG");
    return (dir != null && !dir.isEmpty() ? Path.of(dir) : home.resolve(".docker"))
        .resolve("config.json");
  }

  /**
   * The {@code currentContext} of config.json, or null when the file or the field is missing.
   *
   * @throws IllegalArgumentException if the file exists but cannot be read as JSON
   */
  @SuppressWarnings("unchecked")
  public static String currentContext(Map<String, String> environment, Path home) {
    Path file = file(environment, home);
    Object json;
    try (InputStream in = Files.newInputStream(file)) {
      json = Json.read(in);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalArgumentException("Docker config file " + file + " cannot be read: "
          + e.getMessage(), e);
    }
    return json instanceof Map<?, ?> map ? Fields.string((Map<String, Object>) map, "currentContext")
        : null;
  }
}
