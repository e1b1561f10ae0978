package dev.berth.transport.internal.http1;

import dev.berth.transport.ConnectFailedException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
import dev.berth.transport.internal.socket.UnixSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * The {@link Transport} for plain HTTP/1.1 to a Unix socket file or over TCP, written straight on
 * the socket: the request head and a small body go out in one write, answers are read through one
 * buffer per connection, and idle connections wait in a last-in-first-out pool without a thread
 * of their own. TLS, ssh and named pipes go through {@code OkHttpTransport}.
 *
 * <p>A pooled connection that the engine has closed in the meantime shows up as a failure before
 * any byte of the answer; such a request is sent again once on a new connection when its body
 * can be written again (none, or one of known length). A body of unknown length (a stream) is
 * never sent twice, and so always goes on a new connection: a pooled one may have been closed by
 * the engine a moment ago, however recently it was used, and the stream could not be resent. Idle
 * connections past their keep-alive, or beyond the idle limit, are closed when the pool is next
 * used.
 */
public final class Http1Transport implements Transport {
  /** The {@code Host} of requests to a socket file, which dockerd ignores. */
  static final String LOCAL_HOST = "[::1]";

  private final Endpoint endpoint;
  private final SocketFactory sockets;
  private final String host;
  private final String basePath;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final int maxIdle;
  private final long keepAliveNanos;
  private final ConcurrentLinkedDeque<Http1Connection> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  /** A transport to {@code endpoint}: {@code unix}, or {@code tcp} or {@code http} without TLS. */
  public Http1Transport(Endpoint endpoint, TransportOptions options) {
    this.endpoint = endpoint;
    switch (endpoint.scheme()) {
      case UNIX:
        sockets = UnixSockets.factory(endpoint);
        host = LOCAL_HOST;
        basePath = "";
        break;
      case TCP:
      case HTTP:
        if (options.tls() != null) {
          throw new IllegalArgumentException("Http1Transport speaks plain HTTP only, not TLS to "
              + endpoint);
        }
        sockets = null;
        host = endpoint.authority();
        basePath = endpoint.path();
        break;
      default:
        throw new IllegalArgumentException("Http1Transport cannot carry " + endpoint);
    }
    this.connectTimeoutMillis = millis(options.connectTimeout().toMillis());
    this.readTimeoutMillis = millis(options.readTimeout().toMillis());
    this.maxIdle = options.maxIdleConnections();
    this.keepAliveNanos = options.keepAlive().toNanos();
  }

  private static int millis(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public HttpResponse execute(HttpRequest request) throws IOException {
    return exchange(request, false);
  }

  @Override
  public HttpResponse upgrade(HttpRequest request) throws IOException {
    return exchange(request, true);
  }

  private HttpResponse exchange(HttpRequest request, boolean upgrade) throws IOException {
    HttpRequest.Body body = request.body();
    boolean resendable = body == null || body.length() >= 0;
    String target = basePath + request.target();
    int timeout = request.streaming() || upgrade ? 0 : readTimeoutMillis;
    while (true) {
      Http1Connection c = pooled(resendable);
      boolean reused = c != null;
      if (c == null) {
        c = connect();
      }
      try {
        c.timeout(timeout);
        c.writeRequest(request.method(), target, host, request.headers(), body, upgrade);
        return c.readResponse(request.method(), upgrade, request.streaming());
      } catch (IOException | RuntimeException e) {
        boolean answered = c.answerStarted();
        c.closeQuietly();
        boolean timedOut = e instanceof java.io.InterruptedIOException;
        if (e instanceof IOException && reused && resendable && !answered && !timedOut) {
          continue; // the engine closed this idle connection: once more on a new one
        }
        if (e instanceof IOException io) {
          throw new IOException(request.method() + " " + request.path() + " on " + endpoint
              + " failed: " + io.getMessage(), io);
        }
        throw e;
      }
    }
  }

  private Http1Connection connect() throws IOException {
    Socket socket = null;
    try {
      SocketAddress address;
      if (sockets != null) {
        socket = sockets.createSocket();
        address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      } else {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        address = new InetSocketAddress(endpoint.host(), endpoint.port());
      }
      socket.connect(address, connectTimeoutMillis);
      return new Http1Connection(socket, this);
    } catch (IOException e) {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // it never worked
        }
      }
      throw new ConnectFailedException(endpoint, e);
    }
  }

  /** The most recently released idle connection still worth using, or null. */
  private Http1Connection pooled(boolean resendable) {
    if (!resendable) {
      return null;
    }
    long now = System.nanoTime();
    Http1Connection c;
    while ((c = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      long idleFor = now - c.idleSince();
      if (idleFor < keepAliveNanos) {
        return c;
      }
      c.closeQuietly();
    }
    return null;
  }

  /** Takes back a connection whose answer was read whole; it may carry the next request. */
  void release(Http1Connection c) {
    if (closed || maxIdle <= 0) {
      c.closeQuietly();
      return;
    }
    long now = System.nanoTime();
    c.idleSince(now);
    idle.offerFirst(c);
    int count = idleCount.incrementAndGet();
    // the oldest are at the end: close those over the limit or past their keep-alive
    Http1Connection last;
    while ((last = idle.peekLast()) != null
        && (count > maxIdle || now - last.idleSince() >= keepAliveNanos)) {
      if (idle.removeLastOccurrence(last)) {
        count = idleCount.decrementAndGet();
        last.closeQuietly();
      }
    }
    if (closed) {
      closeIdle();
    }
  }

  /** Closes every idle connection; answers still being read stay usable. */
  @Override
  public void close() {
    closed = true;
    closeIdle();
  }

  private void closeIdle() {
    Http1Connection c;
    while ((c = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      c.closeQuietly();
    }
  }

  @Override
  public String toString() {
    return "Http1Transport{" + endpoint + "}";
  }
}
