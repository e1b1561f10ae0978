package dev.berth.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to create a Swarm service from: the image, the command, how many tasks, and every setting
 * of {@code docker service create}. Immutable, in the value style of {@link ContainerSpec}: each
 * method that sets something returns a new spec.
 *
 * <pre>{@code
 * ServiceSpec web = ServiceSpec.of("127.0.0.1:5000/shop/web:2")
 *     .name("web")
 *     .replicas(3)
 *     .env("MODE", "production")
 *     .publish(ServicePort.ingress(8080, 80))
 *     .mount(Mount.parseMountFlag("type=volume,source=web-data,target=/data"))
 *     .constraint("node.role==worker")
 *     .secret(SecretRef.of("web_key"))
 *     .updateConfig(UpdateConfig.defaults().parallelism(1).delay(Duration.ofSeconds(5)))
 *     .label("team", "shop");
 * }</pre>
 *
 * <p>{@link DockerServiceCreate#parse(String)} reads a pasted {@code docker service create} line
 * into a spec.
 */
public final class ServiceSpec {
  private final ImageRef image;
  private final Parts p;

  /** The settings other than the image, copied for each change. */
  private static final class Parts implements Cloneable {
    String name = null;
    List<String> args = List.of();
    List<String> entrypoint = null;
    ServiceMode mode = ServiceMode.replicated(1);
    List<EnvVar> env = List.of();
    Map<String, String> labels = Map.of();
    Map<String, String> containerLabels = Map.of();
    List<Mount> mounts = List.of();
    List<ServicePort> ports = List.of();
    List<String> constraints = List.of();
    List<String> placementPreferences = List.of();
    Long maxReplicasPerNode = null;
    UpdateConfig updateConfig = UpdateConfig.defaults();
    UpdateConfig rollbackConfig = UpdateConfig.defaults();
    ServiceRestart restart = ServiceRestart.defaults();
    List<SecretRef> secrets = List.of();
    List<ConfigRef> configs = List.of();
    List<String> networks = List.of();
    String workdir = null;
    String user = null;
    String hostname = null;
    boolean tty = false;
    boolean readOnly = false;
    Boolean init = null;
    String stopSignal = null;
    Duration stopGracePeriod = null;
    Healthcheck healthcheck = null;
    Long limitCpus = null;
    Long limitMemory = null;
    Long reserveCpus = null;
    Long reserveMemory = null;
    String endpointMode = null;
    String logDriver = null;
    Map<String, String> logOptions = Map.of();
    List<String> groups = List.of();
    List<String> dns = List.of();
    List<String> hosts = List.of();
    List<String> capAdd = List.of();
    List<String> capDrop = List.of();
    Map<String, String> sysctls = Map.of();
    List<String> dnsOptions = List.of();
    List<String> dnsSearch = List.of();
    List<String> ulimits = List.of();
    Long limitPids = null;
    String isolation = null;

    Parts copy() {
      try {
        return (Parts) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private ServiceSpec(ImageRef image, Parts p) {
    this.image = image;
    this.p = p;
  }

  /** A service of one replica of {@code image}, running the image's command. */
  public static ServiceSpec of(ImageRef image) {
    return new ServiceSpec(Objects.requireNonNull(image, "image"), new Parts());
  }

  /**
   * A service of one replica of the image named {@code image}.
   *
   * @throws IllegalArgumentException if {@code image} is not a valid reference
   */
  public static ServiceSpec of(String image) {
    return of(ImageRef.parse(image));
  }

  private interface Change {
    void apply(Parts p);
  }

  private ServiceSpec change(Change c) {
    Parts copy = p.copy();
    c.apply(copy);
    return new ServiceSpec(image, copy);
  }

  private static <E> List<E> plus(List<E> list, E item, String what) {
    List<E> copy = new ArrayList<>(list);
    copy.add(Objects.requireNonNull(item, what));
    return Collections.unmodifiableList(copy);
  }

  private static Map<String, String> plus(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, String> copyOf(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The image. */
  public ImageRef image() {
    return image;
  }

  /** With another image ({@code docker service update --image}). */
  public ServiceSpec image(ImageRef image) {
    return new ServiceSpec(Objects.requireNonNull(image, "image"), p);
  }

  /**
   * With the image named {@code image}.
   *
   * @throws IllegalArgumentException if {@code image} is not a valid reference
   */
  public ServiceSpec image(String image) {
    return image(ImageRef.parse(image));
  }

  /**
   * With a name ({@code --name}).
   *
   * @throws IllegalArgumentException if the name has characters Swarm refuses; the message
   *     quotes it
   */
  public ServiceSpec name(String name) {
    if (name != null && !name.matches("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?")) {
      throw new IllegalArgumentException("service name \"" + name + "\" is not valid: expected"
          + " 1 to 63 letters, digits and dashes, not starting or ending with a dash");
    }
    return change(c -> c.name = name);
  }

  /** With the command and arguments the tasks run (none: the image's). */
  public ServiceSpec args(String... args) {
    return args(Arrays.asList(args));
  }

  /** With the command and arguments the tasks run (empty: the image's). */
  public ServiceSpec args(List<String> args) {
    List<String> copy = List.copyOf(args);
    return change(c -> c.args = copy);
  }

  /** With an entrypoint overriding the image's ({@code --entrypoint}); null keeps the image's. */
  public ServiceSpec entrypoint(List<String> entrypoint) {
    List<String> copy = entrypoint == null ? null : List.copyOf(entrypoint);
    return change(c -> c.entrypoint = copy);
  }

  /** With how many tasks run ({@code --mode}, {@code --replicas}). */
  public ServiceSpec mode(ServiceMode mode) {
    Objects.requireNonNull(mode, "mode");
    return change(c -> c.mode = mode);
  }

  /**
   * With {@code n} replicas ({@code --replicas}).
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec replicas(long n) {
    return mode(ServiceMode.replicated(n));
  }

  /** With one task on every node ({@code --mode global}). */
  public ServiceSpec global() {
    return mode(ServiceMode.global());
  }

  /**
   * With an environment variable ({@code -e NAME=VALUE}).
   *
   * @throws IllegalArgumentException if the name is empty or holds {@code =}
   */
  public ServiceSpec env(String name, String value) {
    return env(EnvVar.of(name, value));
  }

  /** With an environment variable. */
  public ServiceSpec env(EnvVar variable) {
    return change(c -> c.env = plus(c.env, variable, "env"));
  }

  /** With a service label ({@code --label}). */
  public ServiceSpec label(String key, String value) {
    return change(c -> c.labels = plus(c.labels, key, value));
  }

  /** With a label on each task's container ({@code --container-label}). */
  public ServiceSpec containerLabel(String key, String value) {
    return change(c -> c.containerLabels = plus(c.containerLabels, key, value));
  }

  /**
   * With a mount ({@code --mount}). Services take bind, volume and tmpfs mounts in any of
   * {@link Mount}'s syntaxes; they are kept, and sent, as {@code --mount} would give them, so
   * {@link #mounts()} holds the {@link Mount.Syntax#MOUNT_FLAG} equivalent of a {@code -v} or
   * {@code --tmpfs} mount.
   *
   * @throws IllegalArgumentException if the mount has what {@code --mount} cannot say: an SELinux
   *     label ({@code :z}, {@code :Z}) or a {@code --tmpfs} option other than {@code ro}, {@code
   *     rw}, {@code size} and {@code mode}; the message quotes it
   */
  public ServiceSpec mount(Mount mount) {
    Mount m = asMountFlag(Objects.requireNonNull(mount, "mount"));
    return change(c -> c.mounts = plus(c.mounts, m, "mount"));
  }

  /** The {@code --mount} form of {@code m}. */
  private static Mount asMountFlag(Mount m) {
    if (m.syntax() == Mount.Syntax.MOUNT_FLAG) {
      return m;
    }
    List<String> fields = new ArrayList<>();
    fields.add("type=" + m.type().name().toLowerCase(Locale.ROOT));
    if (m.source() != null) {
      fields.add("source=" + m.source());
    }
    fields.add("target=" + m.target());
    if (m.isReadOnly()) {
      fields.add("readonly");
    }
    if (m.syntax() == Mount.Syntax.VOLUME_FLAG) {
      if (m.selinuxLabel() != null) {
        throw new IllegalArgumentException("mount \"" + m + "\" cannot be given to a service:"
            + " --mount has no SELinux label (:" + m.selinuxLabel() + "); leave the label out");
      }
      if (m.propagation() != null) {
        fields.add("bind-propagation=" + m.propagation());
      }
      if (m.consistency() != null) {
        fields.add("consistency=" + m.consistency());
      }
      if (m.isNoCopy()) {
        fields.add("volume-nocopy");
      }
    } else {
      for (String option : m.tmpfsOptions().isEmpty() ? new String[0]
          : m.tmpfsOptions().split(",")) {
        if (option.startsWith("size=")) {
          fields.add("tmpfs-size=" + option.substring(5));
        } else if (option.startsWith("mode=")) {
          fields.add("tmpfs-mode=" + option.substring(5));
        } else if (!option.equals("ro") && !option.equals("rw")) {
          throw new IllegalArgumentException("mount \"" + m + "\" cannot be given to a service:"
              + " --mount has no tmpfs option \"" + option + "\"; only ro, rw, size and mode");
        }
      }
    }
    StringBuilder value = new StringBuilder();
    for (String field : fields) {
      value.append(value.length() == 0 ? "" : ",");
      boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0 || field.startsWith(" ");
      value.append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
    }
    return Mount.parseMountFlag(value.toString());
  }

  /** With a published port ({@code -p}). */
  public ServiceSpec publish(ServicePort port) {
    return change(c -> c.ports = plus(c.ports, port, "port"));
  }

  /**
   * With a placement constraint ({@code --constraint}), such as {@code node.role==manager} or
   * {@code node.labels.zone!=east}.
   *
   * @throws IllegalArgumentException if it has no {@code ==} or {@code !=}; the message quotes it
   */
  public ServiceSpec constraint(String constraint) {
    if (constraint == null || !constraint.matches("[^=!]+(==|!=).+")) {
      throw new IllegalArgumentException("constraint \"" + constraint + "\" is not valid:"
          + " expected key==value or key!=value, such as node.role==manager");
    }
    return change(c -> c.constraints = plus(c.constraints, constraint, "constraint"));
  }

  /**
   * With a placement preference ({@code --placement-pref}), such as {@code
   * spread=node.labels.zone}.
   *
   * @throws IllegalArgumentException if it is not {@code spread=…}; the message quotes it
   */
  public ServiceSpec placementPreference(String preference) {
    if (preference == null || !preference.matches("spread=.+")) {
      throw new IllegalArgumentException("placement preference \"" + preference + "\" is not"
          + " valid: expected spread=DESCRIPTOR, such as spread=node.labels.zone");
    }
    return change(c -> c.placementPreferences = plus(c.placementPreferences, preference,
        "preference"));
  }

  /**
   * With at most {@code n} tasks on one node ({@code --replicas-max-per-node}; 0: no limit).
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec maxReplicasPerNode(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("--replicas-max-per-node " + n
          + " is not valid: expected 0 or more");
    }
    return change(c -> c.maxReplicasPerNode = n);
  }

  /** With how updates replace tasks ({@code --update-*}). */
  public ServiceSpec updateConfig(UpdateConfig config) {
    Objects.requireNonNull(config, "updateConfig");
    return change(c -> c.updateConfig = config);
  }

  /**
   * With how rollbacks replace tasks ({@code --rollback-*}).
   *
   * @throws IllegalArgumentException if its failure action is {@code rollback}
   */
  public ServiceSpec rollbackConfig(UpdateConfig config) {
    Objects.requireNonNull(config, "rollbackConfig");
    if ("rollback".equals(config.failureAction())) {
      throw new IllegalArgumentException("rollback failure action \"rollback\" is not valid:"
          + " expected pause or continue");
    }
    return change(c -> c.rollbackConfig = config);
  }

  /** With when stopped tasks restart ({@code --restart-*}). */
  public ServiceSpec restart(ServiceRestart restart) {
    Objects.requireNonNull(restart, "restart");
    return change(c -> c.restart = restart);
  }

  /** With a secret given to the tasks as a file ({@code --secret}). */
  public ServiceSpec secret(SecretRef secret) {
    return change(c -> c.secrets = plus(c.secrets, secret, "secret"));
  }

  /** With a config given to the tasks as a file ({@code --config}). */
  public ServiceSpec config(ConfigRef config) {
    return change(c -> c.configs = plus(c.configs, config, "config"));
  }

  /** With a network the tasks join ({@code --network}), by name or id. */
  public ServiceSpec network(String network) {
    return change(c -> c.networks = plus(c.networks, network, "network"));
  }

  /** With a working directory ({@code -w}). */
  public ServiceSpec workdir(String workdir) {
    return change(c -> c.workdir = workdir);
  }

  /** With a user ({@code -u}), {@code name}, {@code uid} or {@code uid:gid}. */
  public ServiceSpec user(String user) {
    return change(c -> c.user = user);
  }

  /** With the tasks' host name ({@code --hostname}); templates such as {@code {{.Task.Slot}}} work. */
  public ServiceSpec hostname(String hostname) {
    return change(c -> c.hostname = hostname);
  }

  /** With or without a terminal ({@code -t}). */
  public ServiceSpec tty(boolean tty) {
    return change(c -> c.tty = tty);
  }

  /** With or without a read-only root filesystem ({@code --read-only}). */
  public ServiceSpec readOnly(boolean readOnly) {
    return change(c -> c.readOnly = readOnly);
  }

  /** With or without an init process ({@code --init}); null for the engine's default. */
  public ServiceSpec init(Boolean init) {
    return change(c -> c.init = init);
  }

  /** With the signal that stops a task ({@code --stop-signal}). */
  public ServiceSpec stopSignal(String signal) {
    return change(c -> c.stopSignal = signal);
  }

  /** With the time a task gets to stop before it is killed ({@code --stop-grace-period}). */
  public ServiceSpec stopGracePeriod(Duration period) {
    return change(c -> c.stopGracePeriod = period);
  }

  /**
   * With a health check ({@code --health-*}, {@code --no-healthcheck}); null, or a check with no
   * test and nothing set, keeps the image's.
   */
  public ServiceSpec healthcheck(Healthcheck healthcheck) {
    Healthcheck h = healthcheck == null || healthcheck.equals(Healthcheck.of(List.of())) ? null
        : healthcheck;
    return change(c -> c.healthcheck = h);
  }

  /**
   * With a CPU limit ({@code --limit-cpu 1.5}), in billionths of a CPU.
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec limitCpus(long nanoCpus) {
    long n = nonNegative(nanoCpus, "--limit-cpu");
    return change(c -> c.limitCpus = n);
  }

  /**
   * With a memory limit in bytes ({@code --limit-memory}).
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec limitMemory(long bytes) {
    long n = nonNegative(bytes, "--limit-memory");
    return change(c -> c.limitMemory = n);
  }

  /**
   * With CPUs reserved ({@code --reserve-cpu}), in billionths of a CPU.
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec reserveCpus(long nanoCpus) {
    long n = nonNegative(nanoCpus, "--reserve-cpu");
    return change(c -> c.reserveCpus = n);
  }

  /**
   * With memory reserved, in bytes ({@code --reserve-memory}).
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec reserveMemory(long bytes) {
    long n = nonNegative(bytes, "--reserve-memory");
    return change(c -> c.reserveMemory = n);
  }

  private static long nonNegative(long n, String flag) {
    if (n < 0) {
      throw new IllegalArgumentException(flag + " " + n + " is not valid: expected 0 or more");
    }
    return n;
  }

  /**
   * With how the service is found: {@code vip} (one virtual IP) or {@code dnsrr} (DNS round
   * robin) ({@code --endpoint-mode}).
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public ServiceSpec endpointMode(String mode) {
    if (mode != null && !mode.equals("vip") && !mode.equals("dnsrr")) {
      throw new IllegalArgumentException("--endpoint-mode \"" + mode + "\" is not valid:"
          + " expected vip or dnsrr");
    }
    return change(c -> c.endpointMode = mode);
  }

  /** With a log driver ({@code --log-driver}). */
  public ServiceSpec logDriver(String driver) {
    return change(c -> c.logDriver = driver);
  }

  /** With a log driver option ({@code --log-opt key=value}). */
  public ServiceSpec logOption(String key, String value) {
    return change(c -> c.logOptions = plus(c.logOptions, key, value));
  }

  /** With an extra group for the user ({@code --group}). */
  public ServiceSpec group(String group) {
    return change(c -> c.groups = plus(c.groups, group, "group"));
  }

  /** With a DNS server ({@code --dns}). */
  public ServiceSpec dns(String server) {
    return change(c -> c.dns = plus(c.dns, server, "dns"));
  }

  /**
   * With an extra /etc/hosts line ({@code --host name:ip}).
   *
   * @throws IllegalArgumentException if it is not {@code name:ip}; the message quotes it
   */
  public ServiceSpec host(String hostAndIp) {
    if (hostAndIp == null || !hostAndIp.matches("[^:\\s]+:\\S+")) {
      throw new IllegalArgumentException("--host \"" + hostAndIp + "\" is not valid: expected"
          + " name:ip such as db:10.0.0.5");
    }
    return change(c -> c.hosts = plus(c.hosts, hostAndIp, "host"));
  }

  /** With a capability added ({@code --cap-add}; API 1.41). */
  public ServiceSpec capAdd(String capability) {
    return change(c -> c.capAdd = plus(c.capAdd, capability, "capability"));
  }

  /** With a capability dropped ({@code --cap-drop}; API 1.41). */
  public ServiceSpec capDrop(String capability) {
    return change(c -> c.capDrop = plus(c.capDrop, capability, "capability"));
  }

  /** With a kernel parameter ({@code --sysctl key=value}). */
  public ServiceSpec sysctl(String key, String value) {
    return change(c -> c.sysctls = plus(c.sysctls, key, value));
  }

  /** With a resolver option such as {@code ndots:2} ({@code --dns-option}). */
  public ServiceSpec dnsOption(String option) {
    return change(c -> c.dnsOptions = plus(c.dnsOptions, option, "dnsOption"));
  }

  /** With a DNS search domain ({@code --dns-search}). */
  public ServiceSpec dnsSearch(String domain) {
    return change(c -> c.dnsSearch = plus(c.dnsSearch, domain, "dnsSearch"));
  }

  /**
   * With a resource limit such as {@code nofile=1024:2048} ({@code --ulimit
   * name=soft[:hard]}).
   *
   * @throws IllegalArgumentException if it is not {@code name=soft[:hard]}; the message quotes it
   */
  public ServiceSpec ulimit(String ulimit) {
    if (ulimit == null || !ulimit.matches("[a-z]+=-?\\d+(:-?\\d+)?")) {
      throw new IllegalArgumentException("--ulimit \"" + ulimit + "\" is not valid: expected"
          + " name=soft[:hard], such as nofile=1024:2048");
    }
    return change(c -> c.ulimits = plus(c.ulimits, ulimit, "ulimit"));
  }

  /**
   * With at most {@code n} processes in each task ({@code --limit-pids}; 0: no limit; API 1.41).
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceSpec limitPids(long n) {
    long limit = nonNegative(n, "--limit-pids");
    return change(c -> c.limitPids = limit);
  }

  /**
   * With the isolation technology of the tasks' containers: {@code default}, {@code process} or
   * {@code hyperv} ({@code --isolation}; Windows only); null for the engine's default.
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public ServiceSpec isolation(String isolation) {
    if (isolation != null && !List.of("default", "process", "hyperv").contains(isolation)) {
      throw new IllegalArgumentException("--isolation \"" + isolation + "\" is not valid:"
          + " expected default, process or hyperv");
    }
    return change(c -> c.isolation = isolation);
  }

  /** With all of {@code labels} replacing the service labels. */
  public ServiceSpec labels(Map<String, String> labels) {
    Map<String, String> copy = copyOf(labels);
    return change(c -> c.labels = copy);
  }

  /** With {@code env} replacing the environment. */
  public ServiceSpec env(List<EnvVar> env) {
    List<EnvVar> copy = List.copyOf(env);
    return change(c -> c.env = copy);
  }

  /** The service's name ({@code --name}). */
  public String name() {
    return p.name;
  }

  /** The command and arguments after the image (the image's default when empty) ({@code IMAGE [COMMAND] [ARG...]}). */
  public List<String> args() {
    return p.args;
  }

  /** The entrypoint overriding the image's, or null to keep it ({@code --entrypoint}). */
  public List<String> entrypoint() {
    return p.entrypoint;
  }

  /** How many tasks run ({@code --mode, --replicas}). */
  public ServiceMode mode() {
    return p.mode;
  }

  /** Environment variables ({@code -e, --env}). */
  public List<EnvVar> env() {
    return p.env;
  }

  /** The service's labels ({@code -l, --label}). */
  public Map<String, String> labels() {
    return p.labels;
  }

  /** Labels on the tasks' containers ({@code --container-label}). */
  public Map<String, String> containerLabels() {
    return p.containerLabels;
  }

  /** Mounts into the tasks ({@code --mount}). */
  public List<Mount> mounts() {
    return p.mounts;
  }

  /** Published ports ({@code -p, --publish}). */
  public List<ServicePort> ports() {
    return p.ports;
  }

  /** Placement constraints such as {@code node.role==manager} ({@code --constraint}). */
  public List<String> constraints() {
    return p.constraints;
  }

  /** Placement preferences such as {@code spread=node.labels.zone} ({@code --placement-pref}). */
  public List<String> placementPreferences() {
    return p.placementPreferences;
  }

  /** The most tasks on one node, or null for no limit ({@code --replicas-max-per-node}). */
  public Long maxReplicasPerNode() {
    return p.maxReplicasPerNode;
  }

  /** How updates replace tasks ({@code --update-*}). */
  public UpdateConfig updateConfig() {
    return p.updateConfig;
  }

  /** How rollbacks replace tasks ({@code --rollback-*}). */
  public UpdateConfig rollbackConfig() {
    return p.rollbackConfig;
  }

  /** When stopped tasks restart ({@code --restart-*}). */
  public ServiceRestart restart() {
    return p.restart;
  }

  /** Secrets given to the tasks as files ({@code --secret}). */
  public List<SecretRef> secrets() {
    return p.secrets;
  }

  /** Configs given to the tasks as files ({@code --config}). */
  public List<ConfigRef> configs() {
    return p.configs;
  }

  /** Networks the tasks join ({@code --network}). */
  public List<String> networks() {
    return p.networks;
  }

  /** The working directory, or null ({@code -w, --workdir}). */
  public String workdir() {
    return p.workdir;
  }

  /** The user, or null ({@code -u, --user}). */
  public String user() {
    return p.user;
  }

  /** The tasks' host name, or null ({@code --hostname}). */
  public String hostname() {
    return p.hostname;
  }

  /** Whether the tasks get a terminal ({@code -t, --tty}). */
  public boolean tty() {
    return p.tty;
  }

  /** Whether the root filesystem is read-only ({@code --read-only}). */
  public boolean readOnly() {
    return p.readOnly;
  }

  /** Whether an init process runs in the tasks, or null for the engine's default ({@code --init}). */
  public Boolean init() {
    return p.init;
  }

  /** The signal that stops a task, or null ({@code --stop-signal}). */
  public String stopSignal() {
    return p.stopSignal;
  }

  /** How long a task may take to stop before it is killed, or null ({@code --stop-grace-period}). */
  public Duration stopGracePeriod() {
    return p.stopGracePeriod;
  }

  /** The health check, or null for the image's ({@code --health-*}). */
  public Healthcheck healthcheck() {
    return p.healthcheck;
  }

  /** The CPU limit in billionths of a CPU, or null ({@code --limit-cpu}). */
  public Long limitCpus() {
    return p.limitCpus;
  }

  /** The memory limit in bytes, or null ({@code --limit-memory}). */
  public Long limitMemory() {
    return p.limitMemory;
  }

  /** The CPUs reserved, in billionths, or null ({@code --reserve-cpu}). */
  public Long reserveCpus() {
    return p.reserveCpus;
  }

  /** The memory reserved in bytes, or null ({@code --reserve-memory}). */
  public Long reserveMemory() {
    return p.reserveMemory;
  }

  /** {@code vip} or {@code dnsrr}, or null for the default ({@code --endpoint-mode}). */
  public String endpointMode() {
    return p.endpointMode;
  }

  /** The log driver, or null ({@code --log-driver}). */
  public String logDriver() {
    return p.logDriver;
  }

  /** The log driver's options ({@code --log-opt}). */
  public Map<String, String> logOptions() {
    return p.logOptions;
  }

  /** Extra groups of the user ({@code --group}). */
  public List<String> groups() {
    return p.groups;
  }

  /** DNS servers ({@code --dns}). */
  public List<String> dns() {
    return p.dns;
  }

  /** Extra {@code host:ip} lines for /etc/hosts ({@code --host}). */
  public List<String> hosts() {
    return p.hosts;
  }

  /** Capabilities added (API 1.41) ({@code --cap-add}). */
  public List<String> capAdd() {
    return p.capAdd;
  }

  /** Capabilities dropped (API 1.41) ({@code --cap-drop}). */
  public List<String> capDrop() {
    return p.capDrop;
  }

  /** Kernel parameters ({@code --sysctl}). */
  public Map<String, String> sysctls() {
    return p.sysctls;
  }

  /** Resolver options ({@code --dns-option}). */
  public List<String> dnsOptions() {
    return p.dnsOptions;
  }

  /** DNS search domains ({@code --dns-search}). */
  public List<String> dnsSearch() {
    return p.dnsSearch;
  }

  /** Resource limits such as {@code nofile=1024:2048} ({@code --ulimit}). */
  public List<String> ulimits() {
    return p.ulimits;
  }

  /** The most processes in a task, or null for no limit (API 1.41) ({@code --limit-pids}). */
  public Long limitPids() {
    return p.limitPids;
  }

  /** {@code default}, {@code process} or {@code hyperv}, or null for the default ({@code --isolation}). */
  public String isolation() {
    return p.isolation;
  }

  /** The number of replicas of a replicated service, or null for the other modes. */
  public Long replicas() {
    return p.mode.kind() == ServiceMode.Kind.REPLICATED ? p.mode.replicas() : null;
  }

  private List<Object> values() {
    return Arrays.asList(image, p.name, p.args, p.entrypoint, p.mode, p.env, p.labels, p.containerLabels, p.mounts, p.ports, p.constraints, p.placementPreferences, p.maxReplicasPerNode, p.updateConfig, p.rollbackConfig, p.restart, p.secrets, p.configs, p.networks, p.workdir, p.user, p.hostname, p.tty, p.readOnly, p.init, p.stopSignal, p.stopGracePeriod, p.healthcheck, p.limitCpus, p.limitMemory, p.reserveCpus, p.reserveMemory, p.endpointMode, p.logDriver, p.logOptions, p.groups, p.dns, p.hosts, p.capAdd, p.capDrop, p.sysctls, p.dnsOptions, p.dnsSearch, p.ulimits, p.limitPids, p.isolation);
  }

  /**
   * The spec as a {@code docker service create} command line, quoted for a POSIX shell; {@link
   * DockerServiceCreate#parse(String)} reads it back into an equal spec.
   *
   * @throws IllegalStateException if the spec holds what no command line can say: a health check
   *     run without a shell ({@code --health-cmd} always uses one), or {@code NONE} with
   *     intervals or retries set
   */
  public String toCommandLine() {
    return CommandLine.join(DockerServiceCreate.toWords(this));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceSpec s && values().equals(s.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "ServiceSpec{image=" + image + (p.name == null ? "" : ", name=" + p.name) + ", mode="
        + p.mode + (p.args.isEmpty() ? "" : ", args=" + p.args) + "}";
  }
}
