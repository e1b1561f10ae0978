package dev.berth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy between Berth and the real engine that a test controls, listening on a Unix socket or
 * on loopback TCP: it cuts every connection at once ({@link #cutAll()}), cuts the answers to
 * requests whose line holds some text after so many bytes of body ({@link #cutAfter}), or goes
 * away and comes back on the same address ({@link #stop()}, {@link #start()}). Public for tests in
 * other packages of the module.
 */
public final class FaultProxy implements AutoCloseable {
  private final Path engine;
  private final Path socketFile;
  private volatile int port;
  private volatile ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
  private final Map<String, Long> cuts = new ConcurrentHashMap<>();
  private final List<String> heads = new CopyOnWriteArrayList<>();

  private FaultProxy(Path engine, Path socketFile) throws IOException {
    this.engine = engine;
    this.socketFile = socketFile;
    start();
  }

  /** A proxy listening on the socket file {@code socket}, in front of the engine's socket. */
  public static FaultProxy unix(Path socket, Path engine) throws IOException {
    return new FaultProxy(engine, socket);
  }

  /** A proxy listening on a free loopback TCP port, in front of the engine's socket. */
  public static FaultProxy tcp(Path engine) throws IOException {
    return new FaultProxy(engine, null);
  }

  /** The address to give {@code DockerClient.builder().endpoint(…)}. */
  public String endpoint() {
    return socketFile != null ? "unix://" + socketFile : "tcp://127.0.0.1:" + port;
  }

  /** Listens (again, on the same address after {@link #stop()}). */
  public synchronized void start() throws IOException {
    ServerSocketChannel s;
    if (socketFile != null) {
      Files.deleteIfExists(socketFile);
      s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      s.bind(UnixDomainSocketAddress.of(socketFile));
    } else {
      s = ServerSocketChannel.open(StandardProtocolFamily.INET);
      s.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      port = ((InetSocketAddress) s.getLocalAddress()).getPort();
    }
    server = s;
    Thread acceptor = new Thread(() -> acceptLoop(s), "fault-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Stops listening and cuts every connection: the engine is away until {@link #start()}. */
  public synchronized void stop() throws IOException {
    server.close();
    if (socketFile != null) {
      Files.deleteIfExists(socketFile);
    }
    cutAll();
  }

  /** Cuts every connection open now, idle ones in a client's pool too; new ones are accepted. */
  public void cutAll() {
    for (SocketChannel c : open) {
      closeQuietly(c);
    }
    open.clear();
  }

  /**
   * From now on, cuts the answer to every request whose request line contains {@code part} after
   * {@code bodyBytes} bytes of its body (counted after the head). Meant for a client that opens a
   * connection per request ({@code maxIdleConnections(0)}): only a connection's first request is
   * looked at.
   */
  public void cutAfter(String part, long bodyBytes) {
    cuts.put(part, bodyBytes);
  }

  /**
   * What the client sent first on each connection, in order of arrival: the request head (and
   * whatever body bytes came in the same read).
   */
  public List<String> requestHeads() {
    return List.copyOf(heads);
  }

  /** No more cuts by request line. */
  public void clearCuts() {
    cuts.clear();
  }

  private void acceptLoop(ServerSocketChannel s) {
    while (s.isOpen()) {
      try {
        SocketChannel client = s.accept();
        open.add(client);
        Thread t = new Thread(() -> serve(client), "fault-proxy-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // stopped
      }
    }
  }

  private void serve(SocketChannel client) {
    SocketChannel toEngine = null;
    try {
      ByteBuffer first = ByteBuffer.allocate(64 * 1024);
      if (client.read(first) < 0) {
        closeQuietly(client);
        return;
      }
      first.flip();
      String head = StandardCharsets.ISO_8859_1.decode(first.duplicate()).toString();
      heads.add(head);
      int eol = head.indexOf('\n');
      String requestLine = eol < 0 ? head : head.substring(0, eol);
      long limit = -1;
      for (Map.Entry<String, Long> cut : cuts.entrySet()) {
        if (requestLine.contains(cut.getKey())) {
          limit = cut.getValue();
        }
      }
      SocketAddress target = UnixDomainSocketAddress.of(engine);
      toEngine = SocketChannel.open(target);
      open.add(toEngine);
      while (first.hasRemaining()) {
        toEngine.write(first);
      }
      SocketChannel e = toEngine;
      Thread up = new Thread(() -> pump(client, e, -1), "fault-proxy-up");
      up.setDaemon(true);
      up.start();
      pump(e, client, limit);
    } catch (IOException e) {
      closeQuietly(client);
      if (toEngine != null) {
        closeQuietly(toEngine);
      }
    }
  }

  /**
   * Copies {@code from} to {@code to}; with {@code limit} at 0 or more, closes both once that many
   * bytes after the answer's head went through.
   */
  private void pump(SocketChannel from, SocketChannel to, long limit) {
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    long body = limit < 0 ? -1 : -2; // -2: still in the head
    int matched = 0; // how much of \r\n\r\n was seen
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        if (limit >= 0) {
          int end = buffer.limit();
          for (int i = buffer.position(); i < end && body < limit; i++) {
            if (body == -2) {
              byte b = buffer.get(i);
              matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
              if (matched == 4) {
                body = 0;
              }
            } else {
              body++;
            }
            if (body >= limit) {
              buffer.limit(i + 1);
            }
          }
        }
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        if (limit >= 0 && body >= limit) {
          closeQuietly(from);
          closeQuietly(to);
          return;
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // cut either way
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
