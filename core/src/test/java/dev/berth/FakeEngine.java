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
 * API version, a future one, a canned failure). It records each request line.
 */
final class FakeEngine implements AutoCloseable {
  /** One canned answer. */
  record Answer(int status, Map<String, String> headers, String contentType, String body) {}

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** A server whose answers come from {@code answers}, called with "METHOD /path?query". */
  FakeEngine(java.util.function.Function<String, Answer> answers) throws IOException {
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
    byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code tcp://127.0.0.1:PORT}. */
  String endpoint() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request lines received so far, in order. */
  List<String> requests() {
    return requests;
  }

  /** An engine that speaks {@code apiVersion} and answers /version with it. */
  static FakeEngine speaking(String apiVersion) throws IOException {
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
