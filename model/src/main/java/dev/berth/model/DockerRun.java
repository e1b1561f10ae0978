package dev.berth.model;

import static dev.berth.model.FlagValues.bool;
import static dev.berth.model.FlagValues.nanoCpus;
import static dev.berth.model.FlagValues.nonEmpty;
import static dev.berth.model.FlagValues.number;

import dev.berth.model.ContainerOption.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code docker run} or {@code docker create} command line, read the way the docker CLI reads
 * it: {@link #spec()} is the container it describes and {@link #detached()} whether {@code -d} was
 * given.
 *
 * <pre>{@code
 * DockerRun run = DockerRun.parse("docker run -d -p 20180:80 --restart always"
 *     + " -v /data/gitlab/config:/etc/gitlab --name gitlab gitlab/gitlab-ce:8.16.7-ce.0");
 * run.detached();            // true
 * run.spec().name();         // gitlab
 * run.spec().ports();        // [20180:80]
 * }</pre>
 *
 * <p>Every flag of {@code docker create} (docker CLI 20.10 and later) is understood, with the
 * CLI's spellings: {@code --flag value}, {@code --flag=value}, {@code -p80:80}, clustered short
 * flags such as {@code -dit}, {@code --rm=false}, and {@code --} before the image. The line is
 * split as a POSIX shell would ({@link CommandLine}); what a shell would expand must be given as a
 * value or through the variables map. Flags that only steer the CLI itself ({@code --detach-keys},
 * {@code --sig-proxy}, {@code --cidfile}, {@code --disable-content-trust}) are accepted and left
 * out of the spec. Errors quote the flag or value and say what is allowed.
 */
public final class DockerRun {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("net", "network"),
      Map.entry("net-alias", "network-alias"),
      Map.entry("dns-opt", "dns-option"),
      Map.entry("env", "env"),
      Map.entry("e", "env"),
      Map.entry("a", "attach"),
      Map.entry("c", "cpu-shares"),
      Map.entry("d", "detach"),
      Map.entry("h", "hostname"),
      Map.entry("i", "interactive"),
      Map.entry("l", "label"),
      Map.entry("m", "memory"),
      Map.entry("p", "publish"),
      Map.entry("P", "publish-all"),
      Map.entry("q", "quiet"),
      Map.entry("t", "tty"),
      Map.entry("u", "user"),
      Map.entry("v", "volume"),
      Map.entry("w", "workdir"));

  /** Flags that are not spec options but take no value. */
  private static final List<String> OTHER_SWITCHES =
      List.of("detach", "quiet", "sig-proxy", "no-healthcheck", "disable-content-trust",
          "help");

  /** Flags handled here by name: those with a model type of their own, and the CLI's own. */
  private static final List<String> OTHER_VALUED = List.of("mount", "tmpfs", "env-file",
      "label-file", "health-interval", "health-timeout", "health-start-period",
      "health-start-interval", "health-retries", "pull", "detach-keys", "cidfile");

  private final String command;
  private final ContainerSpec spec;
  private final boolean detached;
  private final boolean quiet;
  private final String pullPolicy;

  private DockerRun(String command, ContainerSpec spec, boolean detached, boolean quiet,
      String pullPolicy) {
    this.command = command;
    this.spec = spec;
    this.detached = detached;
    this.quiet = quiet;
    this.pullPolicy = pullPolicy;
  }

  /**
   * Reads a pasted command line such as {@code docker run -d --name web nginx}; the leading
   * {@code docker run} or {@code docker create} may be left out.
   *
   * @throws IllegalArgumentException if the line cannot be read; the message quotes the part at
   *     fault
   */
  public static DockerRun parse(String line) {
    return parse(CommandLine.split(line), Map.of());
  }

  /**
   * Reads a command line whose {@code $VAR}s take their values from {@code variables}; {@code -e
   * NAME} without a value takes it from there too.
   */
  public static DockerRun parse(String line, Map<String, String> variables) {
    return parse(CommandLine.split(line, variables), variables);
  }

  /** Reads a command line already split into words, as a program's arguments are. */
  public static DockerRun parse(List<String> words) {
    return parse(words, Map.of());
  }

  /**
   * Reads a command line already split into words; {@code -e NAME} without a value and names in an
   * {@code --env-file} without one take their values from {@code environment}.
   */
  public static DockerRun parse(List<String> words, Map<String, String> environment) {
    return new Parser(CommandLine.invocation(words), environment).parse();
  }

  /** {@code run} or {@code create} as written, or null when the line began with the flags. */
  public String command() {
    return command;
  }

  /** The container the line describes. */
  public ContainerSpec spec() {
    return spec;
  }

  /** Whether {@code -d} ({@code --detach}) was given. */
  public boolean detached() {
    return detached;
  }

  /**
   * Whether {@code -q} ({@code --quiet}, docker CLI 23 and later) was given: the CLI prints no
   * pull progress.
   */
  public boolean quiet() {
    return quiet;
  }

  /** The {@code --pull} policy ({@code missing}, {@code always}, {@code never}), or null. */
  public String pullPolicy() {
    return pullPolicy;
  }

  @Override
  public String toString() {
    return "DockerRun{" + (detached ? "detached, " : "") + spec.toCommandLine() + "}";
  }

  /** Reads one invocation's arguments. */
  private static final class Parser {
    private static final FlagScanner FLAGS =
        new FlagScanner("docker create", ALIASES, ALIASES, true, Parser::takesValue);

    private final String command;
    private final List<String> args;
    private final Map<String, String> environment;
    private ContainerSpec spec;
    private boolean detached;
    private boolean quiet;
    private String pullPolicy;
    private final HealthFlags health = new HealthFlags();
    private final List<String> attach = new ArrayList<>();

    Parser(CommandLine.Invocation invocation, Map<String, String> environment) {
      this.command = invocation.command();
      this.args = invocation.arguments();
      this.environment = Objects.requireNonNull(environment, "environment");
    }

    DockerRun parse() {
      FlagScanner.Scan scan = FLAGS.scan(args);
      scan.apply("help", this::apply);
      String image = scan.image("docker " + (command == null ? "run" : command), "docker run");
      spec = ContainerSpec.of(ImageRef.parse(image)).command(scan.afterImage());
      scan.applyAll(this::apply);
      finish();
      return new DockerRun(command, spec, detached, quiet, pullPolicy);
    }

    /** Whether flag {@code name} takes a value; null if docker create has no such flag. */
    private static Boolean takesValue(String name) {
      ContainerOption<?> option = ContainerOption.byFlag(name);
      if (option != null) {
        return option.kind() != Kind.FLAG;
      }
      if (OTHER_SWITCHES.contains(name)) {
        return false;
      }
      if (OTHER_VALUED.contains(name)) {
        return true;
      }
      return null;
    }

    private void apply(String name, String value, String written) {
      if (health.apply(name, value, written)) {
        return;
      }
      switch (name) {
        case "detach":
          detached = bool(value, written);
          return;
        case "quiet":
          quiet = bool(value, written);
          return;
        case "sig-proxy":
        case "disable-content-trust":
          bool(value, written);
          return;
        case "detach-keys":
        case "cidfile":
          return;
        case "help":
          throw new IllegalArgumentException("flag \"" + written + "\" asks for the CLI's usage"
              + " text; it is not a container setting: leave it out");
        case "pull":
          if (!List.of("missing", "always", "never").contains(value)) {
            throw new IllegalArgumentException("pull policy \"" + value
                + "\" is not valid: expected missing, always or never");
          }
          pullPolicy = value;
          return;
        case "env":
          spec = spec.env(FlagValues.env(value, environment));
          return;
        case "env-file":
          for (EnvVar v : FlagValues.envFile(value, environment)) {
            spec = spec.env(v);
          }
          return;
        case "publish":
          spec = spec.publish(PortBinding.parse(value));
          return;
        case "expose":
          spec = spec.expose(ExposedPort.parse(value));
          return;
        case "volume":
          spec = spec.mount(Mount.parseVolumeFlag(value));
          return;
        case "mount":
          spec = spec.mount(Mount.parseMountFlag(value));
          return;
        case "tmpfs":
          spec = spec.mount(Mount.parseTmpfsFlag(value));
          return;
        case "link":
          spec = spec.link(Link.parse(value));
          return;
        case "restart":
          spec = spec.restart(RestartPolicy.parse(value));
          return;
        case "label":
          putLabel(value);
          return;
        case "label-file":
          for (String line : readLines(value)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
              putLabel(trimmed);
            }
          }
          return;
        case "entrypoint":
          spec = spec.with(ContainerOption.ENTRYPOINT, value.isEmpty() ? List.of() : List.of(value));
          return;
        case "attach":
          String stream = FlagValues.lowerAscii(value);
          if (!List.of("stdin", "stdout", "stderr").contains(stream)) {
            throw new IllegalArgumentException("attach stream \"" + value
                + "\" is not valid: expected stdin, stdout or stderr");
          }
          if (!attach.contains(stream)) {
            attach.add(stream);
          }
          return;
        default:
          applyOption(ContainerOption.byFlag(name), value, written);
      }
    }

    @SuppressWarnings("unchecked")
    private void applyOption(ContainerOption<?> option, String value, String written) {
      switch (option.kind()) {
        case FLAG:
          spec = spec.with((ContainerOption<Boolean>) option, bool(value, written) ? true : null);
          break;
        case TEXT:
          spec = spec.with((ContainerOption<String>) option, value);
          break;
        case TEXTS:
          ContainerOption<List<String>> texts = (ContainerOption<List<String>>) option;
          List<String> list = new ArrayList<>(spec.get(texts) == null ? List.of() : spec.get(texts));
          list.add(checkText(option, value));
          spec = spec.with(texts, list);
          break;
        case MAP:
          ContainerOption<Map<String, String>> map = (ContainerOption<Map<String, String>>) option;
          Map<String, String> m = new LinkedHashMap<>(spec.get(map) == null ? Map.of() : spec.get(map));
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("\"" + value + "\" is not valid: expected key=value");
          }
          m.put(value.substring(0, eq), value.substring(eq + 1));
          spec = spec.with(map, m);
          break;
        case BYTES:
          spec = spec.with((ContainerOption<Long>) option,
              value.equals("-1") ? -1L : ByteSize.parse(value));
          break;
        case NUMBER:
          spec = spec.with((ContainerOption<Long>) option, number(value));
          break;
        case CPUS:
          spec = spec.with((ContainerOption<Long>) option, nanoCpus(value));
          break;
        default:
          throw new IllegalStateException("no reader for " + option);
      }
    }

    private void putLabel(String value) {
      int eq = value.indexOf('=');
      String key = eq < 0 ? value : value.substring(0, eq);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("label \"" + value + "\" is not valid: expected key=value");
      }
      spec = spec.label(key, eq < 0 ? "" : value.substring(eq + 1));
    }

    private void finish() {
      Healthcheck check = health.result();
      if (check != null) {
        spec = spec.healthcheck(check);
      }
      if (detached && !attach.isEmpty()) {
        throw new IllegalArgumentException("flags \"-a\" (--attach) and \"-d\" (--detach)"
            + " conflict: attach streams or run detached, not both");
      }
      if (spec.autoRemove() && spec.restartPolicy() != null
          && !spec.restartPolicy().name().equals("no")) {
        throw new IllegalArgumentException("flags \"--restart " + spec.restartPolicy()
            + "\" and \"--rm\" conflict: --rm goes only with --restart no");
      }
      List<String> streams = new ArrayList<>();
      if (!detached) {
        // As the CLI: without -a, stdout and stderr; with -i, stdin too, even next to -a.
        for (String s : List.of("stdin", "stdout", "stderr")) {
          boolean implied = s.equals("stdin") ? spec.stdinOpen() : attach.isEmpty();
          if (implied || attach.contains(s)) {
            streams.add(s);
          }
        }
      }
      spec = spec.attach(streams.toArray(new String[0]));
    }

    private static String checkText(ContainerOption<?> option, String value) {
      if (option == ContainerOption.ADD_HOST && value.indexOf(':') <= 0) {
        throw new IllegalArgumentException("\"" + value + "\" is not valid: expected host:ip");
      }
      if (option == ContainerOption.ULIMIT
          && !value.matches("[a-z]+=-?\\d+(:-?\\d+)?")) {
        throw new IllegalArgumentException("\"" + value
            + "\" is not valid: expected name=soft[:hard], such as nofile=1024:2048");
      }
      if ((option == ContainerOption.DEVICE_READ_BPS || option == ContainerOption.DEVICE_WRITE_BPS
          || option == ContainerOption.DEVICE_READ_IOPS || option == ContainerOption.DEVICE_WRITE_IOPS
          || option == ContainerOption.BLKIO_WEIGHT_DEVICE)
          && !value.matches("/[^:]+:[0-9]+[a-zA-Z]*")) {
        throw new IllegalArgumentException("\"" + value
            + "\" is not valid: expected /dev/path:rate, such as /dev/sda:1mb");
      }
      return nonEmpty(value);
    }

    private static List<String> readLines(String file) {
      try {
        List<String> lines = new ArrayList<>();
        for (byte[] line : EnvVar.readLines(FlagValues.path(file), "label file")) {
          lines.add(StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(line)).toString());
        }
        return lines;
      } catch (IOException e) {
        throw new IllegalArgumentException("file \"" + file + "\" cannot be read: " + e.getMessage(),
            e);
      }
    }
  }

  /** The words of a {@code docker run} line that {@link #parse} reads back into {@code spec}. */
  static List<String> toWords(ContainerSpec spec) {
    List<String> w = new ArrayList<>(List.of("docker", "run"));
    List<String> attach = spec.attach();
    if (attach.isEmpty()) {
      w.add("-d");
    } else {
      if (spec.stdinOpen() && !attach.contains("stdin")) {
        throw new IllegalStateException("attach streams " + attach + " leave out stdin, which"
            + " -i (--interactive) always attaches on a command line; attach stdin too");
      }
      List<String> implied = new ArrayList<>();
      if (spec.stdinOpen()) {
        implied.add("stdin");
      }
      implied.add("stdout");
      implied.add("stderr");
      if (!attach.equals(implied)) {
        for (String s : attach) {
          w.add("-a");
          w.add(s);
        }
      }
    }
    for (ContainerOption<?> option : ContainerOption.all()) {
      Object value = spec.get(option);
      if (value != null && option != ContainerOption.ATTACH) {
        write(w, option, value);
      }
    }
    w.add(spec.image().familiar());
    w.addAll(spec.command());
    return w;
  }

  @SuppressWarnings("unchecked")
  private static void write(List<String> w, ContainerOption<?> option, Object value) {
    String flag = flagText(option);
    switch (option.kind()) {
      case FLAG:
        w.add(flag);
        return;
      case TEXT:
        w.add(flag);
        w.add((String) value);
        return;
      case TEXTS:
        for (String v : (List<String>) value) {
          w.add(flag);
          w.add(v);
        }
        return;
      case MAP:
        ((Map<String, String>) value).forEach((k, v) -> {
          w.add(flag);
          w.add(k + "=" + v);
        });
        return;
      case BYTES:
        w.add(flag);
        w.add((Long) value == -1 ? "-1" : ByteSize.format((Long) value));
        return;
      case NUMBER:
        w.add(flag);
        w.add(value.toString());
        return;
      case CPUS:
        w.add(flag);
        w.add(FlagValues.cpus((Long) value));
        return;
      default:
        writeTyped(w, option, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static void writeTyped(List<String> w, ContainerOption<?> option, Object value) {
    if (option == ContainerOption.MOUNTS) {
      for (Mount m : (List<Mount>) value) {
        w.addAll(m.toCommandLine());
      }
    } else if (option == ContainerOption.ENTRYPOINT) {
      List<String> entrypoint = (List<String>) value;
      if (entrypoint.size() > 1) {
        throw new IllegalStateException("entrypoint " + entrypoint + " has more than one word,"
            + " which --entrypoint cannot say; put the rest in the command");
      }
      w.add("--entrypoint");
      w.add(entrypoint.isEmpty() ? "" : entrypoint.get(0));
    } else if (option == ContainerOption.HEALTHCHECK) {
      HealthFlags.write(w, (Healthcheck) value);
    } else {
      List<?> items = value instanceof List<?> list ? list : List.of(value);
      for (Object item : items) {
        w.add(flagText(option));
        w.add(item.toString());
      }
    }
  }

  /** The short flag where there is one, as people write it: {@code -p}, {@code -e}. */
  private static String flagText(ContainerOption<?> option) {
    return option.shortFlag() != null ? "-" + option.shortFlag() : "--" + option.flag();
  }
}
