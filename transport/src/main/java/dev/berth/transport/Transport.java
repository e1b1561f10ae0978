package dev.berth.transport;

import dev.berth.transport.internal.Transports;
import java.io.Closeable;
import java.io.IOException;

/**
 * Carries HTTP/1.1 to one Docker engine. Implementations are thread-safe and keep connections
 * alive between requests.
 *
 * <pre>{@code
 * try (Transport t = Transport.create(Endpoint.DEFAULT, TransportOptions.defaults());
 *      HttpResponse r = t.execute(HttpRequest.get("/_ping").build())) {
 *   System.out.println(r.status());
 * }
 * }</pre>
 *
 * <p>A failure to reach the engine at all is a {@link ConnectFailedException}; other I/O failures
 * (a connection cut mid-answer, a read timeout) are plain {@link IOException}s. HTTP error statuses
 * are not exceptions at this level: they come back as responses.
 */
public interface Transport extends Closeable {

  /**
   * The system property that sends plain HTTP ({@code unix://}, and {@code tcp://} or {@code
   * http://} without TLS) through OkHttp, instead of Berth's own HTTP/1.1 layer:
   * {@code okhttp}; the default is {@code berth}.
   */
  String HTTP_PROPERTY = "dev.berth.http";

  /**
   * A transport to {@code endpoint}.
   *
   * <p>{@code https://}, and {@code tcp://} with {@link TransportOptions#withTls TLS settings},
   * speak HTTPS; {@code https://} without settings trusts the JDK's default authorities. Those,
   * {@code ssh://} and {@code npipe://} go through OkHttp; plain HTTP to a socket file or over TCP
   * goes through Berth's own HTTP/1.1 layer unless the system property {@value #HTTP_PROPERTY} is
   * {@code okhttp}.
   */
  static Transport create(Endpoint endpoint, TransportOptions options) {
    return Transports.create(endpoint, options);
  }

  /** The engine this transport talks to. */
  Endpoint endpoint();

  /**
   * Sends {@code request} and returns the answer once its headers have arrived; the body streams.
   *
   * @throws ConnectFailedException if no connection to the engine could be made
   * @throws IOException if the exchange fails after connecting
   */
  HttpResponse execute(HttpRequest request) throws IOException;

  /**
   * Sends {@code request} asking to upgrade the connection ({@code Connection: Upgrade}, {@code
   * Upgrade: tcp}). A {@code 101} answer hands over the connection through {@link
   * HttpResponse#upgraded()}; any other answer is returned as it is (for example a 404 for a
   * missing container), with its body.
   *
   * @throws ConnectFailedException if no connection to the engine could be made
   * @throws IOException if the exchange fails after connecting
   */
  HttpResponse upgrade(HttpRequest request) throws IOException;

  /** Closes idle connections and frees resources; responses still open stay usable. */
  @Override
  void close();
}
