package dev.berth.transport.internal.okhttp;

import dev.berth.transport.ConnectFailedException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
import dev.berth.transport.internal.socket.OneKindSocketFactory;
import dev.berth.transport.internal.socket.PipeSocket;
import dev.berth.transport.internal.socket.SshSocket;
import dev.berth.transport.internal.socket.UnixSockets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Transport} over OkHttp: for TLS, ssh and named pipes, and for Unix sockets and plain
 * TCP when the system property {@value Transport#HTTP_PROPERTY} is {@code okhttp} (otherwise
 * {@code Http1Transport} carries those). Unix sockets are the JDK's own Unix-domain {@code SocketChannel}s ({@code UnixChannelSocket}),
 * or junixsocket's when the system property {@value UnixSockets#PROPERTY} is {@code
 * junixsocket}: OkHttp asks its socket factory for an unconnected socket and connects it to the
 * address it resolved; the factory's sockets connect to the socket file whatever address they are
 * given, and host names resolve to loopback without a look-up.
 */
public final class OkHttpTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(OkHttpTransport.class);
  private static final byte[] NO_BYTES = new byte[0];
  /**
   * The origin of requests over a socket file, a pipe or ssh, where the host is never looked up.
   * An IPv6 literal, not {@code localhost}: OkHttp canonicalizes every host name through its IDNA
   * table and the JDK's NFC normalizer, once per call (for the call's {@code Address}) and once
   * at start-up loading the normalizer's data; an IP literal skips both. It is also the
   * {@code Host} header, which dockerd ignores.
   */
  static final String LOCAL_ORIGIN = "http://[::1]";

  private final Endpoint endpoint;
  private final OkHttpClient client;
  private final OkHttpClient streamingClient;
  private final HttpUrl base;
  private final String origin;
  private final String basePath;
  private final int readTimeoutMillis;
  /** Whether the read timeout is the socket's SO_TIMEOUT rather than OkHttp's own timeouts. */
  private final boolean socketTimeouts;

  /** A transport to {@code endpoint}, which must be {@code unix}, {@code tcp} or {@code http}. */
  public OkHttpTransport(Endpoint endpoint, TransportOptions options) {
    this.endpoint = endpoint;
    this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.readTimeout().toMillis());
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectionPool(QuietConnectionPool.create(options.maxIdleConnections(),
            options.keepAlive().toMillis()))
        .connectTimeout(options.connectTimeout())
        .followRedirects(false)
        .protocols(List.of(Protocol.HTTP_1_1))
        .eventListener(new ConnectionEvents());
    boolean https = false;
    switch (endpoint.scheme()) {
      case UNIX:
        builder.socketFactory(UnixSockets.factory(endpoint))
            .dns(host -> List.of(InetAddress.getLoopbackAddress()));
        socketTimeouts = true;
        origin = LOCAL_ORIGIN;
        basePath = "";
        break;
      case TCP:
      case HTTP:
      case HTTPS:
        https = endpoint.scheme() == Endpoint.Scheme.HTTPS || options.tls() != null;
        if (options.tls() != null) {
          TlsConfig tls = options.tls();
          builder.sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
              .connectionSpecs(List.of(ConnectionSpec.RESTRICTED_TLS, ConnectionSpec.MODERN_TLS));
          if (!tls.verifiesHostname()) {
            builder.hostnameVerifier((host, session) -> true);
          }
        }
        socketTimeouts = true;
        origin = (https ? "https://" : "http://") + endpoint.authority();
        basePath = endpoint.path();
        break;
      case NPIPE:
        builder.socketFactory(new OneKindSocketFactory(() -> new PipeSocket(endpoint.path())))
            .dns(host -> List.of(InetAddress.getLoopbackAddress()));
        socketTimeouts = false;
        origin = LOCAL_ORIGIN;
        basePath = "";
        break;
      case SSH:
        List<String> ssh = options.sshCommand();
        builder.socketFactory(new OneKindSocketFactory(() -> new SshSocket(endpoint, ssh)))
            .dns(host -> List.of(InetAddress.getLoopbackAddress()));
        socketTimeouts = false;
        origin = LOCAL_ORIGIN;
        basePath = "";
        break;
      default:
        throw new IllegalArgumentException("OkHttpTransport cannot carry " + endpoint);
    }
    if (!https) {
      // Plain HTTP only: without a TLS spec OkHttp does not build an SSLSocketFactory and trust
      // manager, so the JDK's TLS stack and trust store are not loaded (a tenth of a second and
      // some 400 classes at start-up). A TLS endpoint keeps the specs set above, or OkHttp's.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    if (socketTimeouts) {
      // OkHttp's read and write timeouts are okio timeouts: every socket read and write then goes
      // past okio's watchdog thread, which woke several times per call and cost more than the
      // call itself on a local socket. On a real socket the read timeout is the socket's
      // SO_TIMEOUT instead, set per request (none for streaming requests and upgrades) once
      // OkHttp has a connection for it. Writes of non-streaming requests (small bodies) are not
      // timed on TCP; junixsocket applies SO_TIMEOUT to writes too.
      builder.readTimeout(0, TimeUnit.MILLISECONDS)
          .writeTimeout(0, TimeUnit.MILLISECONDS)
          .addNetworkInterceptor(this::applyReadTimeout);
    } else {
      // ssh and named pipes are streams, not sockets, and cannot honour a long SO_TIMEOUT:
      // OkHttp's watchdog enforces the read timeout there, closing the connection.
      builder.readTimeout(options.readTimeout())
          .writeTimeout(options.readTimeout());
    }
    this.base = HttpUrl.get(origin + "/");
    this.client = builder.build();
    // Shares the pool; answers such as logs --follow or events may stay silent for hours.
    this.streamingClient = socketTimeouts ? client
        : client.newBuilder().readTimeout(0, TimeUnit.MILLISECONDS)
            .writeTimeout(0, TimeUnit.MILLISECONDS).build();
  }

  /** Sets the socket's read timeout for this request: none when it streams or upgrades. */
  private Response applyReadTimeout(Interceptor.Chain chain) throws IOException {
    CallTrace trace = chain.request().tag(CallTrace.class);
    boolean streaming = trace != null && trace.streaming;
    Connection connection = chain.connection();
    if (connection != null) {
      connection.socket().setSoTimeout(streaming ? 0 : readTimeoutMillis);
    }
    return chain.proceed(chain.request());
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    return send(request, toOkHttp(request, request.streaming()).build(),
        request.streaming() ? streamingClient : client);
  }

  @Override
  public HttpResponse upgrade(HttpRequest request) throws IOException {
    Request okRequest = toOkHttp(request, true)
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
      if (headTooLong(e)) { // OkHttp reads at most 256 KiB of head, then says only "end of stream"
        java.net.ProtocolException p = new java.net.ProtocolException(
            "the answer's head is longer than 262144 bytes");
        p.initCause(e);
        throw p;
      }
      throw new IOException(request.method() + " " + request.path() + " on " + endpoint
          + " failed: " + e.getMessage(), e);
    }
  }

  private Request.Builder toOkHttp(HttpRequest request, boolean streaming) {
    // resolved against a parsed base, so the host is not parsed and canonicalized every call
    // ("//x" would name a host: such a target is read whole, as before)
    String target = basePath + request.target();
    HttpUrl url = target.startsWith("//") ? null : base.resolve(target);
    if (url == null) {
      url = HttpUrl.get(origin + target);
    }
    Request.Builder b = new Request.Builder()
        .url(url)
        .tag(CallTrace.class, new CallTrace(streaming));
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

      /** A stream is read once: OkHttp must not send it again on another connection. */
      @Override
      public boolean isOneShot() {
        return body.length() < 0;
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
    final boolean streaming;
    volatile boolean connected;

    CallTrace(boolean streaming) {
      this.streaming = streaming;
    }
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

  /** Whether {@code e} is OkHttp giving up on a head past its limit. */
  private static boolean headTooLong(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException && t.getMessage() != null
          && t.getMessage().contains("not found: limit=")) {
        return true;
      }
    }
    return false;
  }
}
