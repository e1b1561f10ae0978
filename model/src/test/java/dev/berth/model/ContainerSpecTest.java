package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerSpecTest {

  /** A plausible value for each option that takes one, by long flag. */
  private static final Map<String, String> VALUES = Map.ofEntries(
      Map.entry("name", "web"),
      Map.entry("env", "A=1"),
      Map.entry("publish", "8080:80"),
      Map.entry("expose", "9000"),
      Map.entry("volume", "/srv/data:/data:ro"),
      Map.entry("link", "db:db"),
      Map.entry("restart", "on-failure:3"),
      Map.entry("label", "team=web"),
      Map.entry("health-cmd", "curl -f http://localhost/"),
      Map.entry("entrypoint", "/bin/sh"),
      Map.entry("attach", "stderr"),
      Map.entry("workdir", "/srv"),
      Map.entry("user", "1000:1000"),
      Map.entry("group-add", "2000"),
      Map.entry("stop-signal", "SIGINT"),
      Map.entry("stop-timeout", "30"),
      Map.entry("runtime", "runc"),
      Map.entry("platform", "linux/amd64"),
      Map.entry("annotation", "org.example.key=value"),
      Map.entry("hostname", "myhost"),
      Map.entry("domainname", "example.org"),
      Map.entry("network", "mynet"),
      Map.entry("network-alias", "web"),
      Map.entry("ip", "172.20.0.5"),
      Map.entry("ip6", "2001:db8::33"),
      Map.entry("link-local-ip", "169.254.0.77"),
      Map.entry("mac-address", "02:42:ac:11:00:99"),
      Map.entry("add-host", "db.local:10.1.2.3"),
      Map.entry("dns", "10.0.0.2"),
      Map.entry("dns-search", "example.org"),
      Map.entry("dns-option", "ndots:2"),
      Map.entry("cap-add", "NET_ADMIN"),
      Map.entry("cap-drop", "MKNOD"),
      Map.entry("security-opt", "no-new-privileges"),
      Map.entry("device", "/dev/null:/dev/mynull:rw"),
      Map.entry("device-cgroup-rule", "c 1:3 mr"),
      Map.entry("gpus", "all"),
      Map.entry("ipc", "shareable"),
      Map.entry("pid", "host"),
      Map.entry("uts", "host"),
      Map.entry("userns", "host"),
      Map.entry("cgroupns", "private"),
      Map.entry("cgroup-parent", "/docker"),
      Map.entry("isolation", "default"),
      Map.entry("sysctl", "net.core.somaxconn=1024"),
      Map.entry("ulimit", "nofile=1024:2048"),
      Map.entry("memory", "512m"),
      Map.entry("memory-reservation", "256m"),
      Map.entry("memory-swap", "1g"),
      Map.entry("memory-swappiness", "10"),
      Map.entry("kernel-memory", "64m"),
      Map.entry("shm-size", "128m"),
      Map.entry("oom-score-adj", "-500"),
      Map.entry("pids-limit", "100"),
      Map.entry("cpus", "1.5"),
      Map.entry("cpu-shares", "512"),
      Map.entry("cpu-period", "100000"),
      Map.entry("cpu-quota", "50000"),
      Map.entry("cpu-rt-period", "1000000"),
      Map.entry("cpu-rt-runtime", "950000"),
      Map.entry("cpuset-cpus", "0-3"),
      Map.entry("cpuset-mems", "0"),
      Map.entry("blkio-weight", "300"),
      Map.entry("blkio-weight-device", "/dev/sda:200"),
      Map.entry("device-read-bps", "/dev/sda:1mb"),
      Map.entry("device-write-bps", "/dev/sda:1mb"),
      Map.entry("device-read-iops", "/dev/sda:1000"),
      Map.entry("device-write-iops", "/dev/sda:1000"),
      Map.entry("volumes-from", "db:ro"),
      Map.entry("volume-driver", "local"),
      Map.entry("storage-opt", "size=10G"),
      Map.entry("log-driver", "json-file"),
      Map.entry("log-opt", "max-size=10m"));

  /** {@code --flag value} for {@code option}, quoted for a shell; {@code --flag} for a switch. */
  static String flagWithValue(ContainerOption<?> option) {
    if (option.kind() == ContainerOption.Kind.FLAG) {
      return "--" + option.flag();
    }
    String value = VALUES.get(option.flag());
    assertThat(value).as("a plausible value for %s", option).isNotNull();
    return CommandLine.join(List.of("--" + option.flag(), value));
  }

  // ---------------------------------------------------------------- immutability

  @Test
  void settersReturnANewSpecAndLeaveTheOriginalUnchanged() {
    ContainerSpec original = ContainerSpec.of("nginx");
    ContainerSpec snapshot = ContainerSpec.of("nginx");

    ContainerSpec named = original.name("web");
    ContainerSpec published = named.publish(PortBinding.of(8080, 80));
    ContainerSpec withEnv = published.env("A", "1");
    ContainerSpec limited = withEnv.with(ContainerOption.SHM_SIZE, 1024L);
    ContainerSpec commanded = limited.command("nginx", "-g", "daemon off;");

    assertThat(original).isEqualTo(snapshot);
    assertThat(original.name()).isNull();
    assertThat(original.options()).isEmpty();
    assertThat(named.ports()).isEmpty();
    assertThat(published.env()).isEmpty();
    assertThat(withEnv.has(ContainerOption.SHM_SIZE)).isFalse();
    assertThat(limited.command()).isEmpty();
    assertThat(commanded.name()).isEqualTo("web");
    assertThat(commanded.ports()).containsExactly(PortBinding.of(8080, 80));
    assertThat(commanded.env()).containsExactly(EnvVar.of("A", "1"));
    assertThat(commanded.get(ContainerOption.SHM_SIZE)).isEqualTo(1024L);
    assertThat(commanded.command()).containsExactly("nginx", "-g", "daemon off;");
    assertThat(commanded.image()).isEqualTo(original.image());
  }

  @Test
  void appendingToAListLeavesTheEarlierSpecsListAlone() {
    ContainerSpec one = ContainerSpec.of("nginx").capAdd("NET_ADMIN");
    ContainerSpec two = one.capAdd("SYS_TIME");

    assertThat(one.capAdd()).containsExactly("NET_ADMIN");
    assertThat(two.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
  }

  @Test
  void copiesTheListsAndMapsItIsGiven() {
    List<String> command = new ArrayList<>(List.of("echo", "hi"));
    List<String> caps = new ArrayList<>(List.of("NET_ADMIN"));
    Map<String, String> sysctls = new LinkedHashMap<>(Map.of("a", "1"));

    ContainerSpec spec = ContainerSpec.of("nginx").command(command)
        .with(ContainerOption.CAP_ADD, caps).with(ContainerOption.SYSCTL, sysctls);
    command.add("more");
    caps.add("SYS_TIME");
    sysctls.put("b", "2");

    assertThat(spec.command()).containsExactly("echo", "hi");
    assertThat(spec.capAdd()).containsExactly("NET_ADMIN");
    assertThat(spec.get(ContainerOption.SYSCTL)).containsExactly(entry("a", "1"));
  }

  @Test
  void returnsUnmodifiableListsAndMaps() {
    ContainerSpec spec = DockerRun.parse("docker run -p 80:80 -e A=1 -v /a:/b --link db:db"
        + " -l a=b --cap-add NET_ADMIN --sysctl a=b --entrypoint /bin/sh nginx echo").spec();

    assertUnmodifiable(() -> spec.command().add("x"));
    assertUnmodifiable(() -> spec.ports().add(PortBinding.of(1, 1)));
    assertUnmodifiable(() -> spec.env().clear());
    assertUnmodifiable(() -> spec.mounts().remove(0));
    assertUnmodifiable(() -> spec.links().clear());
    assertUnmodifiable(() -> spec.labels().put("c", "d"));
    assertUnmodifiable(() -> spec.capAdd().add("SYS_TIME"));
    assertUnmodifiable(() -> spec.get(ContainerOption.SYSCTL).clear());
    assertUnmodifiable(() -> spec.entrypoint().add("-c"));
    assertUnmodifiable(() -> spec.attach().clear());
    assertUnmodifiable(() -> spec.options().clear());
    assertUnmodifiable(() -> ContainerSpec.of("nginx").dns().add("x"));
    assertUnmodifiable(() -> ContainerSpec.of("nginx").labels().put("c", "d"));
    assertUnmodifiable(() -> ContainerOption.all().clear());
  }

  private static void assertUnmodifiable(Runnable change) {
    assertThatThrownBy(change::run).isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- equality

  @Test
  void specsWithTheSameSettingsAreEqualWithEqualHashCodes() {
    ContainerSpec a = ContainerSpec.of("nginx").name("web").env("A", "1")
        .publish(PortBinding.of(8080, 80)).label("x", "y").memory(1024);
    ContainerSpec b = ContainerSpec.of("docker.io/library/nginx").memory(1024).label("x", "y")
        .publish(PortBinding.parse("8080:80")).env(EnvVar.parse("A=1")).name("web");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(b.name("other"));
    assertThat(a).isNotEqualTo(b.image(ImageRef.parse("nginx:1.25")));
    assertThat(a).isNotEqualTo(b.command("sh"));
    assertThat(a).isNotEqualTo(b.env("B", "2"));
    assertThat(a).isNotEqualTo(null);
    assertThat(a).isNotEqualTo("nginx");
  }

  @Test
  void orderOfRepeatedValuesMatters() {
    ContainerSpec ab = ContainerSpec.of("nginx").dns("10.0.0.1").dns("10.0.0.2");
    ContainerSpec ba = ContainerSpec.of("nginx").dns("10.0.0.2").dns("10.0.0.1");

    assertThat(ab).isNotEqualTo(ba);
  }

  // ---------------------------------------------------------------- with

  @Test
  void withNullUnsetsAnOption() {
    ContainerSpec set = ContainerSpec.of("nginx").name("web").memory(1024).privileged(true);

    ContainerSpec unset = set.with(ContainerOption.NAME, null)
        .with(ContainerOption.MEMORY, null).with(ContainerOption.PRIVILEGED, null);

    assertThat(unset).isEqualTo(ContainerSpec.of("nginx"));
    assertThat(unset.has(ContainerOption.NAME)).isFalse();
    assertThat(unset.name()).isNull();
    assertThat(unset.memory()).isZero();
    assertThat(unset.options()).isEmpty();
    assertThat(set.name()).isEqualTo("web");
    assertThat(ContainerSpec.of("nginx").name("web").name(null))
        .isEqualTo(ContainerSpec.of("nginx"));
  }

  @Test
  void withFalseForASwitchIsTheSameAsNotSettingIt() {
    ContainerSpec nginx = ContainerSpec.of("nginx");

    for (ContainerOption<?> option : ContainerOption.all()) {
      if (option.kind() == ContainerOption.Kind.FLAG) {
        @SuppressWarnings("unchecked")
        ContainerOption<Boolean> flag = (ContainerOption<Boolean>) option;
        ContainerSpec off = nginx.with(flag, false);
        assertThat(off).as("%s false", option).isEqualTo(nginx);
        // toCommandLine writes the short form where there is one (-t, -i, -P).
        String written = option.shortFlag() != null ? "-" + option.shortFlag() : option.toString();
        assertThat(List.of(off.toCommandLine().split(" "))).as("%s false", option)
            .doesNotContain(written);
        assertThat(List.of(nginx.with(flag, true).toCommandLine().split(" "))).contains(written);
      }
    }
    assertThat(nginx.privileged(true).privileged(false)).isEqualTo(nginx);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void withAValueOfTheWrongTypeFailsNamingTheFlag() {
    ContainerOption<Object> memory = (ContainerOption) ContainerOption.MEMORY;
    ContainerOption<Object> capAdd = (ContainerOption) ContainerOption.CAP_ADD;
    ContainerOption<Object> tty = (ContainerOption) ContainerOption.TTY;

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx").with(memory, "x"))
        .withMessageContaining("--memory")
        .withMessageContaining("takes a Long")
        .withMessageContaining("\"x\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx").with(capAdd, "NET_ADMIN"))
        .withMessageContaining("--cap-add")
        .withMessageContaining("List");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx").with(tty, "yes"))
        .withMessageContaining("--tty")
        .withMessageContaining("Boolean");
  }

  @Test
  void refusesUnknownAttachStreams() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx").attach("stdout", "stdfoo"))
        .withMessageContaining("\"stdfoo\"")
        .withMessageContaining("expected stdin, stdout or stderr");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx")
            .with(ContainerOption.ATTACH, List.of("stdout", "STDOUT")))
        .withMessageContaining("\"STDOUT\"");
  }

  @Test
  void keepsAttachStreamsInTheEnginesOrderOnce() {
    ContainerSpec spec = ContainerSpec.of("nginx").attach("stderr", "stdout", "stderr");

    assertThat(spec.attach()).containsExactly("stdout", "stderr");
    assertThat(spec).isEqualTo(ContainerSpec.of("nginx").attach("stdout", "stderr"));
    assertThat(ContainerSpec.of("nginx").attach().isEmpty()).isTrue();
    assertThat(ContainerSpec.of("nginx").attach("stdout").attach().size()).isEqualTo(1);
  }

  @Test
  void typedSettersSetTheirOptions() {
    ContainerSpec spec = ContainerSpec.of("nginx")
        .cpus(1.5)
        .memory(ByteSize.parse("512m"))
        .stopTimeout(Duration.ofSeconds(30))
        .workingDir("/srv")
        .user("1000")
        .hostname("h")
        .tty(true)
        .stdinOpen(true)
        .autoRemove(true)
        .init(true)
        .publishAllPorts(true)
        .networkMode("host")
        .stopSignal("SIGINT")
        .platform("linux/arm64")
        .extraHost("db.local", "10.0.0.3");

    assertThat(spec.nanoCpus()).isEqualTo(1_500_000_000L);
    assertThat(spec.get(ContainerOption.CPUS)).isEqualTo(1_500_000_000L);
    assertThat(spec.memory()).isEqualTo(536870912L);
    assertThat(spec.get(ContainerOption.STOP_TIMEOUT)).isEqualTo(30L);
    assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.get(ContainerOption.WORKDIR)).isEqualTo("/srv");
    assertThat(spec.get(ContainerOption.USER)).isEqualTo("1000");
    assertThat(spec.get(ContainerOption.HOSTNAME)).isEqualTo("h");
    assertThat(spec.get(ContainerOption.TTY)).isTrue();
    assertThat(spec.get(ContainerOption.INTERACTIVE)).isTrue();
    assertThat(spec.get(ContainerOption.RM)).isTrue();
    assertThat(spec.get(ContainerOption.INIT)).isTrue();
    assertThat(spec.get(ContainerOption.PUBLISH_ALL)).isTrue();
    assertThat(spec.get(ContainerOption.NETWORK)).isEqualTo("host");
    assertThat(spec.get(ContainerOption.STOP_SIGNAL)).isEqualTo("SIGINT");
    assertThat(spec.get(ContainerOption.PLATFORM)).isEqualTo("linux/arm64");
    assertThat(spec.extraHosts()).containsExactly("db.local:10.0.0.3");
  }

  @Test
  void refusesACpuLimitThatIsNotAboveZero() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx").cpus(0))
        .withMessageContaining("expected a number above 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("nginx").cpus(Double.NaN))
        .withMessageContaining("NaN");
  }

  @Test
  void refusesAnInvalidImage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContainerSpec.of("UPPER/case"))
        .withMessageContaining("\"UPPER/case\"");
  }

  // ---------------------------------------------------------------- command line

  @Test
  void refusesToWriteATwoWordEntrypoint() {
    ContainerSpec spec = ContainerSpec.of("nginx").entrypoint("/bin/sh", "-c");

    assertThatIllegalStateException()
        .isThrownBy(spec::toCommandLine)
        .withMessageContaining("[/bin/sh, -c]")
        .withMessageContaining("--entrypoint");
    assertThat(spec.entrypoint()).containsExactly("/bin/sh", "-c");
  }

  @Test
  void refusesToWriteAHealthcheckThatRunsWithoutAShell() {
    ContainerSpec spec = ContainerSpec.of("nginx").healthcheck(Healthcheck.exec("curl", "-f"));

    assertThatIllegalStateException()
        .isThrownBy(spec::toCommandLine)
        .withMessageContaining("--health-cmd");
  }

  @Test
  void refusesToWriteInteractiveWithAttachedStreamsThatLeaveOutStdin() {
    ContainerSpec spec = ContainerSpec.of("nginx").stdinOpen(true).attach("stdout");

    assertThatIllegalStateException()
        .isThrownBy(spec::toCommandLine)
        .withMessageContaining("stdin");
  }

  @Test
  void toStringDoesNotThrowForASpecNoCommandLineCanSay() {
    ContainerSpec spec = ContainerSpec.of("nginx").entrypoint("/bin/sh", "-c");

    assertThat(spec.toString()).contains("nginx").contains("/bin/sh");
  }

  @Test
  void toStringShowsTheCommandLine() {
    assertThat(ContainerSpec.of("nginx").name("web"))
        .hasToString("ContainerSpec{docker run -d --name web nginx}");
  }

  static Stream<Arguments> typedSpecs() {
    ContainerSpec nginx = ContainerSpec.of("nginx");
    return Stream.of(
        Arguments.of("bare image", nginx),
        Arguments.of("registry, tag and command", ContainerSpec
            .of("registry.example.com:5000/team/app:1.0").command("run", "--fast", "it's")),
        Arguments.of("digest", ContainerSpec.of("ubuntu@sha256:"
            + "45b23dee08af5e43a7fea6c4cf9c25ccf269ee113168c19722f87876677c5cb2")),
        Arguments.of("the javadoc example", ContainerSpec.of("training/webapp")
            .name("web")
            .publish(PortBinding.parse("127.0.0.1:5000:5000"))
            .mount(Mount.bind("/src/webapp", "/opt/webapp").readOnly())
            .link(Link.parse("db:db"))
            .env("NAMESRV_ADDR", "namesrv:9876")
            .restart(RestartPolicy.always())
            .command("python", "app.py")),
        Arguments.of("ports", nginx.publish(PortBinding.random(80))
            .publish(PortBinding.parse("[::1]:8080:80"))
            .publish(PortBinding.of(53, 53).withProtocol(PortBinding.Protocol.UDP))
            .publish(PortBinding.parse("8000-8010:80-90"))
            .expose(ExposedPort.of(9000))
            .expose(ExposedPort.parse("7000-7002/udp"))
            .publishAllPorts(true)),
        Arguments.of("mounts", nginx.mount(Mount.bind("/srv", "/srv"))
            .mount(Mount.volume("data", "/data").readOnly())
            .mount(Mount.anonymousVolume("/cache"))
            .mount(Mount.anonymousVolume("/ro").readOnly())
            .mount(Mount.tmpfs("/run"))
            .mount(Mount.parseMountFlag("type=tmpfs,target=/scratch,tmpfs-size=64m"))
            .mount(Mount.parseVolumeFlag("/tmp:/shared:rshared,z"))),
        Arguments.of("env and labels", nginx.env("A", "").env("B", "x=y")
            .env(new EnvVar("UNSET", null)).env("SPACED", "a b 'c'")
            .label("bare", "").label("team", "web")),
        Arguments.of("entrypoints", nginx.entrypoint("/bin/sh").command("-c", "echo hi")),
        Arguments.of("cleared entrypoint", nginx.entrypoint(new String[0])),
        Arguments.of("health check", nginx.healthcheck(
            Healthcheck.shell("curl -f http://localhost/ || exit 1")
                .withInterval(Duration.ofSeconds(30)).withTimeout(Duration.ofMillis(1500))
                .withStartPeriod(Duration.ofMinutes(2)).withStartInterval(Duration.ofSeconds(1))
                .withRetries(3))),
        Arguments.of("health settings only", nginx.healthcheck(
            Healthcheck.of(List.of()).withInterval(Duration.ofSeconds(5)))),
        Arguments.of("no health check", nginx.healthcheck(Healthcheck.none())),
        Arguments.of("restart on failure", nginx.restart(RestartPolicy.onFailure(5))),
        Arguments.of("restart no with rm", nginx.restart(RestartPolicy.no()).autoRemove(true)),
        Arguments.of("resources", nginx.cpus(0.5).memory(ByteSize.parse("1.5g"))
            .with(ContainerOption.MEMORY_SWAP, -1L)
            .with(ContainerOption.MEMORY_RESERVATION, 1000L)
            .with(ContainerOption.PIDS_LIMIT, -1L)
            .with(ContainerOption.OOM_SCORE_ADJ, -500L)
            .with(ContainerOption.CPU_SHARES, 512L)
            .with(ContainerOption.ULIMIT, List.of("nofile=1024:2048", "nproc=512"))
            .with(ContainerOption.DEVICE_READ_BPS, List.of("/dev/sda:1mb"))),
        Arguments.of("maps", nginx
            .with(ContainerOption.SYSCTL, Map.of("net.core.somaxconn", "1024"))
            .with(ContainerOption.LOG_OPT, Map.of("max-size", "10m"))
            .with(ContainerOption.STORAGE_OPT, Map.of("size", "10G"))
            .with(ContainerOption.ANNOTATION, Map.of("a.b", "c d"))),
        Arguments.of("process", nginx.workingDir("/srv").user("1000:1000").hostname("h")
            .stopSignal("SIGINT").stopTimeout(Duration.ofSeconds(30)).init(true)
            .privileged(true).capAdd("NET_ADMIN").capDrop("MKNOD").device("/dev/fuse")
            .with(ContainerOption.SECURITY_OPT, List.of("seccomp=unconfined"))
            .with(ContainerOption.READ_ONLY, true).platform("linux/amd64")),
        Arguments.of("network", nginx.networkMode("mynet").networkAlias("web")
            .networkAlias("www").extraHost("db.local", "10.0.0.3").dns("10.0.0.2")
            .with(ContainerOption.DNS_SEARCH, List.of("example.org"))
            .with(ContainerOption.MAC_ADDRESS, "02:42:ac:11:00:99")
            .with(ContainerOption.IP, "172.20.0.5").link(Link.of("db", "database"))),
        Arguments.of("attached", nginx.attach("stdout", "stderr")),
        Arguments.of("attached out of order", nginx.attach("stderr", "stdout")),
        Arguments.of("attached stdin only", nginx.attach("stdin")),
        Arguments.of("interactive tty", nginx.tty(true).stdinOpen(true)
            .attach("stdin", "stdout", "stderr")),
        Arguments.of("interactive attached to stdin and stderr", nginx.stdinOpen(true)
            .attach("stdin", "stderr")),
        Arguments.of("interactive detached", nginx.stdinOpen(true).tty(true)),
        Arguments.of("switches set to false", nginx.privileged(true)
            .with(ContainerOption.PRIVILEGED, false).with(ContainerOption.INIT, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedSpecs")
  void readsATypedSpecBackFromItsCommandLine(String description, ContainerSpec spec) {
    String line = spec.toCommandLine();
    DockerRun run = DockerRun.parse(line);

    assertThat(run.spec()).as(line).isEqualTo(spec).hasSameHashCodeAs(spec);
    assertThat(run.detached()).as(line).isEqualTo(spec.attach().isEmpty());
    assertThat(run.command()).isEqualTo("run");
  }

  // ---------------------------------------------------------------- the option table

  @Test
  void allListsEveryPublicOptionOnce() throws IllegalAccessException {
    List<ContainerOption<?>> declared = new ArrayList<>();
    for (Field field : ContainerOption.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ContainerOption.class) {
        declared.add((ContainerOption<?>) field.get(null));
      }
    }

    assertThat(ContainerOption.all()).doesNotHaveDuplicates();
    assertThat(ContainerOption.all()).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(ContainerOption.all()).hasSize(declared.size());
  }

  @Test
  void flagsAndShortFlagsAreUniqueAndFindTheirOption() {
    Set<String> flags = new HashSet<>();
    Set<String> shortFlags = new HashSet<>();
    for (ContainerOption<?> option : ContainerOption.all()) {
      assertThat(flags.add(option.flag())).as("%s once", option).isTrue();
      assertThat(ContainerOption.byFlag(option.flag())).isSameAs(option);
      assertThat(option).hasToString("--" + option.flag());
      assertThat(option.flag()).matches("[a-z][a-z0-9-]*");
      if (option.shortFlag() != null) {
        assertThat(shortFlags.add(option.shortFlag())).as("-%s once", option.shortFlag())
            .isTrue();
        assertThat(option.shortFlag()).hasSize(1);
      }
    }
    assertThat(ContainerOption.byFlag("no-such-flag")).isNull();
  }

  static Stream<ContainerOption<?>> options() {
    return ContainerOption.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void parserAcceptsTheFlagOfEveryOption(ContainerOption<?> option) {
    String flag = flagWithValue(option);

    ContainerSpec spec = DockerRun.parse("docker run " + flag + " nginx").spec();

    assertThat(spec.has(option)).as(flag).isTrue();
    assertThat(spec.get(option)).as(flag).isNotNull();
    assertThat(DockerRun.parse(spec.toCommandLine()).spec()).as(flag).isEqualTo(spec);
    if (option.kind() != ContainerOption.Kind.FLAG) {
      String value = VALUES.get(option.flag());
      List<String> joined = List.of("docker", "run", "--" + option.flag() + "=" + value, "nginx");
      assertThat(DockerRun.parse(joined).spec()).as("--%s=%s", option.flag(), value)
          .isEqualTo(spec);
    }
    if (option.shortFlag() != null) {
      List<String> words = new ArrayList<>(List.of("docker", "run", "-" + option.shortFlag()));
      if (option.kind() != ContainerOption.Kind.FLAG) {
        words.add(VALUES.get(option.flag()));
      }
      words.add("nginx");
      assertThat(DockerRun.parse(words).spec()).as("%s", words).isEqualTo(spec);
    }
  }

  @Test
  void parsedOptionsHoldValuesOfTheirKind() {
    StringBuilder line = new StringBuilder("docker run");
    for (ContainerOption<?> option : ContainerOption.all()) {
      if (option == ContainerOption.RESTART) {
        line.append(" --restart no"); // --rm allows no other policy
      } else if (option != ContainerOption.ATTACH) {
        line.append(' ').append(flagWithValue(option));
      }
    }
    ContainerSpec spec = DockerRun.parse(line + " -a stderr nginx").spec();

    assertThat(spec.options()).containsExactlyInAnyOrderElementsOf(ContainerOption.all());
    for (ContainerOption<?> option : ContainerOption.all()) {
      Object value = spec.get(option);
      switch (option.kind()) {
        case FLAG -> assertThat(value).as("%s", option).isEqualTo(Boolean.TRUE);
        case TEXT -> assertThat(value).as("%s", option).isEqualTo(VALUES.get(option.flag()));
        case TEXTS -> assertThat(value).as("%s", option)
            .isEqualTo(List.of(VALUES.get(option.flag())));
        case MAP -> assertThat(value).as("%s", option).isInstanceOf(Map.class);
        case BYTES, NUMBER, CPUS -> assertThat(value).as("%s", option).isInstanceOf(Long.class);
        default -> assertThat(value).as("%s", option).isNotNull();
      }
    }
    assertThat(spec.get(ContainerOption.SYSCTL))
        .containsExactly(entry("net.core.somaxconn", "1024"));
    assertThat(spec.get(ContainerOption.MEMORY_SWAPPINESS)).isEqualTo(10L);
    assertThat(spec.get(ContainerOption.KERNEL_MEMORY)).isEqualTo(64L << 20);
    assertThat(spec.restartPolicy()).isEqualTo(RestartPolicy.no());
    assertThat(spec.attach()).containsExactly("stdin", "stderr");
    assertThat(DockerRun.parse(spec.toCommandLine()).spec()).isEqualTo(spec);
  }
}
