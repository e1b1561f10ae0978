package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth's own HTTP/1.1 layer ({@code unix://} and plain TCP) against a scripted server on a Unix
 * socket: the framings dockerd uses, connection reuse, a pooled connection the server closed, the
 * upgrade of attach and exec, and answers that break off.
 */
@Timeout(30)
class Http1TransportTest {
  @TempDir
  Path dir;
  private Server server;
  private Transport transport;

  /** One request as the server read it. */
  record Request(String line, List<String> headers, byte[] body, int connection) {
    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      for (String h : headers) {
        if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          return h.substring(prefix.length()).trim();
        }
      }
      return null;
    }
  }

  /** Answers one request; returns false to close the connection afterwards. */
  interface Script {
    boolean answer(Request request, InputStream in, OutputStream out) throws IOException;
  }

  /** A server on a socket file that reads request heads and bodies and runs a script. */
  static final class Server implements AutoCloseable {
    final ServerSocketChannel channel;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final Path file;

    Server(Path file, Script script) throws IOException {
      this.file = file;
      channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      channel.bind(UnixDomainSocketAddress.of(file));
      Thread accept = new Thread(() -> {
        while (true) {
          SocketChannel c;
          try {
            c = channel.accept();
          } catch (IOException e) {
            return;
          }
          int number = connections.incrementAndGet();
          Thread t = new Thread(() -> serve(c, number, script));
          t.setDaemon(true);
          t.start();
        }
      });
      accept.setDaemon(true);
      accept.start();
    }

    private void serve(SocketChannel c, int number, Script script) {
      try (c) {
        InputStream in = Channels.newInputStream(c);
        OutputStream out = Channels.newOutputStream(c);
        while (true) {
          String line = line(in);
          if (line == null) {
            return;
          }
          List<String> headers = new ArrayList<>();
          for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            headers.add(h);
          }
          Request r = new Request(line, headers, null, number);
          byte[] body = new byte[0];
          if (r.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(r.header("Content-Length")));
          } else if ("chunked".equals(r.header("Transfer-Encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line(in), 16)) > 0; ) {
              all.write(in.readNBytes(size));
              line(in);
            }
            line(in);
            body = all.toByteArray();
          }
          r = new Request(line, headers, body, number);
          requests.add(r);
          if (!script.answer(r, in, out)) {
            return;
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          return sb.length() == 0 ? null : sb.toString();
        }
        if (b != '\r') {
          sb.append((char) b);
        }
      }
      return sb.toString();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private Transport start(Script script) throws IOException {
    return start(script, TransportOptions.defaults());
  }

  private Transport start(Script script, TransportOptions options) throws IOException {
    server = new Server(dir.resolve("engine.sock"), script);
    transport = Transport.create(Endpoint.unix(server.file.toString()), options);
    return transport;
  }

  @AfterEach
  void stop() throws IOException {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String text(HttpResponse r) throws IOException {
    return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void chunkedAnswerInPiecesWithExtensionsAndTrailersIsReadWholeAndTheConnectionReused()
      throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
          + "\r\n5;name=value\r\nhello\r\n");
      sleep(20);
      send(out, "1");
      sleep(20);
      send(out, "\r\n,\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
      return true;
    });
    for (int i = 0; i < 3; i++) {
      try (HttpResponse r = t.execute(HttpRequest.get("/logs").build())) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/plain");
        assertThat(r.headers()).containsKey("transfer-encoding");
        assertThat(text(r)).isEqualTo("hello, world");
      }
    }
    assertThat(server.connections.get()).isEqualTo(1);
    assertThat(server.requests).hasSize(3);
    assertThat(server.requests.get(0).line()).isEqualTo("GET /logs HTTP/1.1");
    assertThat(server.requests.get(0).header("Host")).isEqualTo("[::1]");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void answerClosedBeforeItsEndKeepsTheConnectionWhenTheRestArrives() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
      return true;
    });
    try (HttpResponse r = t.execute(HttpRequest.get("/json").build())) {
      assertThat(r.body().readNBytes(3)).containsExactly('0', '1', '2');
    }
    try (HttpResponse r = t.execute(HttpRequest.get("/json").build())) {
      assertThat(text(r)).isEqualTo("0123456789");
    }
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void requestWithBodyOfKnownLengthGoesInOneRequestAndEmptyPostSaysLengthZero()
      throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 201 Created\r\nContent-Length: " + r.body().length + "\r\n\r\n");
      out.write(r.body());
      return true;
    });
    try (HttpResponse r = t.execute(HttpRequest.post("/containers/create")
        .header("X-Registry-Auth", "e30=").body(HttpRequest.Body.json("{\"Image\":\"é\"}"))
        .build())) {
      assertThat(r.status()).isEqualTo(201);
      assertThat(text(r)).isEqualTo("{\"Image\":\"é\"}");
    }
    try (HttpResponse r = t.execute(HttpRequest.post("/containers/x/start").build())) {
      assertThat(text(r)).isEmpty();
    }
    Request create = server.requests.get(0);
    assertThat(create.header("Content-Type")).isEqualTo("application/json");
    assertThat(create.header("Content-Length")).isEqualTo("14"); // 13 characters, é is two bytes
    assertThat(create.header("X-Registry-Auth")).isEqualTo("e30=");
    assertThat(server.requests.get(1).header("Content-Length")).isEqualTo("0");
  }

  @Test
  void streamedBodyGoesChunkedAndArrivesWhole() throws Exception {
    Transport t = start((r, in, out) -> {
      String length = Integer.toString(r.body().length);
      send(out, "HTTP/1.1 200 OK\r\nContent-Length: " + length.length() + "\r\n\r\n" + length);
      return true;
    });
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    try (HttpResponse r = t.execute(HttpRequest.post("/build").body(
        HttpRequest.Body.streaming("application/x-tar", out -> {
          out.write(big, 0, 10);
          out.flush();
          out.write(big, 10, big.length - 10);
        })).build())) {
      assertThat(text(r)).isEqualTo("100000");
    }
    assertThat(server.requests.get(0).header("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(server.requests.get(0).body()).isEqualTo(big);
  }

  @Test
  void pooledConnectionTheServerClosedIsReplacedAndTheRequestSentOnce() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
      return false; // closes without saying so, as an engine that restarted would
    });
    for (int i = 0; i < 3; i++) {
      try (HttpResponse r = t.execute(HttpRequest.post("/containers/create")
          .body(HttpRequest.Body.json("{}")).build())) {
        assertThat(text(r)).isEqualTo("OK");
      }
      sleep(50); // the close reaches the client's side
    }
    assertThat(server.requests).hasSize(3);
    assertThat(server.connections.get()).isEqualTo(3);
  }

  @Test
  void answerWithConnectionCloseIsNotReused() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nOK");
      return true;
    });
    for (int i = 0; i < 2; i++) {
      try (HttpResponse r = t.execute(HttpRequest.get("/_ping").build())) {
        assertThat(text(r)).isEqualTo("OK");
      }
    }
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void answerWithoutLengthEndsWhenTheServerCloses() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"
          + "raw bytes");
      return false;
    });
    try (HttpResponse r = t.execute(HttpRequest.get("/attach").build())) {
      assertThat(text(r)).isEqualTo("raw bytes");
    }
  }

  @Test
  void answerCutBeforeItsContentLengthFails() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
      return false;
    });
    try (HttpResponse r = t.execute(HttpRequest.get("/export").build())) {
      assertThatThrownBy(() -> r.body().readAllBytes())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("91 bytes before its Content-Length");
    }
  }

  @Test
  void chunkedAnswerCutInAChunkFails() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort");
      return false;
    });
    try (HttpResponse r = t.execute(HttpRequest.get("/logs").build())) {
      assertThatThrownBy(() -> r.body().readAllBytes())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in the middle of a chunk");
    }
  }

  @Test
  void serverThatClosesWithoutAnsweringIsAnIoFailureNamingTheRequest() throws Exception {
    Transport t = start((r, in, out) -> false);
    assertThatThrownBy(() -> t.execute(HttpRequest.get("/info").build()))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(ConnectFailedException.class)
        .hasMessageContaining("GET /info on unix://")
        .hasMessageContaining("closed the connection without answering");
  }

  @Test
  void missingSocketFileIsConnectFailed() {
    Transport t = Transport.create(Endpoint.unix(dir.resolve("none.sock").toString()),
        TransportOptions.defaults());
    transport = t;
    assertThatThrownBy(() -> t.execute(HttpRequest.get("/_ping").build()))
        .isInstanceOf(ConnectFailedException.class)
        .hasMessageContaining("none.sock");
  }

  @Test
  void upgradeHandsOverTheConnectionWithBytesThatCameWithTheAnswer() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nfirst;");
      byte[] stdin = in.readAllBytes(); // until the client half-closes
      send(out, "got " + new String(stdin, StandardCharsets.UTF_8));
      return false;
    });
    try (HttpResponse r = t.upgrade(HttpRequest.post("/exec/x/start")
        .body(HttpRequest.Body.json("{}")).build())) {
      assertThat(r.status()).isEqualTo(101);
      DuplexConnection c = r.upgraded();
      c.output().write("ping".getBytes(StandardCharsets.UTF_8));
      c.closeOutput();
      assertThat(new String(c.input().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("first;got ping");
      c.close();
    }
    Request sent = server.requests.get(0);
    assertThat(sent.header("Connection")).isEqualTo("Upgrade");
    assertThat(sent.header("Upgrade")).isEqualTo("tcp");
  }

  @Test
  void upgradeAnsweredWithAnErrorReturnsTheErrorBody() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 21\r\n\r\n{\"message\":\"no such\"}");
      return true;
    });
    try (HttpResponse r = t.upgrade(HttpRequest.post("/containers/x/attach").build())) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(text(r)).isEqualTo("{\"message\":\"no such\"}");
      assertThatThrownBy(r::upgraded).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("404");
    }
  }

  @Test
  void abortFromAnotherThreadEndsAWaitingRead() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\none\r\n");
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    });
    try (HttpResponse r = t.execute(HttpRequest.get("/events").streaming(true).build())) {
      InputStream body = r.body();
      assertThat(body.readNBytes(3)).containsExactly('o', 'n', 'e');
      Thread aborter = new Thread(() -> {
        sleep(200);
        r.abort();
      });
      aborter.start();
      long start = System.nanoTime();
      assertThatThrownBy(() -> body.read()).isInstanceOf(IOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      release.countDown();
    }
  }

  @Test
  void headerWithALineBreakIsRefusedAndNothingIsSent() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
      return true;
    });
    assertThatThrownBy(() -> t.execute(HttpRequest.get("/_ping")
        .header("X-Registry-Auth", "e30=\r\nX-Evil: 1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"X-Registry-Auth\"")
        .hasMessageContaining("line break");
    try (HttpResponse r = t.execute(HttpRequest.get("/_ping").build())) {
      assertThat(text(r)).isEqualTo("OK");
    }
    assertThat(server.requests).extracting(Request::line).containsExactly("GET /_ping HTTP/1.1");
    assertThat(server.requests.get(0).header("X-Evil")).isNull();
  }

  @Test
  void idleConnectionsBeyondTheLimitAreClosed() throws Exception {
    Transport t = start((r, in, out) -> {
      send(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
      return true;
    }, TransportOptions.defaults().withMaxIdleConnections(1));
    HttpResponse a = t.execute(HttpRequest.get("/a").build());
    HttpResponse b = t.execute(HttpRequest.get("/b").build());
    assertThat(text(a) + text(b)).isEqualTo("OKOK"); // both back to the pool: one is kept
    a.close();
    b.close();
    for (int i = 0; i < 3; i++) {
      try (HttpResponse r = t.execute(HttpRequest.get("/c").build())) {
        assertThat(text(r)).isEqualTo("OK");
      }
    }
    assertThat(server.connections.get()).isEqualTo(2);
    assertThat(server.requests.subList(2, 5)).extracting(Request::connection)
        .containsOnly(server.requests.get(2).connection());
  }
}
