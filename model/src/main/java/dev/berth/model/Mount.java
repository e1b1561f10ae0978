package dev.berth.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A filesystem mounted into a container: a host directory (bind), a volume, or a tmpfs, together
 * with the docker CLI syntax it came from, because the engine is told about each syntax in a
 * different place: {@code -v} in {@code HostConfig.Binds} (or {@code Config.Volumes} for an
 * anonymous volume), {@code --mount} in {@code HostConfig.Mounts}, and {@code --tmpfs} in {@code
 * HostConfig.Tmpfs}.
 *
 * <pre>{@code
 * Mount m = Mount.parseVolumeFlag("/srv/data:/data:ro,z");
 * m.type();            // BIND
 * m.isReadOnly();      // true
 * m.toBindString();    // "/srv/data:/data:ro,z"
 * Mount.parseMountFlag("type=tmpfs,target=/run,tmpfs-size=64m").tmpfsSizeBytes();  // 67108864
 * Mount.tmpfs("/run").toCommandLine();  // ["--tmpfs", "/run"]
 * }</pre>
 *
 * <p>Only Linux paths are understood; Windows paths such as {@code C:\data} are not.
 */
public final class Mount {
  /** What is mounted. */
  public enum Type {
    /** A host file or directory. */
    BIND,
    /** A volume, named or anonymous. */
    VOLUME,
    /** A tmpfs, a filesystem in memory. */
    TMPFS
  }

  /** The docker CLI flag a mount was written for. */
  public enum Syntax {
    /** {@code -v} or {@code --volume}: {@code HostConfig.Binds}, or {@code Config.Volumes}. */
    VOLUME_FLAG,
    /** {@code --mount}: {@code HostConfig.Mounts}. */
    MOUNT_FLAG,
    /** {@code --tmpfs}: {@code HostConfig.Tmpfs}. */
    TMPFS_FLAG
  }

  private static final String VOLUME_EXPECTED =
      "expected [source:]target[:options], where source is an absolute host path or a volume"
          + " name and target an absolute container path";
  private static final String MOUNT_EXPECTED =
      "expected comma-separated key=value fields such as"
          + " type=bind,source=/host/path,target=/container/path,readonly";
  private static final String TMPFS_EXPECTED =
      "expected /container/path[:options], such as /run:rw,size=64m";
  private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final Set<String> PROPAGATIONS =
      Set.of("shared", "slave", "private", "rshared", "rslave", "rprivate");
  private static final Set<String> CONSISTENCIES = Set.of("consistent", "cached", "delegated");
  private static final String VOLUME_FLAG_OPTIONS =
      "ro, rw, z, Z, nocopy, shared, slave, private, rshared, rslave, rprivate, consistent,"
          + " cached, delegated";
  private static final List<String> MOUNT_KEY_LIST =
      List.of("type", "source", "src", "target", "destination", "dst", "readonly", "ro",
          "consistency", "bind-propagation", "bind-nonrecursive", "volume-driver", "volume-opt",
          "volume-label", "volume-nocopy", "tmpfs-size", "tmpfs-mode");
  private static final String MOUNT_KEYS = String.join(", ", MOUNT_KEY_LIST);
  private static final int MAX_TMPFS_MODE = 07777;

  private final Type type;
  private final Syntax syntax;
  private final String source;
  private final String target;
  private final boolean readOnly;
  private final String flagOptions;
  private final String propagation;
  private final String selinuxLabel;
  private final boolean noCopy;
  private final String consistency;
  private final boolean bindNonRecursive;
  private final String volumeDriver;
  private final Map<String, String> volumeOptions;
  private final Map<String, String> volumeLabels;
  private final long tmpfsSizeBytes;
  private final int tmpfsMode;

  /** The fields of a mount while it is being read or copied. */
  private static final class Parts {
    Type type;
    Syntax syntax;
    String source;
    String target;
    boolean readOnly;
    String flagOptions = "";
    String propagation;
    String selinuxLabel;
    boolean noCopy;
    String consistency;
    boolean bindNonRecursive;
    String volumeDriver;
    Map<String, String> volumeOptions = new LinkedHashMap<>();
    Map<String, String> volumeLabels = new LinkedHashMap<>();
    long tmpfsSizeBytes;
    int tmpfsMode;

    Parts(Type type, Syntax syntax) {
      this.type = type;
      this.syntax = syntax;
    }
  }

  private Mount(Parts p) {
    this.type = p.type;
    this.syntax = p.syntax;
    this.source = p.source;
    this.target = p.target;
    this.readOnly = p.readOnly;
    this.flagOptions = p.flagOptions;
    this.propagation = p.propagation;
    this.selinuxLabel = p.selinuxLabel;
    this.noCopy = p.noCopy;
    this.consistency = p.consistency;
    this.bindNonRecursive = p.bindNonRecursive;
    this.volumeDriver = p.volumeDriver;
    this.volumeOptions = Collections.unmodifiableMap(new LinkedHashMap<>(p.volumeOptions));
    this.volumeLabels = Collections.unmodifiableMap(new LinkedHashMap<>(p.volumeLabels));
    this.tmpfsSizeBytes = p.tmpfsSizeBytes;
    this.tmpfsMode = p.tmpfsMode;
  }

  private Parts parts() {
    Parts p = new Parts(type, syntax);
    p.source = source;
    p.target = target;
    p.readOnly = readOnly;
    p.flagOptions = flagOptions;
    p.propagation = propagation;
    p.selinuxLabel = selinuxLabel;
    p.noCopy = noCopy;
    p.consistency = consistency;
    p.bindNonRecursive = bindNonRecursive;
    p.volumeDriver = volumeDriver;
    p.volumeOptions = new LinkedHashMap<>(volumeOptions);
    p.volumeLabels = new LinkedHashMap<>(volumeLabels);
    p.tmpfsSizeBytes = tmpfsSizeBytes;
    p.tmpfsMode = tmpfsMode;
    return p;
  }

  // ---------------------------------------------------------------- -v / --volume

  /**
   * Parses a {@code -v} (or {@code --volume}) value: {@code /host/path:/container/path[:opts]}
   * (a bind), {@code volume-name:/container/path[:opts]} (a named volume) or {@code
   * /container/path} (an anonymous volume). The options are comma-separated: {@code ro} or
   * {@code rw}; {@code z} or {@code Z}; {@code nocopy} (volumes only); one propagation of {@code
   * shared}, {@code slave}, {@code private}, {@code rshared}, {@code rslave}, {@code rprivate}
   * (binds only); one consistency of {@code consistent}, {@code cached}, {@code delegated}. They
   * are kept as written for {@link #toBindString()}.
   *
   * @throws IllegalArgumentException if a part is empty, there are more than two colons, a path
   *     is relative, a volume name holds characters other than letters, digits, {@code _}, {@code
   *     .} and {@code -}, or an option is unknown, repeated, or conflicts with another
   */
  public static Mount parseVolumeFlag(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("volume spec is missing: " + VOLUME_EXPECTED);
    }
    if (spec.isEmpty()) {
      throw volumeInvalid(spec, "it is empty");
    }
    String[] parts = spec.split(":", -1);
    if (parts.length > 3) {
      throw volumeInvalid(
          spec, "it has more than two colons (give a path that holds : with --mount)");
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        throw volumeInvalid(spec, "it has an empty part (as in :: or a leading or trailing :)");
      }
    }
    if (parts.length == 1) {
      Parts p = new Parts(Type.VOLUME, Syntax.VOLUME_FLAG);
      p.target = checkedTarget(parts[0], spec, Mount::volumeInvalid);
      return new Mount(p);
    }
    if (parts.length == 2 && !parts[1].startsWith("/") && knownVolumeFlagOptions(parts[1])) {
      throw volumeInvalid(
          spec, "\"" + parts[1] + "\" are options, but no container path comes before them");
    }
    String source = parts[0];
    Parts p;
    if (source.startsWith("/")) {
      p = new Parts(Type.BIND, Syntax.VOLUME_FLAG);
    } else {
      p = new Parts(Type.VOLUME, Syntax.VOLUME_FLAG);
      checkVolumeName(source, spec, Mount::volumeInvalid);
    }
    p.source = source;
    p.target = checkedTarget(parts[1], spec, Mount::volumeInvalid);
    if (parts.length == 3) {
      applyVolumeFlagOptions(parts[2], p, spec);
    }
    return new Mount(p);
  }

  private static boolean knownVolumeFlagOptions(String options) {
    for (String option : options.split(",", -1)) {
      if (!option.equals("ro") && !option.equals("rw") && !option.equals("z")
          && !option.equals("Z") && !option.equals("nocopy")
          && !PROPAGATIONS.contains(option) && !CONSISTENCIES.contains(option)) {
        return false;
      }
    }
    return true;
  }

  private static void applyVolumeFlagOptions(String options, Parts p, String spec) {
    String access = null;
    boolean copyModeSeen = false;
    for (String option : options.split(",", -1)) {
      if (option.isEmpty()) {
        throw volumeInvalid(spec, "the options have an empty entry");
      }
      String clash;
      if (option.equals("ro") || option.equals("rw")) {
        clash = access;
        access = option;
        p.readOnly = option.equals("ro");
      } else if (option.equals("z") || option.equals("Z")) {
        clash = p.selinuxLabel;
        p.selinuxLabel = option;
      } else if (option.equals("nocopy")) {
        clash = copyModeSeen ? option : null;
        copyModeSeen = true;
        if (p.type != Type.VOLUME) {
          throw volumeInvalid(spec, "nocopy applies only to volumes, not to a host path");
        }
        p.noCopy = true;
      } else if (PROPAGATIONS.contains(option)) {
        clash = p.propagation;
        if (p.type != Type.BIND) {
          throw volumeInvalid(
              spec, "propagation \"" + option + "\" applies only to host paths, not to volumes");
        }
        p.propagation = option;
      } else if (CONSISTENCIES.contains(option)) {
        clash = p.consistency;
        p.consistency = option;
      } else {
        throw volumeInvalid(
            spec, "unknown option \"" + option + "\"; the options are " + VOLUME_FLAG_OPTIONS);
      }
      if (clash != null) {
        throw volumeInvalid(spec, "options \"" + clash + "\" and \"" + option + "\" conflict");
      }
    }
    p.flagOptions = options;
  }

  // ---------------------------------------------------------------- --mount

  /**
   * Parses a {@code --mount} value: comma-separated {@code key=value} fields (quoted as CSV when
   * a value holds a comma). Keys, in any case: {@code type} ({@code bind}, {@code volume}, the
   * default, or {@code tmpfs}); {@code source} or {@code src}; {@code target}, {@code
   * destination} or {@code dst} (required); {@code readonly} or {@code ro} (bare, or {@code
   * =true/false/1/0}); {@code consistency}; {@code bind-propagation}; {@code bind-nonrecursive};
   * {@code volume-driver}; {@code volume-opt=k=v} and {@code volume-label=k=v} (repeatable);
   * {@code volume-nocopy}; {@code tmpfs-size} (such as {@code 64m}); {@code tmpfs-mode} (octal,
   * such as {@code 1770}).
   *
   * @throws IllegalArgumentException if a key is unknown or lacks its value, a value is not
   *     valid, the target is missing, a bind has no absolute source, a tmpfs has a source, or
   *     {@code bind-*}, {@code volume-*} or {@code tmpfs-*} keys are used with another type
   */
  public static Mount parseMountFlag(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("mount spec is missing: " + MOUNT_EXPECTED);
    }
    if (spec.isEmpty()) {
      throw mountInvalid(spec, "it is empty");
    }
    Parts p = new Parts(Type.VOLUME, Syntax.MOUNT_FLAG);
    List<String> typedKeys = new ArrayList<>();
    for (String field : csvFields(spec)) {
      int eq = field.indexOf('=');
      String key = FlagValues.lowerAscii(eq < 0 ? field : field.substring(0, eq));
      String value = eq < 0 ? null : field.substring(eq + 1);
      if (key.isEmpty()) {
        throw mountInvalid(spec, "it has a field with no key");
      }
      if (key.startsWith("bind-") || key.startsWith("volume-") || key.startsWith("tmpfs-")) {
        typedKeys.add(key);
      }
      if (value == null) {
        switch (key) {
          case "readonly", "ro" -> p.readOnly = true;
          case "volume-nocopy" -> p.noCopy = true;
          case "bind-nonrecursive" -> p.bindNonRecursive = true;
          default -> {
            if (!MOUNT_KEY_LIST.contains(key)) {
              throw mountInvalid(spec, "unknown key \"" + key + "\"; the keys are " + MOUNT_KEYS);
            }
            throw mountInvalid(spec, "the field \"" + field + "\" needs a value: " + key + "=...");
          }
        }
        continue;
      }
      switch (key) {
        case "type" -> p.type = mountType(value, spec);
        case "source", "src" -> p.source = value.isEmpty() ? null : value;
        case "target", "destination", "dst" -> p.target = value;
        case "readonly", "ro" -> p.readOnly = goBool(key, value, spec);
        case "consistency" -> p.consistency = oneOf(key, value, spec, CONSISTENCIES, "default");
        case "bind-propagation" -> p.propagation = oneOf(key, value, spec, PROPAGATIONS, null);
        case "bind-nonrecursive" -> p.bindNonRecursive = goBool(key, value, spec);
        case "volume-driver" -> {
          if (value.isEmpty()) {
            throw mountInvalid(spec, "volume-driver needs a driver name");
          }
          p.volumeDriver = value;
        }
        case "volume-nocopy" -> p.noCopy = goBool(key, value, spec);
        case "volume-opt" -> putKeyValue(p.volumeOptions, key, value, spec);
        case "volume-label" -> putKeyValue(p.volumeLabels, key, value, spec);
        case "tmpfs-size" -> {
          try {
            p.tmpfsSizeBytes = ByteSize.parse(value);
          } catch (IllegalArgumentException e) {
            throw mountInvalid(
                spec, "tmpfs-size \"" + value + "\" must be a size such as 64m or 1g");
          }
        }
        case "tmpfs-mode" -> p.tmpfsMode = octalMode(value, spec);
        default -> throw mountInvalid(
            spec, "unknown key \"" + key + "\"; the keys are " + MOUNT_KEYS);
      }
    }
    for (String key : typedKeys) {
      if (!key.startsWith(typeText(p.type) + "-")) {
        throw mountInvalid(
            spec,
            "\"" + key + "\" cannot be used with type=" + typeText(p.type)
                + "; bind-* keys go with type=bind, volume-* with type=volume, tmpfs-* with"
                + " type=tmpfs");
      }
    }
    if (p.target == null || p.target.isEmpty()) {
      throw mountInvalid(spec, "target is required, as in target=/container/path");
    }
    p.target = checkedTarget(p.target, spec, Mount::mountInvalid);
    switch (p.type) {
      case BIND -> {
        if (p.source == null) {
          throw mountInvalid(spec, "a bind mount needs source=/absolute/host/path");
        }
        checkHostPath(p.source, spec, Mount::mountInvalid);
      }
      case VOLUME -> {
        if (p.source != null && p.volumeDriver == null) {
          checkVolumeName(p.source, spec, Mount::mountInvalid);
        }
      }
      case TMPFS -> {
        if (p.source != null) {
          throw mountInvalid(spec, "a tmpfs mount takes no source");
        }
      }
    }
    return new Mount(p);
  }

  private static Type mountType(String value, String spec) {
    switch (FlagValues.lowerAscii(value)) {
      case "bind":
        return Type.BIND;
      case "volume":
        return Type.VOLUME;
      case "tmpfs":
        return Type.TMPFS;
      default:
        throw mountInvalid(spec, "type \"" + value + "\" is not bind, volume or tmpfs");
    }
  }

  private static boolean goBool(String key, String value, String spec) {
    // the CLI reads these with Go's strconv.ParseBool
    switch (value) {
      case "1", "t", "T", "true", "TRUE", "True":
        return true;
      case "0", "f", "F", "false", "FALSE", "False":
        return false;
      default:
        throw mountInvalid(spec, key + " \"" + value + "\" must be true, false, 1 or 0");
    }
  }

  private static String oneOf(
      String key, String value, String spec, Set<String> allowed, String alsoAllowed) {
    String lower = FlagValues.lowerAscii(value);
    if (!allowed.contains(lower) && !lower.equals(alsoAllowed)) {
      List<String> names = new ArrayList<>(allowed);
      if (alsoAllowed != null) {
        names.add(alsoAllowed);
      }
      Collections.sort(names);
      throw mountInvalid(
          spec, key + " \"" + value + "\" is not one of " + String.join(", ", names));
    }
    return lower;
  }

  private static void putKeyValue(Map<String, String> map, String key, String value, String spec) {
    int eq = value.indexOf('=');
    String name = eq < 0 ? value : value.substring(0, eq);
    if (name.isEmpty()) {
      throw mountInvalid(
          spec, key + " \"" + value + "\" needs a name, as in " + key + "=name=value");
    }
    map.put(name, eq < 0 ? "" : value.substring(eq + 1));
  }

  private static int octalMode(String value, String spec) {
    boolean octal = !value.isEmpty() && value.length() <= 6
        && value.chars().allMatch(c -> c >= '0' && c <= '7');
    int mode = octal ? Integer.parseInt(value, 8) : -1;
    if (mode < 0 || mode > MAX_TMPFS_MODE) {
      throw mountInvalid(
          spec, "tmpfs-mode \"" + value + "\" must be an octal file mode such as 1770, at most"
              + " 7777");
    }
    return mode;
  }

  /** Splits a CSV record as Go's encoding/csv does, which is how the docker CLI reads it. */
  private static List<String> csvFields(String spec) {
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < spec.length() && spec.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= spec.length()) {
            throw mountInvalid(spec, "a quoted field has no closing \"");
          }
          char c = spec.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < spec.length() && spec.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < spec.length() && spec.charAt(i) != ',') {
          throw mountInvalid(spec, "a closing \" must be followed by , or the end");
        }
      } else {
        int end = spec.indexOf(',', i);
        end = end < 0 ? spec.length() : end;
        field.append(spec, i, end);
        if (field.indexOf("\"") >= 0) {
          throw mountInvalid(spec, "a \" may appear only in a field that is quoted as a whole");
        }
        i = end;
      }
      if (field.length() == 0) {
        throw mountInvalid(spec, "it has an empty field (as in ,, or a trailing ,)");
      }
      fields.add(field.toString());
      if (i >= spec.length()) {
        return fields;
      }
      i++; // the comma
    }
  }

  // ---------------------------------------------------------------- --tmpfs

  /**
   * Parses a {@code --tmpfs} value: {@code /container/path} or {@code /container/path:options},
   * the options being mount options such as {@code rw,noexec,size=64m} that are handed to the
   * engine as written. {@link #isReadOnly()} is true when they include {@code ro}.
   *
   * @throws IllegalArgumentException if the path is not absolute, or the options are empty or
   *     have an empty entry or white space
   */
  public static Mount parseTmpfsFlag(String spec) {
    if (spec == null) {
      throw new IllegalArgumentException("tmpfs spec is missing: " + TMPFS_EXPECTED);
    }
    if (spec.isEmpty()) {
      throw tmpfsInvalid(spec, "it is empty");
    }
    int colon = spec.indexOf(':');
    Parts p = new Parts(Type.TMPFS, Syntax.TMPFS_FLAG);
    p.target = checkedTarget(colon < 0 ? spec : spec.substring(0, colon), spec,
        Mount::tmpfsInvalid);
    if (colon >= 0) {
      String options = spec.substring(colon + 1);
      if (options.isEmpty()) {
        throw tmpfsInvalid(spec, "the options after : are empty");
      }
      if (options.chars().anyMatch(Character::isWhitespace)) {
        throw tmpfsInvalid(spec, "the options must not contain white space");
      }
      for (String option : options.split(",", -1)) {
        if (option.isEmpty()) {
          throw tmpfsInvalid(spec, "the options have an empty entry");
        }
        if (option.equals("ro")) {
          p.readOnly = true;
        } else if (option.equals("rw")) {
          p.readOnly = false;
        }
      }
      p.flagOptions = options;
    }
    return new Mount(p);
  }

  // ---------------------------------------------------------------- factories

  /**
   * Binds host directory {@code hostPath} at {@code containerPath}, as {@code -v host:container}.
   *
   * @throws IllegalArgumentException if either path is not absolute, or holds a {@code :}
   */
  public static Mount bind(String hostPath, String containerPath) {
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(containerPath, "containerPath");
    checkNoColon(hostPath, "host path");
    checkNoColon(containerPath, "container path");
    Parts p = new Parts(Type.BIND, Syntax.VOLUME_FLAG);
    p.source = hostPath;
    checkHostPath(hostPath, hostPath, Mount::pathInvalid);
    p.target = checkedTarget(containerPath, containerPath, Mount::pathInvalid);
    return new Mount(p);
  }

  /**
   * Mounts the volume called {@code name} at {@code containerPath}, as {@code -v
   * name:container}.
   *
   * @throws IllegalArgumentException if {@code name} is not a volume name, or the path is not
   *     absolute or holds a {@code :}
   */
  public static Mount volume(String name, String containerPath) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(containerPath, "containerPath");
    checkNoColon(containerPath, "container path");
    Parts p = new Parts(Type.VOLUME, Syntax.VOLUME_FLAG);
    if (!VOLUME_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "volume name \"" + name + "\" is not valid: " + volumeNameRule());
    }
    p.source = name;
    p.target = checkedTarget(containerPath, containerPath, Mount::pathInvalid);
    return new Mount(p);
  }

  /**
   * Mounts a new anonymous volume at {@code containerPath}, as {@code -v /container/path}.
   *
   * @throws IllegalArgumentException if the path is not absolute or holds a {@code :}
   */
  public static Mount anonymousVolume(String containerPath) {
    Objects.requireNonNull(containerPath, "containerPath");
    checkNoColon(containerPath, "container path");
    Parts p = new Parts(Type.VOLUME, Syntax.VOLUME_FLAG);
    p.target = checkedTarget(containerPath, containerPath, Mount::pathInvalid);
    return new Mount(p);
  }

  /**
   * Mounts an empty tmpfs at {@code containerPath}, as {@code --tmpfs /container/path}.
   *
   * @throws IllegalArgumentException if the path is not absolute or holds a {@code :}
   */
  public static Mount tmpfs(String containerPath) {
    Objects.requireNonNull(containerPath, "containerPath");
    checkNoColon(containerPath, "container path");
    Parts p = new Parts(Type.TMPFS, Syntax.TMPFS_FLAG);
    p.target = checkedTarget(containerPath, containerPath, Mount::pathInvalid);
    return new Mount(p);
  }

  /**
   * Returns a read-only copy. For {@code -v} and {@code --tmpfs} the option {@code rw} becomes
   * {@code ro}, or {@code ro} is added at the end. An anonymous {@code -v} volume cannot be
   * written read-only with {@code -v}, so its copy uses {@link Syntax#MOUNT_FLAG}.
   */
  public Mount readOnly() {
    if (readOnly) {
      return this;
    }
    Parts p = parts();
    p.readOnly = true;
    if (syntax == Syntax.VOLUME_FLAG && source == null) {
      p.syntax = Syntax.MOUNT_FLAG;
    } else if (syntax != Syntax.MOUNT_FLAG) {
      List<String> options = new ArrayList<>();
      if (!flagOptions.isEmpty()) {
        options.addAll(List.of(flagOptions.split(",")));
      }
      int rw = options.indexOf("rw");
      if (rw >= 0) {
        options.set(rw, "ro");
      } else {
        options.add("ro");
      }
      p.flagOptions = String.join(",", options);
    }
    return new Mount(p);
  }

  // ---------------------------------------------------------------- accessors

  /** What is mounted: a host path, a volume or a tmpfs. */
  public Type type() {
    return type;
  }

  /** The CLI flag this mount was written for, which decides where the engine is told of it. */
  public Syntax syntax() {
    return syntax;
  }

  /** The host path or volume name; null for an anonymous volume or a tmpfs. */
  public String source() {
    return source;
  }

  /** The absolute path inside the container. */
  public String target() {
    return target;
  }

  /** True for a volume with no name, which the engine creates with a random one. */
  public boolean isAnonymous() {
    return type == Type.VOLUME && source == null;
  }

  /** True when the container may not write to the mount. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * The bind propagation, such as {@code rshared}, or null for the default ({@code rprivate}).
   */
  public String propagation() {
    return propagation;
  }

  /**
   * The SELinux relabelling of a {@code -v} mount: {@code z} (shared), {@code Z} (private), or
   * null for none.
   */
  public String selinuxLabel() {
    return selinuxLabel;
  }

  /** True when a new volume is not filled with what the image has at the target. */
  public boolean isNoCopy() {
    return noCopy;
  }

  /**
   * The consistency ({@code consistent}, {@code cached}, {@code delegated}, or {@code default}
   * from {@code --mount}), or null if not given; only Docker Desktop for Mac acted on it.
   */
  public String consistency() {
    return consistency;
  }

  /** True when sub-mounts of a {@code --mount} bind source are not mounted too. */
  public boolean isBindNonRecursive() {
    return bindNonRecursive;
  }

  /** The volume driver of a {@code --mount} volume, or null for the engine's default. */
  public String volumeDriver() {
    return volumeDriver;
  }

  /** The driver options of a {@code --mount} volume ({@code volume-opt}), in the order given. */
  public Map<String, String> volumeOptions() {
    return volumeOptions;
  }

  /** The labels of a {@code --mount} volume ({@code volume-label}), in the order given. */
  public Map<String, String> volumeLabels() {
    return volumeLabels;
  }

  /** The size limit of a {@code --mount} tmpfs in bytes, or 0 for none. */
  public long tmpfsSizeBytes() {
    return tmpfsSizeBytes;
  }

  /** The file mode of a {@code --mount} tmpfs such as {@code 01777}, or 0 for the default. */
  public int tmpfsMode() {
    return tmpfsMode;
  }

  /**
   * The options of a {@code --tmpfs} mount as written, such as {@code rw,size=64m}; {@code ""}
   * if none or for other syntaxes.
   */
  public String tmpfsOptions() {
    return syntax == Syntax.TMPFS_FLAG ? flagOptions : "";
  }

  /**
   * The options of a {@code -v} mount as written, such as {@code ro,z}; {@code ""} if none or for
   * other syntaxes.
   */
  public String volumeFlagOptions() {
    return syntax == Syntax.VOLUME_FLAG ? flagOptions : "";
  }

  // ---------------------------------------------------------------- output

  /**
   * The {@code source:target[:options]} entry of the Engine API's {@code HostConfig.Binds}, with
   * the options exactly as written.
   *
   * @throws IllegalStateException if this mount is not a {@code -v} bind or named volume (an
   *     anonymous volume goes in {@code Config.Volumes} under {@link #target()} instead)
   */
  public String toBindString() {
    if (syntax != Syntax.VOLUME_FLAG) {
      throw new IllegalStateException(
          "mount \"" + this + "\" has no bind string: only -v mounts go in HostConfig.Binds");
    }
    if (source == null) {
      throw new IllegalStateException(
          "mount \"" + this + "\" has no bind string: an anonymous volume goes in"
              + " Config.Volumes under its target");
    }
    return volumeFlagValue();
  }

  /**
   * The docker CLI flag and value that give this mount, such as {@code ["-v",
   * "/src:/dst:ro"]}, {@code ["--mount", "type=bind,source=/a,target=/b,readonly"]} or {@code
   * ["--tmpfs", "/run:rw,size=64m"]}; parsing the value with the matching parser gives back an
   * equal mount.
   */
  public List<String> toCommandLine() {
    return switch (syntax) {
      case VOLUME_FLAG -> List.of("-v", volumeFlagValue());
      case MOUNT_FLAG -> List.of("--mount", mountFlagValue());
      case TMPFS_FLAG -> List.of("--tmpfs", flagOptions.isEmpty() ? target
          : target + ":" + flagOptions);
    };
  }

  private String volumeFlagValue() {
    if (source == null) {
      return target;
    }
    return source + ":" + target + (flagOptions.isEmpty() ? "" : ":" + flagOptions);
  }

  private String mountFlagValue() {
    List<String> fields = new ArrayList<>();
    fields.add("type=" + typeText(type));
    if (source != null) {
      fields.add("source=" + source);
    }
    fields.add("target=" + target);
    if (readOnly) {
      fields.add("readonly");
    }
    if (propagation != null) {
      fields.add("bind-propagation=" + propagation);
    }
    if (bindNonRecursive) {
      fields.add("bind-nonrecursive");
    }
    if (consistency != null) {
      fields.add("consistency=" + consistency);
    }
    if (volumeDriver != null) {
      fields.add("volume-driver=" + volumeDriver);
    }
    if (noCopy) {
      fields.add("volume-nocopy");
    }
    volumeOptions.forEach((k, v) -> fields.add("volume-opt=" + k + "=" + v));
    volumeLabels.forEach((k, v) -> fields.add("volume-label=" + k + "=" + v));
    if (tmpfsSizeBytes != 0) {
      fields.add("tmpfs-size=" + ByteSize.format(tmpfsSizeBytes));
    }
    if (tmpfsMode != 0) {
      fields.add("tmpfs-mode=" + Integer.toOctalString(tmpfsMode));
    }
    StringBuilder out = new StringBuilder();
    for (String field : fields) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(csvQuoted(field));
    }
    return out.toString();
  }

  private static String csvQuoted(String field) {
    boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
        || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0 || field.startsWith(" ");
    return needsQuotes ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mount m
        && m.type == type
        && m.syntax == syntax
        && Objects.equals(m.source, source)
        && m.target.equals(target)
        && m.readOnly == readOnly
        && m.flagOptions.equals(flagOptions)
        && Objects.equals(m.propagation, propagation)
        && Objects.equals(m.selinuxLabel, selinuxLabel)
        && m.noCopy == noCopy
        && Objects.equals(m.consistency, consistency)
        && m.bindNonRecursive == bindNonRecursive
        && Objects.equals(m.volumeDriver, volumeDriver)
        && m.volumeOptions.equals(volumeOptions)
        && m.volumeLabels.equals(volumeLabels)
        && m.tmpfsSizeBytes == tmpfsSizeBytes
        && m.tmpfsMode == tmpfsMode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type, syntax, source, target, readOnly, flagOptions, propagation, selinuxLabel, noCopy,
        consistency, bindNonRecursive, volumeDriver, volumeOptions, volumeLabels, tmpfsSizeBytes,
        tmpfsMode);
  }

  /**
   * The value of the CLI flag (without the flag), such as {@code /src:/dst:ro}; the parser of
   * {@link #syntax()} reads it back as this mount.
   */
  @Override
  public String toString() {
    return toCommandLine().get(1);
  }

  // ---------------------------------------------------------------- checks

  /** Builds the exception for a bad spec, quoting it. */
  private interface Failure {
    IllegalArgumentException of(String spec, String reason);
  }

  private static String checkedTarget(String target, String spec, Failure failure) {
    if (!target.startsWith("/")) {
      throw failure.of(spec, "the container path \"" + target + "\" must be absolute");
    }
    if (target.chars().allMatch(c -> c == '/')) {
      throw failure.of(spec, "the container path must not be /");
    }
    return target;
  }

  private static void checkHostPath(String path, String spec, Failure failure) {
    if (!path.startsWith("/")) {
      throw failure.of(
          spec, "the host path \"" + path + "\" is relative; use an absolute path for host"
              + " directories");
    }
  }

  private static void checkVolumeName(String name, String spec, Failure failure) {
    if (name.startsWith(".") || name.startsWith("~") || name.indexOf('/') >= 0) {
      throw failure.of(
          spec, "\"" + name + "\" looks like a relative path; use an absolute path for host"
              + " directories (a name without / is a volume)");
    }
    if (!VOLUME_NAME.matcher(name).matches()) {
      throw failure.of(spec, "volume name \"" + name + "\" is not valid: " + volumeNameRule());
    }
  }

  private static String volumeNameRule() {
    return "a volume name is 2 or more letters, digits, _, . or -, starting with a letter or"
        + " digit";
  }

  private static void checkNoColon(String path, String what) {
    if (path.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          what + " \"" + path + "\" is not valid: it holds a colon, which -v cannot express;"
              + " use parseMountFlag with source=... and target=...");
    }
  }

  private static String typeText(Type type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException volumeInvalid(String spec, String reason) {
    return new IllegalArgumentException(
        "volume spec \"" + spec + "\" is not valid: " + reason + "; " + VOLUME_EXPECTED);
  }

  private static IllegalArgumentException mountInvalid(String spec, String reason) {
    return new IllegalArgumentException(
        "mount spec \"" + spec + "\" is not valid: " + reason + "; " + MOUNT_EXPECTED);
  }

  private static IllegalArgumentException tmpfsInvalid(String spec, String reason) {
    return new IllegalArgumentException(
        "tmpfs spec \"" + spec + "\" is not valid: " + reason + "; " + TMPFS_EXPECTED);
  }

  private static IllegalArgumentException pathInvalid(String path, String reason) {
    return new IllegalArgumentException("path \"" + path + "\" is not valid: " + reason);
  }
}
