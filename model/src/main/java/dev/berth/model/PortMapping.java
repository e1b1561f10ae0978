package dev.berth.model;

/**
 * One published port of a running container, as {@code docker port} shows it.
 *
 * <pre>{@code
 * container.ports();   // [5000/tcp -> 0.0.0.0:49153]
 * }</pre>
 *
 * @param containerPort the port inside the container
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param hostIp the host address it is bound to, such as {@code 0.0.0.0}
 * @param hostPort the host port
 */
public record PortMapping(int containerPort, String protocol, String hostIp, int hostPort) {
  /** As {@code docker port} prints it, for example {@code 5000/tcp -> 0.0.0.0:49153}. */
  @Override
  public String toString() {
    String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
    return containerPort + "/" + protocol + " -> " + ip + ":" + hostPort;
  }
}
