package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A port a Swarm service publishes ({@code docker service create -p}): the port inside the task,
 * the port outside, the protocol, and whether the routing mesh publishes it on every node
 * ({@code ingress}) or only the node a task runs on ({@code host}).
 *
 * <pre>{@code
 * ServicePort.parse("8080:80");                                        // ingress 8080 -> 80/tcp
 * ServicePort.parse("published=5353,target=53,protocol=udp,mode=host");
 * ServicePort.ingress(8080, 80).protocol("udp");
 * }</pre>
 */
public final class ServicePort {
  private static final String EXPECTED = "expected [published:]target[/protocol] such as 8080:80"
      + " or 53/udp, or key=value fields such as published=8080,target=80,protocol=tcp,mode=host";

  private final int target;
  private final int published;
  private final String protocol;
  private final String mode;

  private ServicePort(int target, int published, String protocol, String mode) {
    this.target = target;
    this.published = published;
    this.protocol = protocol;
    this.mode = mode;
  }

  /**
   * Port {@code target} of the tasks published as {@code published} on every node of the swarm
   * (0: a port the swarm picks).
   *
   * @throws IllegalArgumentException if a port is out of range
   */
  public static ServicePort ingress(int published, int target) {
    return new ServicePort(port(target, "target", false), port(published, "published", true),
        "tcp", "ingress");
  }

  /**
   * Port {@code target} of each task published as {@code published} on the node it runs on.
   *
   * @throws IllegalArgumentException if a port is out of range
   */
  public static ServicePort host(int published, int target) {
    return new ServicePort(port(target, "target", false), port(published, "published", true),
        "tcp", "host");
  }

  private static int port(int port, String what, boolean zeroAllowed) {
    if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
      throw new IllegalArgumentException(what + " port " + port + " is not valid: expected "
          + (zeroAllowed ? "0" : "1") + " to 65535");
    }
    return port;
  }

  /**
   * Reads one {@code -p} value. A range such as {@code 8080-8081:80-81} is more than one port:
   * read it with {@link #parseAll(String)}.
   *
   * @throws IllegalArgumentException if {@code spec} is not one port; the message quotes it
   */
  public static ServicePort parse(String spec) {
    List<ServicePort> ports = parseAll(spec);
    if (ports.size() != 1) {
      throw new IllegalArgumentException("port \"" + spec + "\" is a range of " + ports.size()
          + " ports: read it with ServicePort.parseAll");
    }
    return ports.get(0);
  }

  /**
   * Reads one {@code -p} value, which may be a range ({@code 8080-8081:80-81}).
   *
   * @throws IllegalArgumentException if {@code spec} is not valid; the message quotes it
   */
  public static List<ServicePort> parseAll(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("port \"" + spec + "\" is not valid: " + EXPECTED);
    }
    try {
      return spec.contains("=") ? List.of(parseFields(spec)) : parseShort(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("port \"" + spec + "\" is not valid: " + e.getMessage()
          + "; " + EXPECTED, e);
    }
  }

  private static ServicePort parseFields(String spec) {
    Integer target = null;
    int published = 0;
    String protocol = "tcp";
    String mode = "ingress";
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("field \"" + field + "\" has no value");
      }
      String key = FlagValues.lowerAscii(field.substring(0, eq).trim());
      String value = field.substring(eq + 1).trim();
      switch (key) {
        case "target" -> target = number(value, "target");
        case "published" -> published = number(value, "published");
        case "protocol" -> protocol = checkProtocol(value);
        case "mode" -> mode = mode(value);
        default -> throw new IllegalArgumentException("field \"" + key + "\" is unknown");
      }
    }
    if (target == null) {
      throw new IllegalArgumentException("the target port is missing");
    }
    return new ServicePort(port(target, "target", false), port(published, "published", true),
        protocol, mode);
  }

  private static List<ServicePort> parseShort(String spec) {
    String rest = spec;
    String protocol = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      protocol = checkProtocol(rest.substring(slash + 1));
      rest = rest.substring(0, slash);
    }
    String[] parts = rest.split(":", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("a host IP cannot be given to a service port");
    }
    int[] targets = range(parts[parts.length - 1], "target");
    int[] published = parts.length == 2 && !parts[0].isEmpty() ? range(parts[0], "published")
        : null;
    int count = targets[1] - targets[0] + 1;
    if (published != null && published[1] - published[0] + 1 != count) {
      throw new IllegalArgumentException("the published and target ranges differ in length");
    }
    List<ServicePort> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new ServicePort(port(targets[0] + i, "target", false),
          published == null ? 0 : port(published[0] + i, "published", true), protocol,
          "ingress"));
    }
    return out;
  }

  private static int[] range(String text, String what) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      int p = number(text, what);
      return new int[] {p, p};
    }
    int start = number(text.substring(0, dash), what);
    int end = number(text.substring(dash + 1), what);
    if (end < start) {
      throw new IllegalArgumentException("the " + what + " range ends before it starts");
    }
    return new int[] {start, end};
  }

  private static int number(String text, String what) {
    if (!text.matches("\\d{1,5}")) {
      throw new IllegalArgumentException("the " + what + " port \"" + text + "\" is not a number");
    }
    return Integer.parseInt(text);
  }

  private static String checkProtocol(String text) {
    String p = FlagValues.lowerAscii(text);
    if (!p.equals("tcp") && !p.equals("udp") && !p.equals("sctp")) {
      throw new IllegalArgumentException("protocol \"" + text + "\" is not tcp, udp or sctp");
    }
    return p;
  }

  private static String mode(String text) {
    String m = FlagValues.lowerAscii(text);
    if (!m.equals("ingress") && !m.equals("host")) {
      throw new IllegalArgumentException("mode \"" + text + "\" is not ingress or host");
    }
    return m;
  }

  /** With another protocol: {@code tcp}, {@code udp} or {@code sctp}. */
  public ServicePort protocol(String protocol) {
    return new ServicePort(target, published, checkProtocol(protocol), mode);
  }

  /** The port inside the tasks. */
  public int target() {
    return target;
  }

  /** The port outside, or 0 when the swarm picks one. */
  public int published() {
    return published;
  }

  /** {@code tcp}, {@code udp} or {@code sctp}. */
  public String protocol() {
    return protocol;
  }

  /** {@code ingress} (the routing mesh, every node) or {@code host} (the task's node). */
  public String mode() {
    return mode;
  }

  /** The long {@code -p} form, {@code published=8080,target=80,protocol=tcp,mode=ingress}. */
  public String toFlagValue() {
    return (published == 0 ? "" : "published=" + published + ",") + "target=" + target
        + ",protocol=" + protocol + ",mode=" + mode;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServicePort p && target == p.target && published == p.published
        && protocol.equals(p.protocol) && mode.equals(p.mode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, published, protocol, mode);
  }

  @Override
  public String toString() {
    return toFlagValue();
  }
}
