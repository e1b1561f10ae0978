package dev.berth;

/**
 * What Podman's Docker-compatible service (4.3, Debian 12) does not do as dockerd does, and that a
 * test depends on. A test that cannot pass on Podman calls {@link TestEngine#assumeNot} with one of
 * these, so that the skip names the behaviour; docs/COMPATIBILITY.md lists them all.
 */
public enum PodmanGap {
  /** Podman has no swarm mode: {@code /swarm}, {@code /services}, {@code /nodes} answer 404. */
  SWARM("Podman has no swarm mode (/swarm, /services, /nodes, /secrets, /configs)");

  private final String reason;

  PodmanGap(String reason) {
    this.reason = reason;
  }

  /** The skip message: "Podman: " and the behaviour. */
  public String reason() {
    return "Podman: " + reason;
  }
}
