package dev.berth.model;

import static dev.berth.model.FlagValues.bool;
import static dev.berth.model.FlagValues.nanoCpus;
import static dev.berth.model.FlagValues.nonEmpty;
import static dev.berth.model.FlagValues.number;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@code docker service create} command line, read the way the docker CLI reads it: {@link
 * #spec()} is the service it describes, and {@link #detached()}, {@link #quiet()}, {@link
 * #withRegistryAuth()} and {@link #resolveImage()} say how the CLI was asked to create it.
 *
 * <pre>{@code
 * DockerServiceCreate create = DockerServiceCreate.parse("docker service create --name web"
 *     + " --replicas 3 -p 8080:80 --constraint node.role==worker nginx:1.25");
 * create.spec().name();       // web
 * create.spec().replicas();   // 3
 * create.spec().ports();      // [published=8080,target=80,protocol=tcp,mode=ingress]
 * }</pre>
 *
 * <p>The flags of {@code docker service create} (docker CLI 20.10, and {@code
 * --health-start-interval} of later ones) are understood with the CLI's spellings: {@code --flag
 * value}, {@code --flag=value}, {@code -p80:80}, clustered short flags such as {@code -dq}, {@code
 * --tty=false}, and {@code --} before the image. The line is split as a POSIX shell would ({@link
 * CommandLine}); what a shell would expand must be given as a value or through the variables map.
 * Two flags Berth has no setting for yet, {@code --generic-resource} and {@code
 * --credential-spec}, are refused, as is the long {@code --network} syntax with aliases or driver
 * options. Errors quote the flag or value and say what is allowed.
 */
public final class DockerServiceCreate {
  private static final Map<String, String> ALIASES = Map.of(
      "d", "detach",
      "e", "env",
      "l", "label",
      "p", "publish",
      "q", "quiet",
      "t", "tty",
      "u", "user",
      "w", "workdir");

  /** Flags that take no value (but may be given {@code =true} or {@code =false}). */
  private static final Set<String> SWITCHES = Set.of("detach", "quiet", "tty", "read-only",
      "init", "no-healthcheck", "with-registry-auth", "no-resolve-image", "help");

  /** Flags that take a value. */
  private static final Set<String> VALUED = Set.of("name", "replicas", "mode", "max-concurrent",
      "env", "env-file", "label", "container-label", "mount", "publish", "constraint",
      "placement-pref", "replicas-max-per-node", "update-parallelism", "update-delay",
      "update-failure-action", "update-monitor", "update-max-failure-ratio", "update-order",
      "rollback-parallelism", "rollback-delay", "rollback-failure-action", "rollback-monitor",
      "rollback-max-failure-ratio", "rollback-order", "restart-condition", "restart-delay",
      "restart-max-attempts", "restart-window", "secret", "config", "network", "workdir", "user",
      "hostname", "stop-signal", "stop-grace-period", "health-cmd", "health-interval",
      "health-timeout", "health-retries", "health-start-period", "health-start-interval",
      "limit-cpu", "limit-memory", "limit-pids", "reserve-cpu", "reserve-memory",
      "endpoint-mode", "log-driver", "log-opt", "group", "dns", "dns-option", "dns-search",
      "host", "cap-add", "cap-drop", "sysctl", "ulimit", "isolation", "entrypoint");

  /** Flags of {@code docker service create} that {@link ServiceSpec} has no setting for yet. */
  private static final Map<String, String> UNSUPPORTED = Map.of(
      "generic-resource", "generic resources",
      "credential-spec", "credential specs");

  private final ServiceSpec spec;
  private final boolean detached;
  private final boolean quiet;
  private final boolean withRegistryAuth;
  private final boolean resolveImage;

  private DockerServiceCreate(ServiceSpec spec, boolean detached, boolean quiet,
      boolean withRegistryAuth, boolean resolveImage) {
    this.spec = spec;
    this.detached = detached;
    this.quiet = quiet;
    this.withRegistryAuth = withRegistryAuth;
    this.resolveImage = resolveImage;
  }

  /**
   * Reads a pasted command line such as {@code docker service create --name web nginx}; the
   * leading {@code docker service create} may be left out.
   *
   * @throws IllegalArgumentException if the line cannot be read; the message quotes the part at
   *     fault
   */
  public static DockerServiceCreate parse(String line) {
    return parse(CommandLine.split(line), Map.of());
  }

  /**
   * Reads a command line whose {@code $VAR}s take their values from {@code variables}; {@code -e
   * NAME} without a value takes it from there too.
   *
   * @throws IllegalArgumentException if the line cannot be read; the message quotes the part at
   *     fault
   */
  public static DockerServiceCreate parse(String line, Map<String, String> variables) {
    return parse(CommandLine.split(line, variables), variables);
  }

  /**
   * Reads a command line already split into words, as a program's arguments are.
   *
   * @throws IllegalArgumentException if the words cannot be read; the message quotes the part at
   *     fault
   */
  public static DockerServiceCreate parse(List<String> words) {
    return parse(words, Map.of());
  }

  /**
   * Reads a command line already split into words; {@code -e NAME} without a value and names in an
   * {@code --env-file} without one take their values from {@code environment}.
   *
   * @throws IllegalArgumentException if the words cannot be read; the message quotes the part at
   *     fault
   */
  public static DockerServiceCreate parse(List<String> words, Map<String, String> environment) {
    return new Parser(arguments(words), environment).parse();
  }

  /** The service the line describes. */
  public ServiceSpec spec() {
    return spec;
  }

  /** Whether {@code -d} ({@code --detach}) was given: the CLI returns before the tasks run. */
  public boolean detached() {
    return detached;
  }

  /** Whether {@code -q} ({@code --quiet}) was given: the CLI prints no progress. */
  public boolean quiet() {
    return quiet;
  }

  /** Whether {@code --with-registry-auth} was given: registry credentials go to the nodes. */
  public boolean withRegistryAuth() {
    return withRegistryAuth;
  }

  /**
   * Whether the image is resolved to a digest in the registry before the service is created;
   * false when {@code --no-resolve-image} was given.
   */
  public boolean resolveImage() {
    return resolveImage;
  }

  @Override
  public String toString() {
    return "DockerServiceCreate{" + (detached ? "detached, " : "") + (quiet ? "quiet, " : "")
        + (withRegistryAuth ? "with registry auth, " : "")
        + (resolveImage ? "" : "no resolve image, ") + spec.toCommandLine() + "}";
  }

  /**
   * The arguments after {@code docker service create}: the words as they are when they do not
   * start with {@code docker}, after an optional {@code $} prompt and {@code sudo}.
   */
  private static List<String> arguments(List<String> words) {
    List<String> all = List.copyOf(words);
    int i = 0;
    if (!all.isEmpty() && all.get(0).equals("$")) {
      i++;
    }
    if (i < all.size() && all.get(i).equals("sudo")) {
      i++;
    }
    if (i < all.size() && (all.get(i).equals("docker") || all.get(i).endsWith("/docker"))) {
      int start = i++;
      if (i + 1 < all.size() && all.get(i).equals("service") && all.get(i + 1).equals("create")) {
        return all.subList(i + 2, all.size());
      }
      if (i < all.size() && all.get(i).startsWith("-")) {
        throw notServiceCreate(all, "docker's global option \"" + all.get(i)
            + "\" is not supported");
      }
      String found = CommandLine.join(all.subList(start, Math.min(i + 2, all.size())));
      throw notServiceCreate(all, "it is \"" + found + "\"");
    }
    if (i > 0) {
      String found = i < all.size() ? "\"" + all.get(i) + "\"" : "nothing";
      throw notServiceCreate(all, "\"" + CommandLine.join(all.subList(0, i))
          + "\" is followed by " + found + ", not docker");
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("Command line is empty: expected a docker service create"
          + " line, or its arguments");
    }
    return all;
  }

  private static IllegalArgumentException notServiceCreate(List<String> words, String found) {
    return new IllegalArgumentException("Command line \"" + CommandLine.join(words)
        + "\" is not docker service create: " + found
        + "; expected a docker service create line, or its arguments");
  }

  /** Reads one invocation's arguments. */
  private static final class Parser {
    private static final FlagScanner FLAGS = new FlagScanner("docker service create", ALIASES,
        Map.of(), false, Parser::takesValue);

    private final List<String> args;
    private final Map<String, String> environment;
    private ServiceSpec spec;
    private boolean detached;
    private boolean quiet;
    private boolean withRegistryAuth;
    private boolean resolveImage = true;
    private final HealthFlags health = new HealthFlags();
    private String mode;
    private Long replicas;
    private Long maxConcurrent;
    private UpdateConfig update = UpdateConfig.defaults();
    private UpdateConfig rollback = UpdateConfig.defaults();
    private String rollbackWritten;
    private ServiceRestart restart = ServiceRestart.defaults();

    Parser(List<String> args, Map<String, String> environment) {
      this.args = args;
      this.environment = Objects.requireNonNull(environment, "environment");
    }

    DockerServiceCreate parse() {
      FlagScanner.Scan scan = FLAGS.scan(args);
      scan.apply("help", this::apply);
      String image = scan.image("docker service create", "docker service create");
      spec = ServiceSpec.of(ImageRef.parse(image)).args(scan.afterImage());
      scan.applyAll(this::apply);
      finish();
      return new DockerServiceCreate(spec, detached, quiet, withRegistryAuth, resolveImage);
    }

    /** Whether flag {@code name} takes a value; null if docker service create has no such flag. */
    private static Boolean takesValue(String name) {
      if (SWITCHES.contains(name)) {
        return false;
      }
      if (VALUED.contains(name)) {
        return true;
      }
      if (UNSUPPORTED.containsKey(name)) {
        throw new IllegalArgumentException("flag \"--" + name + "\" is not supported by Berth yet:"
            + " a ServiceSpec has no setting for " + UNSUPPORTED.get(name) + "; leave it out");
      }
      return null;
    }

    private void apply(String name, String value, String written) {
      if (health.apply(name, value, written)) {
        return;
      }
      if (name.startsWith("update-") || name.startsWith("rollback-")) {
        boolean isUpdate = name.startsWith("update-");
        if (!isUpdate) {
          rollbackWritten = written;
        }
        UnaryOperator<UpdateConfig> change = updateChange(name.substring(name.indexOf('-') + 1),
            value);
        if (isUpdate) {
          update = change.apply(update);
        } else {
          rollback = change.apply(rollback);
        }
        return;
      }
      switch (name) {
        case "help" -> throw new IllegalArgumentException("flag \"" + written + "\" asks for the"
            + " CLI's usage text; it is not a service setting: leave it out");
        case "detach" -> detached = bool(value, written);
        case "quiet" -> quiet = bool(value, written);
        case "with-registry-auth" -> withRegistryAuth = bool(value, written);
        case "no-resolve-image" -> resolveImage = !bool(value, written);
        case "tty" -> spec = spec.tty(bool(value, written));
        case "read-only" -> spec = spec.readOnly(bool(value, written));
        case "init" -> spec = spec.init(bool(value, written));
        case "name" -> spec = spec.name(value);
        case "mode" -> {
          ServiceMode.Kind.parse(value);
          mode = value;
        }
        case "replicas" -> replicas = unsigned(value);
        case "max-concurrent" -> maxConcurrent = unsigned(value);
        case "replicas-max-per-node" -> spec = spec.maxReplicasPerNode(unsigned(value));
        case "env" -> spec = spec.env(FlagValues.env(value, environment));
        case "env-file" -> {
          for (EnvVar v : FlagValues.envFile(value, environment)) {
            spec = spec.env(v);
          }
        }
        case "label" -> {
          String[] kv = keyValue(value, false);
          spec = spec.label(kv[0], kv[1]);
        }
        case "container-label" -> {
          String[] kv = keyValue(value, false);
          spec = spec.containerLabel(kv[0], kv[1]);
        }
        case "log-opt" -> {
          String[] kv = keyValue(value, true);
          spec = spec.logOption(kv[0], kv[1]);
        }
        case "sysctl" -> {
          String[] kv = keyValue(value, true);
          spec = spec.sysctl(kv[0], kv[1]);
        }
        case "mount" -> spec = spec.mount(Mount.parseMountFlag(value));
        case "publish" -> {
          for (ServicePort port : ServicePort.parseAll(value)) {
            spec = spec.publish(port);
          }
        }
        case "constraint" -> spec = spec.constraint(value);
        case "placement-pref" -> spec = spec.placementPreference(value);
        case "restart-condition" -> restart = restart.condition(value);
        case "restart-delay" -> restart = restart.delay(GoDuration.parse(value));
        case "restart-max-attempts" -> restart = restart.maxAttempts(unsigned(value));
        case "restart-window" -> restart = restart.window(GoDuration.parse(value));
        case "secret" -> spec = spec.secret(SecretRef.parse(value));
        case "config" -> spec = spec.config(ConfigRef.parse(value));
        case "network" -> spec = spec.network(network(value));
        case "workdir" -> spec = spec.workdir(value);
        case "user" -> spec = spec.user(value);
        case "hostname" -> spec = spec.hostname(value);
        case "stop-signal" -> spec = spec.stopSignal(value);
        case "stop-grace-period" -> spec = spec.stopGracePeriod(GoDuration.parse(value));
        case "limit-cpu" -> spec = spec.limitCpus(nanoCpus(value));
        case "reserve-cpu" -> spec = spec.reserveCpus(nanoCpus(value));
        case "limit-memory" -> spec = spec.limitMemory(ByteSize.parse(value));
        case "reserve-memory" -> spec = spec.reserveMemory(ByteSize.parse(value));
        case "limit-pids" -> spec = spec.limitPids(unsigned(value));
        case "endpoint-mode" -> spec = spec.endpointMode(value);
        case "log-driver" -> spec = spec.logDriver(value);
        case "group" -> spec = spec.group(nonEmpty(value));
        case "dns" -> spec = spec.dns(nonEmpty(value));
        case "dns-option" -> spec = spec.dnsOption(nonEmpty(value));
        case "dns-search" -> spec = spec.dnsSearch(nonEmpty(value));
        case "host" -> spec = spec.host(value);
        case "cap-add" -> spec = spec.capAdd(nonEmpty(value));
        case "cap-drop" -> spec = spec.capDrop(nonEmpty(value));
        case "ulimit" -> spec = spec.ulimit(value);
        case "isolation" -> spec = spec.isolation(value);
        case "entrypoint" -> spec = spec.entrypoint(shellWords(value));
        default -> throw new IllegalStateException("no reader for --" + name);
      }
    }

    private static UnaryOperator<UpdateConfig> updateChange(String setting, String value) {
      return switch (setting) {
        case "parallelism" -> {
          long n = unsigned(value);
          yield c -> c.parallelism(n);
        }
        case "delay" -> {
          Duration d = GoDuration.parse(value);
          yield c -> c.delay(d);
        }
        case "monitor" -> {
          Duration d = GoDuration.parse(value);
          yield c -> c.monitor(d);
        }
        case "failure-action" -> c -> c.failureAction(value);
        case "order" -> c -> c.order(value);
        case "max-failure-ratio" -> {
          double ratio = decimal(value);
          yield c -> c.maxFailureRatio(ratio);
        }
        default -> throw new IllegalStateException("no reader for " + setting);
      };
    }

    private void finish() {
      Healthcheck check = health.result();
      if (check != null) {
        spec = spec.healthcheck(check);
      }
      String kind = mode == null ? "replicated" : mode;
      if (replicas != null && !kind.equals("replicated") && !kind.equals("replicated-job")) {
        throw new IllegalArgumentException("flags \"--replicas\" and \"--mode " + kind
            + "\" conflict: --replicas goes only with --mode replicated or replicated-job");
      }
      if (maxConcurrent != null && !kind.equals("replicated-job")) {
        throw new IllegalArgumentException("flags \"--max-concurrent\" and \"--mode " + kind
            + "\" conflict: --max-concurrent goes only with --mode replicated-job");
      }
      spec = spec.mode(switch (kind) {
        case "global" -> ServiceMode.global();
        case "global-job" -> ServiceMode.globalJob();
        case "replicated-job" -> {
          // As the CLI: total completions default to 1, the concurrency to the completions.
          long total = replicas == null ? 1 : replicas;
          yield ServiceMode.replicatedJob(maxConcurrent == null ? total : maxConcurrent, total);
        }
        default -> ServiceMode.replicated(replicas == null ? 1 : replicas);
      });
      spec = spec.updateConfig(cliDefaults(update)).restart(restart);
      if (rollback.failureAction() != null && rollback.failureAction().equals("rollback")) {
        throw new IllegalArgumentException("flag " + rollbackWritten
            + " \"rollback\": rollback failure action \"rollback\" is not valid: expected pause"
            + " or continue");
      }
      spec = spec.rollbackConfig(cliDefaults(rollback));
    }

    /**
     * Once any {@code --update-*} (or {@code --rollback-*}) flag is given, the CLI sends all six
     * settings, the unset ones at their flag defaults: parallelism 1, no delay, monitor 5s, pause,
     * ratio 0, stop-first.
     */
    private static UpdateConfig cliDefaults(UpdateConfig c) {
      if (c.isDefault()) {
        return c;
      }
      UpdateConfig out = c;
      if (c.parallelism() == null) {
        out = out.parallelism(1);
      }
      if (c.delay() == null) {
        out = out.delay(Duration.ZERO);
      }
      if (c.monitor() == null) {
        out = out.monitor(Duration.ofSeconds(5));
      }
      if (c.failureAction() == null) {
        out = out.failureAction("pause");
      }
      if (c.maxFailureRatio() == null) {
        out = out.maxFailureRatio(0);
      }
      if (c.order() == null) {
        out = out.order("stop-first");
      }
      return out;
    }

    private static String network(String value) {
      if (!value.contains("=")) {
        return nonEmpty(value);
      }
      String name = null;
      for (String field : value.split(",")) {
        int eq = field.indexOf('=');
        String key = eq < 0 ? field : field.substring(0, eq);
        if ((key.equals("name") || key.equals("target")) && eq > 0) {
          name = field.substring(eq + 1);
        } else {
          throw new IllegalArgumentException("network field \"" + field + "\" is not supported"
              + " by Berth yet: a ServiceSpec joins networks by name only; give name=NETWORK or"
              + " just the network's name");
        }
      }
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("\"" + value + "\" is not valid: expected a network"
            + " name, or name=NETWORK");
      }
      return name;
    }

    private static String[] keyValue(String value, boolean valueRequired) {
      int eq = value.indexOf('=');
      if (eq == 0 || (eq < 0 && (valueRequired || value.isEmpty()))) {
        throw new IllegalArgumentException("\"" + value + "\" is not valid: expected key=value");
      }
      return eq < 0 ? new String[] {value, ""}
          : new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static long unsigned(String value) {
      if (!value.matches("\\+?\\d+")) {
        throw new IllegalArgumentException("\"" + value + "\" is not valid: expected a whole"
            + " number, 0 or more");
      }
      return number(value.startsWith("+") ? value.substring(1) : value);
    }

    private static double decimal(String value) {
      try {
        double d = Double.parseDouble(value);
        if (Double.isNaN(d) || Double.isInfinite(d) || !value.matches("[-+0-9.eE]+")) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + value + "\" is not valid: expected a decimal"
            + " from 0 to 1, such as 0.2");
      }
    }
  }

  /**
   * Splits an {@code --entrypoint} value into words as the docker CLI does (with Go's {@code
   * shlex}): blanks separate words, quotes and backslashes work as in {@code sh}, and nothing is
   * expanded; {@code ""} gives no words.
   */
  static List<String> shellWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int n = text.length();
    for (int k = 0; k < n; k++) {
      char c = text.charAt(k);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '#' && !inWord) {
        int newline = text.indexOf('\n', k);
        k = newline < 0 ? n : newline;
      } else if (c == '\\') {
        if (k + 1 >= n) {
          throw new IllegalArgumentException("entrypoint \"" + text + "\" is not valid: it ends"
              + " in a backslash");
        }
        word.append(text.charAt(++k));
        inWord = true;
      } else if (c == '\'' || c == '"') {
        int k0 = k;
        k++;
        while (k < n && text.charAt(k) != c) {
          if (c == '"' && text.charAt(k) == '\\' && k + 1 < n) {
            k++;
          }
          word.append(text.charAt(k++));
        }
        if (k >= n) {
          throw new IllegalArgumentException("entrypoint \"" + text + "\" is not valid: the"
              + " quote (" + c + ") at " + (k0 + 1) + " is never closed");
        }
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * The words of a {@code docker service create} line that {@link #parse} reads back into
   * {@code spec}.
   */
  static List<String> toWords(ServiceSpec spec) {
    List<String> w = new ArrayList<>(List.of("docker", "service", "create"));
    text(w, "--name", spec.name());
    ServiceMode mode = spec.mode();
    switch (mode.kind()) {
      case REPLICATED -> {
        if (mode.replicas() != 1) {
          add(w, "--replicas", mode.replicas().toString());
        }
      }
      case GLOBAL -> add(w, "--mode", "global");
      case GLOBAL_JOB -> add(w, "--mode", "global-job");
      case REPLICATED_JOB -> {
        add(w, "--mode", "replicated-job");
        add(w, "--replicas", mode.replicas().toString());
        add(w, "--max-concurrent", mode.maxConcurrent().toString());
      }
    }
    text(w, "--replicas-max-per-node", spec.maxReplicasPerNode());
    for (EnvVar v : spec.env()) {
      add(w, "-e", v.toString());
    }
    spec.labels().forEach((k, v) -> add(w, "-l", k + "=" + v));
    spec.containerLabels().forEach((k, v) -> add(w, "--container-label", k + "=" + v));
    for (Mount m : spec.mounts()) {
      w.addAll(m.toCommandLine());
    }
    for (ServicePort p : spec.ports()) {
      add(w, "-p", portValue(p));
    }
    all(w, "--constraint", spec.constraints());
    all(w, "--placement-pref", spec.placementPreferences());
    writeUpdate(w, "--update-", spec.updateConfig());
    writeUpdate(w, "--rollback-", spec.rollbackConfig());
    ServiceRestart r = spec.restart();
    text(w, "--restart-condition", r.condition());
    duration(w, "--restart-delay", r.delay());
    text(w, "--restart-max-attempts", r.maxAttempts());
    duration(w, "--restart-window", r.window());
    for (SecretRef s : spec.secrets()) {
      add(w, "--secret", s.equals(SecretRef.of(s.source())) ? s.source() : s.toFlagValue());
    }
    for (ConfigRef c : spec.configs()) {
      add(w, "--config", c.equals(ConfigRef.of(c.source())) ? c.source() : c.toFlagValue());
    }
    all(w, "--network", spec.networks());
    text(w, "-w", spec.workdir());
    text(w, "-u", spec.user());
    text(w, "--hostname", spec.hostname());
    if (spec.tty()) {
      w.add("-t");
    }
    if (spec.readOnly()) {
      w.add("--read-only");
    }
    if (spec.init() != null) {
      w.add(spec.init() ? "--init" : "--init=false");
    }
    text(w, "--stop-signal", spec.stopSignal());
    duration(w, "--stop-grace-period", spec.stopGracePeriod());
    if (spec.healthcheck() != null) {
      writeHealthcheck(w, spec.healthcheck());
    }
    cpus(w, "--limit-cpu", spec.limitCpus());
    bytes(w, "--limit-memory", spec.limitMemory());
    text(w, "--limit-pids", spec.limitPids());
    cpus(w, "--reserve-cpu", spec.reserveCpus());
    bytes(w, "--reserve-memory", spec.reserveMemory());
    text(w, "--endpoint-mode", spec.endpointMode());
    text(w, "--log-driver", spec.logDriver());
    spec.logOptions().forEach((k, v) -> add(w, "--log-opt", k + "=" + v));
    all(w, "--group", spec.groups());
    all(w, "--dns", spec.dns());
    all(w, "--dns-option", spec.dnsOptions());
    all(w, "--dns-search", spec.dnsSearch());
    all(w, "--host", spec.hosts());
    all(w, "--cap-add", spec.capAdd());
    all(w, "--cap-drop", spec.capDrop());
    spec.sysctls().forEach((k, v) -> add(w, "--sysctl", k + "=" + v));
    all(w, "--ulimit", spec.ulimits());
    text(w, "--isolation", spec.isolation());
    if (spec.entrypoint() != null) {
      add(w, "--entrypoint", CommandLine.join(spec.entrypoint()));
    }
    w.add(spec.image().familiar());
    w.addAll(spec.args());
    return w;
  }

  /** The short {@code -p} form where it says the port ({@code 8080:80/udp}), else the long one. */
  private static String portValue(ServicePort p) {
    if (!p.mode().equals("ingress")) {
      return p.toFlagValue();
    }
    return (p.published() == 0 ? "" : p.published() + ":") + p.target()
        + (p.protocol().equals("tcp") ? "" : "/" + p.protocol());
  }

  private static void add(List<String> w, String flag, String value) {
    w.add(flag);
    w.add(value);
  }

  private static void text(List<String> w, String flag, Object value) {
    if (value != null) {
      add(w, flag, value.toString());
    }
  }

  private static void all(List<String> w, String flag, List<String> values) {
    for (String v : values) {
      add(w, flag, v);
    }
  }

  private static void duration(List<String> w, String flag, Duration d) {
    if (d != null) {
      add(w, flag, GoDuration.format(d));
    }
  }

  private static void cpus(List<String> w, String flag, Long nanoCpus) {
    if (nanoCpus != null) {
      add(w, flag, FlagValues.cpus(nanoCpus));
    }
  }

  private static void bytes(List<String> w, String flag, Long bytes) {
    if (bytes != null) {
      add(w, flag, ByteSize.format(bytes));
    }
  }

  private static void writeUpdate(List<String> w, String prefix, UpdateConfig c) {
    text(w, prefix + "parallelism", c.parallelism());
    duration(w, prefix + "delay", c.delay());
    text(w, prefix + "failure-action", c.failureAction());
    duration(w, prefix + "monitor", c.monitor());
    if (c.maxFailureRatio() != null) {
      add(w, prefix + "max-failure-ratio",
          BigDecimal.valueOf(c.maxFailureRatio()).stripTrailingZeros().toPlainString());
    }
    text(w, prefix + "order", c.order());
  }

  private static void writeHealthcheck(List<String> w, Healthcheck h) {
    boolean settings = !h.interval().isZero() || !h.timeout().isZero()
        || !h.startPeriod().isZero() || !h.startInterval().isZero() || h.retries() != 0;
    if (h.test().equals(List.of("NONE")) && settings) {
      throw new IllegalStateException("health check " + h + " turns the check off yet sets"
          + " intervals or retries, which --no-healthcheck cannot say with them");
    }
    HealthFlags.write(w, h);
  }
}
