package dev.berth.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Inspect answers captured from real engines, under {@code src/test/resources/inspect/}: {@code
 * dockerd-1.41/} (dockerd 20.10, {@code curl --unix-socket /var/run/docker.sock
 * http://x/v1.41/...}) and {@code podman-4.3/} (Podman 4.3.1's Docker-compatible service).
 */
public final class Captured {
  private Captured() {}

  /** The JSON object in {@code inspect/<name>}, read as the client reads answers. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> json(String name) {
    try (InputStream in = Captured.class.getResourceAsStream("/inspect/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no captured answer inspect/" + name);
      }
      return (Map<String, Object>) Json.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code json} without the top-level fields {@code keys}, as an engine that omits them sends. */
  public static Map<String, Object> without(Map<String, Object> json, String... keys) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(json);
    for (String k : keys) {
      copy.remove(k);
    }
    return copy;
  }
}
