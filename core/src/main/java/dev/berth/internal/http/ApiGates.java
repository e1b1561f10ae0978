package dev.berth.internal.http;

import dev.berth.UnsupportedApiVersionException;
import dev.berth.model.ApiVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of every query parameter and JSON body field Berth sends, each with the Engine API
 * version that introduced it and, where one did, the version that removed it (sources: the Engine
 * API CHANGELOG, 1.40–1.56). {@link ApiClient.Call#open()} applies it to every versioned request
 * before anything reaches the transport:
 *
 * <ul>
 *   <li>a field newer than the version spoken fails with an {@link UnsupportedApiVersionException}
 *       naming the field (and the CLI flag), the version it needs and the one spoken;
 *   <li>a field removed at or before the version spoken is left out of what is sent;
 *   <li>with the system property {@value #STRICT_PROPERTY} set to {@code true} (the test suites
 *       set it), an endpoint, a query parameter or a body field the table does not list fails with
 *       an {@link IllegalStateException}, so the suites prove the table covers what Berth sends.
 * </ul>
 *
 * <p>The table's grammar, one item per line ({@code #} starts a comment):
 *
 * <pre>
 * group NAME                 rows until the next group or endpoint, included with "path @NAME"
 * METHOD /spec/path/{id}     an endpoint, as the spec's paths name it; "echo" after it means the
 *                            body is the engine's own object sent back (unlisted fields pass)
 * ?param  [versions] [flag]  a query parameter
 * A.B[].C [versions] [flag]  a body field: "." into an object, "[]" into a list's items, "*" any
 *                            key of a map; a trailing "{}" is a free-form map, not looked into
 * versions                   "1.41" (since), "1.40..1.44" (since, removed in); none means 1.40,
 *                            Berth's oldest (everything at or before it)
 * flag                       the CLI flag for messages, e.g. "--cgroupns"
 * </pre>
 */
final class ApiGates {
  /** The system property that turns strict mode on. */
  static final String STRICT_PROPERTY = "dev.berth.gates.strict";

  static final String TABLE = """
      group Healthcheck
        Test
        Interval
        Timeout
        StartPeriod
        StartInterval                  1.44   --health-start-interval
        Retries

      group Mount
        Type
        Source
        Target
        ReadOnly
        Consistency
        BindOptions.Propagation
        BindOptions.NonRecursive
        VolumeOptions.NoCopy
        VolumeOptions.Labels{}
        VolumeOptions.DriverConfig.Name
        VolumeOptions.DriverConfig.Options{}
        TmpfsOptions.SizeBytes
        TmpfsOptions.Mode

      group Ulimit
        Name
        Soft
        Hard

      group Throttle
        Path
        Rate

      group UpdateConfig
        Parallelism
        Delay
        FailureAction
        Monitor
        MaxFailureRatio
        Order

      group ServiceSpec
        Name
        Labels{}
        TaskTemplate.ContainerSpec.Image
        TaskTemplate.ContainerSpec.Labels{}
        TaskTemplate.ContainerSpec.Command
        TaskTemplate.ContainerSpec.Args
        TaskTemplate.ContainerSpec.Hostname
        TaskTemplate.ContainerSpec.Env
        TaskTemplate.ContainerSpec.Dir
        TaskTemplate.ContainerSpec.User
        TaskTemplate.ContainerSpec.Groups
        TaskTemplate.ContainerSpec.TTY
        TaskTemplate.ContainerSpec.ReadOnly
        TaskTemplate.ContainerSpec.Mounts[]                       @Mount
        TaskTemplate.ContainerSpec.StopSignal
        TaskTemplate.ContainerSpec.StopGracePeriod
        TaskTemplate.ContainerSpec.Healthcheck                    @Healthcheck
        TaskTemplate.ContainerSpec.Hosts
        TaskTemplate.ContainerSpec.DNSConfig.Nameservers
        TaskTemplate.ContainerSpec.DNSConfig.Search
        TaskTemplate.ContainerSpec.DNSConfig.Options
        TaskTemplate.ContainerSpec.Secrets[].File.Name
        TaskTemplate.ContainerSpec.Secrets[].File.UID
        TaskTemplate.ContainerSpec.Secrets[].File.GID
        TaskTemplate.ContainerSpec.Secrets[].File.Mode
        TaskTemplate.ContainerSpec.Secrets[].SecretID
        TaskTemplate.ContainerSpec.Secrets[].SecretName
        TaskTemplate.ContainerSpec.Configs[].File.Name
        TaskTemplate.ContainerSpec.Configs[].File.UID
        TaskTemplate.ContainerSpec.Configs[].File.GID
        TaskTemplate.ContainerSpec.Configs[].File.Mode
        TaskTemplate.ContainerSpec.Configs[].ConfigID
        TaskTemplate.ContainerSpec.Configs[].ConfigName
        TaskTemplate.ContainerSpec.Init
        TaskTemplate.ContainerSpec.Sysctls{}
        TaskTemplate.ContainerSpec.CapabilityAdd                  1.41   --cap-add
        TaskTemplate.ContainerSpec.CapabilityDrop                 1.41   --cap-drop
        TaskTemplate.ContainerSpec.Ulimits                        1.41   --ulimit
        TaskTemplate.ContainerSpec.Ulimits[]                      @Ulimit
        TaskTemplate.ContainerSpec.Isolation
        TaskTemplate.Resources.Limits.NanoCPUs
        TaskTemplate.Resources.Limits.MemoryBytes
        TaskTemplate.Resources.Limits.Pids                        1.41   --limit-pids
        TaskTemplate.Resources.Reservations.NanoCPUs
        TaskTemplate.Resources.Reservations.MemoryBytes
        TaskTemplate.RestartPolicy.Condition
        TaskTemplate.RestartPolicy.Delay
        TaskTemplate.RestartPolicy.MaxAttempts
        TaskTemplate.RestartPolicy.Window
        TaskTemplate.Placement.Constraints
        TaskTemplate.Placement.Preferences[].Spread.SpreadDescriptor
        TaskTemplate.Placement.MaxReplicas
        TaskTemplate.Networks[].Target
        TaskTemplate.LogDriver.Name
        TaskTemplate.LogDriver.Options{}
        TaskTemplate.ForceUpdate
        Mode.Replicated.Replicas
        Mode.Global
        Mode.ReplicatedJob                                        1.41   --mode replicated-job
        Mode.ReplicatedJob.MaxConcurrent
        Mode.ReplicatedJob.TotalCompletions
        Mode.GlobalJob                                            1.41   --mode global-job
        UpdateConfig                                              @UpdateConfig
        RollbackConfig                                            @UpdateConfig
        EndpointSpec.Mode
        EndpointSpec.Ports[].Protocol
        EndpointSpec.Ports[].TargetPort
        EndpointSpec.Ports[].PublishedPort
        EndpointSpec.Ports[].PublishMode

      # ---- system
      GET /version
      GET /info
      GET /system/df
      POST /auth
        username
        password
        serveraddress
        identitytoken
      GET /events
        ?since
        ?until
        ?filters{}

      # ---- containers
      GET /containers/json
        ?all
        ?limit
        ?size
        ?filters{}
      POST /containers/create
        ?name
        ?platform                      1.41   --platform
        Hostname
        Domainname
        User
        AttachStdin
        AttachStdout
        AttachStderr
        ExposedPorts{}
        Tty
        OpenStdin
        StdinOnce
        Env
        Cmd
        Healthcheck                    @Healthcheck
        Image
        Volumes{}
        WorkingDir
        Entrypoint
        # deprecated in 1.44 (Berth then sends the endpoint's MacAddress), gone in 1.52
        MacAddress                     1.40..1.52   --mac-address
        Labels{}
        StopSignal
        StopTimeout
        HostConfig.Binds
        HostConfig.LogConfig.Type
        HostConfig.LogConfig.Config{}
        HostConfig.NetworkMode
        HostConfig.PortBindings.*[].HostIp
        HostConfig.PortBindings.*[].HostPort
        HostConfig.RestartPolicy.Name
        HostConfig.RestartPolicy.MaximumRetryCount
        HostConfig.AutoRemove
        HostConfig.VolumeDriver
        HostConfig.VolumesFrom
        HostConfig.CapAdd
        HostConfig.CapDrop
        HostConfig.CgroupnsMode        1.41   --cgroupns
        HostConfig.Dns
        HostConfig.DnsOptions
        HostConfig.DnsSearch
        HostConfig.ExtraHosts
        HostConfig.GroupAdd
        HostConfig.IpcMode
        HostConfig.Links
        HostConfig.OomScoreAdj
        HostConfig.PidMode
        HostConfig.Privileged
        HostConfig.PublishAllPorts
        HostConfig.ReadonlyRootfs
        HostConfig.SecurityOpt
        HostConfig.StorageOpt{}
        HostConfig.Tmpfs{}
        HostConfig.UTSMode
        HostConfig.UsernsMode
        HostConfig.ShmSize
        HostConfig.Sysctls{}
        HostConfig.Runtime
        HostConfig.Isolation
        HostConfig.Init
        HostConfig.Annotations{}       1.43   --annotation
        HostConfig.Mounts[]            @Mount
        HostConfig.CpuShares
        HostConfig.Memory
        HostConfig.NanoCpus
        HostConfig.CgroupParent
        HostConfig.BlkioWeight
        HostConfig.BlkioWeightDevice[].Path
        HostConfig.BlkioWeightDevice[].Weight
        HostConfig.BlkioDeviceReadBps[]     @Throttle
        HostConfig.BlkioDeviceWriteBps[]    @Throttle
        HostConfig.BlkioDeviceReadIOps[]    @Throttle
        HostConfig.BlkioDeviceWriteIOps[]   @Throttle
        HostConfig.CpuPeriod
        HostConfig.CpuQuota
        HostConfig.CpuRealtimePeriod
        HostConfig.CpuRealtimeRuntime
        HostConfig.CpusetCpus
        HostConfig.CpusetMems
        HostConfig.Devices[].PathOnHost
        HostConfig.Devices[].PathInContainer
        HostConfig.Devices[].CgroupPermissions
        HostConfig.DeviceCgroupRules
        HostConfig.DeviceRequests[].Driver
        HostConfig.DeviceRequests[].Count
        HostConfig.DeviceRequests[].DeviceIDs
        HostConfig.DeviceRequests[].Capabilities
        HostConfig.DeviceRequests[].Options{}
        # ignored from 1.42 on, and gone from the spec
        HostConfig.KernelMemory        1.40..1.42   --kernel-memory
        HostConfig.MemoryReservation
        HostConfig.MemorySwap
        HostConfig.MemorySwappiness
        HostConfig.OomKillDisable
        HostConfig.PidsLimit
        HostConfig.Ulimits[]           @Ulimit
        # 1.44 made create honour an endpoint's MacAddress (the field was output only before)
        NetworkingConfig.EndpointsConfig.*.MacAddress              1.44   --mac-address
        NetworkingConfig.EndpointsConfig.*.IPAMConfig.IPv4Address
        NetworkingConfig.EndpointsConfig.*.IPAMConfig.IPv6Address
        NetworkingConfig.EndpointsConfig.*.IPAMConfig.LinkLocalIPs
        NetworkingConfig.EndpointsConfig.*.Aliases
      GET /containers/{id}/json
        ?size
      GET /containers/{id}/top
        ?ps_args
      GET /containers/{id}/logs
        ?stdout
        ?stderr
        ?follow
        ?timestamps
        ?tail
        ?since
        ?until
      GET /containers/{id}/changes
      GET /containers/{id}/export
      GET /containers/{id}/stats
        ?stream
      POST /containers/{id}/resize
        ?w
        ?h
      POST /containers/{id}/start
      POST /containers/{id}/stop
        ?t
      POST /containers/{id}/restart
        ?t
      POST /containers/{id}/kill
        ?signal
      POST /containers/{id}/update
        Memory
        MemorySwap
        MemoryReservation
        KernelMemory        1.40..1.42   --kernel-memory
        NanoCpus
        CpuShares
        CpuPeriod
        CpuQuota
        CpuRealtimePeriod
        CpuRealtimeRuntime
        CpusetCpus
        CpusetMems
        BlkioWeight
        PidsLimit
        RestartPolicy.Name
        RestartPolicy.MaximumRetryCount
      POST /containers/{id}/rename
        ?name
      POST /containers/{id}/pause
      POST /containers/{id}/unpause
      POST /containers/{id}/attach
        ?stream
        ?stdin
        ?stdout
        ?stderr
        ?logs
        ?detachKeys
      POST /containers/{id}/wait
        ?condition
      DELETE /containers/{id}
        ?force
        ?v
        ?link
      HEAD /containers/{id}/archive
        ?path
      GET /containers/{id}/archive
        ?path
      PUT /containers/{id}/archive
        ?path
        ?noOverwriteDirNonDir
      POST /containers/prune
        ?filters{}
      POST /commit
        ?container
        ?repo
        ?tag
        ?comment
        ?author
        ?pause
        ?changes

      # ---- exec
      POST /containers/{id}/exec
        AttachStdin
        AttachStdout
        AttachStderr
        Tty
        Cmd
        Env
        WorkingDir
        User
        Privileged
      POST /exec/{id}/start
        Detach
        Tty
      POST /exec/{id}/resize
        ?w
        ?h
      GET /exec/{id}/json

      # ---- images
      GET /images/json
        ?all
        ?filters{}
      POST /build
        ?dockerfile
        ?t
        ?buildargs
        ?labels
        ?target
        ?nocache
        ?pull
        ?platform
        ?cachefrom
        ?networkmode
        ?shmsize
        ?ulimits
        ?rm
        ?forcerm
      POST /images/create
        ?fromImage
        ?fromSrc
        ?repo
        ?tag
        ?platform
        ?changes
      GET /images/{name}/json
      GET /images/{name}/history
      POST /images/{name}/push
        ?tag
      POST /images/{name}/tag
        ?repo
        ?tag
      DELETE /images/{name}
        ?force
        ?noprune
      GET /images/search
        ?term
        ?limit
      POST /images/prune
        ?filters{}
      GET /images/get
        ?names
      POST /images/load
        ?quiet

      # ---- volumes
      GET /volumes
        ?filters{}
      POST /volumes/create
        Name
        Driver
        DriverOpts{}
        Labels{}
      GET /volumes/{name}
      DELETE /volumes/{name}
        ?force
      POST /volumes/prune
        ?filters{}

      # ---- networks
      GET /networks
        ?filters{}
      GET /networks/{id}
      DELETE /networks/{id}
      POST /networks/create
        Name
        # duplicate names always fail from 1.44; the field is gone from the spec
        CheckDuplicate                 1.40..1.44
        Driver
        Internal
        Attachable
        EnableIPv6
        IPAM.Driver
        IPAM.Config[].Subnet
        IPAM.Config[].Gateway
        IPAM.Config[].IPRange
        IPAM.Config[].AuxiliaryAddresses{}
        Labels{}
        Options{}
      POST /networks/{id}/connect
        Container
        EndpointConfig.Aliases
        EndpointConfig.IPAMConfig.IPv4Address
      POST /networks/{id}/disconnect
        Container
        Force
      POST /networks/prune
        ?filters{}

      # ---- swarm
      GET /swarm
      POST /swarm/init
        ListenAddr
        AdvertiseAddr
        DataPathAddr
        ForceNewCluster
        Spec.Labels{}
        Spec.Orchestration.TaskHistoryRetentionLimit
        Spec.EncryptionConfig.AutoLockManagers
      POST /swarm/join
        ListenAddr
        AdvertiseAddr
        DataPathAddr
        RemoteAddrs
        JoinToken
      POST /swarm/leave
        ?force
      POST /swarm/update echo
        ?version
        ?rotateWorkerToken
        ?rotateManagerToken
        Labels{}
        Orchestration.TaskHistoryRetentionLimit
        EncryptionConfig.AutoLockManagers
      GET /swarm/unlockkey
      GET /nodes
        ?filters{}
      GET /nodes/{id}
      DELETE /nodes/{id}
        ?force
      POST /nodes/{id}/update echo
        ?version
        Availability
        Role
        Labels{}
      GET /services
        ?filters{}
      POST /services/create
        @ServiceSpec
      GET /services/{id}
      DELETE /services/{id}
      POST /services/{id}/update echo
        ?version
        ?rollback
        @ServiceSpec
      GET /services/{id}/logs
        ?stdout
        ?stderr
        ?follow
        ?timestamps
        ?tail
        ?since
        ?until
      GET /tasks
        ?filters{}
      GET /tasks/{id}
      GET /tasks/{id}/logs
        ?stdout
        ?stderr
        ?follow
        ?timestamps
        ?tail
        ?since
        ?until
      GET /secrets
        ?filters{}
      POST /secrets/create
        Name
        Labels{}
        Data
      GET /secrets/{id}
      DELETE /secrets/{id}
      GET /configs
        ?filters{}
      POST /configs/create
        Name
        Labels{}
        Data
      GET /configs/{id}
      DELETE /configs/{id}
      """;

  private static final ApiVersion FLOOR = ApiClient.MIN_VERSION;
  private static final java.util.Set<String> METHODS =
      java.util.Set.of("GET", "POST", "PUT", "DELETE", "HEAD");

  private static final ApiGates INSTANCE = parse(TABLE);

  /** Where a row's field goes. */
  enum Kind { QUERY, BODY }

  /**
   * One row of the table, after groups are expanded.
   *
   * @param endpoint "METHOD /template"
   * @param kind query parameter or body field
   * @param location the parameter name, or the body path ({@code HostConfig.Mounts[].Type})
   * @param since the version that introduced it (1.40 for all at or before Berth's oldest)
   * @param removedIn the version from which it is not sent, or null
   * @param flag the CLI flag for messages, or null
   * @param freeForm whether it is a map whose keys are not looked into
   */
  record Entry(String endpoint, Kind kind, String location, ApiVersion since,
      ApiVersion removedIn, String flag, boolean freeForm) {
    /** The field as messages name it: {@code --cgroupns (HostConfig.CgroupnsMode)}. */
    String describe() {
      return flag == null ? location : flag + " (" + location + ")";
    }
  }

  /** A body field and what the table says under it. */
  static final class Node {
    Entry entry;
    final Map<String, Node> fields = new LinkedHashMap<>();
    Node anyKey;
    Node items;
  }

  /** One endpoint: its rows and how to recognise its paths. */
  static final class Endpoint {
    final String method;
    final String template;
    final boolean echo;
    /** The template before and after its one parameter; the whole template if it has none. */
    final String prefix;
    final String suffix;
    final boolean literal;
    final int literals;
    final Map<String, Entry> query = new LinkedHashMap<>();
    final Node body = new Node();

    Endpoint(String method, String template, boolean echo) {
      this.method = method;
      this.template = template;
      this.echo = echo;
      int open = template.indexOf('{');
      int close = template.indexOf('}');
      if (open >= 0 && (close < open || template.indexOf('{', open + 1) >= 0)) {
        throw new IllegalStateException("API gates table: " + template
            + " has more than one parameter");
      }
      this.literal = open < 0;
      this.prefix = literal ? template : template.substring(0, open);
      this.suffix = literal ? "" : template.substring(close + 1);
      int literalCount = 0;
      for (String segment : template.substring(1).split("/")) {
        if (!segment.startsWith("{")) {
          literalCount++;
        }
      }
      this.literals = literalCount;
    }

    String name() {
      return method + " " + template;
    }

    /** Whether {@code path} is this template's: its one parameter matches greedily. */
    boolean matches(String path) {
      if (literal) {
        return path.equals(prefix);
      }
      // greedy: image names hold slashes and colons, link names a slash
      return path.length() > prefix.length() + suffix.length() && path.startsWith(prefix)
          && path.endsWith(suffix);
    }
  }

  private final List<Endpoint> endpoints;
  private final List<Entry> entries;

  private ApiGates(List<Endpoint> endpoints, List<Entry> entries) {
    this.endpoints = endpoints;
    this.entries = entries;
  }

  /** The table Berth uses. */
  static ApiGates table() {
    return INSTANCE;
  }

  /** Every row, groups expanded, in table order. */
  List<Entry> entries() {
    return entries;
  }

  /** Every endpoint, in table order. */
  List<Endpoint> endpoints() {
    return endpoints;
  }

  /** Whether strict mode is on: see {@link #STRICT_PROPERTY}. */
  static boolean strict() {
    return Boolean.getBoolean(STRICT_PROPERTY);
  }

  /**
   * The endpoint {@code path} (without the version prefix) belongs to, or null: literal templates
   * win over ones with parameters, then the template with more literal segments.
   */
  Endpoint find(String method, String path) {
    Endpoint best = null;
    for (Endpoint e : endpoints) {
      if (e.method.equals(method) && e.matches(path)
          && (best == null || e.literals > best.literals)) {
        best = e;
      }
    }
    return best;
  }

  /** What {@link #apply} lets through. */
  record Gated(List<Map.Entry<String, String>> query, Object body) {}

  /**
   * Applies the table to one request.
   *
   * @param userComposed whether the caller composed the request itself ({@code
   *     DockerClient.api()}): what the table lists is gated, the rest passes even in strict mode
   * @throws UnsupportedApiVersionException if a field needs a newer version than {@code version}
   * @throws IllegalStateException in strict mode, if the table lacks the endpoint or a field
   */
  Gated apply(String method, String path, List<Map.Entry<String, String>> query, Object body,
      ApiVersion version, boolean userComposed) {
    Endpoint endpoint = find(method, path);
    boolean strict = !userComposed && strict();
    if (endpoint == null) {
      if (strict) {
        throw new IllegalStateException(method + " " + path + " is not in the API gates table"
            + " (" + ApiGates.class.getName() + "); add the endpoint and what it sends");
      }
      return new Gated(query, body);
    }
    List<Map.Entry<String, String>> kept = new ArrayList<>(query.size());
    for (Map.Entry<String, String> q : query) {
      Entry entry = endpoint.query.get(q.getKey());
      if (entry == null) {
        if (strict) {
          throw new IllegalStateException("query parameter " + q.getKey() + " of "
              + endpoint.name() + " is not in the API gates table (" + ApiGates.class.getName()
              + ")");
        }
        kept.add(q);
      } else if (admit(entry, endpoint, version)) {
        kept.add(q);
      }
    }
    Object gatedBody = body == null ? null
        : walk(endpoint.body, body, "", endpoint, version, strict && !endpoint.echo);
    return new Gated(kept, gatedBody);
  }

  /** Whether {@code entry} is sent at {@code version}; throws if it is too new. */
  private static boolean admit(Entry entry, Endpoint endpoint, ApiVersion version) {
    if (entry.removedIn() != null && version.isAtLeast(entry.removedIn())) {
      return false;
    }
    if (!version.isAtLeast(entry.since())) {
      throw new UnsupportedApiVersionException(entry.describe() + " needs Engine API "
          + entry.since() + " or newer; this engine is spoken to in API " + version
          + " (" + endpoint.name() + " was not sent)", entry.since(), version);
    }
    return true;
  }

  private static Object walk(Node node, Object value, String at, Endpoint endpoint,
      ApiVersion version, boolean strict) {
    if (node.entry != null && node.entry.freeForm()) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        String here = at.isEmpty() ? key : at + "." + key;
        Node child = node.fields.get(key);
        if (child == null) {
          child = node.anyKey;
        }
        if (child == null) {
          if (strict) {
            throw new IllegalStateException("body field " + here + " of " + endpoint.name()
                + " is not in the API gates table (" + ApiGates.class.getName() + ")");
          }
          out.put(key, e.getValue());
          continue;
        }
        if (e.getValue() != null && !admit(child.entry, endpoint, version)) {
          continue;
        }
        out.put(key, walk(child, e.getValue(), here, endpoint, version, strict));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (node.items != null) {
          out.add(walk(node.items, item, at + "[]", endpoint, version, strict));
        } else {
          if (strict && item instanceof Map<?, ?>) {
            throw new IllegalStateException("body field " + at + "[] of " + endpoint.name()
                + " holds objects the API gates table does not describe");
          }
          out.add(item);
        }
      }
      return out;
    }
    return value;
  }

  // ---- parsing: plain string work, no regular expressions, so the first request stays cheap

  /** {@code line}'s words, split at spaces. */
  private static String[] words(String line) {
    List<String> out = new ArrayList<>(4);
    int i = 0;
    int n = line.length();
    while (i < n) {
      int space = line.indexOf(' ', i);
      int end = space < 0 ? n : space;
      if (end > i) {
        out.add(line.substring(i, end));
      }
      i = end + 1;
    }
    return out.toArray(new String[0]);
  }

  private static ApiGates parse(String table) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<Endpoint> endpoints = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    List<String> group = null;
    Endpoint endpoint = null;
    for (String raw : table.split("\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = words(line);
      if (words[0].equals("group")) {
        group = new ArrayList<>();
        groups.put(words[1], group);
        endpoint = null;
      } else if (METHODS.contains(words[0])) {
        endpoint = new Endpoint(words[0], words[1], words.length > 2 && words[2].equals("echo"));
        for (Endpoint e : endpoints) {
          if (e.name().equals(endpoint.name())) {
            throw new IllegalStateException("API gates table: " + e.name() + " twice");
          }
        }
        endpoints.add(endpoint);
        group = null;
      } else if (group != null) {
        group.add(line);
      } else if (endpoint != null) {
        row(endpoint, "", line, groups, entries);
      } else {
        throw new IllegalStateException("API gates table: \"" + line + "\" outside an endpoint");
      }
    }
    return new ApiGates(Collections.unmodifiableList(endpoints),
        Collections.unmodifiableList(entries));
  }

  private static void row(Endpoint endpoint, String prefix, String line,
      Map<String, List<String>> groups, List<Entry> entries) {
    String[] words = words(line);
    int next = 0;
    String location = words[0].startsWith("@") ? "" : words[next++];
    String include = null;
    if (next < words.length && words[next].startsWith("@")) {
      include = words[next++].substring(1);
    }
    ApiVersion since = FLOOR;
    ApiVersion removed = null;
    if (next < words.length && !words[next].startsWith("--")) {
      String versions = words[next++];
      int dots = versions.indexOf("..");
      String first = dots < 0 ? versions : versions.substring(0, dots);
      if (!first.isEmpty()) {
        since = ApiVersion.parse(first);
      }
      if (dots >= 0) {
        removed = ApiVersion.parse(versions.substring(dots + 2));
      }
    }
    String flag = next < words.length
        ? String.join(" ", java.util.Arrays.asList(words).subList(next, words.length)) : null;
    if (location.startsWith("?")) {
      boolean free = location.endsWith("{}");
      String name = location.substring(1, location.length() - (free ? 2 : 0));
      Entry e = new Entry(endpoint.name(), Kind.QUERY, name, since, removed, flag, free);
      endpoint.query.put(name, e);
      entries.add(e);
      return;
    }
    String path = prefix.isEmpty() ? location
        : location.isEmpty() ? prefix : prefix + "." + location;
    if (!location.isEmpty() || include == null) {
      boolean free = path.endsWith("{}");
      String clean = free ? path.substring(0, path.length() - 2) : path;
      Entry e = new Entry(endpoint.name(), Kind.BODY, clean, since, removed, flag, free);
      declare(endpoint, clean, e);
      entries.add(e);
    }
    if (include != null) {
      List<String> rows = groups.get(include);
      if (rows == null) {
        throw new IllegalStateException("API gates table: no group " + include);
      }
      for (String r : rows) {
        row(endpoint, path, r, groups, entries);
      }
    }
  }

  /** Puts {@code entry} at {@code path}, making the fields on the way (since 1.40) as needed. */
  private static void declare(Endpoint endpoint, String path, Entry entry) {
    Node node = endpoint.body;
    StringBuilder at = new StringBuilder();
    for (String segment : path.split("\\.")) {
      int lists = 0;
      String name = segment;
      while (name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2);
        lists++;
      }
      if (at.length() > 0) {
        at.append('.');
      }
      at.append(name);
      Node child = name.equals("*") ? node.anyKey : node.fields.get(name);
      if (child == null) {
        child = new Node();
        child.entry = new Entry(endpoint.name(), Kind.BODY, at.toString(), FLOOR, null, null,
            false);
        if (name.equals("*")) {
          node.anyKey = child;
        } else {
          node.fields.put(name, child);
        }
      }
      node = child;
      for (int i = 0; i < lists; i++) {
        at.append("[]");
        if (node.items == null) {
          node.items = new Node();
          node.items.entry = new Entry(endpoint.name(), Kind.BODY, at.toString(), FLOOR, null,
              null, false);
        }
        node = node.items;
      }
    }
    if (node.entry != null && !node.entry.location().equals(entry.location())) {
      throw new IllegalStateException("API gates table: " + entry.location() + " clashes");
    }
    node.entry = entry;
  }
}
