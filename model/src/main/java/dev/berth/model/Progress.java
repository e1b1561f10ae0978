package dev.berth.model;

/**
 * One message of the engine's progress stream (pull, push, load, import, build): a layer's status
 * and bytes, a line of build output, or an error.
 *
 * <pre>{@code
 * docker.images().pull(ImageRef.parse("127.0.0.1:5000/app:1"))
 *     .progress(p -> System.out.println(p.id() + " " + p.status() + " " + p.current()))
 *     .call();
 * }</pre>
 *
 * @param status the status text, such as {@code Downloading} or {@code Pull complete}; null if
 *     none
 * @param id the layer or image the status is about; null if none
 * @param current bytes done so far for this layer, 0 if not sent
 * @param total bytes in all for this layer, 0 if not known
 * @param stream a line of build output; null if none
 * @param error the error text of a failure; null if none
 * @param aux the {@code aux} object (a build's image {@code ID}; a push's {@code Tag},
 *     {@code Digest} and {@code Size}), or an empty map
 */
public record Progress(
    String status, String id, long current, long total, String stream, String error,
    java.util.Map<String, Object> aux) {

  /** Makes {@code aux} unmodifiable. */
  public Progress {
    aux = aux == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(aux);
  }

  /** True when the message reports a failure. */
  public boolean isError() {
    return error != null;
  }
}
