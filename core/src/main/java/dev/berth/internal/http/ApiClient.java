package dev.berth.internal.http;

import dev.berth.DockerConnectionException;
import dev.berth.DockerException;
import dev.berth.DockerProtocolException;
import dev.berth.DockerTimeoutException;
import dev.berth.StreamCutException;
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
  /** Streaming answers and upgraded connections not closed yet: {@link #close()} ends them. */
  private final java.util.Set<TrackedAnswer> open =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

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

  private volatile Boolean podman;

  /**
   * True when the engine is Podman's Docker-compatible service (its {@code /_ping} names Libpod),
   * for the few calls where Berth must work around a difference; asks {@code /_ping} once if no
   * negotiation has yet.
   */
  public boolean isPodman() {
    Boolean p = podman;
    if (p == null) {
      ping();
      p = podman;
    }
    return p;
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
    String os = (String) headers.get("ostype");
    String server = (String) headers.get("server");
    if (os == null && server != null && server.endsWith(")") && server.indexOf('(') > 0) {
      // Podman sends no OSType; its Server header says "Libpod/4.3.1 (linux)"
      os = server.substring(server.lastIndexOf('(') + 1, server.length() - 1);
    }
    podman = headers.containsKey("libpod-api-version")
        || (server != null && server.startsWith("Libpod/"));
    return new Ping(engine,
        os,
        experimental != null && experimental.toLowerCase(Locale.ROOT).equals("true"),
        (String) headers.get("builder-version"),
        (String) headers.get("swarm"),
        headers);
  }

  /** A call of {@code method} on {@code path} (without the version prefix), to finish and send. */
  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /**
   * The exception for {@code e}, a failure of {@code method target}: a {@link
   * DockerConnectionException} when the engine could not be reached or the connection failed
   * before an answer, a {@link StreamCutException} when the answer broke off, a {@link
   * DockerTimeoutException} when the read timeout passed, a {@link DockerProtocolException} when the
   * answer was not HTTP or not JSON.
   */
  public DockerException failure(String method, String target, IOException e) {
    String call = method + " " + target + " on " + endpoint();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectFailedException c) {
        return new DockerConnectionException(c.endpoint(), c.getMessage(), e);
      }
      if (t instanceof dev.berth.StreamCutIOException cut) {
        return new StreamCutException(cut.getMessage(), cut.bytesRead(), e);
      }
      if (t instanceof java.io.EOFException) {
        break; // the answer ended early, whatever the layer below saw as the reason
      }
      if (t instanceof java.io.InterruptedIOException) {
        return new DockerTimeoutException(call + " timed out: no answer within the read timeout ("
            + t.getMessage() + "); see DockerClient.Builder.readTimeout", e);
      }
      if (t instanceof java.net.ProtocolException) {
        return new DockerProtocolException(call + " failed: " + t.getMessage()
            + " (is it a Docker engine?)", e);
      }
    }
    return new DockerConnectionException(endpoint(), call + " failed: " + e.getMessage(), e);
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes idle connections and ends every stream still open (logs, events, attach, exec,
   * exports…): their readers get a {@link StreamCutException} saying the client was closed. Calls
   * after this fail with an {@link IllegalStateException}.
   */
  @Override
  public void close() {
    closed = true;
    for (TrackedAnswer a : open.toArray(new TrackedAnswer[0])) {
      a.endByClient();
    }
    open.clear();
    transport.close();
  }

  /** One request being put together. */
  public final class Call {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query = new java.util.ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.Body body;
    /** A JSON body not written yet: {@link #open()} gates it first. */
    private Object json;
    private boolean versioned = true;
    private boolean userComposed;
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
      this.json = value;
      this.body = null;
      return this;
    }

    /** Sends {@code body}. */
    public Call body(HttpRequest.Body body) {
      this.body = body;
      this.json = null;
      return this;
    }

    /**
     * Marks a request the user put together ({@link dev.berth.EngineApi}): the {@link ApiGates}
     * still gate what they list, but what they do not list passes, in strict mode too.
     */
    public Call userComposed() {
      this.userComposed = true;
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
      List<Map.Entry<String, String>> sentQuery = query;
      Object sentJson = json;
      if (versioned) {
        // the one place fields meet the version: too new fails here, removed ones stay home
        ApiGates.Gated gated = ApiGates.table().apply(method, path, query, json, version,
            userComposed);
        sentQuery = gated.query();
        sentJson = gated.body();
      }
      HttpRequest.Body sentBody = sentJson != null
          ? HttpRequest.Body.of("application/json", Json.write(sentJson)) : body;
      HttpRequest.Builder b = HttpRequest.builder(method, fullPath).streaming(streaming)
          .body(sentBody);
      // loops, not lambdas: each lambda's first run costs its bootstrap, before the first call
      for (Map.Entry<String, String> e : sentQuery) {
        b.query(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, String> h : headers.entrySet()) {
        b.header(h.getKey(), h.getValue());
      }
      HttpRequest request = b.build();
      if (closed) {
        throw new IllegalStateException("the DockerClient for " + endpoint() + " is closed: "
            + method + " " + path + " was not sent");
      }
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
      if (streaming) {
        TrackedAnswer tracked = new TrackedAnswer(response, method + " " + request.target()
            + " on " + endpoint(), open);
        open.add(tracked);
        if (closed) { // closed while this call was on its way: it ends like the others
          tracked.endByClient();
        }
        return tracked;
      }
      return response;
    }

    /** Sends the request and reads the answer as JSON: maps, lists and values, frozen. */
    public Object json() {
      HttpResponse answer = open();
      try (HttpResponse r = answer; InputStream in = r.body()) {
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
        throw bodyFailure(e);
      }
    }

    /** A failure while the body of an answer whose head arrived was read. */
    private DockerException bodyFailure(IOException e) {
      DockerException f = failure(method, path, e);
      if (f instanceof DockerConnectionException) {
        return new StreamCutException(method + " " + path + " on " + endpoint()
            + " broke off in the answer's body: " + e.getMessage(), -1, e);
      }
      return f;
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
      HttpResponse answer = open();
      try (HttpResponse r = answer; InputStream in = r.body()) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw bodyFailure(e);
      }
    }

    private String describe(Object json) {
      return json == null ? "nothing" : json.getClass().getSimpleName() + " " + json;
    }
  }
}
