package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport against the real engine, below the client: plain HTTP, streams and upgrades. */
class UnixSocketTransportIT {
  private static final String IMAGE = "berth-test/busybox:latest";
  private static Transport transport;
  /** Reads time out after 500 ms: only for showing which requests a read timeout applies to. */
  private static Transport impatient;

  @BeforeAll
  static void connect() {
    String host = System.getenv("DOCKER_HOST");
    Endpoint endpoint = host == null || host.isEmpty() ? Endpoint.DEFAULT : Endpoint.parse(host);
    transport = Transport.create(endpoint, TransportOptions.defaults());
    impatient = Transport.create(endpoint,
        TransportOptions.defaults().withReadTimeout(Duration.ofMillis(500)));
  }

  @AfterAll
  static void close() {
    transport.close();
    impatient.close();
  }

  @Test
  void pingAnswersOkWithApiVersionHeader() throws IOException {
    try (HttpResponse r = transport.execute(HttpRequest.get("/_ping").build())) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("api-version")).matches("1\\.\\d+");
      assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("OK");
    }
  }

  @Test
  void keptAliveConnectionServesManySequentialRequests() throws IOException {
    for (int i = 0; i < 200; i++) {
      try (HttpResponse r = transport.execute(HttpRequest.get("/_ping").build())) {
        assertThat(r.body().readAllBytes()).hasSize(2);
      }
    }
  }

  @Test
  void streamingRequestHasNoReadTimeoutWhilePlainRequestDoes() throws IOException {
    try (HttpResponse r = impatient.execute(silentEvents().streaming(true).build())) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().readAllBytes()).isEmpty();
    }
    assertThatThrownBy(() -> {
      try (HttpResponse r = impatient.execute(silentEvents().streaming(false).build())) {
        r.body().readAllBytes();
      }
    }).isInstanceOf(SocketTimeoutException.class);
  }

  /** /events for a label nothing has: silent for 2 s (past the 500 ms read timeout), then ends. */
  private static HttpRequest.Builder silentEvents() {
    long now = Instant.now().getEpochSecond();
    return HttpRequest.get("/events")
        .query("since", String.valueOf(now)).query("until", String.valueOf(now + 2))
        .query("filters", "{\"label\":[\"dev.berth.test.none=" + UUID.randomUUID() + "\"]}");
  }

  @Test
  void upgradedAttachCarriesStdinAndHalfCloseEndsIt() throws IOException {
    String id = createCatContainer();
    try {
      HttpRequest attach = HttpRequest.post("/containers/" + id + "/attach")
          .query("stream", "1").query("stdin", "1").query("stdout", "1").query("stderr", "1")
          .build();
      try (HttpResponse r = transport.upgrade(attach);
          DuplexConnection connection = r.upgraded()) {
        assertThat(r.status()).isEqualTo(101);
        call("POST", "/containers/" + id + "/start", null, 204);

        connection.output().write("hello through the hijacked socket\n".getBytes(
            StandardCharsets.UTF_8));
        connection.closeOutput(); // cat sees EOF and exits, which ends the stream

        assertThat(stdoutOf(connection.input()))
            .isEqualTo("hello through the hijacked socket\n");
      }
      String waited = call("POST", "/containers/" + id + "/wait", null, 200);
      assertThat(waited).contains("\"StatusCode\":0");
    } finally {
      call("DELETE", "/containers/" + id + "?force=1", null, 204);
    }
  }

  @Test
  void upgradeRefusedComesBackAsAnswer() throws IOException {
    HttpRequest attach = HttpRequest.post("/containers/no-such-container-" + UUID.randomUUID()
        + "/attach").query("stream", "1").query("stdout", "1").build();
    try (HttpResponse r = transport.upgrade(attach)) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8))
          .containsIgnoringCase("No such container"); // Podman writes it in lower case
      assertThatThrownBy(r::upgraded).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("404");
    }
  }

  @Test
  void missingSocketFileIsConnectFailureNamingThePath() {
    Endpoint missing = Endpoint.unix("/tmp/berth-no-such-" + UUID.randomUUID() + ".sock");
    try (Transport t = Transport.create(missing, TransportOptions.defaults())) {
      assertThatThrownBy(() -> t.execute(HttpRequest.get("/_ping").build()))
          .isInstanceOf(ConnectFailedException.class)
          .hasMessageContaining(missing.path());
    }
  }

  private static String createCatContainer() throws IOException {
    String body = "{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"cat\"],\"OpenStdin\":true,"
        + "\"StdinOnce\":true,\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,"
        + "\"Labels\":{\"dev.berth.test\":\"true\"}}";
    String answer = call("POST", "/containers/create", body, 201);
    Matcher m = Pattern.compile("\"Id\":\"([0-9a-f]+)\"").matcher(answer);
    assertThat(m.find()).as("container id in %s", answer).isTrue();
    return m.group(1);
  }

  private static String call(String method, String pathAndQuery, String json, int expected)
      throws IOException {
    String[] parts = pathAndQuery.split("\\?", 2);
    HttpRequest.Builder b = HttpRequest.builder(method, "/v1.41" + parts[0]);
    if (parts.length == 2) {
      for (String pair : parts[1].split("&")) {
        String[] kv = pair.split("=", 2);
        b.query(kv[0], kv[1]);
      }
    }
    if (json != null) {
      b.body(HttpRequest.Body.json(json));
    }
    try (HttpResponse r = transport.execute(b.build())) {
      String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(r.status()).as("%s %s answered %s", method, pathAndQuery, text)
          .isEqualTo(expected);
      return text;
    }
  }

  /** Reads a multiplexed (non-TTY) stream to its end and returns what came on stdout. */
  private static String stdoutOf(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    byte[] header = new byte[8];
    while (true) {
      try {
        data.readFully(header);
      } catch (EOFException end) {
        return stdout.toString(StandardCharsets.UTF_8);
      }
      int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16)
          | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
      byte[] payload = new byte[length];
      data.readFully(payload);
      if (header[0] == 1) {
        stdout.write(payload);
      }
    }
  }
}
