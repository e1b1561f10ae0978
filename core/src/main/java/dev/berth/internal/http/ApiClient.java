package dev.berth.internal.http;

import dev.berth.DockerConnectionException;
import dev.berth.DockerException;
import dev.berth.UnsupportedApiVersionException;
import dev.berth.model.ApiVersion;
import dev.berth.model.Ping;
import dev.berth.transport.ConnectFailedException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine API calls over one {@link Transport}: version negotiation, the {@code /v1.NN} prefix,
 * error mapping and JSON. Thread-safe.
 */
public final class ApiClient implements AutoCloseable {
  /** The oldest Engine API version Berth speaks: Docker 19.03. */
  public static final ApiVersion MIN_VERSION = ApiVersion.of(1, 40);

  /** The newest Engine API version Berth speaks. */
  public static final ApiVersion MAX_VERSION = ApiVersion.of(1, 56);

  private static final Logger LOG = LoggerFactory.getLogger("dev.berth.http");

  private final Transport transport;
  private final ApiVersion pinned;
  private volatile ApiVersion negotiated;

  /**
   * A client over {@code transport}; with {@code pinned} non-null every request uses that version
   * and nothing is negotiated.
   */
  public ApiClient(Transport transport, ApiVersion pinned) {
    this.transport = transport;
    this.pinned = pinned;
  }

  /** The engine this client talks to. */
  public Endpoint endpoint() {
    return transport.endpoint();
  }

  /**
   * The API version requests use: the pinned one, or on first use min(engine's, {@link
   * #MAX_VERSION}) as learnt from {@code /_ping}.
   */
  public ApiVersion version() {
    if (pinned != null) {
      return pinned;
    }
    ApiVersion v = negotiated;
    if (v == null) {
      synchronized (this) {
        v = negotiated;
        if (v == null) {
          v = negotiate();
          negotiated = v;
        }
      }
    }
    return v;
  }

  private ApiVersion negotiate() {
    ApiVersion engine = ping().apiVersion();
    if (!engine.isAtLeast(MIN_VERSION)) {
      throw new UnsupportedApiVersionException("the Docker engine at " + endpoint()
          + " speaks Engine API " + engine + " at most, older than " + MIN_VERSION
          + ", the oldest Berth speaks (Docker 19.03); upgrade the engine", MIN_VERSION, engine);
    }
    ApiVersion chosen = ApiVersion.min(engine, MAX_VERSION);
    LOG.debug("engine at {} speaks API {}; using {}", endpoint(), engine, chosen);
    return chosen;
  }

  /** {@code GET /_ping}, unversioned: the engine's headers. */
  public Ping ping() {
    Map<String, Object> headers = new LinkedHashMap<>();
    try (HttpResponse r = call("GET", "/_ping").unversioned().open()) {
      for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
        headers.put(h.getKey(), h.getValue().get(0));
      }
      r.body().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw failure("GET", "/_ping", e);
    }
    String apiHeader = (String) headers.get("api-version");
    ApiVersion engine;
    if (apiHeader != null) {
      engine = ApiVersion.parse(apiHeader);
    } else {
      // Engines before API 1.25 sent no Api-Version on /_ping; /version always has it.
      Map<String, Object> version = call("GET", "/version").unversioned().jsonObject();
      engine = Fields.apiVersion(version, "ApiVersion");
      if (engine == null) {
        throw new DockerException("the engine at " + endpoint()
            + " sent no API version in /_ping or /version; is it a Docker engine?");
      }
    }
    String experimental = (String) headers.get("docker-experimental");
    return new Ping(engine,
        (String) headers.get("ostype"),
        experimental != null && experimental.toLowerCase(Locale.ROOT).equals("true"),
        (String) headers.get("builder-version"),
        (String) headers.get("swarm"),
        headers);
  }

  /** A call of {@code method} on {@code path} (without the version prefix), to finish and send. */
  public Call call(String method, String path) {
    return new Call(method, path);
  }

  public DockerException failure(String method, String target, IOException e) {
    if (e instanceof ConnectFailedException c) {
      return new DockerConnectionException(c.endpoint(), c.getMessage(), e);
    }
    return new DockerException(
        method + " " + target + " on " + endpoint() + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    transport.close();
  }

  /** One request being put together. */
  public final class Call {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query = new java.util.ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.Body body;
    private boolean versioned = true;
    private boolean streaming;
    private boolean upgrade;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    /** Adds a query parameter, which may repeat; a null value leaves it out. */
    public Call query(String name, Object value) {
      if (value != null) {
        query.add(Map.entry(name, String.valueOf(value)));
      }
      return this;
    }

    /**
     * Adds the {@code filters} parameter: {@code filters} as JSON ({@code {"label":["a=b"]}}),
     * left out when empty.
     */
    public Call filters(Map<String, List<String>> filters) {
      return filters.isEmpty() ? this
          : query("filters", new String(Json.write(filters), StandardCharsets.UTF_8));
    }

    /** Sets a header. */
    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Sends {@code value} (maps, lists, strings, numbers, booleans) as JSON. */
    public Call jsonBody(Object value) {
      this.body = HttpRequest.Body.of("application/json", Json.write(value));
      return this;
    }

    /** Sends {@code body}. */
    public Call body(HttpRequest.Body body) {
      this.body = body;
      return this;
    }

    /** Sends the path without the {@code /v1.NN} prefix. */
    public Call unversioned() {
      this.versioned = false;
      return this;
    }

    /** No read timeout: the answer may stay silent for long. */
    public Call streaming() {
      this.streaming = true;
      return this;
    }

    /**
     * Asks the engine to take over the connection ({@code Upgrade: tcp}, as attach and exec do);
     * {@link #open()} then returns the {@code 101} answer, whose {@code upgraded()} is the duplex
     * connection.
     */
    public Call upgrade() {
      this.upgrade = true;
      this.streaming = true;
      return this;
    }

    /**
     * Sends the request and returns the answer, whose body the caller reads and closes.
     *
     * @throws dev.berth.DockerApiException (a subclass by status) for an error answer
     * @throws DockerConnectionException if the engine cannot be reached
     */
    public HttpResponse open() {
      ApiVersion version = versioned ? version() : null;
      String fullPath = versioned ? "/v" + version + path : path;
      HttpRequest.Builder b = HttpRequest.builder(method, fullPath).streaming(streaming).body(body);
      // loops, not lambdas: each lambda's first run costs its bootstrap, before the first call
      for (Map.Entry<String, String> e : query) {
        b.query(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, String> h : headers.entrySet()) {
        b.header(h.getKey(), h.getValue());
      }
      HttpRequest request = b.build();
      long start = System.nanoTime();
      HttpResponse response;
      try {
        response = upgrade ? transport.upgrade(request) : transport.execute(request);
      } catch (IOException e) {
        LOG.debug("{} {} failed: {}", method, request.target(), e.toString());
        throw failure(method, request.target(), e);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} -> {} ({} µs)", method, request.target(), response.status(),
            (System.nanoTime() - start) / 1000);
      }
      if (response.status() >= 300 && response.status() != 304) {
        try (response) {
          if (response.status() < 400) {
            // The engine redirects only when it cleans up a path such as "//x": a caller's bug.
            throw Errors.forStatus(response.status(), method, fullPath, version,
                "the engine redirected to " + response.header("Location"));
          }
          throw Errors.fromAnswer(response.status(), method, fullPath, version, response.body());
        } catch (IOException e) {
          throw failure(method, request.target(), e);
        }
      }
      return response;
    }

    /** Sends the request and reads the answer as JSON: maps, lists and values, frozen. */
    public Object json() {
      try (HttpResponse r = open(); InputStream in = r.body()) {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
          return null;
        }
        String type = r.header("Content-Type");
        if (type != null && !type.contains("json")) {
          return new String(bytes, StandardCharsets.UTF_8);
        }
        return Json.read(bytes);
      } catch (IOException e) {
        throw failure(method, path, e);
      }
    }

    /** Sends the request and reads the answer as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> jsonObject() {
      Object json = json();
      if (json instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      throw new DockerException(method + " " + path + " on " + endpoint()
          + " answered " + describe(json) + " where a JSON object was expected");
    }

    /** Sends the request and reads the answer as a JSON array. */
    @SuppressWarnings("unchecked")
    public List<Object> jsonArray() {
      Object json = json();
      if (json instanceof List<?> list) {
        return (List<Object>) list;
      }
      throw new DockerException(method + " " + path + " on " + endpoint()
          + " answered " + describe(json) + " where a JSON array was expected");
    }

    /** Sends the request and discards the answer's body. */
    public void discard() {
      try (HttpResponse r = open(); InputStream in = r.body()) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw failure(method, path, e);
      }
    }

    private String describe(Object json) {
      return json == null ? "nothing" : json.getClass().getSimpleName() + " " + json;
    }
  }
}
