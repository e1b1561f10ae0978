package dev.berth.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and pool size of a {@link Transport}. Immutable; {@code with…} methods return a copy.
 *
 * <pre>{@code
 * TransportOptions options = TransportOptions.defaults()
 *     .withConnectTimeout(Duration.ofSeconds(2))
 *     .withMaxIdleConnections(32);
 * }</pre>
 *
 * <p>Defaults: connect timeout 10 s; read timeout 60 s (never applied to {@linkplain
 * HttpRequest#streaming() streaming} requests); up to 16 idle kept-alive connections, each kept 5
 * minutes. Size the pool to the number of threads that call the engine at once: a pool smaller
 * than that opens and closes a socket for most calls.
 */
public final class TransportOptions {
  private static final TransportOptions DEFAULTS =
      new TransportOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 16, Duration.ofMinutes(5));

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxIdleConnections;
  private final Duration keepAlive;
  private final java.util.List<String> sshCommand;
  private final TlsConfig tls;

  private TransportOptions(
      Duration connectTimeout, Duration readTimeout, int maxIdleConnections, Duration keepAlive) {
    this(connectTimeout, readTimeout, maxIdleConnections, keepAlive, java.util.List.of("ssh"),
        null);
  }

  private TransportOptions(Duration connectTimeout, Duration readTimeout, int maxIdleConnections,
      Duration keepAlive, java.util.List<String> sshCommand, TlsConfig tls) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxIdleConnections = maxIdleConnections;
    this.keepAlive = keepAlive;
    this.sshCommand = sshCommand;
    this.tls = tls;
  }

  /** The TLS settings for {@code tcp://} and {@code https://} endpoints, or null for none. */
  public TlsConfig tls() {
    return tls;
  }

  /** With TLS: a {@code tcp://} endpoint then speaks HTTPS. */
  public TransportOptions withTls(TlsConfig tls) {
    return new TransportOptions(connectTimeout, readTimeout, maxIdleConnections, keepAlive,
        sshCommand, java.util.Objects.requireNonNull(tls, "tls"));
  }

  /** The ssh program and its own options for {@code ssh://} endpoints; {@code [ssh]} by default. */
  public java.util.List<String> sshCommand() {
    return sshCommand;
  }

  /**
   * With another ssh program or options, such as {@code [ssh, -F, /path/to/config]}; Berth adds
   * {@code -T}, the user, the port, the host and {@code docker system dial-stdio}.
   *
   * @throws IllegalArgumentException if empty
   */
  public TransportOptions withSshCommand(java.util.List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the ssh command is empty: expected at least [ssh]");
    }
    return new TransportOptions(connectTimeout, readTimeout, maxIdleConnections, keepAlive,
        java.util.List.copyOf(command), tls);
  }

  /** The defaults described above. */
  public static TransportOptions defaults() {
    return DEFAULTS;
  }

  /** How long to wait for a connection to be made. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long a read may wait for bytes on a non-streaming request; zero means no limit. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** How many idle connections are kept alive for reuse. */
  public int maxIdleConnections() {
    return maxIdleConnections;
  }

  /** How long an idle connection is kept alive. */
  public Duration keepAlive() {
    return keepAlive;
  }

  /**
   * With another connect timeout.
   *
   * @throws IllegalArgumentException if negative
   */
  public TransportOptions withConnectTimeout(Duration timeout) {
    return new TransportOptions(check("connect timeout", timeout), readTimeout, maxIdleConnections,
        keepAlive, sshCommand, tls);
  }

  /**
   * With another read timeout; zero means no limit.
   *
   * @throws IllegalArgumentException if negative
   */
  public TransportOptions withReadTimeout(Duration timeout) {
    return new TransportOptions(connectTimeout, check("read timeout", timeout), maxIdleConnections,
        keepAlive, sshCommand, tls);
  }

  /**
   * With another number of idle connections kept for reuse.
   *
   * @throws IllegalArgumentException if below 0
   */
  public TransportOptions withMaxIdleConnections(int count) {
    if (count < 0) {
      throw new IllegalArgumentException(
          "max idle connections " + count + " is not valid: expected 0 or more");
    }
    return new TransportOptions(connectTimeout, readTimeout, count, keepAlive, sshCommand, tls);
  }

  /**
   * With another keep-alive time for idle connections.
   *
   * @throws IllegalArgumentException if negative
   */
  public TransportOptions withKeepAlive(Duration keepAlive) {
    return new TransportOptions(connectTimeout, readTimeout, maxIdleConnections,
        check("keep-alive", keepAlive), sshCommand, tls);
  }

  private static Duration check(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " " + d + " is not valid: expected zero or more");
    }
    return d;
  }

  @Override
  public String toString() {
    return "TransportOptions{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxIdleConnections=" + maxIdleConnections + ", keepAlive=" + keepAlive + "}";
  }
}
