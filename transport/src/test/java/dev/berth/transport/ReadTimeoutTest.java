package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which requests the read timeout applies to, on Unix sockets and TCP, against a local server
 * that is slow on purpose: plain requests time out, streaming ones never do, and a connection that
 * carried a streaming request times out again on the next plain one.
 */
@Timeout(30)
class ReadTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  /** How long the slow answers keep silent: well past the timeout. */
  private static final long SILENCE_MILLIS = 1_200;

  @TempDir
  Path dir;
  private SlowServer server;

  /** Unix sockets over the JDK's channels (the default) and over junixsocket; TCP. */
  /** Where the slow server listens, and which HTTP layer talks to it. */
  enum Kind {
    UNIX, UNIX_JUNIXSOCKET, TCP, UNIX_OKHTTP, TCP_OKHTTP;

    boolean tcp() {
      return this == TCP || this == TCP_OKHTTP;
    }
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private Transport transport(Kind kind, Duration readTimeout) throws IOException {
    Endpoint endpoint;
    if (!kind.tcp()) {
      Path socket = dir.resolve("engine.sock");
      ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      channel.bind(UnixDomainSocketAddress.of(socket));
      endpoint = Endpoint.unix(socket.toString());
      server = new SlowServer(channel);
    } else {
      ServerSocketChannel channel = ServerSocketChannel.open();
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
      endpoint = Endpoint.tcp("127.0.0.1", port);
      server = new SlowServer(channel);
    }
    Map<String, String> properties = Map.of(
        "dev.berth.unixSockets", kind == Kind.UNIX_JUNIXSOCKET ? "junixsocket" : "jdk",
        Transport.HTTP_PROPERTY, kind.name().endsWith("OKHTTP") ? "okhttp" : "berth");
    Map<String, String> before = new java.util.HashMap<>();
    properties.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
    try {
      Transport t = Transport.create(endpoint,
          TransportOptions.defaults().withReadTimeout(readTimeout));
      assertThat(t.toString())
          .startsWith(kind.name().endsWith("OKHTTP") ? "OkHttpTransport" : "Http1Transport");
      return t;
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void plainRequestWhoseAnswerIsSlowTimesOut(Kind kind) throws IOException {
    try (Transport t = transport(kind, TIMEOUT)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> t.execute(HttpRequest.get("/slow-headers").build()).close())
          .isInstanceOf(IOException.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(TIMEOUT.minusMillis(50), Duration.ofMillis(SILENCE_MILLIS - 100));
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void plainRequestWhoseBodyIsSlowTimesOutReadingIt(Kind kind) throws IOException {
    try (Transport t = transport(kind, TIMEOUT);
        HttpResponse r = t.execute(HttpRequest.get("/slow-body").build())) {
      assertThat(r.status()).isEqualTo(200);
      assertThatThrownBy(() -> r.body().readAllBytes())
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void streamingRequestWaitsAsLongAsItTakesAndTheNextPlainOneTimesOutAgain(Kind kind)
      throws IOException {
    try (Transport t = transport(kind, TIMEOUT)) {
      try (HttpResponse r = t.execute(HttpRequest.get("/slow-body").streaming(true).build())) {
        assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("OK");
      }
      try (HttpResponse r = t.execute(HttpRequest.get("/fast").build())) {
        assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("OK");
      }
      assertThatThrownBy(() -> t.execute(HttpRequest.get("/slow-headers").build()).close())
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
      // one connection carried the first three requests: the timeout is set per request on it
      assertThat(server.connections.get()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void zeroReadTimeoutWaitsAsLongAsItTakes(Kind kind) throws IOException {
    try (Transport t = transport(kind, Duration.ZERO);
        HttpResponse r = t.execute(HttpRequest.get("/slow-headers").build())) {
      assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("OK");
    }
  }

  /**
   * Answers {@code /fast} at once, {@code /slow-headers} after a silence, and {@code /slow-body}
   * with headers at once and the body after a silence; keeps connections alive.
   */
  private static final class SlowServer implements AutoCloseable {
    private final ServerSocketChannel channel;
    final AtomicInteger connections = new AtomicInteger();

    SlowServer(ServerSocketChannel channel) {
      this.channel = channel;
      Thread accept = new Thread(this::accept, "slow-server");
      accept.setDaemon(true);
      accept.start();
    }

    private void accept() {
      while (channel.isOpen()) {
        try {
          SocketChannel c = channel.accept();
          connections.incrementAndGet();
          Thread serve = new Thread(() -> serve(c), "slow-server-connection");
          serve.setDaemon(true);
          serve.start();
        } catch (IOException e) {
          return;
        }
      }
    }

    private static void serve(SocketChannel c) {
      try (c) {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c),
            StandardCharsets.ISO_8859_1));
        OutputStream out = Channels.newOutputStream(c);
        for (String line; (line = in.readLine()) != null; ) {
          String path = line.split(" ")[1];
          while (!(line = in.readLine()).isEmpty()) {
            // headers: none of them matter here
          }
          if (path.equals("/slow-headers")) {
            Thread.sleep(SILENCE_MILLIS);
          }
          out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (path.equals("/slow-body")) {
            Thread.sleep(SILENCE_MILLIS);
          }
          out.write("OK".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        // the client went away
      }
    }

    @Override
    public void close() throws IOException {
      Object address = channel.getLocalAddress();
      channel.close();
      if (address instanceof UnixDomainSocketAddress unix) {
        Files.deleteIfExists(unix.getPath());
      }
    }
  }
}
