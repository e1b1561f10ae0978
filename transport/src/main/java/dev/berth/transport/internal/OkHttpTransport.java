package dev.berth.transport.internal;

import dev.berth.transport.ConnectFailedException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.newsclub.net.unix.AFSocketFactory;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Transport} for Unix sockets and plain TCP, over OkHttp. Unix sockets come from
 * junixsocket: OkHttp asks its socket factory for an unconnected socket and connects it to the
 * address it resolved; the factory's sockets connect to the socket file whatever address they are
 * given, and host names resolve to loopback without a look-up.
 */
public final class OkHttpTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(OkHttpTransport.class);
  private static final byte[] NO_BYTES = new byte[0];

  private final Endpoint endpoint;
  private final OkHttpClient client;
  private final OkHttpClient streamingClient;
  private final String base;

  /** A transport to {@code endpoint}, which must be {@code unix}, {@code tcp} or {@code http}. */
  public OkHttpTransport(Endpoint endpoint, TransportOptions options) {
    this.endpoint = endpoint;
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(options.maxIdleConnections(),
            options.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .followRedirects(false)
        .protocols(List.of(Protocol.HTTP_1_1))
        .eventListener(new ConnectionEvents());
    switch (endpoint.scheme()) {
      case UNIX:
        builder.socketFactory(new AFSocketFactory.FixedAddressSocketFactory(unixAddress(endpoint)))
            .dns(host -> List.of(InetAddress.getLoopbackAddress()));
        base = "http://localhost";
        break;
      case TCP:
      case HTTP:
      case HTTPS:
        boolean https = endpoint.scheme() == Endpoint.Scheme.HTTPS || options.tls() != null;
        if (options.tls() != null) {
          TlsConfig tls = options.tls();
          builder.sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
              .connectionSpecs(List.of(ConnectionSpec.RESTRICTED_TLS, ConnectionSpec.MODERN_TLS));
          if (!tls.verifiesHostname()) {
            builder.hostnameVerifier((host, session) -> true);
          }
        }
        base = (https ? "https://" : "http://") + hostText(endpoint.host()) + ":" + endpoint.port()
            + endpoint.path();
        break;
      case NPIPE:
        builder.socketFactory(new OneKindSocketFactory(() -> new PipeSocket(endpoint.path())))
            .dns(host -> List.of(InetAddress.getLoopbackAddress()));
        base = "http://localhost";
        break;
      case SSH:
        List<String> ssh = options.sshCommand();
        builder.socketFactory(new OneKindSocketFactory(() -> new SshSocket(endpoint, ssh)))
            .dns(host -> List.of(InetAddress.getLoopbackAddress()));
        base = "http://localhost";
        break;
      default:
        throw new IllegalArgumentException("OkHttpTransport cannot carry " + endpoint);
    }
    this.client = builder.build();
    // Shares the pool; answers such as logs --follow or events may stay silent for hours.
    this.streamingClient = client.newBuilder().readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(0, TimeUnit.MILLISECONDS).build();
  }

  private static AFUNIXSocketAddress unixAddress(Endpoint endpoint) {
    try {
      return AFUNIXSocketAddress.of(new File(endpoint.path()));
    } catch (SocketException e) {
      throw new IllegalArgumentException("Unix socket path \"" + endpoint.path()
          + "\" cannot be used: " + e.getMessage(), e);
    }
  }

  private static String hostText(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    return send(request, toOkHttp(request).build(), request.streaming() ? streamingClient : client);
  }

  @Override
  public HttpResponse upgrade(HttpRequest request) throws IOException {
    Request okRequest = toOkHttp(request)
        .header("Connection", "Upgrade")
        .header("Upgrade", "tcp")
        .build();
    return send(request, okRequest, streamingClient);
  }

  private HttpResponse send(HttpRequest request, Request okRequest, OkHttpClient via)
      throws IOException {
    Call call = via.newCall(okRequest);
    try {
      return new OkHttpResponse(call, call.execute());
    } catch (IOException e) {
      CallTrace trace = okRequest.tag(CallTrace.class);
      if (e instanceof UnknownHostException || (trace != null && !trace.connected)) {
        throw new ConnectFailedException(endpoint, e);
      }
      throw new IOException(request.method() + " " + request.path() + " on " + endpoint
          + " failed: " + e.getMessage(), e);
    }
  }

  private Request.Builder toOkHttp(HttpRequest request) {
    Request.Builder b = new Request.Builder()
        .url(HttpUrl.get(base + request.target()))
        .tag(CallTrace.class, new CallTrace());
    boolean encodingSet = false;
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      for (String value : h.getValue()) {
        b.addHeader(h.getKey(), value);
      }
      encodingSet |= h.getKey().equalsIgnoreCase("Accept-Encoding");
    }
    if (!encodingSet) {
      // OkHttp asks for gzip by itself; dockerd then compresses archives on its side, which cuts
      // throughput several-fold on a local socket.
      b.header("Accept-Encoding", "identity");
    }
    b.method(request.method(), body(request));
    return b;
  }

  private static RequestBody body(HttpRequest request) {
    HttpRequest.Body body = request.body();
    if (body == null) {
      String m = request.method();
      boolean needsBody = m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
      return needsBody ? RequestBody.create(NO_BYTES, null) : null;
    }
    MediaType type = MediaType.parse(body.contentType());
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return type;
      }

      @Override
      public long contentLength() {
        return body.length();
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        OutputStream out = sink.outputStream();
        body.writeTo(out);
        out.flush();
      }
    };
  }

  @Override
  public void close() {
    client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "OkHttpTransport{" + endpoint + "}";
  }

  /** Whether a call got a connection, to tell "cannot connect" from a failure mid-exchange. */
  static final class CallTrace {
    volatile boolean connected;
  }

  private final class ConnectionEvents extends EventListener {
    @Override
    public void connectionAcquired(Call call, Connection connection) {
      CallTrace trace = call.request().tag(CallTrace.class);
      if (trace != null) {
        trace.connected = true;
      }
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
      LOG.debug("opened a connection to {}", endpoint);
    }
  }
}
