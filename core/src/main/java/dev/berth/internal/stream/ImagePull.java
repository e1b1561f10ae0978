package dev.berth.internal.stream;

import dev.berth.DockerException;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Json;
import dev.berth.model.ImageRef;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /images/create?fromImage=…}: pulls an image, reading the engine's progress messages
 * to the end. An {@code errorDetail} in the 200 stream is a failure.
 */
public final class ImagePull {
  private ImagePull() {}

  public static void pull(ApiClient api, ImageRef image) {
    String path = "/images/create";
    try (HttpResponse r = api.call("POST", path)
        .query("fromImage", image.name())
        .query("tag", image.digest() != null ? image.digest() : image.tagOrLatest())
        .streaming().open()) {
      Json.Sequence messages = Json.sequence(r.body());
      for (Object m; (m = messages.next()) != null; ) {
        if (m instanceof Map<?, ?> map && map.get("errorDetail") != null) {
          Object message = map.get("error");
          throw new DockerException("pulling " + image.familiar() + " failed: " + message);
        }
      }
    } catch (IOException e) {
      throw api.failure("POST", path, e);
    }
  }
}
