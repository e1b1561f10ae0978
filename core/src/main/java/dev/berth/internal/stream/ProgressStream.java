package dev.berth.internal.stream;

import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import dev.berth.model.Progress;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the engine's JSON message stream (pull, push, load, import, build) to its end, one
 * message at a time, in constant memory. An {@code errorDetail} inside the 200 answer is a
 * failure, reported through {@link Progress#error()}.
 */
public final class ProgressStream {
  private ProgressStream() {}

  /** Feeds every message to {@code each}; returns normally at the end of the stream. */
  public static void read(HttpResponse r, Consumer<Progress> each) throws IOException {
    Json.Sequence messages = Json.sequence(r.body());
    for (Object m; (m = messages.next()) != null; ) {
      if (m instanceof Map<?, ?> map) {
        each.accept(toProgress(map));
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Progress toProgress(Map<?, ?> raw) {
    Map<String, Object> m = (Map<String, Object>) raw;
    Map<String, Object> detail = Fields.object(m, "progressDetail");
    String error = null;
    if (m.get("errorDetail") != null || m.get("error") != null) {
      error = Fields.string(Fields.object(m, "errorDetail"), "message");
      if (error == null) {
        error = Fields.string(m, "error");
      }
    }
    return new Progress(Fields.string(m, "status"), Fields.string(m, "id"),
        Fields.longValue(detail, "current"), Fields.longValue(detail, "total"),
        Fields.string(m, "stream"), error, Fields.object(m, "aux"));
  }
}
