package dev.berth;

/**
 * What Podman's Docker-compatible service (4.3, Debian 12) does not do as dockerd does, and that a
 * test depends on. A test that cannot pass on Podman calls {@link TestEngine#assumeNot} with one of
 * these, so that the skip names the behaviour; docs/COMPATIBILITY.md lists them all.
 */
public enum PodmanGap {
  /** Podman has no swarm mode: {@code /swarm}, {@code /services}, {@code /nodes} answer 404. */
  SWARM("Podman has no swarm mode (/swarm, /services, /nodes, /secrets, /configs)"),
  /** {@code --link} on the default network: Podman refuses it ("link is not supported"). */
  LINKS("Podman refuses --link on the default network (\"bad parameter: link is not supported\")"),
  /** {@code docker update}: Podman 4.3 has no {@code POST /containers/{id}/update}. */
  CONTAINER_UPDATE("Podman 4.3 has no POST /containers/{id}/update (docker update)"),
  /**
   * {@code POST /auth} to a plain-HTTP registry: Podman 4.3 always tries HTTPS first and fails,
   * whatever registries.conf says, so nothing that logs in to the test registry can run.
   */
  LOGIN_PLAIN_HTTP("Podman 4.3's POST /auth asks the registry over HTTPS only (registries.conf's"
      + " insecure = true is not read there), and the test registry speaks plain HTTP"),
  /**
   * Closed log followers: Podman 4.3 keeps a goroutine and its files for every follow stream the
   * client closed, until it runs out of files; the load test closes thousands.
   */
  LOG_FOLLOWER_LEAK("Podman 4.3 keeps a goroutine and open files for each closed logs --follow"
      + " stream (libpod getTailLog never returns), and runs out of files under the load test"),
  /** {@code -p 9000-9001:9000}: Podman 4.3's create fails parsing the host port range. */
  HOST_PORT_RANGE_TO_ONE_PORT("Podman 4.3 fails on a host port range published to one container"
      + " port (-p 9000-9001:9000: \"strconv.Atoi: parsing \\\"9000-9001\\\"\")"),
  /**
   * The docker CLI (not Berth) refuses {@code --device} when {@code /_ping} sends no OSType, and
   * Podman's sends none: the oracle's CLI side cannot run.
   */
  CLI_DEVICE_WITHOUT_OS_TYPE("the docker CLI refuses --device (\"unknown server OS\") because"
      + " Podman's /_ping sends no OSType; the oracle has no CLI side to compare with"),
  /**
   * {@code --ulimit}: given any ulimit, Podman also sets its own RLIMIT_NPROC in the container,
   * which the sandbox these machines run in refuses ("error setting rlimit type 6").
   */
  ULIMITS("given any --ulimit, Podman 4.3 also sets RLIMIT_NPROC, which this machine's sandbox"
      + " refuses (\"error setting rlimit type 6: operation not permitted\")"),
  /** {@code docker history}: Podman lists no tags for an image's layers. */
  /** A build's {@code networkmode}: Podman 4.3's compat build runs its steps in the host's network. */
  BUILD_NETWORK("Podman 4.3's compat POST /build leaves networkmode unread: RUN steps see the"
      + " host's network"),
  HISTORY_TAGS("Podman's GET /images/{name}/history gives no Tags for the newest layer"),
  /**
   * Health checks: Podman 4.3 runs them from systemd timers, and these machines have no systemd,
   * so a container's health stays {@code starting}.
   */
  HEALTH_CHECKS_NOT_RUN("Podman 4.3 runs health checks from systemd timers, and without systemd"
      + " none runs: the health stays \"starting\""),
  /** The exit code of a container that never ran: dockerd says 0, Podman -1. */
  NEVER_RAN_EXIT_CODE("Podman reports exit code -1 for a container that never started, dockerd 0"),
  /**
   * {@code docker network inspect}: Podman keeps no {@code --ip-range}, {@code --aux-address} or
   * {@code --attachable}, renames driver options ({@code com.docker.network.driver.mtu} reads
   * back as {@code mtu}) and gives attached containers no endpoint id.
   */
  NETWORK_READ_BACK("Podman 4.3's network inspect drops IPAM's IPRange and AuxiliaryAddresses and"
      + " Attachable, writes driver options under its own names (com.docker.network.driver.mtu"
      + " reads back as mtu) and gives containers an empty EndpointID"),
  /**
   * {@code docker exec -d}: Podman 4.3 never records the end of a detached exec; inspect says it
   * runs, with exit code 0, after its process is gone.
   */
  DETACHED_EXEC_END("Podman 4.3's GET /exec/{id}/json keeps Running: true and ExitCode: 0 for an"
      + " exec started with Detach: true, after its process ended"),
  /** A Dockerfile's {@code HEALTHCHECK}: Podman builds OCI images, which cannot hold one. */
  IMAGE_HEALTHCHECK("Podman 4.3 builds OCI images by default, and an OCI image's config has no"
      + " Healthcheck: a Dockerfile's HEALTHCHECK is dropped (\"HEALTHCHECK is not supported for"
      + " OCI image format\")");

  private final String reason;

  PodmanGap(String reason) {
    this.reason = reason;
  }

  /** The skip message: "Podman: " and the behaviour. */
  public String reason() {
    return "Podman: " + reason;
  }
}
