package dev.berth.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP/1.1 request to the engine: method, path, query, headers and an optional streamed body.
 *
 * <pre>{@code
 * HttpRequest ping = HttpRequest.get("/_ping").build();
 * HttpRequest logs = HttpRequest.get("/v1.41/containers/web/logs")
 *     .query("stdout", "1").query("follow", "1").streaming(true).build();
 * }</pre>
 *
 * <p>The path is sent as given (already percent-encoded where needed); query values are encoded
 * here. A {@linkplain Builder#streaming(boolean) streaming} request has no read timeout, for
 * answers that may stay silent for long (logs, events, attach).
 */
public final class HttpRequest {
  private final String method;
  private final String path;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, List<String>> headers;
  private final Body body;
  private final boolean streaming;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = List.copyOf(b.query);
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : b.headers.entrySet()) { // a loop: no lambda bootstrap
      h.put(e.getKey(), List.copyOf(e.getValue()));
    }
    this.headers = Collections.unmodifiableMap(h);
    this.body = b.body;
    this.streaming = b.streaming;
  }

  /** A request with the given method and path, such as {@code POST} and {@code /v1.41/auth}. */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  /** A {@code GET} request for {@code path}. */
  public static Builder get(String path) {
    return new Builder("GET", path);
  }

  /** A {@code POST} request for {@code path}. */
  public static Builder post(String path) {
    return new Builder("POST", path);
  }

  /** The method, upper case. */
  public String method() {
    return method;
  }

  /** The path, starting with {@code /}, without the query. */
  public String path() {
    return path;
  }

  /** The query parameters in order, not yet encoded. */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /** The path with the encoded query, as sent on the request line. */
  public String target() {
    if (query.isEmpty()) {
      return path;
    }
    StringBuilder sb = new StringBuilder(path).append('?');
    for (int i = 0; i < query.size(); i++) {
      if (i > 0) {
        sb.append('&');
      }
      sb.append(encode(query.get(i).getKey())).append('=').append(encode(query.get(i).getValue()));
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The headers set on this request, by name as given. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The body, or null when the request has none. */
  public Body body() {
    return body;
  }

  /** True when the answer may stay silent for long, so no read timeout applies. */
  public boolean streaming() {
    return streaming;
  }

  @Override
  public String toString() {
    return method + " " + target();
  }

  /** Builds an {@link HttpRequest}. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private Body body;
    private boolean streaming;

    private Builder(String method, String path) {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      if (!letters(method)) {
        throw new IllegalArgumentException(
            "HTTP method \"" + method + "\" is not valid: expected letters such as GET or POST");
      }
      if (!path.startsWith("/") || hasSpaceOrControl(path)) {
        throw new IllegalArgumentException("request path \"" + path
            + "\" is not valid: it must start with / and contain no spaces or control characters");
      }
      this.method = method.toUpperCase(Locale.ROOT);
      this.path = path;
    }

    // plain loops: these run for every request, where a regex or a stream cost more than the rest
    private static boolean letters(String s) {
      if (s.isEmpty()) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
          return false;
        }
      }
      return true;
    }

    private static boolean hasSpaceOrControl(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c <= ' ' || c == 127) {
          return true;
        }
      }
      return false;
    }

    /** Adds a query parameter; it may repeat. */
    public Builder query(String name, String value) {
      query.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name)));
      return this;
    }

    /** Adds a header value; a header may repeat. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, name);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Sets the body. */
    public Builder body(Body body) {
      this.body = body;
      return this;
    }

    /** Marks the request as one whose answer may stay silent for long: no read timeout applies. */
    public Builder streaming(boolean streaming) {
      this.streaming = streaming;
      return this;
    }

    /** The request. */
    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }

  /**
   * A request body: a content type, a length if known, and the bytes written on demand, so a
   * large body (a build context, an image tar) streams without being held in memory.
   */
  public interface Body {
    /** The {@code Content-Type}, such as {@code application/json}. */
    String contentType();

    /** The length in bytes, or -1 when unknown (sent chunked). */
    long length();

    /** Writes the body; it may be called again if the request is retried. */
    void writeTo(OutputStream out) throws IOException;

    /** A body of bytes held in memory. */
    static Body of(String contentType, byte[] bytes) {
      Objects.requireNonNull(contentType, "contentType");
      byte[] copy = bytes.clone();
      return new Body() {
        @Override
        public String contentType() {
          return contentType;
        }

        @Override
        public long length() {
          return copy.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
          out.write(copy);
        }
      };
    }

    /** A body of unknown length, written on demand by {@code writer} (sent chunked). */
    static Body streaming(String contentType, Writer writer) {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(writer, "writer");
      return new Body() {
        @Override
        public String contentType() {
          return contentType;
        }

        @Override
        public long length() {
          return -1;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
          writer.writeTo(out);
        }
      };
    }

    /** Writes a streamed body. */
    @FunctionalInterface
    interface Writer {
      /** Writes the bytes to {@code out}, without closing it. */
      void writeTo(OutputStream out) throws IOException;
    }

    /** A body of JSON text, UTF-8. */
    static Body json(String json) {
      return of("application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
