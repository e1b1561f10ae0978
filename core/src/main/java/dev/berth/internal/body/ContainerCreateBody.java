package dev.berth.internal.body;

import dev.berth.model.ApiVersion;
import dev.berth.model.ByteSize;
import dev.berth.model.ContainerOption;
import dev.berth.model.ContainerSpec;
import dev.berth.model.EnvVar;
import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import dev.berth.model.Link;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.model.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/create} for a {@link ContainerSpec}, as the docker CLI writes
 * it: {@code Config} fields at the top level, {@code HostConfig} and {@code NetworkingConfig}.
 */
public final class ContainerCreateBody {
  private static final ApiVersion V1_44 = ApiVersion.of(1, 44);

  private final ContainerSpec spec;
  private final ApiVersion version;
  private final Map<String, Object> config = new LinkedHashMap<>();
  private final Map<String, Object> host = new LinkedHashMap<>();

  private ContainerCreateBody(ContainerSpec spec, ApiVersion version) {
    this.spec = spec;
    this.version = version;
  }

  /**
   * The body for {@code spec} at API {@code version}: {@code version} decides only where a moved
   * field goes (the MAC address, into the endpoint from 1.44); what {@code version} lacks is
   * refused by the API gates when the request is sent.
   */
  public static Map<String, Object> of(ContainerSpec spec, ApiVersion version) {
    return new ContainerCreateBody(spec, version).build();
  }

  private Map<String, Object> build() {
    // Fields newer than the version spoken are refused by ApiGates when the request is sent.
    Healthcheck health = spec.healthcheck();

    text(config, "Hostname", ContainerOption.HOSTNAME);
    text(config, "Domainname", ContainerOption.DOMAINNAME);
    text(config, "User", ContainerOption.USER);
    List<String> attach = spec.attach();
    config.put("AttachStdin", attach.contains("stdin"));
    config.put("AttachStdout", attach.contains("stdout"));
    config.put("AttachStderr", attach.contains("stderr"));
    Map<String, Object> exposed = new LinkedHashMap<>();
    for (ExposedPort port : spec.exposedPorts()) {
      port.keys().forEach(k -> exposed.put(k, Map.of()));
    }
    Map<String, List<Map<String, Object>>> bindings = new LinkedHashMap<>();
    for (PortBinding binding : spec.ports()) {
      for (PortBinding.Entry e : binding.expand()) {
        exposed.put(e.containerPort(), Map.of());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("HostIp", e.hostIp());
        b.put("HostPort", e.hostPort());
        bindings.computeIfAbsent(e.containerPort(), k -> new ArrayList<>()).add(b);
      }
    }
    if (!exposed.isEmpty()) {
      config.put("ExposedPorts", exposed);
    }
    config.put("Tty", spec.tty());
    config.put("OpenStdin", spec.stdinOpen());
    config.put("StdinOnce", spec.stdinOpen() && attach.contains("stdin"));
    List<String> env = new ArrayList<>();
    for (EnvVar v : spec.env()) {
      env.add(v.toString());
    }
    if (!env.isEmpty()) {
      config.put("Env", env);
    }
    if (!spec.command().isEmpty()) {
      config.put("Cmd", spec.command());
    }
    if (health != null) {
      config.put("Healthcheck", healthcheck(health));
    }
    config.put("Image", spec.image().familiar());
    Map<String, Object> volumes = new LinkedHashMap<>();
    List<String> binds = new ArrayList<>();
    List<Map<String, Object>> mounts = new ArrayList<>();
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (Mount m : spec.mounts()) {
      switch (m.syntax()) {
        case VOLUME_FLAG:
          if (m.isAnonymous()) {
            volumes.put(m.target(), Map.of());
          } else {
            binds.add(m.toBindString());
          }
          break;
        case MOUNT_FLAG:
          mounts.add(mount(m));
          break;
        default:
          tmpfs.put(m.target(), m.tmpfsOptions() == null ? "" : m.tmpfsOptions());
      }
    }
    if (!volumes.isEmpty()) {
      config.put("Volumes", volumes);
    }
    text(config, "WorkingDir", ContainerOption.WORKDIR);
    List<String> entrypoint = spec.entrypoint();
    if (entrypoint != null) {
      // The CLI sends [""] for --entrypoint "": that clears the image's entrypoint.
      config.put("Entrypoint", entrypoint.isEmpty() ? List.of("") : entrypoint);
    }
    if (!version.isAtLeast(V1_44)) {
      // From 1.44 the address belongs to the network endpoint (see endpoint()).
      text(config, "MacAddress", ContainerOption.MAC_ADDRESS);
    }
    config.put("Labels", spec.labels());
    text(config, "StopSignal", ContainerOption.STOP_SIGNAL);
    number(config, "StopTimeout", ContainerOption.STOP_TIMEOUT);

    if (!binds.isEmpty()) {
      host.put("Binds", binds);
    }
    Map<String, String> logOpts = spec.get(ContainerOption.LOG_OPT);
    if (spec.has(ContainerOption.LOG_DRIVER) || logOpts != null) {
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("Type", spec.get(ContainerOption.LOG_DRIVER) == null ? ""
          : spec.get(ContainerOption.LOG_DRIVER));
      log.put("Config", logOpts == null ? Map.of() : logOpts);
      host.put("LogConfig", log);
    }
    host.put("NetworkMode", spec.networkMode() == null ? "default" : spec.networkMode());
    host.put("PortBindings", bindings);
    RestartPolicy restart = spec.restartPolicy() == null ? RestartPolicy.no() : spec.restartPolicy();
    host.put("RestartPolicy", Map.of("Name", restart.name(),
        "MaximumRetryCount", restart.maxRetries()));
    flag(host, "AutoRemove", ContainerOption.RM);
    text(host, "VolumeDriver", ContainerOption.VOLUME_DRIVER);
    texts(host, "VolumesFrom", ContainerOption.VOLUMES_FROM);
    texts(host, "CapAdd", ContainerOption.CAP_ADD);
    texts(host, "CapDrop", ContainerOption.CAP_DROP);
    text(host, "CgroupnsMode", ContainerOption.CGROUPNS);
    list(host, "Dns", ContainerOption.DNS);
    list(host, "DnsOptions", ContainerOption.DNS_OPTION);
    list(host, "DnsSearch", ContainerOption.DNS_SEARCH);
    texts(host, "ExtraHosts", ContainerOption.ADD_HOST);
    texts(host, "GroupAdd", ContainerOption.GROUP_ADD);
    text(host, "IpcMode", ContainerOption.IPC);
    if (!spec.links().isEmpty()) {
      List<String> links = new ArrayList<>();
      for (Link l : spec.links()) {
        links.add(l.toString());
      }
      host.put("Links", links);
    }
    number(host, "OomScoreAdj", ContainerOption.OOM_SCORE_ADJ);
    text(host, "PidMode", ContainerOption.PID);
    flag(host, "Privileged", ContainerOption.PRIVILEGED);
    flag(host, "PublishAllPorts", ContainerOption.PUBLISH_ALL);
    flag(host, "ReadonlyRootfs", ContainerOption.READ_ONLY);
    texts(host, "SecurityOpt", ContainerOption.SECURITY_OPT);
    map(host, "StorageOpt", ContainerOption.STORAGE_OPT);
    if (!tmpfs.isEmpty()) {
      host.put("Tmpfs", tmpfs);
    }
    text(host, "UTSMode", ContainerOption.UTS);
    text(host, "UsernsMode", ContainerOption.USERNS);
    number(host, "ShmSize", ContainerOption.SHM_SIZE);
    map(host, "Sysctls", ContainerOption.SYSCTL);
    text(host, "Runtime", ContainerOption.RUNTIME);
    text(host, "Isolation", ContainerOption.ISOLATION);
    flag(host, "Init", ContainerOption.INIT);
    map(host, "Annotations", ContainerOption.ANNOTATION);
    resources();
    if (!mounts.isEmpty()) {
      host.put("Mounts", mounts);
    }

    Map<String, Object> body = new LinkedHashMap<>(config);
    body.put("HostConfig", host);
    Map<String, Object> endpoint = endpoint();
    if (!endpoint.isEmpty()) {
      body.put("NetworkingConfig", Map.of("EndpointsConfig",
          Map.of(spec.networkMode() == null ? "default" : spec.networkMode(), endpoint)));
    }
    return body;
  }

  private void resources() {
    number(host, "CpuShares", ContainerOption.CPU_SHARES);
    number(host, "Memory", ContainerOption.MEMORY);
    number(host, "NanoCpus", ContainerOption.CPUS);
    text(host, "CgroupParent", ContainerOption.CGROUP_PARENT);
    number(host, "BlkioWeight", ContainerOption.BLKIO_WEIGHT);
    throttles("BlkioWeightDevice", ContainerOption.BLKIO_WEIGHT_DEVICE, "Weight", false);
    throttles("BlkioDeviceReadBps", ContainerOption.DEVICE_READ_BPS, "Rate", true);
    throttles("BlkioDeviceWriteBps", ContainerOption.DEVICE_WRITE_BPS, "Rate", true);
    throttles("BlkioDeviceReadIOps", ContainerOption.DEVICE_READ_IOPS, "Rate", false);
    throttles("BlkioDeviceWriteIOps", ContainerOption.DEVICE_WRITE_IOPS, "Rate", false);
    number(host, "CpuPeriod", ContainerOption.CPU_PERIOD);
    number(host, "CpuQuota", ContainerOption.CPU_QUOTA);
    number(host, "CpuRealtimePeriod", ContainerOption.CPU_RT_PERIOD);
    number(host, "CpuRealtimeRuntime", ContainerOption.CPU_RT_RUNTIME);
    text(host, "CpusetCpus", ContainerOption.CPUSET_CPUS);
    text(host, "CpusetMems", ContainerOption.CPUSET_MEMS);
    List<Map<String, Object>> devices = new ArrayList<>();
    for (String d : spec.devices()) {
      devices.add(device(d));
    }
    host.put("Devices", devices);
    texts(host, "DeviceCgroupRules", ContainerOption.DEVICE_CGROUP_RULE);
    String gpus = spec.get(ContainerOption.GPUS);
    if (gpus != null) {
      host.put("DeviceRequests", List.of(gpuRequest(gpus)));
    }
    number(host, "KernelMemory", ContainerOption.KERNEL_MEMORY);
    number(host, "MemoryReservation", ContainerOption.MEMORY_RESERVATION);
    number(host, "MemorySwap", ContainerOption.MEMORY_SWAP);
    number(host, "MemorySwappiness", ContainerOption.MEMORY_SWAPPINESS);
    flag(host, "OomKillDisable", ContainerOption.OOM_KILL_DISABLE);
    // As the CLI does, 0 (no limit) when not set: dockerd reads it as no limit, Podman would put
    // its default of 2048 in place of a missing field.
    Long pids = spec.get(ContainerOption.PIDS_LIMIT);
    host.put("PidsLimit", pids == null ? 0L : pids);
    List<String> ulimits = spec.get(ContainerOption.ULIMIT);
    if (ulimits != null) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (String u : ulimits) {
        list.add(ulimit(u));
      }
      host.put("Ulimits", list);
    }
  }

  /**
   * A checked {@code --ulimit name=soft[:hard]} value as the engine takes it (a container's
   * {@code HostConfig.Ulimits}, a build's {@code ulimits}).
   */
  public static Map<String, Object> ulimit(String value) {
    String[] nameLimits = value.split("=", 2);
    String[] limits = nameLimits[1].split(":", 2);
    long soft = Long.parseLong(limits[0]);
    long hard = limits.length == 2 ? Long.parseLong(limits[1]) : soft;
    return Map.of("Name", nameLimits[0], "Soft", soft, "Hard", hard);
  }

  private Map<String, Object> endpoint() {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    if (version.isAtLeast(V1_44) && spec.has(ContainerOption.MAC_ADDRESS)) {
      endpoint.put("MacAddress", spec.get(ContainerOption.MAC_ADDRESS));
    }
    Map<String, Object> ipam = new LinkedHashMap<>();
    if (spec.has(ContainerOption.IP)) {
      ipam.put("IPv4Address", spec.get(ContainerOption.IP));
    }
    if (spec.has(ContainerOption.IP6)) {
      ipam.put("IPv6Address", spec.get(ContainerOption.IP6));
    }
    if (spec.has(ContainerOption.LINK_LOCAL_IP)) {
      ipam.put("LinkLocalIPs", spec.get(ContainerOption.LINK_LOCAL_IP));
    }
    if (!ipam.isEmpty()) {
      endpoint.put("IPAMConfig", ipam);
    }
    if (!spec.networkAliases().isEmpty()) {
      endpoint.put("Aliases", spec.networkAliases());
    }
    return endpoint;
  }

  static Map<String, Object> healthcheck(Healthcheck h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Test", h.test());
    nanos(m, "Interval", h.interval());
    nanos(m, "Timeout", h.timeout());
    nanos(m, "StartPeriod", h.startPeriod());
    nanos(m, "StartInterval", h.startInterval());
    if (h.retries() != 0) {
      m.put("Retries", h.retries());
    }
    return m;
  }

  private static void nanos(Map<String, Object> m, String key, Duration d) {
    if (!d.isZero()) {
      m.put(key, d.toNanos());
    }
  }

  static Map<String, Object> mount(Mount m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("Type", m.type().name().toLowerCase(java.util.Locale.ROOT));
    if (m.source() != null) {
      json.put("Source", m.source());
    }
    json.put("Target", m.target());
    if (m.isReadOnly()) {
      json.put("ReadOnly", true);
    }
    if (m.consistency() != null) {
      json.put("Consistency", m.consistency());
    }
    switch (m.type()) {
      case BIND:
        Map<String, Object> bind = new LinkedHashMap<>();
        if (m.propagation() != null) {
          bind.put("Propagation", m.propagation());
        }
        if (m.isBindNonRecursive()) {
          bind.put("NonRecursive", true);
        }
        if (!bind.isEmpty()) {
          json.put("BindOptions", bind);
        }
        break;
      case VOLUME:
        Map<String, Object> volume = new LinkedHashMap<>();
        if (m.isNoCopy()) {
          volume.put("NoCopy", true);
        }
        if (!m.volumeLabels().isEmpty()) {
          volume.put("Labels", m.volumeLabels());
        }
        if (!volume.isEmpty() || m.volumeDriver() != null || !m.volumeOptions().isEmpty()) {
          // Once any volume option is given the CLI sends a DriverConfig, empty or not.
          Map<String, Object> driver = new LinkedHashMap<>();
          if (m.volumeDriver() != null) {
            driver.put("Name", m.volumeDriver());
          }
          if (!m.volumeOptions().isEmpty()) {
            driver.put("Options", m.volumeOptions());
          }
          volume.put("DriverConfig", driver);
          json.put("VolumeOptions", volume);
        }
        break;
      default:
        Map<String, Object> tmpfs = new LinkedHashMap<>();
        if (m.tmpfsSizeBytes() != 0) {
          tmpfs.put("SizeBytes", m.tmpfsSizeBytes());
        }
        if (m.tmpfsMode() != 0) {
          tmpfs.put("Mode", m.tmpfsMode());
        }
        if (!tmpfs.isEmpty()) {
          json.put("TmpfsOptions", tmpfs);
        }
    }
    return json;
  }

  /** {@code --device host[:container][:perms]}, as the CLI reads it. */
  static Map<String, Object> device(String text) {
    String[] parts = text.split(":", -1);
    String host = parts[0];
    String container = host;
    String permissions = "rwm";
    if (parts.length == 2) {
      if (parts[1].matches("[rwm]{1,3}")) {
        permissions = parts[1];
      } else {
        container = parts[1];
      }
    } else if (parts.length == 3) {
      container = parts[1];
      permissions = parts[2];
    } else if (parts.length > 3) {
      throw new IllegalArgumentException("--device \"" + text
          + "\" is not valid: expected host-path[:container-path][:permissions]");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("PathOnHost", host);
    m.put("PathInContainer", container);
    m.put("CgroupPermissions", permissions);
    return m;
  }

  /** {@code --gpus all|N|device=ID[,ID…]}, as the CLI reads its common forms. */
  static Map<String, Object> gpuRequest(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Driver", "");
    int count = 0;
    List<String> ids = new ArrayList<>();
    if (text.equals("all")) {
      count = -1;
    } else if (text.matches("\\d+")) {
      count = Integer.parseInt(text);
    } else if (text.startsWith("device=")) {
      ids = List.of(text.substring("device=".length()).split(","));
    } else if (text.startsWith("count=")) {
      String n = text.substring("count=".length());
      count = n.equals("all") ? -1 : Integer.parseInt(n);
    } else {
      throw new IllegalArgumentException("--gpus \"" + text
          + "\" is not valid: expected all, a count, count=N or device=ID[,ID]");
    }
    m.put("Count", count);
    m.put("DeviceIDs", ids.isEmpty() ? null : ids);
    m.put("Capabilities", List.of(List.of("gpu")));
    m.put("Options", Map.of());
    return m;
  }

  private void throttles(String key, ContainerOption<List<String>> option, String field,
      boolean bytes) {
    List<String> values = spec.get(option);
    if (values == null) {
      // The CLI always sends BlkioWeightDevice, the other throttles only when set.
      if (key.equals("BlkioWeightDevice")) {
        host.put(key, List.of());
      }
      return;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (String v : values) {
      int colon = v.lastIndexOf(':');
      String amount = v.substring(colon + 1);
      list.add(Map.of("Path", v.substring(0, colon),
          field, bytes ? ByteSize.parse(amount) : Long.parseLong(amount)));
    }
    host.put(key, list);
  }

  private void text(Map<String, Object> into, String key, ContainerOption<String> option) {
    String v = spec.get(option);
    if (v != null) {
      into.put(key, v);
    }
  }

  /** Like {@link #texts}, but an empty list when unset, as the CLI sends it. */
  private void list(Map<String, Object> into, String key, ContainerOption<List<String>> option) {
    List<String> v = spec.get(option);
    into.put(key, v == null ? List.of() : v);
  }

  private void texts(Map<String, Object> into, String key, ContainerOption<List<String>> option) {
    List<String> v = spec.get(option);
    if (v != null) {
      into.put(key, v);
    }
  }

  private void map(Map<String, Object> into, String key, ContainerOption<Map<String, String>> o) {
    Map<String, String> v = spec.get(o);
    if (v != null) {
      into.put(key, v);
    }
  }

  private void number(Map<String, Object> into, String key, ContainerOption<Long> option) {
    Long v = spec.get(option);
    if (v != null) {
      into.put(key, v);
    }
  }

  private void flag(Map<String, Object> into, String key, ContainerOption<Boolean> option) {
    if (Boolean.TRUE.equals(spec.get(option))) {
      into.put(key, true);
    }
  }
}
