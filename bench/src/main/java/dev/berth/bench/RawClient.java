package dev.berth.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: {@link RawHttp}, one kept-alive connection per thread, requests written by hand,
 * inspect answers read with Jackson (as Berth reads them: into maps).
 */
final class RawClient implements Client {
  static final String NAME = "raw";

  private final Path socket;
  private final List<RawHttp> connections = new ArrayList<>();
  private final ThreadLocal<RawHttp> connection = ThreadLocal.withInitial(this::open);
  private final byte[] scratch = new byte[64 * 1024];
  private volatile String prefix;

  RawClient(String socket) {
    this.socket = Path.of(socket);
  }

  private RawHttp open() {
    RawHttp h = new RawHttp(socket);
    synchronized (connections) {
      connections.add(h);
    }
    return h;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code /v1.NN} as the engine's {@code Api-Version} header says on the first call. */
  private String prefix() throws IOException {
    String p = prefix;
    if (p == null) {
      RawHttp h = connection.get();
      h.call("GET", "/_ping", null);
      p = "/v" + h.apiVersion;
      prefix = p;
    }
    return p;
  }

  @Override
  public void ping() throws IOException {
    connection.get().call("GET", "/_ping", null);
  }

  @Override
  public Object inspect(String id) throws IOException {
    byte[] json = connection.get().call("GET", prefix() + "/containers/" + id + "/json", null);
    return Jackson.MAPPER.readValue(json, Map.class);
  }

  @Override
  public void lifecycle(String image) throws IOException {
    RawHttp h = connection.get();
    String p = prefix();
    byte[] create = ("{\"Image\":\"" + image + "\",\"Cmd\":[\"true\"],\"Labels\":{\"" + TEST_LABEL
        + "\":\"true\",\"" + BENCH_LABEL + "\":\"true\"}}").getBytes(StandardCharsets.UTF_8);
    Map<?, ?> created = Jackson.MAPPER.readValue(h.call("POST", p + "/containers/create", create),
        Map.class);
    String id = (String) created.get("Id");
    try {
      h.call("POST", p + "/containers/" + id + "/start", null);
      h.call("POST", p + "/containers/" + id + "/wait", null);
    } finally {
      h.call("DELETE", p + "/containers/" + id + "?force=1", null);
    }
  }

  private RawHttp get(String target) throws IOException {
    RawHttp h = connection.get();
    h.send("GET", target, null);
    if (h.status != 200) {
      byte[] error = h.body().readAllBytes();
      throw new IOException("GET " + target + " answered " + h.status + ": "
          + new String(error, StandardCharsets.UTF_8));
    }
    return h;
  }

  @Override
  public long logs(String id, OutputStream stdout, OutputStream stderr) throws IOException {
    RawHttp h = get(prefix() + "/containers/" + id + "/logs?stdout=1&stderr=1");
    InputStream in = h.body();
    byte[] b = scratch;
    long total = 0;
    while (true) {
      int got = in.readNBytes(b, 0, 8);
      if (got == 0) {
        return total;
      }
      if (got < 8) {
        throw new EOFException("cut inside a frame header");
      }
      int length = ((b[4] & 0xff) << 24) | ((b[5] & 0xff) << 16) | ((b[6] & 0xff) << 8)
          | (b[7] & 0xff);
      OutputStream target = b[0] == 2 ? stderr : stdout;
      int left = length;
      while (left > 0) {
        int n = in.read(b, 0, Math.min(left, b.length));
        if (n < 0) {
          throw new EOFException("cut inside a frame");
        }
        target.write(b, 0, n);
        left -= n;
      }
      total += length;
    }
  }

  @Override
  public long export(String id, OutputStream sink) throws IOException {
    return get(prefix() + "/containers/" + id + "/export").copyBodyTo(sink);
  }

  @Override
  public long save(String image, OutputStream sink) throws IOException {
    return get(prefix() + "/images/get?names=" + URLEncoder.encode(image, StandardCharsets.UTF_8))
        .copyBodyTo(sink);
  }

  @Override
  public void close() {
    synchronized (connections) {
      for (RawHttp h : connections) {
        try {
          h.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      connections.clear();
    }
  }

  /** The start-up measure: a connection, one ping. */
  static void startup(String socket) throws IOException {
    try (RawHttp h = new RawHttp(Path.of(socket))) {
      h.call("GET", "/_ping", null);
    }
  }

  /** Loaded only when JSON is read, so the start-up measure does not load Jackson. */
  private static final class Jackson {
    static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
