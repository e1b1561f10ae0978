package dev.berth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on loopback that answers like an engine the real one cannot stand in for (an old
 * API version, a future one, a canned failure, a stream that breaks off). It records each request
 * line. Public for tests in other packages of the module.
 */
public final class FakeEngine implements AutoCloseable {
  /**
   * One canned answer: its bytes, and whether the connection breaks off after them although the
   * answer promised more ({@code cut}).
   */
  public record Answer(int status, Map<String, String> headers, String contentType, byte[] bytes,
      boolean cut) {
    /** A whole answer of UTF-8 text. */
    public Answer(int status, Map<String, String> headers, String contentType, String body) {
      this(status, headers, contentType, body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A whole 200 answer of {@code bytes}. */
    public static Answer bytes(String contentType, byte[] bytes) {
      return new Answer(200, Map.of(), contentType, bytes, false);
    }

    /**
     * A 200 answer whose Content-Length promises more than {@code bytes}: after them the engine
     * closes the connection, as one that dies mid-answer does.
     */
    public static Answer cutAfter(String contentType, byte[] bytes) {
      return new Answer(200, Map.of(), contentType, bytes, true);
    }

    /** The body as UTF-8 text. */
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** A server whose answers come from {@code answers}, called with "METHOD /path?query". */
  public FakeEngine(java.util.function.Function<String, Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, answers));
    server.start();
  }

  private void answer(HttpExchange exchange, java.util.function.Function<String, Answer> answers)
      throws IOException {
    String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
    requests.add(line);
    exchange.getRequestBody().readAllBytes();
    Answer a = answers.apply(line);
    a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (a.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", a.contentType());
    }
    byte[] body = a.bytes();
    if (a.cut()) {
      // Promise more than is sent; closing short of it makes the server drop the connection.
      exchange.sendResponseHeaders(a.status(), body.length + 1024);
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.flush();
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code tcp://127.0.0.1:PORT}. */
  public String endpoint() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request lines received so far, in order. */
  public List<String> requests() {
    return requests;
  }

  /** An engine that speaks {@code apiVersion} and answers /version with it. */
  public static FakeEngine speaking(String apiVersion) throws IOException {
    return new FakeEngine(line -> line.endsWith("/_ping")
        ? new Answer(200, Map.of("Api-Version", apiVersion, "Ostype", "linux"), "text/plain", "OK")
        : new Answer(200, Map.of(), "application/json",
            "{\"Version\":\"99.0.0\",\"ApiVersion\":\"" + apiVersion + "\"}"));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
