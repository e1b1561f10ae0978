package dev.berth.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to create a container from: the image, the command and every {@code docker create} setting.
 * Immutable: each method that sets something returns a new spec.
 *
 * <pre>{@code
 * ContainerSpec web = ContainerSpec.of("training/webapp")
 *     .name("web")
 *     .publish(PortBinding.parse("127.0.0.1:5000:5000"))
 *     .mount(Mount.bind("/src/webapp", "/opt/webapp").readOnly())
 *     .link(Link.parse("db:db"))
 *     .env("NAMESRV_ADDR", "namesrv:9876")
 *     .restart(RestartPolicy.always())
 *     .command("python", "app.py");
 * }</pre>
 *
 * <p>The common settings have methods of their own; every other {@code docker create} flag is a
 * {@link ContainerOption} set with {@link #with(ContainerOption, Object)}. {@link
 * DockerRun#parse(String)} reads a pasted {@code docker run} line into a spec and {@link
 * #toCommandLine()} writes one back.
 */
public final class ContainerSpec {
  private final ImageRef image;
  private final List<String> command;
  private final Map<ContainerOption<?>, Object> options;

  private ContainerSpec(ImageRef image, List<String> command, Map<ContainerOption<?>, Object> options) {
    this.image = image;
    this.command = command;
    this.options = options;
  }

  /** A spec for {@code image} with nothing else set: the image's own command, not attached. */
  public static ContainerSpec of(ImageRef image) {
    return new ContainerSpec(Objects.requireNonNull(image, "image"), List.of(), Map.of());
  }

  /**
   * A spec for the image named {@code image}.
   *
   * @throws IllegalArgumentException if {@code image} is not a valid reference
   */
  public static ContainerSpec of(String image) {
    return of(ImageRef.parse(image));
  }

  /** The image. */
  public ImageRef image() {
    return image;
  }

  /** With another image. */
  public ContainerSpec image(ImageRef image) {
    return new ContainerSpec(Objects.requireNonNull(image, "image"), command, options);
  }

  /** The command and its arguments; empty for the image's default. */
  public List<String> command() {
    return command;
  }

  /** With {@code command} as the command and its arguments (none: the image's default). */
  public ContainerSpec command(String... command) {
    return command(Arrays.asList(command));
  }

  /** With {@code command} as the command and its arguments (empty: the image's default). */
  public ContainerSpec command(List<String> command) {
    return new ContainerSpec(image, List.copyOf(command), options);
  }

  /** The value of {@code option}, or null when it is not set. */
  @SuppressWarnings("unchecked")
  public <T> T get(ContainerOption<T> option) {
    return (T) options.get(option);
  }

  /** True when {@code option} is set. */
  public boolean has(ContainerOption<?> option) {
    return options.containsKey(option);
  }

  /** The options that are set. */
  public Set<ContainerOption<?>> options() {
    return options.keySet();
  }

  /**
   * With {@code option} set to {@code value}; a null value unsets it, and so does false for a
   * switch such as {@link ContainerOption#PRIVILEGED}, as {@code --privileged=false} does. The
   * streams of {@link ContainerOption#ATTACH} are kept once each, in the order stdin, stdout,
   * stderr.
   *
   * @throws IllegalArgumentException if {@code value} is not of the option's type, or is an
   *     unknown attach stream
   */
  public <T> ContainerSpec with(ContainerOption<T> option, T value) {
    Map<ContainerOption<?>, Object> copy = new LinkedHashMap<>(options);
    if (value == null || (option.kind() == ContainerOption.Kind.FLAG && value.equals(false))) {
      copy.remove(option);
    } else if (option == ContainerOption.ATTACH) {
      copy.put(option, streams((List<?>) option.check(value)));
    } else {
      copy.put(option, option.check(value));
    }
    return new ContainerSpec(image, command, Collections.unmodifiableMap(copy));
  }

  private <E> ContainerSpec append(ContainerOption<List<E>> option, E item) {
    List<E> list = new ArrayList<>(listOf(option));
    list.add(Objects.requireNonNull(item, option.flag()));
    return with(option, list);
  }

  private <E> List<E> listOf(ContainerOption<List<E>> option) {
    List<E> list = get(option);
    return list == null ? List.of() : list;
  }

  private ContainerSpec put(ContainerOption<Map<String, String>> option, String key, String value) {
    Map<String, String> map = new LinkedHashMap<>(mapOf(option));
    map.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return with(option, map);
  }

  private Map<String, String> mapOf(ContainerOption<Map<String, String>> option) {
    Map<String, String> map = get(option);
    return map == null ? Map.of() : map;
  }

  private boolean flag(ContainerOption<Boolean> option) {
    return Boolean.TRUE.equals(get(option));
  }

  /** The name ({@code --name}), or null to let the engine choose one. */
  public String name() {
    return get(ContainerOption.NAME);
  }

  /** With a name ({@code --name}). */
  public ContainerSpec name(String name) {
    return with(ContainerOption.NAME, name);
  }

  /** The entrypoint ({@code --entrypoint}), or null for the image's. */
  public List<String> entrypoint() {
    return get(ContainerOption.ENTRYPOINT);
  }

  /**
   * With an entrypoint ({@code --entrypoint}); an empty array clears the image's ({@code
   * entrypoint()} without arguments is the getter, so write {@code entrypoint(new String[0])}).
   */
  public ContainerSpec entrypoint(String... entrypoint) {
    return with(ContainerOption.ENTRYPOINT, List.of(entrypoint));
  }

  /** The environment ({@code -e}). */
  public List<EnvVar> env() {
    return listOf(ContainerOption.ENV);
  }

  /** With one more environment variable ({@code -e NAME=VALUE}). */
  public ContainerSpec env(String name, String value) {
    return env(EnvVar.of(name, value));
  }

  /** With one more environment variable. */
  public ContainerSpec env(EnvVar variable) {
    return append(ContainerOption.ENV, variable);
  }

  /** The published ports ({@code -p}). */
  public List<PortBinding> ports() {
    return listOf(ContainerOption.PUBLISH);
  }

  /** With one more published port ({@code -p}). */
  public ContainerSpec publish(PortBinding binding) {
    return append(ContainerOption.PUBLISH, binding);
  }

  /** Whether every exposed port is published to a random host port ({@code -P}). */
  public boolean publishAllPorts() {
    return flag(ContainerOption.PUBLISH_ALL);
  }

  /** With every exposed port published to a random host port, or not ({@code -P}). */
  public ContainerSpec publishAllPorts(boolean publishAll) {
    return with(ContainerOption.PUBLISH_ALL, publishAll ? Boolean.TRUE : null);
  }

  /** The exposed ports ({@code --expose}). */
  public List<ExposedPort> exposedPorts() {
    return listOf(ContainerOption.EXPOSE);
  }

  /** With one more exposed port ({@code --expose}). */
  public ContainerSpec expose(ExposedPort port) {
    return append(ContainerOption.EXPOSE, port);
  }

  /** The mounts ({@code -v}, {@code --mount}, {@code --tmpfs}). */
  public List<Mount> mounts() {
    return listOf(ContainerOption.MOUNTS);
  }

  /** With one more mount. */
  public ContainerSpec mount(Mount mount) {
    return append(ContainerOption.MOUNTS, mount);
  }

  /** The links ({@code --link}). */
  public List<Link> links() {
    return listOf(ContainerOption.LINKS);
  }

  /** With one more link ({@code --link name:alias}). */
  public ContainerSpec link(Link link) {
    return append(ContainerOption.LINKS, link);
  }

  /** The restart policy ({@code --restart}), or null for the engine's default ({@code no}). */
  public RestartPolicy restartPolicy() {
    return get(ContainerOption.RESTART);
  }

  /** With a restart policy ({@code --restart}). */
  public ContainerSpec restart(RestartPolicy policy) {
    return with(ContainerOption.RESTART, policy);
  }

  /** The labels ({@code -l}). */
  public Map<String, String> labels() {
    return mapOf(ContainerOption.LABELS);
  }

  /** With one more label ({@code -l key=value}). */
  public ContainerSpec label(String key, String value) {
    return put(ContainerOption.LABELS, key, value);
  }

  /** With one more label without a value ({@code -l key}): the key, with an empty value. */
  public ContainerSpec label(String key) {
    return put(ContainerOption.LABELS, key, "");
  }

  /** The health check ({@code --health-*}), or null for the image's. */
  public Healthcheck healthcheck() {
    return get(ContainerOption.HEALTHCHECK);
  }

  /** With a health check; {@link Healthcheck#none()} turns the image's off. */
  public ContainerSpec healthcheck(Healthcheck healthcheck) {
    return with(ContainerOption.HEALTHCHECK, healthcheck);
  }

  /** The working directory ({@code -w}), or null for the image's. */
  public String workingDir() {
    return get(ContainerOption.WORKDIR);
  }

  /** With a working directory ({@code -w}). */
  public ContainerSpec workingDir(String dir) {
    return with(ContainerOption.WORKDIR, dir);
  }

  /** The user ({@code -u}), or null for the image's. */
  public String user() {
    return get(ContainerOption.USER);
  }

  /** With a user, {@code name|uid[:group|gid]} ({@code -u}). */
  public ContainerSpec user(String user) {
    return with(ContainerOption.USER, user);
  }

  /** The host name ({@code -h}), or null for the engine's choice. */
  public String hostname() {
    return get(ContainerOption.HOSTNAME);
  }

  /** With a host name ({@code -h}). */
  public ContainerSpec hostname(String hostname) {
    return with(ContainerOption.HOSTNAME, hostname);
  }

  /** Whether a pseudo-TTY is allocated ({@code -t}). */
  public boolean tty() {
    return flag(ContainerOption.TTY);
  }

  /** With a pseudo-TTY, or not ({@code -t}). */
  public ContainerSpec tty(boolean tty) {
    return with(ContainerOption.TTY, tty ? Boolean.TRUE : null);
  }

  /** Whether stdin is kept open ({@code -i}). */
  public boolean stdinOpen() {
    return flag(ContainerOption.INTERACTIVE);
  }

  /** With stdin kept open, or not ({@code -i}). */
  public ContainerSpec stdinOpen(boolean open) {
    return with(ContainerOption.INTERACTIVE, open ? Boolean.TRUE : null);
  }

  /** The streams attached at start ({@code -a}): {@code stdin}, {@code stdout}, {@code stderr}. */
  public List<String> attach() {
    return listOf(ContainerOption.ATTACH);
  }

  /** With the streams to attach at start ({@code -a}); none for a detached container. */
  public ContainerSpec attach(String... streams) {
    return with(ContainerOption.ATTACH, streams.length == 0 ? null : List.of(streams));
  }

  /** The streams in {@code list}, once each, in the engine's order. */
  private static List<String> streams(List<?> list) {
    for (Object s : list) {
      if (!s.equals("stdin") && !s.equals("stdout") && !s.equals("stderr")) {
        throw new IllegalArgumentException("attach stream \"" + s
            + "\" is not valid: expected stdin, stdout or stderr");
      }
    }
    List<String> ordered = new ArrayList<>(List.of("stdin", "stdout", "stderr"));
    ordered.retainAll(list);
    return List.copyOf(ordered);
  }

  /** Whether the container is removed when it exits ({@code --rm}). */
  public boolean autoRemove() {
    return flag(ContainerOption.RM);
  }

  /** With removal on exit, or not ({@code --rm}). */
  public ContainerSpec autoRemove(boolean autoRemove) {
    return with(ContainerOption.RM, autoRemove ? Boolean.TRUE : null);
  }

  /** The network mode ({@code --network}), or null for the default bridge. */
  public String networkMode() {
    return get(ContainerOption.NETWORK);
  }

  /** With a network mode: {@code bridge}, {@code host}, {@code none}, {@code container:NAME}, a network. */
  public ContainerSpec networkMode(String mode) {
    return with(ContainerOption.NETWORK, mode);
  }

  /** The aliases on the network ({@code --network-alias}). */
  public List<String> networkAliases() {
    return listOf(ContainerOption.NETWORK_ALIAS);
  }

  /** With one more alias on the network ({@code --network-alias}). */
  public ContainerSpec networkAlias(String alias) {
    return append(ContainerOption.NETWORK_ALIAS, alias);
  }

  /** The extra hosts ({@code --add-host}), each {@code host:ip}. */
  public List<String> extraHosts() {
    return listOf(ContainerOption.ADD_HOST);
  }

  /** With one more {@code /etc/hosts} line ({@code --add-host host:ip}). */
  public ContainerSpec extraHost(String host, String ip) {
    return append(ContainerOption.ADD_HOST, host + ":" + ip);
  }

  /** The DNS servers ({@code --dns}). */
  public List<String> dns() {
    return listOf(ContainerOption.DNS);
  }

  /** With one more DNS server ({@code --dns}). */
  public ContainerSpec dns(String server) {
    return append(ContainerOption.DNS, server);
  }

  /** The memory limit in bytes ({@code -m}), or 0 for none. */
  public long memory() {
    Long v = get(ContainerOption.MEMORY);
    return v == null ? 0 : v;
  }

  /** With a memory limit in bytes ({@code -m}); see {@link ByteSize#parse} for {@code "512m"}. */
  public ContainerSpec memory(long bytes) {
    return with(ContainerOption.MEMORY, bytes);
  }

  /** The CPU limit in billionths of a CPU ({@code --cpus}), or 0 for none. */
  public long nanoCpus() {
    Long v = get(ContainerOption.CPUS);
    return v == null ? 0 : v;
  }

  /** With a CPU limit such as 1.5 ({@code --cpus}). */
  public ContainerSpec cpus(double cpus) {
    if (!(cpus > 0) || Double.isInfinite(cpus)) {
      throw new IllegalArgumentException("CPU limit " + cpus + " is not valid: expected a number above 0");
    }
    return with(ContainerOption.CPUS, Math.round(cpus * 1e9));
  }

  /** Whether the container is privileged ({@code --privileged}). */
  public boolean privileged() {
    return flag(ContainerOption.PRIVILEGED);
  }

  /** Privileged, or not ({@code --privileged}). */
  public ContainerSpec privileged(boolean privileged) {
    return with(ContainerOption.PRIVILEGED, privileged ? Boolean.TRUE : null);
  }

  /** The capabilities added ({@code --cap-add}). */
  public List<String> capAdd() {
    return listOf(ContainerOption.CAP_ADD);
  }

  /** With one more capability ({@code --cap-add}). */
  public ContainerSpec capAdd(String capability) {
    return append(ContainerOption.CAP_ADD, capability);
  }

  /** The capabilities dropped ({@code --cap-drop}). */
  public List<String> capDrop() {
    return listOf(ContainerOption.CAP_DROP);
  }

  /** With one more capability dropped ({@code --cap-drop}). */
  public ContainerSpec capDrop(String capability) {
    return append(ContainerOption.CAP_DROP, capability);
  }

  /** The host devices ({@code --device}), each {@code host[:container[:perms]]}. */
  public List<String> devices() {
    return listOf(ContainerOption.DEVICE);
  }

  /** With one more host device ({@code --device /dev/fuse}). */
  public ContainerSpec device(String device) {
    return append(ContainerOption.DEVICE, device);
  }

  /** The stop signal ({@code --stop-signal}), or null for the image's. */
  public String stopSignal() {
    return get(ContainerOption.STOP_SIGNAL);
  }

  /** With a stop signal such as {@code SIGINT} ({@code --stop-signal}). */
  public ContainerSpec stopSignal(String signal) {
    return with(ContainerOption.STOP_SIGNAL, signal);
  }

  /** The stop timeout ({@code --stop-timeout}), or null for the engine's (10 s). */
  public Duration stopTimeout() {
    Long v = get(ContainerOption.STOP_TIMEOUT);
    return v == null ? null : Duration.ofSeconds(v);
  }

  /** With a stop timeout, in whole seconds ({@code --stop-timeout}). */
  public ContainerSpec stopTimeout(Duration timeout) {
    return with(ContainerOption.STOP_TIMEOUT, timeout == null ? null : timeout.toSeconds());
  }

  /** Whether an init process runs as PID 1 ({@code --init}). */
  public boolean init() {
    return flag(ContainerOption.INIT);
  }

  /** With an init process, or not ({@code --init}). */
  public ContainerSpec init(boolean init) {
    return with(ContainerOption.INIT, init ? Boolean.TRUE : null);
  }

  /** The platform ({@code --platform}), or null for the engine's. */
  public String platform() {
    return get(ContainerOption.PLATFORM);
  }

  /** With a platform such as {@code linux/amd64} ({@code --platform}). */
  public ContainerSpec platform(String platform) {
    return with(ContainerOption.PLATFORM, platform);
  }

  /**
   * The spec as a {@code docker create} command line, quoted for a POSIX shell; {@link
   * DockerRun#parse(String)} reads it back into an equal spec.
   *
   * @throws IllegalStateException if the spec holds what no command line can say: an entrypoint
   *     of more than one word, a health check run without a shell, or attached streams that
   *     leave out stdin while stdin is kept open ({@code -i} attaches it)
   */
  public String toCommandLine() {
    return CommandLine.join(DockerRun.toWords(this));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContainerSpec s
        && s.image.equals(image)
        && s.command.equals(command)
        && s.options.equals(options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(image, command, options);
  }

  /** The command line, or the settings when no command line can say them. */
  @Override
  public String toString() {
    try {
      return "ContainerSpec{" + toCommandLine() + "}";
    } catch (IllegalStateException e) {
      return "ContainerSpec{image=" + image + ", command=" + command + ", options=" + options
          + "}";
    }
  }
}
