package dev.berth.internal.containers;

import static dev.berth.internal.http.EngineTimes.instant;
import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.integer;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.internal.http.Fields;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerDetails.Config;
import dev.berth.model.ContainerDetails.Endpoint;
import dev.berth.model.ContainerDetails.Health;
import dev.berth.model.ContainerDetails.HealthProbe;
import dev.berth.model.ContainerDetails.HostConfig;
import dev.berth.model.ContainerDetails.LogConfig;
import dev.berth.model.ContainerDetails.MountPoint;
import dev.berth.model.ContainerDetails.NetworkSettings;
import dev.berth.model.ContainerDetails.Resources;
import dev.berth.model.ContainerDetails.State;
import dev.berth.model.EnvVar;
import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import dev.berth.model.Link;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.model.PortMapping;
import dev.berth.model.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the answer of {@code GET /containers/{id}/json} into a {@link ContainerDetails}. What an
 * engine leaves out reads as empty; an entry the write side's parser refuses (a bind, a port, a
 * link of a shape Berth does not know) is left out of the typed value and stays in {@code raw()}.
 */
final class ContainerInspect {
  /** The options Podman writes after a bind's own: its defaults, which the spec did not say. */
  private static final Set<String> PODMAN_BIND_DEFAULTS =
      Set.of("rbind", "rprivate", "nosuid", "nodev", "rw");
  /** The options Podman writes after a tmpfs's own. */
  private static final Set<String> PODMAN_TMPFS_DEFAULTS =
      Set.of("tmpcopyup", "rprivate", "nosuid", "nodev", "rw");
  /** Linux's signal numbers (x86, arm), as Podman writes a stop signal. */
  private static final List<String> SIGNALS = List.of("", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL",
      "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
      "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
      "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
      "SIGIO", "SIGPWR", "SIGSYS");

  private ContainerInspect() {}

  /**
   * The details in {@code json}; {@code sized} says whether the size was asked for ({@code
   * ?size=1}): Podman writes a {@code SizeRootFs} of 0 also when it was not.
   */
  static ContainerDetails details(Map<String, Object> json, boolean sized) {
    Map<String, Object> config = object(json, "Config");
    List<String> command = new ArrayList<>();
    String path = string(json, "Path");
    if (path != null && !path.isEmpty()) {
      command.add(path);
    }
    command.addAll(strings(json, "Args"));
    String name = string(json, "Name");
    return new ContainerDetails(
        string(json, "Id"),
        name != null && name.startsWith("/") ? name.substring(1) : name,
        instant(string(json, "Created")),
        Fields.imageName(config, "Image"),
        Fields.imageId(string(json, "Image")),
        command,
        state(object(json, "State")),
        integer(json, "RestartCount"),
        config(config),
        hostConfig(object(json, "HostConfig")),
        networkSettings(object(json, "NetworkSettings")),
        mountPoints(json.get("Mounts")),
        sized ? optionalLong(json, "SizeRw") : OptionalLong.empty(),
        sized ? optionalLong(json, "SizeRootFs") : OptionalLong.empty(),
        json);
  }

  static State state(Map<String, Object> state) {
    return new State(
        text(state, "Status"),
        bool(state, "Running"),
        bool(state, "Paused"),
        bool(state, "Restarting"),
        bool(state, "OOMKilled"),
        bool(state, "Dead"),
        longValue(state, "Pid"),
        integer(state, "ExitCode"),
        text(state, "Error"),
        instant(string(state, "StartedAt")),
        instant(string(state, "FinishedAt")),
        health(state.get("Health")));
  }

  @SuppressWarnings("unchecked")
  private static Optional<Health> health(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    Map<String, Object> health = (Map<String, Object>) m;
    String status = text(health, "Status");
    // Podman writes {"Status":"","FailingStreak":0,"Log":null} when there is no health check;
    // dockerd writes "none" in places (docker inspect's template), never the empty text.
    if (status.isEmpty() || status.equals("none")) {
      return Optional.empty();
    }
    List<HealthProbe> log = new ArrayList<>();
    for (Map<String, Object> probe : objects(health.get("Log"))) {
      log.add(new HealthProbe(instant(string(probe, "Start")), instant(string(probe, "End")),
          integer(probe, "ExitCode"), text(probe, "Output")));
    }
    return Optional.of(new Health(status, integer(health, "FailingStreak"), log));
  }

  static Config config(Map<String, Object> config) {
    List<ExposedPort> exposed = new ArrayList<>();
    for (String key : object(config, "ExposedPorts").keySet()) {
      ExposedPort port = parsed(key, ExposedPort::parse);
      if (port != null) {
        exposed.add(port);
      }
    }
    List<EnvVar> env = new ArrayList<>();
    for (String e : strings(config, "Env")) {
      EnvVar v = parsed(e, EnvVar::parse);
      if (v != null) {
        env.add(v);
      }
    }
    List<String> entrypoint = strings(config, "Entrypoint");
    if (entrypoint.equals(List.of(""))) {
      // what the CLI sends for --entrypoint "": no entrypoint
      entrypoint = List.of();
    }
    Object stopTimeout = config.get("StopTimeout");
    return new Config(
        text(config, "Hostname"),
        text(config, "Domainname"),
        text(config, "User"),
        bool(config, "AttachStdin"),
        bool(config, "AttachStdout"),
        bool(config, "AttachStderr"),
        exposed,
        bool(config, "Tty"),
        bool(config, "OpenStdin"),
        bool(config, "StdinOnce"),
        env,
        strings(config, "Cmd"),
        healthcheck(config.get("Healthcheck")),
        nonNull(Fields.imageName(config, "Image")),
        new ArrayList<>(object(config, "Volumes").keySet()),
        text(config, "WorkingDir"),
        entrypoint,
        textMap(object(config, "Labels")),
        signal(text(config, "StopSignal")),
        stopTimeout instanceof Number n
            ? Optional.of(Duration.ofSeconds(n.longValue())) : Optional.empty());
  }

  /** A health check as the spec gave it: durations from the engine's nanoseconds. */
  @SuppressWarnings("unchecked")
  static Optional<Healthcheck> healthcheck(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    Map<String, Object> json = (Map<String, Object>) m;
    try {
      Healthcheck h = Healthcheck.of(strings(json, "Test"))
          .withInterval(Duration.ofNanos(longValue(json, "Interval")))
          .withTimeout(Duration.ofNanos(longValue(json, "Timeout")))
          .withStartPeriod(Duration.ofNanos(longValue(json, "StartPeriod")))
          .withStartInterval(Duration.ofNanos(longValue(json, "StartInterval")))
          .withRetries(Math.max(0, integer(json, "Retries")));
      return Optional.of(h);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Podman writes the stop signal's number ({@code "2"}); the spec said its name. */
  static String signal(String text) {
    if (!text.isEmpty() && text.length() <= 2 && text.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(text);
      if (n > 0 && n < SIGNALS.size()) {
        return SIGNALS.get(n);
      }
    }
    return text;
  }

  static HostConfig hostConfig(Map<String, Object> host) {
    List<Mount> binds = new ArrayList<>();
    for (String b : strings(host, "Binds")) {
      Mount m = parsed(bindAsWritten(b), Mount::parseVolumeFlag);
      if (m != null) {
        binds.add(m);
      }
    }
    List<Mount> mounts = new ArrayList<>();
    for (Map<String, Object> m : objects(host.get("Mounts"))) {
      Mount mount = parsed(mountFlag(m), Mount::parseMountFlag);
      if (mount != null) {
        mounts.add(mount);
      }
    }
    List<Mount> tmpfs = new ArrayList<>();
    object(host, "Tmpfs").forEach((target, options) -> {
      String opts = tmpfsAsWritten(options instanceof String s ? s : "");
      Mount m = parsed(opts.isEmpty() ? target : target + ":" + opts, Mount::parseTmpfsFlag);
      if (m != null) {
        tmpfs.add(m);
      }
    });
    List<Link> links = new ArrayList<>();
    for (String l : strings(host, "Links")) {
      Link link = parsed(l, Link::parse);
      if (link != null) {
        links.add(link);
      }
    }
    Map<String, Object> log = object(host, "LogConfig");
    return new HostConfig(
        binds,
        mounts,
        tmpfs,
        portBindings(object(host, "PortBindings")),
        bool(host, "PublishAllPorts"),
        restartPolicy(object(host, "RestartPolicy")),
        bool(host, "AutoRemove"),
        text(host, "NetworkMode"),
        links,
        strings(host, "ExtraHosts"),
        strings(host, "Dns"),
        strings(host, "DnsOptions"),
        strings(host, "DnsSearch"),
        capabilities(strings(host, "CapAdd")),
        capabilities(strings(host, "CapDrop")),
        securityOptions(strings(host, "SecurityOpt"), bool(host, "Privileged")),
        bool(host, "Privileged"),
        bool(host, "ReadonlyRootfs"),
        bool(host, "Init"),
        new LogConfig(text(log, "Type"), textMap(object(log, "Config"))),
        text(host, "VolumeDriver"),
        strings(host, "VolumesFrom"),
        strings(host, "GroupAdd"),
        text(host, "IpcMode"),
        text(host, "PidMode"),
        text(host, "UTSMode"),
        text(host, "UsernsMode"),
        text(host, "CgroupnsMode"),
        longValue(host, "OomScoreAdj"),
        longValue(host, "ShmSize"),
        textMap(object(host, "Sysctls")),
        textMap(object(host, "StorageOpt")),
        text(host, "Runtime"),
        text(host, "Isolation"),
        textMap(object(host, "Annotations")),
        resources(host));
  }

  private static Resources resources(Map<String, Object> host) {
    List<String> devices = new ArrayList<>();
    for (Map<String, Object> d : objects(host.get("Devices"))) {
      devices.add(device(text(d, "PathOnHost"), text(d, "PathInContainer"),
          text(d, "CgroupPermissions")));
    }
    List<String> ulimits = new ArrayList<>();
    for (Map<String, Object> u : objects(host.get("Ulimits"))) {
      long soft = longValue(u, "Soft");
      long hard = longValue(u, "Hard");
      ulimits.add(text(u, "Name") + "=" + (soft == hard ? soft : soft + ":" + hard));
    }
    Object swappiness = host.get("MemorySwappiness");
    long pids = longValue(host, "PidsLimit");
    return new Resources(
        longValue(host, "Memory"),
        longValue(host, "MemoryReservation"),
        longValue(host, "MemorySwap"),
        swappiness instanceof Number n && n.longValue() >= 0
            ? OptionalLong.of(n.longValue()) : OptionalLong.empty(),
        longValue(host, "KernelMemory"),
        longValue(host, "NanoCpus"),
        longValue(host, "CpuShares"),
        longValue(host, "CpuPeriod"),
        longValue(host, "CpuQuota"),
        longValue(host, "CpuRealtimePeriod"),
        longValue(host, "CpuRealtimeRuntime"),
        text(host, "CpusetCpus"),
        text(host, "CpusetMems"),
        text(host, "CgroupParent"),
        longValue(host, "BlkioWeight"),
        throttles(host.get("BlkioWeightDevice"), "Weight"),
        throttles(host.get("BlkioDeviceReadBps"), "Rate"),
        throttles(host.get("BlkioDeviceWriteBps"), "Rate"),
        throttles(host.get("BlkioDeviceReadIOps"), "Rate"),
        throttles(host.get("BlkioDeviceWriteIOps"), "Rate"),
        devices,
        strings(host, "DeviceCgroupRules"),
        bool(host, "OomKillDisable"),
        pids < 0 ? 0 : pids,
        ulimits);
  }

  /** A device as {@code --device} says it, the default parts (same path, {@code rwm}) left out. */
  static String device(String host, String container, String permissions) {
    StringBuilder out = new StringBuilder(host);
    if (!container.isEmpty() && !container.equals(host)) {
      out.append(':').append(container);
    }
    if (!permissions.isEmpty() && !permissions.equals("rwm")) {
      out.append(':').append(permissions);
    }
    return out.toString();
  }

  private static List<String> throttles(Object value, String field) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> t : objects(value)) {
      out.add(text(t, "Path") + ":" + longValue(t, field));
    }
    return out;
  }

  /**
   * The security options as the spec gave them: dockerd adds {@code label=disable} to a
   * privileged container's (SELinux labels do not apply to it), which the flag implies anyway.
   */
  private static List<String> securityOptions(List<String> options, boolean privileged) {
    if (privileged) {
      options.remove("label=disable");
    }
    return options;
  }

  /** dockerd writes {@code CAP_NET_ADMIN} for {@code --cap-add NET_ADMIN}. */
  private static List<String> capabilities(List<String> caps) {
    caps.replaceAll(c -> c.regionMatches(true, 0, "CAP_", 0, 4) ? c.substring(4) : c);
    return caps;
  }

  static RestartPolicy restartPolicy(Map<String, Object> json) {
    String name = text(json, "Name");
    int retries = integer(json, "MaximumRetryCount");
    if (name.isEmpty()) {
      return RestartPolicy.no();
    }
    RestartPolicy p = parsed(name.equals("on-failure") && retries > 0
        ? name + ":" + retries : name, RestartPolicy::parse);
    return p == null ? RestartPolicy.no() : p;
  }

  /**
   * One {@link PortBinding} per container port and host binding, as the engine keeps them: a
   * spec's container port range reads back port by port ({@link PortBinding#expand()}).
   */
  static List<PortBinding> portBindings(Map<String, Object> json) {
    List<PortBinding> out = new ArrayList<>();
    json.forEach((key, value) -> {
      for (Map<String, Object> b : objects(value)) {
        String ip = text(b, "HostIp");
        String hostPort = text(b, "HostPort");
        String address = ip.isEmpty() ? "" : (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":";
        String spec = address.isEmpty() && hostPort.isEmpty() ? key
            : address + hostPort + ":" + key;
        PortBinding p = parsed(spec, PortBinding::parse);
        if (p != null) {
          out.add(p);
        }
      }
    });
    return out;
  }

  /**
   * A {@code -v} value as the spec wrote it: Podman adds its defaults ({@code rw}, {@code
   * rprivate}, {@code nosuid}, {@code nodev}, {@code rbind}), which dockerd and the CLI never
   * write in a bind ({@code rbind} is Podman's mark).
   */
  static String bindAsWritten(String bind) {
    int first = bind.indexOf(':');
    int last = bind.lastIndexOf(':');
    if (first < 0 || first == last) {
      return bind;
    }
    List<String> options = new ArrayList<>(List.of(bind.substring(last + 1).split(",")));
    if (!options.contains("rbind")) {
      return bind;
    }
    options.removeIf(PODMAN_BIND_DEFAULTS::contains);
    String head = bind.substring(0, last);
    return options.isEmpty() ? head : head + ":" + String.join(",", options);
  }

  /** A {@code --tmpfs} option text as the spec wrote it, without Podman's added defaults. */
  static String tmpfsAsWritten(String options) {
    if (options.isEmpty()) {
      return options;
    }
    List<String> list = new ArrayList<>(List.of(options.split(",")));
    if (!list.contains("tmpcopyup")) {
      return options;
    }
    list.removeIf(PODMAN_TMPFS_DEFAULTS::contains);
    list.remove("mode=0");
    return String.join(",", list);
  }

  /** The {@code --mount} value that gives {@code m}, one of {@code HostConfig.Mounts}. */
  static String mountFlag(Map<String, Object> m) {
    List<String> fields = new ArrayList<>();
    fields.add("type=" + text(m, "Type"));
    if (!text(m, "Source").isEmpty()) {
      fields.add("source=" + text(m, "Source"));
    }
    fields.add("target=" + text(m, "Target"));
    if (bool(m, "ReadOnly")) {
      fields.add("readonly");
    }
    Map<String, Object> bind = object(m, "BindOptions");
    if (!text(bind, "Propagation").isEmpty()) {
      fields.add("bind-propagation=" + text(bind, "Propagation"));
    }
    if (bool(bind, "NonRecursive")) {
      fields.add("bind-nonrecursive");
    }
    if (!text(m, "Consistency").isEmpty()) {
      fields.add("consistency=" + text(m, "Consistency"));
    }
    Map<String, Object> volume = object(m, "VolumeOptions");
    Map<String, Object> driver = object(volume, "DriverConfig");
    if (!text(driver, "Name").isEmpty()) {
      fields.add("volume-driver=" + text(driver, "Name"));
    }
    if (bool(volume, "NoCopy")) {
      fields.add("volume-nocopy");
    }
    textMap(object(driver, "Options")).forEach((k, v) -> fields.add("volume-opt=" + k + "=" + v));
    textMap(object(volume, "Labels")).forEach((k, v) -> fields.add("volume-label=" + k + "=" + v));
    Map<String, Object> tmpfs = object(m, "TmpfsOptions");
    if (longValue(tmpfs, "SizeBytes") != 0) {
      fields.add("tmpfs-size=" + longValue(tmpfs, "SizeBytes"));
    }
    if (integer(tmpfs, "Mode") != 0) {
      fields.add("tmpfs-mode=" + Integer.toOctalString(integer(tmpfs, "Mode")));
    }
    StringBuilder out = new StringBuilder();
    for (String field : fields) {
      if (out.length() > 0) {
        out.append(',');
      }
      boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0;
      out.append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
    }
    return out.toString();
  }

  static NetworkSettings networkSettings(Map<String, Object> settings) {
    Map<String, Endpoint> networks = new LinkedHashMap<>();
    Map<String, Object> all = object(settings, "Networks");
    for (String name : all.keySet()) {
      if (all.get(name) instanceof Map<?, ?>) {
        networks.put(name, endpoint(object(all, name)));
      }
    }
    return new NetworkSettings(networks, portMappings(object(settings, "Ports")),
        text(settings, "SandboxKey"));
  }

  private static Endpoint endpoint(Map<String, Object> e) {
    List<Link> links = new ArrayList<>();
    for (String l : strings(e, "Links")) {
      Link link = parsed(l, Link::parse);
      if (link != null) {
        links.add(link);
      }
    }
    Map<String, Object> ipam = object(e, "IPAMConfig");
    return new Endpoint(
        text(e, "NetworkID"),
        text(e, "EndpointID"),
        text(e, "IPAddress"),
        integer(e, "IPPrefixLen"),
        text(e, "Gateway"),
        text(e, "GlobalIPv6Address"),
        integer(e, "GlobalIPv6PrefixLen"),
        text(e, "IPv6Gateway"),
        text(e, "MacAddress"),
        strings(e, "Aliases"),
        links,
        text(ipam, "IPv4Address"),
        text(ipam, "IPv6Address"),
        strings(ipam, "LinkLocalIPs"));
  }

  /** {@code NetworkSettings.Ports}: each published port with its host address and port. */
  static List<PortMapping> portMappings(Map<String, Object> ports) {
    List<PortMapping> out = new ArrayList<>();
    ports.forEach((key, bindings) -> {
      String[] portProto = key.split("/", 2);
      for (Map<String, Object> b : objects(bindings)) {
        try {
          out.add(new PortMapping(Integer.parseInt(portProto[0]),
              portProto.length == 2 ? portProto[1] : "tcp", text(b, "HostIp"),
              Integer.parseInt(text(b, "HostPort"))));
        } catch (NumberFormatException notAPort) {
          // not published (yet): nothing to map
        }
      }
    });
    return out;
  }

  private static List<MountPoint> mountPoints(Object value) {
    List<MountPoint> out = new ArrayList<>();
    for (Map<String, Object> m : objects(value)) {
      out.add(new MountPoint(text(m, "Type"), text(m, "Name"), text(m, "Source"),
          text(m, "Destination"), text(m, "Driver"), text(m, "Mode"), bool(m, "RW"),
          text(m, "Propagation")));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** The text at {@code key}, or {@code ""}. */
  private static String text(Map<String, Object> json, String key) {
    return nonNull(string(json, key));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static OptionalLong optionalLong(Map<String, Object> json, String key) {
    return json.get(key) instanceof Number n ? OptionalLong.of(n.longValue())
        : OptionalLong.empty();
  }

  /** An object's values as text, a null value as {@code ""}. */
  private static Map<String, String> textMap(Map<String, Object> json) {
    Map<String, String> out = new LinkedHashMap<>();
    json.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
    return out;
  }

  /** The objects in a JSON array, or none when it is not one (null included). */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  /** {@code text} read by the write side's parser, or null when it refuses it. */
  private static <T> T parsed(String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
