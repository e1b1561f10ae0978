package dev.berth.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The engine's answer to one {@link HttpRequest}: status, headers and a body to read as a stream.
 * The caller closes it, which also frees the connection for the next request.
 *
 * <pre>{@code
 * try (HttpResponse r = transport.execute(HttpRequest.get("/_ping").build())) {
 *   r.status();                  // 200
 *   r.header("Api-Version");     // 1.41
 * }
 * }</pre>
 */
public interface HttpResponse extends Closeable {
  /** The HTTP status code, for example 200, 101 or 404. */
  int status();

  /** The first value of a header (the name is case-insensitive), or null when absent. */
  String header(String name);

  /** Every header, by lower-case name, in the order received. */
  Map<String, List<String>> headers();

  /** The body as a stream; read it at most once. Closing it closes this response. */
  InputStream body();

  /**
   * The duplex connection of an upgraded ({@code 101 Switching Protocols}) answer to {@link
   * Transport#upgrade}.
   *
   * @throws IllegalStateException if this answer is not an upgrade ({@link #status()} is not 101)
   */
  DuplexConnection upgraded();

  /**
   * Breaks the connection under this answer, from any thread: a thread blocked reading {@link
   * #body()} gets an {@link java.io.IOException} at once. For ending endless streams (logs
   * --follow, events, stats) early; the connection is not reused.
   */
  void abort();

  /** Releases the body and the connection. */
  @Override
  void close() throws IOException;
}
