package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One published port as {@code docker run -p} takes it: {@code
 * [[ip:][hostPort[-end]]:]containerPort[-end][/tcp|udp|sctp]}.
 *
 * <pre>{@code
 * PortBinding p = PortBinding.parse("127.0.0.1:8080:80");
 * p.hostIp();      // "127.0.0.1"
 * p.expand();      // [Entry[containerPort=80/tcp, hostIp=127.0.0.1, hostPort=8080]]
 * p.toString();    // "127.0.0.1:8080:80"
 * }</pre>
 *
 * <p>A host port of 0 means the engine picks a free one. A host range with a single container
 * port ({@code 8000-8010:80}) lets the engine pick one host port from the range; otherwise a host
 * range and a container range must be the same length and pair up in order.
 */
public final class PortBinding {
  private static final String EXPECTED =
      "expected [[ip:][hostPort]:]containerPort[/tcp|udp|sctp]";
  private static final String PORT_RULE = "must be a number 1-65535";

  /** The transport protocol of a port. */
  public enum Protocol {
    /** TCP, the default. */
    TCP,
    /** UDP. */
    UDP,
    /** SCTP. */
    SCTP;

    /** The name Docker uses: {@code tcp}, {@code udp} or {@code sctp}. */
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code tcp}, {@code udp} or {@code sctp}, in any case.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Protocol parse(String text) {
      if (text != null) {
        for (Protocol p : values()) {
          if (p.text().equalsIgnoreCase(text)) {
            return p;
          }
        }
      }
      throw new IllegalArgumentException(
          "protocol " + (text == null ? "null" : "\"" + text + "\"")
              + " is not valid: expected tcp, udp or sctp");
    }
  }

  /**
   * One container port and where it is published, in the shape of the Engine API's {@code
   * ExposedPorts} keys and {@code HostConfig.PortBindings} entries: {@code
   * {"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]}}.
   *
   * @param containerPort the container port and protocol, such as {@code 80/tcp}
   * @param hostIp the host address to listen on, {@code ""} for all
   * @param hostPort {@code ""} for a port the engine picks, a port such as {@code 8080}, or a
   *     range such as {@code 8000-8010} for the engine to pick from
   */
  public record Entry(String containerPort, String hostIp, String hostPort) {
    /** Checks that no part is null. */
    public Entry {
      Objects.requireNonNull(containerPort, "containerPort");
      Objects.requireNonNull(hostIp, "hostIp");
      Objects.requireNonNull(hostPort, "hostPort");
    }
  }

  private final String hostIp;
  private final int hostPortStart;
  private final int hostPortEnd;
  private final int containerPortStart;
  private final int containerPortEnd;
  private final Protocol protocol;

  private PortBinding(
      String hostIp,
      int hostPortStart,
      int hostPortEnd,
      int containerPortStart,
      int containerPortEnd,
      Protocol protocol) {
    this.hostIp = hostIp;
    this.hostPortStart = hostPortStart;
    this.hostPortEnd = hostPortEnd;
    this.containerPortStart = containerPortStart;
    this.containerPortEnd = containerPortEnd;
    this.protocol = protocol;
  }

  /**
   * Parses a {@code -p} spec: {@code 80}, {@code 8080:80}, {@code 127.0.0.1:8080:80}, {@code
   * 127.0.0.1::80}, {@code [::1]:8080:80}, {@code 8000-8010:80-90}, {@code 8000-8010:80}, {@code
   * 80-90}, each optionally followed by {@code /tcp}, {@code /udp} or {@code /sctp}.
   *
   * @throws IllegalArgumentException if a port is not 1-65535, a range is reversed, the ranges do
   *     not pair up, the protocol is unknown, the container port is missing, the IP is not an IP
   *     address (host names are not allowed), or an IPv6 address is not in brackets
   */
  public static PortBinding parse(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("port spec is missing: " + EXPECTED);
    }
    if (spec.isEmpty()) {
      throw invalid(spec, "it is empty");
    }
    if (spec.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(spec, "it must not contain white space");
    }
    String rest = spec;
    Protocol protocol = Protocol.TCP;
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      String name = rest.substring(slash + 1);
      try {
        protocol = Protocol.parse(name);
      } catch (IllegalArgumentException e) {
        throw invalid(spec, "the protocol \"" + name + "\" is not tcp, udp or sctp");
      }
      rest = rest.substring(0, slash);
    }

    String ip = "";
    String[] ports;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw invalid(spec, "the IPv6 address has no closing ]");
      }
      ip = rest.substring(1, close);
      if (!rest.startsWith(":", close + 1)) {
        throw invalid(spec, "a bracketed IPv6 address must be followed by :hostPort:containerPort");
      }
      ports = rest.substring(close + 2).split(":", -1);
      if (ports.length != 2) {
        throw invalid(spec, "after the IPv6 address expected hostPort:containerPort");
      }
      if (!IpLiteral.isIp(ip)) {
        throw invalid(spec, "\"" + ip + "\" is not an IP address");
      }
    } else {
      String[] parts = rest.split(":", -1);
      if (parts.length > 3) {
        throw invalid(
            spec, "it has too many colons; write an IPv6 address in brackets, as in [::1]:8080:80");
      }
      if (parts.length == 3) {
        ip = parts[0];
        ports = new String[] {parts[1], parts[2]};
      } else if (parts.length == 2) {
        ports = parts;
      } else {
        ports = new String[] {"", parts[0]};
      }
      if (!ip.isEmpty() && !IpLiteral.isIpv4(ip)) {
        throw invalid(
            spec,
            "the host IP \"" + ip + "\" must be an IPv4 address or an IPv6 address in brackets;"
                + " host names are not allowed");
      }
    }

    String host = ports[0];
    String container = ports[1];
    if (container.isEmpty()) {
      throw invalid(spec, "the container port is missing");
    }
    int[] containerRange = portRange(container);
    if (containerRange == null) {
      throw invalid(spec, "the container port " + PORT_RULE);
    }
    if (containerRange[0] > containerRange[1]) {
      throw invalid(spec, "the container port range " + container + " is reversed");
    }
    int[] hostRange = {0, 0};
    if (!host.isEmpty()) {
      hostRange = portRange(host);
      if (hostRange == null) {
        throw invalid(spec, "the host port " + PORT_RULE);
      }
      if (hostRange[0] > hostRange[1]) {
        throw invalid(spec, "the host port range " + host + " is reversed");
      }
      int hostCount = hostRange[1] - hostRange[0] + 1;
      int containerCount = containerRange[1] - containerRange[0] + 1;
      if (containerCount != 1 && hostCount != containerCount) {
        throw invalid(
            spec,
            "the host range " + host + " has " + hostCount + " ports but the container range "
                + container + " has " + containerCount + "; they must match, or the container"
                + " side must be a single port");
      }
    }
    return new PortBinding(
        ip, hostRange[0], hostRange[1], containerRange[0], containerRange[1], protocol);
  }

  /**
   * Publishes TCP {@code containerPort} on {@code hostPort} of every host address.
   *
   * @throws IllegalArgumentException if either port is not 1-65535
   */
  public static PortBinding of(int hostPort, int containerPort) {
    checkPort(hostPort, "host port");
    checkPort(containerPort, "container port");
    return new PortBinding("", hostPort, hostPort, containerPort, containerPort, Protocol.TCP);
  }

  /**
   * Publishes TCP {@code containerPort} on a host port the engine picks.
   *
   * @throws IllegalArgumentException if the port is not 1-65535
   */
  public static PortBinding random(int containerPort) {
    checkPort(containerPort, "container port");
    return new PortBinding("", 0, 0, containerPort, containerPort, Protocol.TCP);
  }

  /**
   * Returns this binding listening on {@code hostIp} only: an IPv4 address, or an IPv6 address
   * with or without brackets; {@code ""} means every address.
   *
   * @throws IllegalArgumentException if {@code hostIp} is not an IP address
   */
  public PortBinding withHostIp(String hostIp) {
    Objects.requireNonNull(hostIp, "hostIp");
    String ip = hostIp.startsWith("[") && hostIp.endsWith("]")
        ? hostIp.substring(1, hostIp.length() - 1)
        : hostIp;
    if (!ip.isEmpty() && !IpLiteral.isIp(ip)) {
      throw new IllegalArgumentException(
          "host IP \"" + hostIp + "\" is not valid: expected an IPv4 address such as 127.0.0.1,"
              + " an IPv6 address such as ::1, or \"\" for every address");
    }
    return new PortBinding(
        ip, hostPortStart, hostPortEnd, containerPortStart, containerPortEnd, protocol);
  }

  /** Returns this binding with {@code protocol}. */
  public PortBinding withProtocol(Protocol protocol) {
    Objects.requireNonNull(protocol, "protocol");
    return new PortBinding(
        hostIp, hostPortStart, hostPortEnd, containerPortStart, containerPortEnd, protocol);
  }

  /** The host address to listen on, without brackets; {@code ""} for every address. */
  public String hostIp() {
    return hostIp;
  }

  /** The first host port, or 0 when the engine picks one. */
  public int hostPortStart() {
    return hostPortStart;
  }

  /** The last host port, equal to {@link #hostPortStart()} for a single port. */
  public int hostPortEnd() {
    return hostPortEnd;
  }

  /** The first container port. */
  public int containerPortStart() {
    return containerPortStart;
  }

  /** The last container port, equal to {@link #containerPortStart()} for a single port. */
  public int containerPortEnd() {
    return containerPortEnd;
  }

  /** The protocol, {@link Protocol#TCP} unless given. */
  public Protocol protocol() {
    return protocol;
  }

  /**
   * One entry per container port, as the Engine API wants them: a range pairs up port by port
   * ({@code 8000-8001:80-81} gives {@code 80/tcp} on {@code 8000} and {@code 81/tcp} on {@code
   * 8001}), and a host range for a single container port stays a range ({@code 8000-8010}) for
   * the engine to pick from.
   */
  public List<Entry> expand() {
    List<Entry> entries = new ArrayList<>();
    int count = containerPortEnd - containerPortStart + 1;
    for (int i = 0; i < count; i++) {
      String hostPort;
      if (hostPortStart == 0) {
        hostPort = "";
      } else if (count == 1) {
        hostPort = range(hostPortStart, hostPortEnd);
      } else {
        hostPort = Integer.toString(hostPortStart + i);
      }
      entries.add(new Entry(containerPortStart + i + "/" + protocol.text(), hostIp, hostPort));
    }
    return List.copyOf(entries);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortBinding p
        && p.hostIp.equals(hostIp)
        && p.hostPortStart == hostPortStart
        && p.hostPortEnd == hostPortEnd
        && p.containerPortStart == containerPortStart
        && p.containerPortEnd == containerPortEnd
        && p.protocol == protocol;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        hostIp, hostPortStart, hostPortEnd, containerPortStart, containerPortEnd, protocol);
  }

  /**
   * The {@code -p} form, such as {@code 127.0.0.1:8080:80} or {@code [::1]::53/udp}; {@code /tcp}
   * is left out.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!hostIp.isEmpty()) {
      out.append(hostIp.indexOf(':') >= 0 ? "[" + hostIp + "]" : hostIp).append(':');
      if (hostPortStart != 0) {
        out.append(range(hostPortStart, hostPortEnd));
      }
      out.append(':');
    } else if (hostPortStart != 0) {
      out.append(range(hostPortStart, hostPortEnd)).append(':');
    }
    out.append(range(containerPortStart, containerPortEnd));
    if (protocol != Protocol.TCP) {
      out.append('/').append(protocol.text());
    }
    return out.toString();
  }

  /**
   * Reads {@code 80} or {@code 80-90} into {start, end}, or null if either number is not 1-65535.
   * The order of the two is left to the caller to judge.
   */
  static int[] portRange(String text) {
    int dash = text.indexOf('-');
    String start = dash < 0 ? text : text.substring(0, dash);
    String end = dash < 0 ? text : text.substring(dash + 1);
    int first = port(start);
    int last = port(end);
    return first == 0 || last == 0 ? null : new int[] {first, last};
  }

  /** A port number 1-65535, or 0 if {@code text} is not one. */
  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    int value = Integer.parseInt(text);
    return value <= 65535 ? value : 0;
  }

  static void checkPort(int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " " + port + " is not valid: " + PORT_RULE);
    }
  }

  static String range(int start, int end) {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }

  private static IllegalArgumentException invalid(String spec, String reason) {
    return new IllegalArgumentException(
        "port spec \"" + spec + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
