package dev.berth.transport.internal;

import dev.berth.transport.Endpoint;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
import dev.berth.transport.internal.http1.Http1Transport;
import dev.berth.transport.internal.okhttp.OkHttpTransport;

/**
 * Chooses the implementation behind {@link Transport#create}: Berth's own HTTP/1.1 layer for plain
 * HTTP, OkHttp for TLS, ssh and named pipes, or OkHttp for everything when the system property
 * {@value Transport#HTTP_PROPERTY} says {@code okhttp}.
 */
public final class Transports {
  private Transports() {}

  /** A transport to {@code endpoint}, as {@link Transport#create} documents. */
  public static Transport create(Endpoint endpoint, TransportOptions options) {
    boolean plain = endpoint.scheme() == Endpoint.Scheme.UNIX
        || (endpoint.scheme() == Endpoint.Scheme.TCP || endpoint.scheme() == Endpoint.Scheme.HTTP)
            && options.tls() == null;
    String choice = System.getProperty(Transport.HTTP_PROPERTY, "berth");
    switch (choice) {
      case "berth":
        return plain ? new Http1Transport(endpoint, options)
            : new OkHttpTransport(endpoint, options);
      case "okhttp":
        return new OkHttpTransport(endpoint, options);
      default:
        throw new IllegalArgumentException("system property " + Transport.HTTP_PROPERTY + "=\""
            + choice + "\": expected berth or okhttp");
    }
  }
}
