package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container port or range declared with {@code docker run --expose}, which is exposed but not
 * published on the host.
 *
 * <pre>{@code
 * ExposedPort.parse("7000-7002/udp").keys();  // ["7000/udp", "7001/udp", "7002/udp"]
 * ExposedPort.of(80).toString();              // "80"
 * }</pre>
 *
 * @param start the first port, 1-65535
 * @param end the last port, {@code start} or more
 * @param protocol the protocol
 */
public record ExposedPort(int start, int end, PortBinding.Protocol protocol) {
  private static final String EXPECTED = "expected port[-end][/tcp|udp|sctp], such as 80 or"
      + " 7000-8000/udp";

  /**
   * Checks the ports and the protocol.
   *
   * @throws IllegalArgumentException if a port is not 1-65535 or {@code end} is below {@code
   *     start}
   */
  public ExposedPort {
    PortBinding.checkPort(start, "port");
    PortBinding.checkPort(end, "port");
    if (end < start) {
      throw new IllegalArgumentException(
          "exposed port range " + start + "-" + end + " is not valid: it is reversed");
    }
    Objects.requireNonNull(protocol, "protocol");
  }

  /**
   * One TCP port.
   *
   * @throws IllegalArgumentException if {@code port} is not 1-65535
   */
  public static ExposedPort of(int port) {
    return new ExposedPort(port, port, PortBinding.Protocol.TCP);
  }

  /**
   * One port with {@code protocol}.
   *
   * @throws IllegalArgumentException if {@code port} is not 1-65535
   */
  public static ExposedPort of(int port, PortBinding.Protocol protocol) {
    return new ExposedPort(port, port, protocol);
  }

  /**
   * Parses an {@code --expose} value: {@code 80}, {@code 80/udp}, {@code 7000-8000} or {@code
   * 7000-8000/sctp}.
   *
   * @throws IllegalArgumentException if a port is not 1-65535, the range is reversed, the
   *     protocol is unknown, or a host part ({@code 8080:80}) is given
   */
  public static ExposedPort parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("exposed port is missing: " + EXPECTED);
    }
    if (text.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    if (text.indexOf(':') >= 0) {
      throw invalid(text, "--expose takes no host part; publish ports with -p");
    }
    String ports = text;
    PortBinding.Protocol protocol = PortBinding.Protocol.TCP;
    int slash = text.lastIndexOf('/');
    if (slash >= 0) {
      ports = text.substring(0, slash);
      String name = text.substring(slash + 1);
      try {
        protocol = PortBinding.Protocol.parse(name);
      } catch (IllegalArgumentException e) {
        throw invalid(text, "the protocol \"" + name + "\" is not tcp, udp or sctp");
      }
    }
    int[] range = PortBinding.portRange(ports);
    if (range == null) {
      throw invalid(text, "the port must be a number 1-65535 or a range such as 7000-8000");
    }
    if (range[0] > range[1]) {
      throw invalid(text, "the range " + ports + " is reversed");
    }
    return new ExposedPort(range[0], range[1], protocol);
  }

  /**
   * The Engine API's {@code ExposedPorts} keys, one per port: {@code ["80/tcp"]}, or {@code
   * ["7000/udp", "7001/udp"]} for a range.
   */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (int port = start; port <= end; port++) {
      keys.add(port + "/" + protocol.text());
    }
    return List.copyOf(keys);
  }

  /** The {@code --expose} form, such as {@code 80} or {@code 7000-8000/udp}. */
  @Override
  public String toString() {
    String ports = PortBinding.range(start, end);
    return protocol == PortBinding.Protocol.TCP ? ports : ports + "/" + protocol.text();
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "exposed port \"" + text + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
