package dev.berth.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container as {@code docker inspect} shows it ({@code GET /containers/{id}/json}), typed in
 * Docker's words, with the whole answer kept in {@link #raw()} for what a later API adds.
 *
 * <pre>{@code
 * ContainerDetails d = container.inspect();
 * d.name();                                   // web
 * d.state().running();                        // true
 * d.state().health().map(Health::status);     // Optional[healthy]
 * d.hostConfig().portBindings();              // [127.0.0.1:8080:80]
 * d.hostConfig().restartPolicy();             // on-failure:3
 * d.networkSettings().networks().get("bridge").ipAddress();  // 172.17.0.2
 * }</pre>
 *
 * <p>Where the write side has a type, the read-back value is of that type and equals what the
 * {@link ContainerSpec} said: {@code spec.ports()} and {@code hostConfig().portBindings()}, {@code
 * spec.restartPolicy()} and {@code hostConfig().restartPolicy()}, {@code spec.healthcheck()} and
 * {@code config().healthcheck()}, and so on. Fields an engine leaves out read as empty lists,
 * empty maps, {@code ""}, 0, false or an empty {@link Optional}, never as null, except the times
 * of {@link State} that the engine writes as its zero time.
 *
 * @param id the full id
 * @param name the name, without the leading {@code /} the engine writes
 * @param created when it was created
 * @param image the image as given at create time ({@code Config.Image})
 * @param imageId the image's id
 * @param command the entrypoint and command as the engine runs them ({@code Path} + {@code Args})
 * @param state the run state
 * @param restartCount how often the engine restarted it
 * @param config what the container runs and how ({@code Config})
 * @param hostConfig how the host runs it ({@code HostConfig})
 * @param networkSettings its networks and published ports ({@code NetworkSettings})
 * @param mounts what is mounted into it, as the engine made it ({@code Mounts})
 * @param sizeRw the size in bytes of the files it wrote or changed ({@code SizeRw}); only when
 *     inspected with the size ({@code Container.inspect(true)}), empty otherwise
 * @param sizeRootFs the size in bytes of all its files, the image's included ({@code
 *     SizeRootFs}); only when inspected with the size, empty otherwise
 * @param raw the whole JSON answer, unmodifiable
 */
public record ContainerDetails(
    String id,
    String name,
    Instant created,
    String image,
    String imageId,
    List<String> command,
    State state,
    int restartCount,
    Config config,
    HostConfig hostConfig,
    NetworkSettings networkSettings,
    List<MountPoint> mounts,
    OptionalLong sizeRw,
    OptionalLong sizeRootFs,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable and checks that nothing is null. */
  public ContainerDetails {
    command = List.copyOf(command);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hostConfig, "hostConfig");
    Objects.requireNonNull(networkSettings, "networkSettings");
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(sizeRw, "sizeRw");
    Objects.requireNonNull(sizeRootFs, "sizeRootFs");
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** The labels ({@code Config.Labels}), the image's included; the same as {@code config().labels()}. */
  public Map<String, String> labels() {
    return config.labels();
  }

  /**
   * The environment, each {@code NAME=VALUE} ({@code Config.Env}), the image's included; {@code
   * config().env()} has it typed.
   */
  public List<String> env() {
    List<String> out = new ArrayList<>();
    for (EnvVar v : config.env()) {
      out.add(v.toString());
    }
    return List.copyOf(out);
  }

  private static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, what)));
  }

  /**
   * The run state ({@code State} in the inspect answer).
   *
   * @param status {@code created}, {@code running}, {@code paused}, {@code restarting},
   *     {@code removing}, {@code exited} or {@code dead}
   * @param running whether it runs (also while paused)
   * @param paused whether it is paused
   * @param restarting whether the engine is restarting it after it stopped
   * @param oomKilled whether its last run was ended by the kernel for want of memory ({@code
   *     OOMKilled})
   * @param dead whether the engine failed to remove it and gave up
   * @param pid the main process's id on the host, 0 when not running
   * @param exitCode the last exit code (0 before the first exit on dockerd; Podman says -1)
   * @param error the engine's error text from the last start, empty when none
   * @param startedAt when it last started, or null if never
   * @param finishedAt when it last stopped, or null if never
   * @param health the health check's state, empty when there is no health check (Podman sends a
   *     {@code Health} with an empty status then: that reads as empty too)
   */
  public record State(
      String status,
      boolean running,
      boolean paused,
      boolean restarting,
      boolean oomKilled,
      boolean dead,
      long pid,
      int exitCode,
      String error,
      Instant startedAt,
      Instant finishedAt,
      Optional<Health> health) {
    /** Checks that the texts and the health are not null. */
    public State {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(health, "health");
    }
  }

  /**
   * The state of a container's health check ({@code State.Health}).
   *
   * @param status {@code starting}, {@code healthy} or {@code unhealthy}
   * @param failingStreak how many checks in a row failed, 0 after one passed
   * @param log the last checks, the oldest first (the engine keeps five)
   */
  public record Health(String status, int failingStreak, List<HealthProbe> log) {
    /** Makes the log unmodifiable. */
    public Health {
      Objects.requireNonNull(status, "status");
      log = List.copyOf(log);
    }

    /** The newest check, if any ran. */
    public Optional<HealthProbe> lastProbe() {
      return log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1));
    }
  }

  /**
   * One run of a health check ({@code State.Health.Log[]}).
   *
   * @param start when it started
   * @param end when it ended
   * @param exitCode its exit code: 0 healthy, 1 unhealthy, -1 when the engine could not run it
   * @param output what it printed, cut short by the engine (4 KiB)
   */
  public record HealthProbe(Instant start, Instant end, int exitCode, String output) {
    /** Checks that the output is not null. */
    public HealthProbe {
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * What the container runs and how ({@code Config}): what {@code docker create} took, merged
   * with the image's defaults.
   *
   * @param hostname the host name inside the container
   * @param domainname the domain name inside the container, {@code ""} when none
   * @param user the user it runs as ({@code name|uid[:group|gid]}), {@code ""} for the image's
   * @param attachStdin whether stdin is attached at start
   * @param attachStdout whether stdout is attached at start
   * @param attachStderr whether stderr is attached at start
   * @param exposedPorts the exposed ports, the published ones and the image's included, ports in
   *     a row with one protocol read as one range
   * @param tty whether a pseudo-TTY is allocated ({@code -t})
   * @param openStdin whether stdin is kept open ({@code -i})
   * @param stdinOnce whether stdin closes after the first attached client leaves
   * @param env the environment, the image's included ({@code Env})
   * @param cmd the command ({@code Cmd}), the image's if none was given
   * @param healthcheck the health check, the image's if none was given; empty when neither has
   *     one
   * @param image the image as given at create time, in the form the CLI shows
   * @param volumes the container paths of the anonymous volumes ({@code Volumes}), the image's
   *     included
   * @param workingDir the working directory, {@code ""} for the image's ({@code /})
   * @param entrypoint the entrypoint, the image's if none was given; empty when neither has one
   * @param labels the labels, the image's included
   * @param stopSignal the stop signal by name such as {@code SIGINT}, {@code ""} for the default
   *     (Podman writes numbers: they read as names)
   * @param stopTimeout the stop timeout in whole seconds, empty for the engine's default
   */
  public record Config(
      String hostname,
      String domainname,
      String user,
      boolean attachStdin,
      boolean attachStdout,
      boolean attachStderr,
      List<ExposedPort> exposedPorts,
      boolean tty,
      boolean openStdin,
      boolean stdinOnce,
      List<EnvVar> env,
      List<String> cmd,
      Optional<Healthcheck> healthcheck,
      String image,
      List<String> volumes,
      String workingDir,
      List<String> entrypoint,
      Map<String, String> labels,
      String stopSignal,
      Optional<Duration> stopTimeout) {
    /** Makes the lists and maps unmodifiable and checks that nothing is null. */
    public Config {
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(domainname, "domainname");
      Objects.requireNonNull(user, "user");
      exposedPorts = List.copyOf(exposedPorts);
      env = List.copyOf(env);
      cmd = List.copyOf(cmd);
      Objects.requireNonNull(healthcheck, "healthcheck");
      volumes = List.copyOf(volumes);
      Objects.requireNonNull(workingDir, "workingDir");
      entrypoint = List.copyOf(entrypoint);
      labels = copy(labels, "labels");
      Objects.requireNonNull(stopSignal, "stopSignal");
      Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /**
     * The streams attached at start as {@link ContainerSpec#attach()} names them: {@code
     * stdin}, {@code stdout}, {@code stderr}, in that order.
     */
    public List<String> attach() {
      List<String> out = new ArrayList<>();
      if (attachStdin) {
        out.add("stdin");
      }
      if (attachStdout) {
        out.add("stdout");
      }
      if (attachStderr) {
        out.add("stderr");
      }
      return List.copyOf(out);
    }
  }

  /**
   * How the host runs the container ({@code HostConfig}): what {@code docker create} set that is
   * not in {@link Config}. The values are of the types {@link ContainerSpec} takes, and read back
   * as the spec said them where the engine rewrote them: a Podman bind's added {@code
   * rprivate,rbind}, dockerd's {@code CAP_} before a capability, a link stored as {@code
   * /db:/web/db}.
   *
   * @param binds the {@code -v} mounts ({@code Binds}), as {@link Mount#parseVolumeFlag} reads
   *     them
   * @param mounts the {@code --mount} mounts ({@code Mounts}), as {@link Mount#parseMountFlag}
   *     reads them
   * @param tmpfs the {@code --tmpfs} mounts ({@code Tmpfs}), as {@link Mount#parseTmpfsFlag}
   *     reads them
   * @param portBindings the published ports ({@code PortBindings}), container ports in a row that
   *     go to host ports in a row read as one range
   * @param publishAllPorts whether every exposed port is published to a random host port
   * @param restartPolicy the restart policy; {@link RestartPolicy#no()} when none
   * @param autoRemove whether it is removed when it exits ({@code --rm})
   * @param networkMode the network mode: {@code default}, {@code bridge}, {@code host}, {@code
   *     none}, {@code container:ID} or a network's name
   * @param links the legacy links, as {@code --link} took them
   * @param extraHosts the extra {@code /etc/hosts} lines, each {@code host:ip}
   * @param dns the DNS servers
   * @param dnsOptions the resolver options
   * @param dnsSearch the DNS search domains
   * @param capAdd the capabilities added, without the {@code CAP_} dockerd writes before them
   * @param capDrop the capabilities dropped, without the {@code CAP_}
   * @param securityOpt the security options such as {@code no-new-privileges}
   * @param privileged whether it is privileged
   * @param readonlyRootfs whether its root filesystem is read-only ({@code --read-only})
   * @param init whether an init process runs as PID 1 ({@code --init})
   * @param logConfig the log driver and its options
   * @param volumeDriver the volume driver for {@code -v} volumes, {@code ""} for the default
   * @param volumesFrom the containers whose volumes it mounts
   * @param groupAdd the extra groups
   * @param ipcMode the IPC namespace mode, {@code ""} for the engine's
   * @param pidMode the PID namespace mode, {@code ""} for its own (Podman says {@code private})
   * @param utsMode the UTS namespace mode, {@code ""} for its own (Podman says {@code private})
   * @param usernsMode the user namespace mode, {@code ""} for the engine's
   * @param cgroupnsMode the cgroup namespace mode, {@code host} or {@code private}
   * @param oomScoreAdj the OOM score adjustment
   * @param shmSize the size of {@code /dev/shm} in bytes
   * @param sysctls the namespaced kernel parameters
   * @param storageOpt the storage driver options
   * @param runtime the OCI runtime, such as {@code runc}
   * @param isolation the isolation technology (Windows), {@code ""} on Linux
   * @param annotations the OCI annotations (API 1.43+)
   * @param resources the resource limits
   */
  public record HostConfig(
      List<Mount> binds,
      List<Mount> mounts,
      List<Mount> tmpfs,
      List<PortBinding> portBindings,
      boolean publishAllPorts,
      RestartPolicy restartPolicy,
      boolean autoRemove,
      String networkMode,
      List<Link> links,
      List<String> extraHosts,
      List<String> dns,
      List<String> dnsOptions,
      List<String> dnsSearch,
      List<String> capAdd,
      List<String> capDrop,
      List<String> securityOpt,
      boolean privileged,
      boolean readonlyRootfs,
      boolean init,
      LogConfig logConfig,
      String volumeDriver,
      List<String> volumesFrom,
      List<String> groupAdd,
      String ipcMode,
      String pidMode,
      String utsMode,
      String usernsMode,
      String cgroupnsMode,
      long oomScoreAdj,
      long shmSize,
      Map<String, String> sysctls,
      Map<String, String> storageOpt,
      String runtime,
      String isolation,
      Map<String, String> annotations,
      Resources resources) {
    /** Makes the lists and maps unmodifiable and checks that nothing is null. */
    public HostConfig {
      binds = List.copyOf(binds);
      mounts = List.copyOf(mounts);
      tmpfs = List.copyOf(tmpfs);
      portBindings = List.copyOf(portBindings);
      Objects.requireNonNull(restartPolicy, "restartPolicy");
      Objects.requireNonNull(networkMode, "networkMode");
      links = List.copyOf(links);
      extraHosts = List.copyOf(extraHosts);
      dns = List.copyOf(dns);
      dnsOptions = List.copyOf(dnsOptions);
      dnsSearch = List.copyOf(dnsSearch);
      capAdd = List.copyOf(capAdd);
      capDrop = List.copyOf(capDrop);
      securityOpt = List.copyOf(securityOpt);
      Objects.requireNonNull(logConfig, "logConfig");
      Objects.requireNonNull(volumeDriver, "volumeDriver");
      volumesFrom = List.copyOf(volumesFrom);
      groupAdd = List.copyOf(groupAdd);
      Objects.requireNonNull(ipcMode, "ipcMode");
      Objects.requireNonNull(pidMode, "pidMode");
      Objects.requireNonNull(utsMode, "utsMode");
      Objects.requireNonNull(usernsMode, "usernsMode");
      Objects.requireNonNull(cgroupnsMode, "cgroupnsMode");
      sysctls = copy(sysctls, "sysctls");
      storageOpt = copy(storageOpt, "storageOpt");
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(isolation, "isolation");
      annotations = copy(annotations, "annotations");
      Objects.requireNonNull(resources, "resources");
    }

    /**
     * Every mount the host config holds, in the order binds, mounts, tmpfs: compare it with the
     * {@link ContainerSpec#mounts()} that are not anonymous {@code -v} volumes (those are in
     * {@link Config#volumes()}).
     */
    public List<Mount> allMounts() {
      List<Mount> out = new ArrayList<>(binds);
      out.addAll(mounts);
      out.addAll(tmpfs);
      return List.copyOf(out);
    }
  }

  /**
   * The resource limits of a container ({@code HostConfig}'s {@code Resources} fields). A 0 (or
   * an empty list, an empty text) is no limit, as the engine writes it.
   *
   * @param memory the memory limit in bytes ({@code -m})
   * @param memoryReservation the soft memory limit in bytes
   * @param memorySwap memory plus swap in bytes, -1 for unlimited swap
   * @param memorySwappiness the swappiness 0-100, empty for the host's (dockerd writes null,
   *     Podman -1: both read as empty)
   * @param kernelMemory the kernel memory limit in bytes (ignored from API 1.42)
   * @param nanoCpus the CPU limit in billionths of a CPU ({@code --cpus})
   * @param cpuShares the relative CPU weight ({@code -c})
   * @param cpuPeriod the CFS period in microseconds
   * @param cpuQuota the CFS quota in microseconds
   * @param cpuRealtimePeriod the real-time period in microseconds
   * @param cpuRealtimeRuntime the real-time runtime in microseconds
   * @param cpusetCpus the CPUs it may run on, such as {@code 0-2}
   * @param cpusetMems the memory nodes it may use
   * @param cgroupParent the parent cgroup
   * @param blkioWeight the relative block IO weight, 10-1000
   * @param blkioWeightDevice the per-device weights, each {@code path:weight}
   * @param blkioDeviceReadBps the read limits, each {@code path:bytes-per-second}
   * @param blkioDeviceWriteBps the write limits, each {@code path:bytes-per-second}
   * @param blkioDeviceReadIOps the read limits, each {@code path:operations-per-second}
   * @param blkioDeviceWriteIOps the write limits, each {@code path:operations-per-second}
   * @param devices the host devices, each as {@code --device} takes it: {@code host}, {@code
   *     host:perms}, {@code host:container} or {@code host:container:perms}, the parts that are
   *     the defaults (the same path, {@code rwm}) left out
   * @param deviceCgroupRules the device cgroup rules
   * @param oomKillDisable whether the OOM killer is off for it
   * @param pidsLimit the process limit, 0 for none (-1 and null read as 0)
   * @param ulimits the ulimits as {@code --ulimit} takes them: {@code name=soft:hard}, or {@code
   *     name=soft} when the two are the same
   */
  public record Resources(
      long memory,
      long memoryReservation,
      long memorySwap,
      OptionalLong memorySwappiness,
      long kernelMemory,
      long nanoCpus,
      long cpuShares,
      long cpuPeriod,
      long cpuQuota,
      long cpuRealtimePeriod,
      long cpuRealtimeRuntime,
      String cpusetCpus,
      String cpusetMems,
      String cgroupParent,
      long blkioWeight,
      List<String> blkioWeightDevice,
      List<String> blkioDeviceReadBps,
      List<String> blkioDeviceWriteBps,
      List<String> blkioDeviceReadIOps,
      List<String> blkioDeviceWriteIOps,
      List<String> devices,
      List<String> deviceCgroupRules,
      boolean oomKillDisable,
      long pidsLimit,
      List<String> ulimits) {
    /** Makes the lists unmodifiable and checks that nothing is null. */
    public Resources {
      Objects.requireNonNull(memorySwappiness, "memorySwappiness");
      Objects.requireNonNull(cpusetCpus, "cpusetCpus");
      Objects.requireNonNull(cpusetMems, "cpusetMems");
      Objects.requireNonNull(cgroupParent, "cgroupParent");
      blkioWeightDevice = List.copyOf(blkioWeightDevice);
      blkioDeviceReadBps = List.copyOf(blkioDeviceReadBps);
      blkioDeviceWriteBps = List.copyOf(blkioDeviceWriteBps);
      blkioDeviceReadIOps = List.copyOf(blkioDeviceReadIOps);
      blkioDeviceWriteIOps = List.copyOf(blkioDeviceWriteIOps);
      devices = List.copyOf(devices);
      deviceCgroupRules = List.copyOf(deviceCgroupRules);
      ulimits = List.copyOf(ulimits);
    }
  }

  /**
   * Where the container's output goes ({@code HostConfig.LogConfig}).
   *
   * @param type the log driver, such as {@code json-file}; {@code ""} for the engine's default
   * @param config the driver's options ({@code --log-opt}); Podman 4.3 keeps none
   */
  public record LogConfig(String type, Map<String, String> config) {
    /** Makes the options unmodifiable. */
    public LogConfig {
      Objects.requireNonNull(type, "type");
      config = copy(config, "config");
    }
  }

  /**
   * A container's networks and published ports ({@code NetworkSettings}).
   *
   * @param networks each network it is on, by name ({@code Networks})
   * @param ports the published ports with the host ports the engine chose ({@code Ports}); empty
   *     while it does not run on dockerd
   * @param sandboxKey the path of its network namespace, {@code ""} when it does not run
   */
  public record NetworkSettings(
      Map<String, Endpoint> networks, List<PortMapping> ports, String sandboxKey) {
    /** Makes the map and the list unmodifiable. */
    public NetworkSettings {
      networks = copy(networks, "networks");
      ports = List.copyOf(ports);
      Objects.requireNonNull(sandboxKey, "sandboxKey");
    }
  }

  /**
   * A container's place on one network ({@code NetworkSettings.Networks.*}). The addresses are
   * {@code ""} while it does not run.
   *
   * @param networkId the network's id (Podman writes its name)
   * @param endpointId the endpoint's id
   * @param ipAddress the IPv4 address
   * @param ipPrefixLen the IPv4 prefix length
   * @param gateway the IPv4 gateway
   * @param globalIPv6Address the IPv6 address
   * @param globalIPv6PrefixLen the IPv6 prefix length
   * @param ipv6Gateway the IPv6 gateway
   * @param macAddress the MAC address
   * @param aliases the names it has on the network (the engine adds the short id)
   * @param links the legacy links on the network
   * @param ipamIPv4Address the static IPv4 address asked for ({@code --ip}), {@code ""} when none
   * @param ipamIPv6Address the static IPv6 address asked for ({@code --ip6}), {@code ""} when none
   * @param ipamLinkLocalIps the link-local addresses asked for ({@code --link-local-ip})
   */
  public record Endpoint(
      String networkId,
      String endpointId,
      String ipAddress,
      int ipPrefixLen,
      String gateway,
      String globalIPv6Address,
      int globalIPv6PrefixLen,
      String ipv6Gateway,
      String macAddress,
      List<String> aliases,
      List<Link> links,
      String ipamIPv4Address,
      String ipamIPv6Address,
      List<String> ipamLinkLocalIps) {
    /** Makes the lists unmodifiable and checks that nothing is null. */
    public Endpoint {
      Objects.requireNonNull(networkId, "networkId");
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(ipAddress, "ipAddress");
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(globalIPv6Address, "globalIPv6Address");
      Objects.requireNonNull(ipv6Gateway, "ipv6Gateway");
      Objects.requireNonNull(macAddress, "macAddress");
      aliases = List.copyOf(aliases);
      links = List.copyOf(links);
      Objects.requireNonNull(ipamIPv4Address, "ipamIPv4Address");
      Objects.requireNonNull(ipamIPv6Address, "ipamIPv6Address");
      ipamLinkLocalIps = List.copyOf(ipamLinkLocalIps);
    }
  }

  /**
   * One mount as the engine made it ({@code Mounts[]}): the host side resolved, a volume's path
   * on the host included.
   *
   * @param type {@code bind}, {@code volume}, {@code tmpfs} or {@code npipe}
   * @param name the volume's name, {@code ""} for other types
   * @param source the host path ({@code ""} for a tmpfs)
   * @param destination the path inside the container
   * @param driver the volume's driver, {@code ""} for other types
   * @param mode the options as given to {@code -v} (such as {@code ro} or {@code z}), {@code ""}
   *     for none
   * @param rw whether the container may write to it
   * @param propagation the bind propagation, such as {@code rprivate}; {@code ""} when none
   */
  public record MountPoint(
      String type,
      String name,
      String source,
      String destination,
      String driver,
      String mode,
      boolean rw,
      String propagation) {
    /** Checks that nothing is null. */
    public MountPoint {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(driver, "driver");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(propagation, "propagation");
    }
  }
}
