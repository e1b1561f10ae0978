package dev.berth.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of a container spec, named for its {@code docker create} flag: the typed key of
 * {@link ContainerSpec#with(ContainerOption, Object)} and {@link ContainerSpec#get(ContainerOption)}.
 * Every {@code docker create} flag has one, so what the CLI can say a spec can hold.
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.of("nginx")
 *     .with(ContainerOption.SHM_SIZE, ByteSize.parse("256m"))
 *     .with(ContainerOption.SECURITY_OPT, List.of("no-new-privileges"));
 * long shm = spec.get(ContainerOption.SHM_SIZE);
 * }</pre>
 *
 * <p>Values: flags are {@code Boolean}; texts {@code String}; repeatable flags {@code
 * List<String>}; {@code key=value} flags {@code Map<String, String>}; sizes and counts {@code Long}
 * (sizes in bytes); {@link #CPUS} in billionths of a CPU. Typed settings use Berth's model types
 * ({@link PortBinding}, {@link Mount}, …).
 *
 * @param <T> the type of the value
 */
public final class ContainerOption<T> {

  /** How a value is written on the command line, and so how it is read back. */
  enum Kind {
    /** A boolean flag, {@code --init}. */
    FLAG,
    /** One text value, {@code --hostname web}. */
    TEXT,
    /** A repeatable text value, {@code --cap-add NET_ADMIN --cap-add SYS_TIME}. */
    TEXTS,
    /** A repeatable {@code key=value}, {@code --sysctl net.core.somaxconn=1024}. */
    MAP,
    /** A size with an optional unit, {@code --memory 512m}. */
    BYTES,
    /** A whole number, {@code --cpu-shares 512}. */
    NUMBER,
    /** A decimal number of CPUs, {@code --cpus 1.5}. */
    CPUS,
    /** A setting with a model type of its own; the run parser handles it by name. */
    TYPED
  }

  private static final List<ContainerOption<?>> ALL = new ArrayList<>();
  private static final Map<String, ContainerOption<?>> BY_FLAG = new LinkedHashMap<>();

  // Typed settings, written with their own parsers.
  /** {@code --name}: the container's name. */
  public static final ContainerOption<String> NAME = text("name", null);
  /** {@code -e}, {@code --env}, {@code --env-file}: environment variables. */
  public static final ContainerOption<List<EnvVar>> ENV = typed("env", "e");
  /** {@code -p}, {@code --publish}: published ports. */
  public static final ContainerOption<List<PortBinding>> PUBLISH = typed("publish", "p");
  /** {@code -P}, {@code --publish-all}: publish every exposed port to a random host port. */
  public static final ContainerOption<Boolean> PUBLISH_ALL = flag("publish-all", "P");
  /** {@code --expose}: ports exposed without publishing. */
  public static final ContainerOption<List<ExposedPort>> EXPOSE = typed("expose", null);
  /** {@code -v}, {@code --volume}, {@code --mount}, {@code --tmpfs}: mounts. */
  public static final ContainerOption<List<Mount>> MOUNTS = typed("volume", "v");
  /** {@code --link}: legacy links to other containers. */
  public static final ContainerOption<List<Link>> LINKS = typed("link", null);
  /** {@code --restart}: the restart policy. */
  public static final ContainerOption<RestartPolicy> RESTART = typed("restart", null);
  /** {@code -l}, {@code --label}, {@code --label-file}: labels. */
  public static final ContainerOption<Map<String, String>> LABELS = map("label", "l");
  /** {@code --health-cmd} and the other {@code --health-*} flags, {@code --no-healthcheck}. */
  public static final ContainerOption<Healthcheck> HEALTHCHECK = typed("health-cmd", null);
  /** {@code --entrypoint}: overrides the image's entrypoint; an empty list clears it. */
  public static final ContainerOption<List<String>> ENTRYPOINT = typed("entrypoint", null);
  /** {@code -a}, {@code --attach}: the streams to attach, {@code stdin}, {@code stdout}, … */
  public static final ContainerOption<List<String>> ATTACH = typed("attach", "a");

  // Process and terminal.
  /** {@code -t}, {@code --tty}: allocate a pseudo-TTY. */
  public static final ContainerOption<Boolean> TTY = flag("tty", "t");
  /** {@code -i}, {@code --interactive}: keep stdin open. */
  public static final ContainerOption<Boolean> INTERACTIVE = flag("interactive", "i");
  /** {@code -w}, {@code --workdir}: the working directory. */
  public static final ContainerOption<String> WORKDIR = text("workdir", "w");
  /** {@code -u}, {@code --user}: user[:group]. */
  public static final ContainerOption<String> USER = text("user", "u");
  /** {@code --group-add}: more groups for the user. */
  public static final ContainerOption<List<String>> GROUP_ADD = texts("group-add");
  /** {@code --init}: run an init process that reaps zombies and forwards signals. */
  public static final ContainerOption<Boolean> INIT = flag("init", null);
  /** {@code --stop-signal}: the signal that stops the container. */
  public static final ContainerOption<String> STOP_SIGNAL = text("stop-signal", null);
  /** {@code --stop-timeout}: seconds to wait before killing on stop. */
  public static final ContainerOption<Long> STOP_TIMEOUT = number("stop-timeout");
  /** {@code --rm}: remove the container when it exits (auto-remove). */
  public static final ContainerOption<Boolean> RM = flag("rm", null);
  /** {@code --read-only}: mount the root filesystem read-only. */
  public static final ContainerOption<Boolean> READ_ONLY = flag("read-only", null);
  /** {@code --runtime}: the OCI runtime. */
  public static final ContainerOption<String> RUNTIME = text("runtime", null);
  /** {@code --platform}: the image platform, such as {@code linux/amd64} (API 1.41+). */
  public static final ContainerOption<String> PLATFORM = text("platform", null);
  /** {@code --annotation}: OCI annotations for the runtime (API 1.43+). */
  public static final ContainerOption<Map<String, String>> ANNOTATION = map("annotation", null);

  // Names and networking.
  /** {@code -h}, {@code --hostname}: the host name. */
  public static final ContainerOption<String> HOSTNAME = text("hostname", "h");
  /** {@code --domainname}: the NIS domain name. */
  public static final ContainerOption<String> DOMAINNAME = text("domainname", null);
  /** {@code --network} ({@code --net}): bridge, host, none, container:NAME or a network name. */
  public static final ContainerOption<String> NETWORK = text("network", null);
  /** {@code --network-alias} ({@code --net-alias}): aliases on the network. */
  public static final ContainerOption<List<String>> NETWORK_ALIAS = texts("network-alias");
  /** {@code --ip}: a static IPv4 address on the network. */
  public static final ContainerOption<String> IP = text("ip", null);
  /** {@code --ip6}: a static IPv6 address on the network. */
  public static final ContainerOption<String> IP6 = text("ip6", null);
  /** {@code --link-local-ip}: link-local addresses on the network. */
  public static final ContainerOption<List<String>> LINK_LOCAL_IP = texts("link-local-ip");
  /** {@code --mac-address}: the MAC address. */
  public static final ContainerOption<String> MAC_ADDRESS = text("mac-address", null);
  /** {@code --add-host}: extra {@code /etc/hosts} lines, {@code host:ip}. */
  public static final ContainerOption<List<String>> ADD_HOST = texts("add-host");
  /** {@code --dns}: DNS servers. */
  public static final ContainerOption<List<String>> DNS = texts("dns");
  /** {@code --dns-search}: DNS search domains. */
  public static final ContainerOption<List<String>> DNS_SEARCH = texts("dns-search");
  /** {@code --dns-option} ({@code --dns-opt}): resolver options. */
  public static final ContainerOption<List<String>> DNS_OPTION = texts("dns-option");

  // Namespaces and security.
  /** {@code --privileged}: every capability and device. */
  public static final ContainerOption<Boolean> PRIVILEGED = flag("privileged", null);
  /** {@code --cap-add}: capabilities to add. */
  public static final ContainerOption<List<String>> CAP_ADD = texts("cap-add");
  /** {@code --cap-drop}: capabilities to drop. */
  public static final ContainerOption<List<String>> CAP_DROP = texts("cap-drop");
  /** {@code --security-opt}: security options such as {@code seccomp=unconfined}. */
  public static final ContainerOption<List<String>> SECURITY_OPT = texts("security-opt");
  /** {@code --device}: host devices, {@code host[:container[:perms]]}. */
  public static final ContainerOption<List<String>> DEVICE = texts("device");
  /** {@code --device-cgroup-rule}: device cgroup rules. */
  public static final ContainerOption<List<String>> DEVICE_CGROUP_RULE = texts("device-cgroup-rule");
  /** {@code --gpus}: GPU devices, such as {@code all}. */
  public static final ContainerOption<String> GPUS = text("gpus", null);
  /** {@code --ipc}: the IPC namespace mode. */
  public static final ContainerOption<String> IPC = text("ipc", null);
  /** {@code --pid}: the PID namespace mode. */
  public static final ContainerOption<String> PID = text("pid", null);
  /** {@code --uts}: the UTS namespace mode. */
  public static final ContainerOption<String> UTS = text("uts", null);
  /** {@code --userns}: the user namespace mode. */
  public static final ContainerOption<String> USERNS = text("userns", null);
  /** {@code --cgroupns}: the cgroup namespace mode, {@code host} or {@code private} (API 1.41+). */
  public static final ContainerOption<String> CGROUPNS = text("cgroupns", null);
  /** {@code --cgroup-parent}: the parent cgroup. */
  public static final ContainerOption<String> CGROUP_PARENT = text("cgroup-parent", null);
  /** {@code --isolation}: the isolation technology (Windows). */
  public static final ContainerOption<String> ISOLATION = text("isolation", null);
  /** {@code --sysctl}: namespaced kernel parameters. */
  public static final ContainerOption<Map<String, String>> SYSCTL = map("sysctl", null);
  /** {@code --ulimit}: limits such as {@code nofile=1024:2048}. */
  public static final ContainerOption<List<String>> ULIMIT = texts("ulimit");

  // Resources.
  /** {@code -m}, {@code --memory}: the memory limit in bytes. */
  public static final ContainerOption<Long> MEMORY = bytes("memory", "m");
  /** {@code --memory-reservation}: the soft memory limit in bytes. */
  public static final ContainerOption<Long> MEMORY_RESERVATION = bytes("memory-reservation", null);
  /** {@code --memory-swap}: memory plus swap in bytes; -1 for unlimited swap. */
  public static final ContainerOption<Long> MEMORY_SWAP = bytes("memory-swap", null);
  /** {@code --memory-swappiness}: 0 to 100. */
  public static final ContainerOption<Long> MEMORY_SWAPPINESS = number("memory-swappiness");
  /** {@code --kernel-memory}: the kernel memory limit in bytes. */
  public static final ContainerOption<Long> KERNEL_MEMORY = bytes("kernel-memory", null);
  /** {@code --shm-size}: the size of {@code /dev/shm} in bytes. */
  public static final ContainerOption<Long> SHM_SIZE = bytes("shm-size", null);
  /** {@code --oom-kill-disable}: do not kill on out-of-memory. */
  public static final ContainerOption<Boolean> OOM_KILL_DISABLE = flag("oom-kill-disable", null);
  /** {@code --oom-score-adj}: -1000 to 1000. */
  public static final ContainerOption<Long> OOM_SCORE_ADJ = number("oom-score-adj");
  /** {@code --pids-limit}: the most processes; -1 for no limit. */
  public static final ContainerOption<Long> PIDS_LIMIT = number("pids-limit");
  /** {@code --cpus}: the CPU limit, in billionths of a CPU ({@code 1.5} CPUs is 1500000000). */
  public static final ContainerOption<Long> CPUS = new ContainerOption<>("cpus", null, Kind.CPUS);
  /** {@code -c}, {@code --cpu-shares}: the relative CPU weight. */
  public static final ContainerOption<Long> CPU_SHARES = numberWithShort("cpu-shares", "c");
  /** {@code --cpu-period}: the CFS period in microseconds. */
  public static final ContainerOption<Long> CPU_PERIOD = number("cpu-period");
  /** {@code --cpu-quota}: the CFS quota in microseconds. */
  public static final ContainerOption<Long> CPU_QUOTA = number("cpu-quota");
  /** {@code --cpu-rt-period}: the real-time period in microseconds. */
  public static final ContainerOption<Long> CPU_RT_PERIOD = number("cpu-rt-period");
  /** {@code --cpu-rt-runtime}: the real-time runtime in microseconds. */
  public static final ContainerOption<Long> CPU_RT_RUNTIME = number("cpu-rt-runtime");
  /** {@code --cpuset-cpus}: the CPUs allowed, such as {@code 0-3} or {@code 0,1}. */
  public static final ContainerOption<String> CPUSET_CPUS = text("cpuset-cpus", null);
  /** {@code --cpuset-mems}: the memory nodes allowed. */
  public static final ContainerOption<String> CPUSET_MEMS = text("cpuset-mems", null);
  /** {@code --blkio-weight}: the relative block I/O weight, 10 to 1000. */
  public static final ContainerOption<Long> BLKIO_WEIGHT = number("blkio-weight");
  /** {@code --blkio-weight-device}: per-device weights, {@code /dev/sda:200}. */
  public static final ContainerOption<List<String>> BLKIO_WEIGHT_DEVICE =
      texts("blkio-weight-device");
  /** {@code --device-read-bps}: per-device read rates, {@code /dev/sda:1mb}. */
  public static final ContainerOption<List<String>> DEVICE_READ_BPS = texts("device-read-bps");
  /** {@code --device-write-bps}: per-device write rates, {@code /dev/sda:1mb}. */
  public static final ContainerOption<List<String>> DEVICE_WRITE_BPS = texts("device-write-bps");
  /** {@code --device-read-iops}: per-device read operations a second, {@code /dev/sda:1000}. */
  public static final ContainerOption<List<String>> DEVICE_READ_IOPS = texts("device-read-iops");
  /** {@code --device-write-iops}: per-device write operations a second. */
  public static final ContainerOption<List<String>> DEVICE_WRITE_IOPS = texts("device-write-iops");

  // Storage and logging.
  /** {@code --volumes-from}: mount the volumes of other containers, {@code name[:ro|rw]}. */
  public static final ContainerOption<List<String>> VOLUMES_FROM = texts("volumes-from");
  /** {@code --volume-driver}: the driver for this container's volumes. */
  public static final ContainerOption<String> VOLUME_DRIVER = text("volume-driver", null);
  /** {@code --storage-opt}: storage driver options such as {@code size=10G}. */
  public static final ContainerOption<Map<String, String>> STORAGE_OPT = map("storage-opt", null);
  /** {@code --log-driver}: the logging driver. */
  public static final ContainerOption<String> LOG_DRIVER = text("log-driver", null);
  /** {@code --log-opt}: logging driver options. */
  public static final ContainerOption<Map<String, String>> LOG_OPT = map("log-opt", null);

  private final String flag;
  private final String shortFlag;
  private final Kind kind;

  private ContainerOption(String flag, String shortFlag, Kind kind) {
    this.flag = flag;
    this.shortFlag = shortFlag;
    this.kind = kind;
    ALL.add(this);
    BY_FLAG.put(flag, this);
  }

  private static ContainerOption<Boolean> flag(String flag, String shortFlag) {
    return new ContainerOption<>(flag, shortFlag, Kind.FLAG);
  }

  private static ContainerOption<String> text(String flag, String shortFlag) {
    return new ContainerOption<>(flag, shortFlag, Kind.TEXT);
  }

  private static ContainerOption<List<String>> texts(String flag) {
    return new ContainerOption<>(flag, null, Kind.TEXTS);
  }

  private static ContainerOption<Map<String, String>> map(String flag, String shortFlag) {
    return new ContainerOption<>(flag, shortFlag, Kind.MAP);
  }

  private static ContainerOption<Long> bytes(String flag, String shortFlag) {
    return new ContainerOption<>(flag, shortFlag, Kind.BYTES);
  }

  private static ContainerOption<Long> number(String flag) {
    return new ContainerOption<>(flag, null, Kind.NUMBER);
  }

  private static ContainerOption<Long> numberWithShort(String flag, String shortFlag) {
    return new ContainerOption<>(flag, shortFlag, Kind.NUMBER);
  }

  private static <T> ContainerOption<T> typed(String flag, String shortFlag) {
    return new ContainerOption<>(flag, shortFlag, Kind.TYPED);
  }

  /** Every option, in the order {@link ContainerSpec#toCommandLine()} writes them. */
  public static List<ContainerOption<?>> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The option whose long flag is {@code flag} (without dashes), or null. */
  static ContainerOption<?> byFlag(String flag) {
    return BY_FLAG.get(flag);
  }

  /** The long flag without dashes, such as {@code memory}. */
  public String flag() {
    return flag;
  }

  /** The one-letter flag, such as {@code m}, or null when there is none. */
  public String shortFlag() {
    return shortFlag;
  }

  Kind kind() {
    return kind;
  }

  /** Checks that {@code value} fits this option and returns an unmodifiable copy of it. */
  @SuppressWarnings("unchecked")
  T check(Object value) {
    Objects.requireNonNull(value, flag);
    Class<?> expected;
    switch (kind) {
      case FLAG:
        expected = Boolean.class;
        break;
      case TEXT:
        expected = String.class;
        break;
      case BYTES:
      case NUMBER:
      case CPUS:
        expected = Long.class;
        break;
      case MAP:
        expected = Map.class;
        break;
      case TEXTS:
        expected = List.class;
        break;
      default:
        expected = Object.class;
    }
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException("--" + flag + " takes a " + expected.getSimpleName()
          + ", not " + value.getClass().getSimpleName() + " \"" + value + "\"");
    }
    if (value instanceof List<?> list) {
      return (T) List.copyOf(list);
    }
    if (value instanceof Map<?, ?> m) {
      return (T) Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
    return (T) value;
  }

  /** {@code --flag}. */
  @Override
  public String toString() {
    return "--" + flag;
  }
}
