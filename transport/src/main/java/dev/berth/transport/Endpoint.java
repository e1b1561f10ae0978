package dev.berth.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a Docker engine listens, written as Docker writes it in {@code DOCKER_HOST} or {@code -H}.
 *
 * <pre>{@code
 * Endpoint.parse("unix:///var/run/docker.sock");   // the default
 * Endpoint.parse("tcp://127.0.0.1:2375/base");     // plain TCP with a base path
 * Endpoint.parse("ssh://me@build-host:2222");
 * }</pre>
 *
 * <p>Forms understood (as the docker CLI understands them):
 *
 * <ul>
 *   <li>{@code unix://PATH}: a Unix socket; {@code unix://} alone is {@code /var/run/docker.sock}.
 *   <li>{@code tcp://[HOST][:PORT][/BASE]}: HTTP over TCP; host {@code localhost} and port 2375 when
 *       left out. A bare {@code HOST:PORT} is read as {@code tcp://HOST:PORT}. IPv6 hosts go in
 *       brackets: {@code tcp://[::1]:2375}.
 *   <li>{@code http://…} like {@code tcp://}, and {@code https://…} with TLS (default port 2376).
 *   <li>{@code npipe://PATH}: a Windows named pipe; {@code npipe://} alone is {@code
 *       //./pipe/docker_engine}.
 *   <li>{@code ssh://[USER@]HOST[:PORT][/SOCKET]}: the engine behind {@code docker system
 *       dial-stdio} on a host reached with the system's {@code ssh}.
 * </ul>
 */
public final class Endpoint {

  /** The kind of connection an endpoint asks for. */
  public enum Scheme {
    /** A Unix domain socket. */
    UNIX("unix"),
    /** Plain HTTP over TCP, Docker's spelling. */
    TCP("tcp"),
    /** Plain HTTP over TCP. */
    HTTP("http"),
    /** HTTP over TLS over TCP. */
    HTTPS("https"),
    /** A Windows named pipe. */
    NPIPE("npipe"),
    /** {@code docker system dial-stdio} over the system's ssh client. */
    SSH("ssh");

    private final String text;

    Scheme(String text) {
      this.text = text;
    }

    /** The scheme as written before {@code ://}. */
    public String text() {
      return text;
    }
  }

  /** The default Unix socket path of a Docker engine on Linux. */
  public static final String DEFAULT_UNIX_SOCKET = "/var/run/docker.sock";

  /** The default named pipe of a Docker engine on Windows, as written after {@code npipe://}. */
  public static final String DEFAULT_NAMED_PIPE = "//./pipe/docker_engine";

  /** {@code unix:///var/run/docker.sock}, where a Docker engine listens on Linux by default. */
  public static final Endpoint DEFAULT = unix(DEFAULT_UNIX_SOCKET);

  private static final String FORMS =
      "expected unix:///path/to/docker.sock, tcp://host:port, http(s)://host:port,"
          + " npipe:////./pipe/name or ssh://[user@]host[:port]";

  private final Scheme scheme;
  private final String host;
  private final int port;
  private final String path;
  private final String user;

  private Endpoint(Scheme scheme, String host, int port, String path, String user) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.user = user;
  }

  /**
   * A Unix socket endpoint.
   *
   * @throws IllegalArgumentException if {@code socketPath} is empty
   */
  public static Endpoint unix(String socketPath) {
    Objects.requireNonNull(socketPath, "socketPath");
    if (socketPath.isEmpty()) {
      throw new IllegalArgumentException("Unix socket path is empty: expected a path such as "
          + DEFAULT_UNIX_SOCKET);
    }
    return new Endpoint(Scheme.UNIX, null, -1, socketPath, null);
  }

  /**
   * A plain TCP endpoint, {@code tcp://host:port}.
   *
   * @throws IllegalArgumentException if the host is empty or the port is not 1 to 65535
   */
  public static Endpoint tcp(String host, int port) {
    return parse("tcp://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
        + ":" + port);
  }

  /**
   * Parses an endpoint as Docker writes it.
   *
   * @throws IllegalArgumentException if {@code text} is not one of the forms above; the message
   *     quotes it and lists the forms
   */
  public static Endpoint parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Docker host is empty: " + FORMS);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw bad(text, "it contains white space or a control character");
      }
    }
    int sep = text.indexOf("://");
    if (sep < 0) {
      if (text.startsWith("/") || text.startsWith(".")) {
        throw bad(text, "a socket path needs the unix:// scheme, as in unix://" + text);
      }
      // The docker CLI reads a bare "host:port" as tcp://host:port.
      return parseNetwork(text, Scheme.TCP, "tcp://" + text);
    }
    String schemeText = text.substring(0, sep);
    String rest = text.substring(sep + 3);
    Scheme scheme = null;
    for (Scheme s : Scheme.values()) {
      // not toLowerCase: on a long run of \u0130 it takes quadratic time in JDK 17
      if (s.text.equalsIgnoreCase(schemeText)) {
        scheme = s;
      }
    }
    if (scheme == null) {
      throw bad(text, "the scheme \"" + text.substring(0, sep) + "\" is not supported");
    }
    switch (scheme) {
      case UNIX:
        return new Endpoint(Scheme.UNIX, null, -1, localPath(text, rest, DEFAULT_UNIX_SOCKET), null);
      case NPIPE:
        return new Endpoint(Scheme.NPIPE, null, -1, localPath(text, rest, DEFAULT_NAMED_PIPE), null);
      case SSH:
        return parseSsh(text, rest);
      default:
        return parseNetwork(rest, scheme, text);
    }
  }

  private static String localPath(String text, String rest, String defaultPath) {
    if (rest.contains("://")) {
      throw bad(text, "a path cannot contain \"://\"");
    }
    return rest.isEmpty() ? defaultPath : rest;
  }

  private static Endpoint parseNetwork(String rest, Scheme scheme, String text) {
    if (rest.isEmpty() || rest.startsWith(":") || rest.startsWith("/")) {
      // "tcp://", "tcp://:2375" and "tcp:///base" mean the local host, as in the docker CLI.
      rest = "localhost" + rest;
    }
    URI uri = uri(text, rest);
    if (uri.getRawUserInfo() != null) {
      throw bad(text, "a user name or password is not allowed in a " + scheme.text + ":// address");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw bad(text, "a query (?…) or fragment (#…) is not allowed");
    }
    String host = uri.getHost();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort();
    if (port < 0) {
      String authority = uri.getRawAuthority();
      if (authority != null && authority.endsWith(":")) {
        throw bad(text, "the port after \":\" is missing");
      }
      port = scheme == Scheme.HTTPS ? 2376 : 2375;
    }
    if (port < 1 || port > 65535) {
      throw bad(text, "the port must be 1 to 65535");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new Endpoint(scheme, host, port, path, null);
  }

  private static Endpoint parseSsh(String text, String rest) {
    if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith(":") || rest.startsWith("@")) {
      throw bad(text, "an ssh:// address needs a host, as in ssh://user@host");
    }
    URI uri = uri(text, rest);
    String user = uri.getRawUserInfo();
    if (user != null && user.contains(":")) {
      throw bad(text, "a password in an ssh:// address is not supported; use an ssh key or agent");
    }
    if (user != null && user.isEmpty()) {
      throw bad(text, "the user name before \"@\" is empty");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw bad(text, "a query (?…) or fragment (#…) is not allowed");
    }
    String host = uri.getHost();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort();
    if (port == 0 || port > 65535) {
      throw bad(text, "the port must be 1 to 65535");
    }
    String path = uri.getRawPath();
    return new Endpoint(Scheme.SSH, host, port, path == null || path.isEmpty() ? null : path, user);
  }

  private static URI uri(String text, String rest) {
    try {
      // Parse with a scheme that java.net.URI treats as hierarchical; only the parts matter.
      URI uri = new URI("x://" + rest);
      if (uri.getHost() == null) {
        String authority = uri.getRawAuthority();
        throw bad(text, authority == null || authority.isEmpty()
            ? "the host is missing"
            : "\"" + authority + "\" is not a valid [user@]host[:port]");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw bad(text, "it is not a valid address (" + e.getReason() + ")");
    }
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException(
        "Docker host \"" + text + "\" is not valid: " + why + "; " + FORMS);
  }

  /** The scheme. */
  public Scheme scheme() {
    return scheme;
  }

  /** The host for TCP, HTTP(S) and SSH endpoints (IPv6 without brackets); null otherwise. */
  public String host() {
    return host;
  }

  /**
   * The port for TCP and HTTP(S) endpoints; for SSH the port given, or -1 for ssh's own default;
   * -1 for Unix sockets and named pipes.
   */
  public int port() {
    return port;
  }

  /**
   * Host and port as a URL writes them, an IPv6 host in brackets ({@code [::1]:2375}): for TCP,
   * HTTP(S) and SSH endpoints (the host alone for SSH without a port); null otherwise.
   */
  public String authority() {
    if (host == null) {
      return null;
    }
    String h = host.contains(":") ? "[" + host + "]" : host;
    return port < 0 ? h : h + ":" + port;
  }

  /**
   * The socket path (Unix), pipe path (named pipe), base path without a trailing slash (TCP and
   * HTTP(S), {@code ""} when none), or remote socket path (SSH, null when none).
   */
  public String path() {
    return path;
  }

  /** The user of an SSH endpoint, or null when none is given. */
  public String user() {
    return user;
  }

  /** True for schemes that carry HTTP over TCP: {@code tcp}, {@code http} and {@code https}. */
  public boolean isNetwork() {
    return scheme == Scheme.TCP || scheme == Scheme.HTTP || scheme == Scheme.HTTPS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e
        && e.scheme == scheme
        && Objects.equals(e.host, host)
        && e.port == port
        && Objects.equals(e.path, path)
        && Objects.equals(e.user, user);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, host, port, path, user);
  }

  /** The endpoint in Docker's form, for example {@code unix:///var/run/docker.sock}. */
  @Override
  public String toString() {
    switch (scheme) {
      case UNIX:
      case NPIPE:
        return scheme.text + "://" + path;
      case SSH:
        return "ssh://" + (user == null ? "" : user + "@") + authority()
            + (path == null ? "" : path);
      default:
        return scheme.text + "://" + authority() + path;
    }
  }
}
