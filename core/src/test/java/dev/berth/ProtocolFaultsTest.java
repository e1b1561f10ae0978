package dev.berth;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.model.Frame;
import dev.berth.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that break the protocol, from a peer on loopback that writes whatever bytes a test
 * gives it, through both HTTP layers (Berth's own and OkHttp): each is a typed error within a
 * bounded time, its message saying what was wrong. The bound (20 s) only catches hangs; the
 * errors come in milliseconds.
 */
class ProtocolFaultsTest {
  private static final Duration BOUND = Duration.ofSeconds(20);

  /** What the peer does with one connection, after reading the request head. */
  interface Script {
    void answer(OutputStream out) throws Exception;

    /** Answers knowing the request line; by default whatever was asked. */
    default void answer(String requestLine, OutputStream out) throws Exception {
      answer(out);
    }
  }

  private RawPeer peer;

  /** The layer the build chose for this JVM ({@code -Ddev.berth.http}), put back after each case. */
  private static final String BUILD_LAYER = System.getProperty(Transport.HTTP_PROPERTY);

  private static void restoreLayer() {
    TestEngine.useHttpLayer(BUILD_LAYER);
  }

  @AfterEach
  void stop() throws IOException {
    if (peer != null) {
      peer.close();
    }
    restoreLayer();
  }

  private DockerClient client(String layer, Script script) throws IOException {
    return client(layer, script, Duration.ofSeconds(10));
  }

  private DockerClient client(String layer, Script script, Duration readTimeout)
      throws IOException {
    peer = new RawPeer(script);
    TestEngine.useHttpLayer(layer);
    try {
      return DockerClient.builder().endpoint(peer.endpoint()).apiVersion("1.41")
          .readTimeout(readTimeout).connectTimeout(Duration.ofSeconds(2)).build();
    } finally {
      restoreLayer();
    }
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(ISO_8859_1));
    out.flush();
  }

  private static byte[] frame(int stream, int length, byte[] payload) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(stream);
    b.write(0);
    b.write(0);
    b.write(0);
    b.write(length >>> 24);
    b.write(length >>> 16 & 0xff);
    b.write(length >>> 8 & 0xff);
    b.write(length & 0xff);
    b.writeBytes(payload);
    return b.toByteArray();
  }

  private static void chunk(OutputStream out, byte[] data) throws IOException {
    write(out, Integer.toHexString(data.length) + "\r\n");
    out.write(data);
    write(out, "\r\n");
  }

  private static Throwable failure(Runnable call) {
    Throwable[] thrown = new Throwable[1];
    assertTimeoutPreemptively(BOUND, () -> {
      try {
        call.run();
      } catch (Throwable t) {
        thrown[0] = t;
      }
    });
    assertThat(thrown[0]).as("the call should have failed").isNotNull();
    return thrown[0];
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void notHttpAtAllIsAProtocolErrorQuotingWhatCame(String layer) throws IOException {
    try (DockerClient docker = client(layer, out -> write(out, "SSH-2.0-OpenSSH_9.2p1\r\n"))) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(DockerProtocolException.class)
          .hasMessageContaining("GET /v1.41/containers/web/json")
          .hasMessageContaining("SSH-2.0-OpenSSH_9.2p1");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void truncatedChunkedBodyIsACut(String layer) throws IOException {
    try (DockerClient docker = client(layer, out -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n20\r\n{\"Id\":\"abc\",");
    })) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(StreamCutException.class)
          .hasMessageContaining("GET /containers/web/json")
          .hasMessageContaining("broke off");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void contentLengthLongerThanTheBodyIsACut(String layer) throws IOException {
    try (DockerClient docker = client(layer, out -> write(out, "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"Id\":\"abc\"}"))) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(StreamCutException.class).hasMessageContaining("broke off");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void headerLineOfOneMegabyteIsAProtocolError(String layer) throws IOException {
    try (DockerClient docker = client(layer, out -> {
      write(out, "HTTP/1.1 200 OK\r\nX-Big: ");
      byte[] a = new byte[1024 * 1024];
      java.util.Arrays.fill(a, (byte) 'a');
      out.write(a);
      write(out, "\r\n\r\n{}");
    })) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(DockerProtocolException.class)
          .hasMessageContaining("longer than");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void headersThatNeverEndAreAProtocolError(String layer) throws IOException {
    try (DockerClient docker = client(layer, out -> {
      write(out, "HTTP/1.1 200 OK\r\n");
      byte[] line = "X-Again: and again and again\r\n".getBytes(ISO_8859_1);
      for (int i = 0; i < 10_000_000; i++) { // until the client gives up and closes
        out.write(line);
      }
    })) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(DockerProtocolException.class)
          .hasMessageContaining("longer than");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void serverErrorWithAnHtmlPageIsAServerErrorQuotingItsStart(String layer) throws IOException {
    StringBuilder page = new StringBuilder("<html><head><title>502 Bad Gateway</title></head>"
        + "<body>");
    while (page.length() < 100_000) {
      page.append("<p>nginx is sorry</p>");
    }
    page.append("</body></html>");
    try (DockerClient docker = client(layer, out -> write(out, "HTTP/1.1 500 Internal Server"
        + " Error\r\nContent-Type: text/html\r\nContent-Length: " + page.length() + "\r\n\r\n"
        + page))) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(ServerErrorException.class)
          .hasMessageContaining("<title>502 Bad Gateway</title>")
          .hasMessageContaining("bytes in all");
      assertThat(((DockerApiException) t).status()).isEqualTo(500);
      assertThat(t.getMessage().length()).isLessThan(3000);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void okWithMalformedJsonIsAProtocolError(String layer) throws IOException {
    String body = "{\"Id\":\"abc\",\"State\":{\"Running\":tru";
    try (DockerClient docker = client(layer, out -> write(out, "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
        + body))) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(DockerProtocolException.class)
          .hasMessageContaining("JSON that cannot be read");
    }
  }

  private static Script logsAnswer(byte[]... chunks) {
    return out -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      for (byte[] c : chunks) {
        chunk(out, c);
      }
      write(out, "0\r\n\r\n");
    };
  }

  /** Inspects of the container (logs asks for the TTY flag at 1.41) answered, then the logs. */
  private static Script inspectThen(Script logs) {
    return new Script() {
      @Override
      public void answer(OutputStream out) {
        throw new AssertionError("answered with the request line");
      }

      @Override
      public void answer(String requestLine, OutputStream out) throws Exception {
        if (requestLine.contains("/json")) {
          String json = "{\"Id\":\"abc\",\"Config\":{\"Tty\":false}}";
          write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + json.length() + "\r\nConnection: close\r\n\r\n" + json);
          return;
        }
        logs.answer(out);
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void multiplexedFrameCutInHalfIsACutSayingHowFarItGot(String layer) throws IOException {
    byte[] whole = frame(1, 6, "whole\n".getBytes(ISO_8859_1));
    byte[] half = frame(1, 100, "only ten b".getBytes(ISO_8859_1));
    try (DockerClient docker = client(layer, inspectThen(logsAnswer(whole, half)))) {
      List<String> lines = new ArrayList<>();
      Throwable t = failure(() -> {
        try (var logs = docker.containers().get("web").logs().open()) {
          for (Frame f; (f = logs.nextLine()) != null; ) {
            lines.add(f.text());
          }
        }
      });
      assertThat(lines).containsExactly("whole");
      assertThat(t).isInstanceOf(StreamCutException.class)
          .hasMessage("the logs of abc broke off after 32 bytes: the stream was cut inside a"
              + " frame (10 of 100 bytes)");
      assertThat(((StreamCutException) t).bytesRead()).isEqualTo(32);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void frameHeaderPromisingTwoGigabytesCostsOnlyWhatArrives(String layer) throws IOException {
    byte[] huge = frame(1, Integer.MAX_VALUE - 16, new byte[1000]);
    try (DockerClient docker = client(layer, inspectThen(logsAnswer(huge)))) {
      Throwable t = failure(() -> docker.containers().get("web").logs().text());
      assertThat(t).isInstanceOf(StreamCutException.class)
          .hasMessageContaining("cut inside a frame (1000 of 2147483631 bytes)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void bytesThatAreNoFrameAreAProtocolError(String layer) throws IOException {
    byte[] html = "<html><body>Bad Gateway</body></html>".getBytes(ISO_8859_1);
    try (DockerClient docker = client(layer, inspectThen(logsAnswer(html)))) {
      Throwable t = failure(() -> docker.containers().get("web").logs().text());
      assertThat(t).isInstanceOf(DockerProtocolException.class)
          .hasMessageContaining("the logs of abc is not a valid stream after 8 bytes")
          .hasMessageContaining("not a frame header: 3c68746d6c3e3c62");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void answerThatNeverComesIsATimeoutAfterTheReadTimeout(String layer) throws IOException {
    try (DockerClient docker = client(layer, out -> Thread.sleep(60_000),
        Duration.ofMillis(300))) {
      Throwable t = failure(() -> docker.containers().get("web").inspect());
      assertThat(t).isInstanceOf(DockerTimeoutException.class)
          .hasMessageContaining("GET /v1.41/containers/web/json")
          .hasMessageContaining("read timeout");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void followStreamSilentForLongerThanTheReadTimeoutIsNotKilled(String layer) throws IOException {
    Script slow = inspectThen(out -> {
      write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      chunk(out, frame(1, 6, "first\n".getBytes(ISO_8859_1)));
      Thread.sleep(1500); // five read timeouts
      chunk(out, frame(1, 7, "second\n".getBytes(ISO_8859_1)));
      write(out, "0\r\n\r\n");
    });
    try (DockerClient docker = client(layer, slow, Duration.ofMillis(300))) {
      String[] text = new String[1];
      assertTimeoutPreemptively(BOUND, () -> {
        text[0] = docker.containers().get("web").logs().follow().text();
      });
      assertThat(text[0]).isEqualTo("first\nsecond\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"berth", "okhttp"})
  void connectThatNeverCompletesFailsAfterTheConnectTimeout(String layer) throws IOException {
    // a listener that never accepts, its backlog full: Linux then drops the SYNs of new connects
    try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> filling = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket s = new Socket();
          try {
            s.connect(deaf.getLocalSocketAddress(), 200);
            filling.add(s);
          } catch (IOException full) {
            s.close();
            break;
          }
        }
        TestEngine.useHttpLayer(layer);
        DockerClient docker;
        try {
          docker = DockerClient.builder().endpoint("tcp://127.0.0.1:" + deaf.getLocalPort())
              .apiVersion("1.41").connectTimeout(Duration.ofMillis(500)).build();
        } finally {
          restoreLayer();
        }
        try (docker) {
          Throwable t = failure(() -> docker.containers().get("web").inspect());
          assertThat(t).isInstanceOf(DockerConnectionException.class)
              .hasMessageContaining("127.0.0.1:" + deaf.getLocalPort())
              .hasMessageContaining("timed out");
        }
      } finally {
        for (Socket s : filling) {
          s.close();
        }
      }
    }
  }

  /** A peer on loopback that reads a request's head, runs the script and closes. */
  static final class RawPeer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    RawPeer(Script script) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            sockets.add(s);
            Thread c = new Thread(() -> serve(s, script), "raw-peer-connection");
            c.setDaemon(true);
            c.start();
          } catch (IOException e) {
            return;
          }
        }
      }, "raw-peer");
      t.setDaemon(true);
      t.start();
    }

    private static void serve(Socket s, Script script) {
      try (s) {
        InputStream in = s.getInputStream();
        String line = readHead(in);
        if (line != null) { // one answer per connection, then it closes
          script.answer(line, s.getOutputStream());
          s.getOutputStream().flush();
        }
      } catch (Exception e) {
        // the client went away; that ends this connection
      }
    }

    /** Reads up to the blank line that ends a request head: its first line, or null at the end. */
    private static String readHead(InputStream in) throws IOException {
      StringBuilder first = new StringBuilder();
      boolean inFirst = true;
      int state = 0;
      for (int b; (b = in.read()) >= 0; ) {
        if (b == '\n') {
          inFirst = false;
        } else if (inFirst && b != '\r') {
          first.append((char) b);
        }
        state = b == '\n' ? (state == 1 ? 2 : 1) : (b == '\r' ? state : 0);
        if (state == 2) {
          return first.toString();
        }
      }
      return null;
    }

    String endpoint() {
      return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
