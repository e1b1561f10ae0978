package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What goes over a Unix socket: the request line as given, and a host that is never looked up. */
@Timeout(30)
class UnixRequestLineTest {
  @TempDir
  Path dir;

  @Test
  void requestLineKeepsPathAndQueryAndHostIsTheIpv6Loopback() throws Exception {
    Path file = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(file));
      CompletableFuture<List<String>> head = CompletableFuture.supplyAsync(() -> {
        try (SocketChannel c = server.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c),
              StandardCharsets.ISO_8859_1));
          List<String> lines = new ArrayList<>();
          for (String line; !(line = in.readLine()).isEmpty(); ) {
            lines.add(line);
          }
          Channels.newOutputStream(c).write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"
              .getBytes(StandardCharsets.ISO_8859_1));
          return lines;
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      try (Transport t = Transport.create(Endpoint.unix(file.toString()),
          TransportOptions.defaults());
          HttpResponse r = t.execute(HttpRequest.get("/v1.41/containers/a%20b/json")
              .query("size", "1").query("filters", "{\"label\":[\"x=y\"]}").build())) {
        assertThat(r.status()).isEqualTo(200);
      }
      List<String> lines = head.get(10, TimeUnit.SECONDS);
      assertThat(lines.get(0)).isEqualTo("GET /v1.41/containers/a%20b/json?size=1&filters="
          + "%7B%22label%22%3A%5B%22x%3Dy%22%5D%7D HTTP/1.1");
      assertThat(lines).contains("Host: [::1]");
    }
  }
}
