package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DockerRunTest {
  private static final Path CORPUS =
      Path.of("..", "core", "src", "test", "resources", "docker-create-corpus.txt");

  @TempDir Path tmp;

  private static ContainerSpec spec(String line) {
    return DockerRun.parse(line).spec();
  }

  // ---------------------------------------------------------------- the seed lines

  @Test
  void readsSeedGitlabLineWithContinuations() {
    String line = """
        docker run \\
        -d \\
        -p 20180:80 \\
        -p 20122:22 \\
        --restart always \\
        -v /data/gitlab/config:/etc/gitlab \\
        -v /data/var/log/gitlab:/var/log/gitlab \\
        -v /data/gitlab/data:/var/opt/gitlab \\
        --name gitlab \\
        gitlab/gitlab-ce:8.16.7-ce.0
        """;

    DockerRun run = DockerRun.parse(line);
    ContainerSpec spec = run.spec();

    assertThat(run.command()).isEqualTo("run");
    assertThat(run.detached()).isTrue();
    assertThat(spec.name()).isEqualTo("gitlab");
    assertThat(spec.ports()).containsExactly(PortBinding.of(20180, 80), PortBinding.of(20122, 22));
    assertThat(spec.restartPolicy()).isEqualTo(RestartPolicy.always());
    assertThat(spec.mounts())
        .extracting(Mount::type, Mount::source, Mount::target, Mount::isReadOnly)
        .containsExactly(
            tuple(Mount.Type.BIND, "/data/gitlab/config", "/etc/gitlab", false),
            tuple(Mount.Type.BIND, "/data/var/log/gitlab", "/var/log/gitlab", false),
            tuple(Mount.Type.BIND, "/data/gitlab/data", "/var/opt/gitlab", false));
    assertThat(spec.image().familiar()).isEqualTo("gitlab/gitlab-ce:8.16.7-ce.0");
    assertThat(spec.image().tag()).isEqualTo("8.16.7-ce.0");
    assertThat(spec.command()).isEmpty();
    assertThat(spec.attach()).isEmpty();
  }

  @Test
  void readsSeedGitlabLinePastedWithWindowsLineEndingsAndTrailingBlanks() {
    String unix = "docker run \\\n-d \\\n-p 20180:80 \\\n--name gitlab \\\n"
        + "gitlab/gitlab-ce:8.16.7-ce.0\n";
    String pasted = "docker run \\ \r\n-d \\\r\n-p 20180:80 \\  \r\n--name gitlab \\\r\n"
        + "gitlab/gitlab-ce:8.16.7-ce.0\r\n";

    assertThat(spec(pasted)).isEqualTo(spec(unix));
    assertThat(spec(pasted).ports()).containsExactly(PortBinding.of(20180, 80));
  }

  @Test
  void refusesSeedRocketmqLineWithBackticksAndSaysToPassTheValue() {
    String line = "docker run -d -p 9876:9876 -v `pwd`/data/namesrv/logs:/root/logs"
        + " -v `pwd`/data/namesrv/store:/root/store --name rmqnamesrv"
        + " rocketmqinc/rocketmq:4.4.0 sh mqnamesrv";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerRun.parse(line))
        .withMessageContaining("\"`pwd`\"")
        .withMessageContaining("pass its output literally in its place");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerRun.parse(line, Map.of("PWD", "/home/me")))
        .withMessageContaining("\"`pwd`\"");
  }

  @Test
  void readsSeedRocketmqNamesrvLineWithPwdFromVariables() {
    String line = "docker run -d -p 9876:9876 -v $PWD/data/namesrv/logs:/root/logs"
        + " -v $PWD/data/namesrv/store:/root/store --name rmqnamesrv"
        + " rocketmqinc/rocketmq:4.4.0 sh mqnamesrv";

    DockerRun run = DockerRun.parse(line, Map.of("PWD", "/home/me/rocketmq"));
    ContainerSpec spec = run.spec();

    assertThat(run.detached()).isTrue();
    assertThat(spec.name()).isEqualTo("rmqnamesrv");
    assertThat(spec.ports()).containsExactly(PortBinding.of(9876, 9876));
    assertThat(spec.mounts())
        .extracting(Mount::source, Mount::target)
        .containsExactly(
            tuple("/home/me/rocketmq/data/namesrv/logs", "/root/logs"),
            tuple("/home/me/rocketmq/data/namesrv/store", "/root/store"));
    assertThat(spec.image().familiar()).isEqualTo("rocketmqinc/rocketmq:4.4.0");
    assertThat(spec.command()).containsExactly("sh", "mqnamesrv");
  }

  @Test
  void refusesSeedRocketmqLineWithPwdButNoVariablesAndNamesTheVariable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerRun.parse(
            "docker run -d -v $PWD/data:/root/store rocketmqinc/rocketmq:4.4.0 sh mqnamesrv"))
        .withMessageContaining("$PWD")
        .withMessageContaining("supply variables with a value for PWD");
  }

  @Test
  void readsSeedRocketmqBrokerLineWithLinkAndEnv() {
    String line = "docker run -d -p 10911:10911 -p 10909:10909"
        + " -v $PWD/data/broker/logs:/root/logs -v $PWD/data/broker/store:/root/store"
        + " --name rmqbroker --link rmqnamesrv:namesrv -e \"NAMESRV_ADDR=namesrv:9876\""
        + " rocketmqinc/rocketmq:4.4.0 sh mqbroker";

    ContainerSpec spec = DockerRun.parse(line, Map.of("PWD", "/opt/mq")).spec();

    assertThat(spec.name()).isEqualTo("rmqbroker");
    assertThat(spec.ports())
        .containsExactly(PortBinding.of(10911, 10911), PortBinding.of(10909, 10909));
    assertThat(spec.mounts())
        .extracting(Mount::source)
        .containsExactly("/opt/mq/data/broker/logs", "/opt/mq/data/broker/store");
    assertThat(spec.links()).containsExactly(Link.of("rmqnamesrv", "namesrv"));
    assertThat(spec.env()).containsExactly(EnvVar.of("NAMESRV_ADDR", "namesrv:9876"));
    assertThat(spec.command()).containsExactly("sh", "mqbroker");
  }

  @Test
  void readsSeedWebappLineWithPublishAllReadOnlyBindAndCommand() {
    DockerRun run = DockerRun.parse(
        "docker run -d -P --name web -v /src/webapp:/opt/webapp:ro training/webapp python app.py");
    ContainerSpec spec = run.spec();

    assertThat(run.detached()).isTrue();
    assertThat(spec.publishAllPorts()).isTrue();
    assertThat(spec.ports()).isEmpty();
    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.mounts()).hasSize(1);
    Mount mount = spec.mounts().get(0);
    assertThat(mount.type()).isEqualTo(Mount.Type.BIND);
    assertThat(mount.source()).isEqualTo("/src/webapp");
    assertThat(mount.target()).isEqualTo("/opt/webapp");
    assertThat(mount.isReadOnly()).isTrue();
    assertThat(mount).isEqualTo(Mount.bind("/src/webapp", "/opt/webapp").readOnly());
    assertThat(spec.image().familiar()).isEqualTo("training/webapp");
    assertThat(spec.command()).containsExactly("python", "app.py");
  }

  @Test
  void readsSeedLinkLine() {
    ContainerSpec spec =
        spec("docker run -d -P --name web --link db:db training/webapp python app.py");

    assertThat(spec.links()).containsExactly(Link.of("db", "db"));
    assertThat(spec.links().get(0).name()).isEqualTo("db");
    assertThat(spec.links().get(0).alias()).isEqualTo("db");
  }

  @Test
  void readsSeedRmLineAttachedToStdoutAndStderr() {
    DockerRun run = DockerRun.parse("docker run --rm --name web2 --link db:db training/webapp env");

    assertThat(run.detached()).isFalse();
    assertThat(run.spec().autoRemove()).isTrue();
    assertThat(run.spec().restartPolicy()).isNull();
    assertThat(run.spec().command()).containsExactly("env");
    assertThat(run.spec().attach()).containsExactly("stdout", "stderr");
  }

  @Test
  void readsSeedTtyInteractiveLine() {
    ContainerSpec spec = spec("docker run -t -i ubuntu:14.04 /bin/bash");

    assertThat(spec.tty()).isTrue();
    assertThat(spec.stdinOpen()).isTrue();
    assertThat(spec.attach()).containsExactly("stdin", "stdout", "stderr");
    assertThat(spec.image().tag()).isEqualTo("14.04");
    assertThat(spec.command()).containsExactly("/bin/bash");
  }

  @Test
  void readsSeedCreateLineAsCreateAndNotDetached() {
    DockerRun run = DockerRun.parse("docker create --name myrunoob nginx:latest");

    assertThat(run.command()).isEqualTo("create");
    assertThat(run.detached()).isFalse();
    assertThat(run.spec().name()).isEqualTo("myrunoob");
    assertThat(run.spec().image().familiar()).isEqualTo("nginx:latest");
    assertThat(run.pullPolicy()).isNull();
  }

  @Test
  void readsQuietOfNewerClis() {
    assertThat(DockerRun.parse("docker run -q nginx").quiet()).isTrue();
    assertThat(DockerRun.parse("docker run -dq --quiet=false nginx").quiet()).isFalse();
    assertThat(DockerRun.parse("docker run -dq nginx").detached()).isTrue();
    assertThat(DockerRun.parse("docker run nginx").quiet()).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerRun.parse("docker run --quiet=loud nginx"))
        .withMessageContaining("loud");
  }

  @Test
  void readsArgumentsWithoutTheDockerRunPrefix() {
    DockerRun run = DockerRun.parse(List.of("-d", "--name", "a b", "nginx", "echo", "hi there"));

    assertThat(run.command()).isNull();
    assertThat(run.detached()).isTrue();
    assertThat(run.spec().name()).isEqualTo("a b");
    assertThat(run.spec().command()).containsExactly("echo", "hi there");
    assertThat(DockerRun.parse("docker container run -d nginx").command()).isEqualTo("run");
  }

  // ---------------------------------------------------------------- flag syntax

  @Test
  void acceptsLongFlagValueAfterEqualsOrAsNextWord() {
    ContainerSpec separate = spec("docker run --name web --memory 1g nginx");
    ContainerSpec equals = spec("docker run --name=web --memory=1g nginx");

    assertThat(equals).isEqualTo(separate);
    assertThat(equals.name()).isEqualTo("web");
    assertThat(equals.memory()).isEqualTo(1L << 30);
  }

  @Test
  void acceptsShortValueAttachedWithEqualsOrAsNextWord() {
    ContainerSpec separate = spec("docker run -p 80:80 nginx");

    assertThat(spec("docker run -p80:80 nginx")).isEqualTo(separate);
    assertThat(spec("docker run -p=80:80 nginx")).isEqualTo(separate);
    assertThat(separate.ports()).containsExactly(PortBinding.of(80, 80));
  }

  @ParameterizedTest
  @CsvSource({"-dit", "-itd", "-d -i -t", "-t -d -i"})
  void acceptsClusteredShortSwitchesInAnyOrder(String flags) {
    DockerRun run = DockerRun.parse("docker run " + flags + " nginx");

    assertThat(run.detached()).isTrue();
    assertThat(run.spec().tty()).isTrue();
    assertThat(run.spec().stdinOpen()).isTrue();
    assertThat(run.spec()).isEqualTo(spec("docker run -d -i -t nginx"));
  }

  @Test
  void acceptsClusterEndingInPublishAllOrAValuedFlag() {
    ContainerSpec itP = spec("docker run -itP nginx");
    assertThat(itP.publishAllPorts()).isTrue();
    assertThat(itP.tty()).isTrue();
    assertThat(itP.stdinOpen()).isTrue();

    ContainerSpec itp = spec("docker run -itp 8080:80 nginx");
    assertThat(itp.ports()).containsExactly(PortBinding.of(8080, 80));
    assertThat(spec("docker run -itp8080:80 nginx")).isEqualTo(itp);
  }

  @Test
  void rmFalseGivesTheSameSpecAsNoRm() {
    ContainerSpec without = spec("docker run nginx");

    assertThat(spec("docker run --rm=false nginx")).isEqualTo(without);
    assertThat(spec("docker run --rm --rm=false nginx")).isEqualTo(without);
    assertThat(spec("docker run --rm=true nginx").autoRemove()).isTrue();
    assertThat(spec("docker run --privileged=0 nginx")).isEqualTo(without);
    assertThat(DockerRun.parse("docker run -d=false nginx").detached()).isFalse();
  }

  @Test
  void doubleDashEndsTheFlagsBeforeTheImage() {
    ContainerSpec spec = spec("docker run -d --name web -- nginx -g 'daemon off;'");

    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.image().familiar()).isEqualTo("nginx");
    assertThat(spec.command()).containsExactly("-g", "daemon off;");
  }

  @Test
  void takesFlagsAfterTheImageAsTheCommand() {
    ContainerSpec spec = spec("docker run nginx --name web -d");

    assertThat(spec.name()).isNull();
    assertThat(spec.command()).containsExactly("--name", "web", "-d");
  }

  @ParameterizedTest
  @CsvSource({
      "--net host, --network host",
      "--net-alias web, --network-alias web",
      "--dns-opt ndots:2, --dns-option ndots:2",
      "-h myhost, --hostname myhost",
      "-w /srv, --workdir /srv",
      "-u 1000:1000, --user 1000:1000",
      "-m 512m, --memory 512m",
      "-c 512, --cpu-shares 512",
      "-l team=web, --label team=web",
      "-e A=1, --env A=1",
      "-a stdout, --attach stdout",
      "-v /a:/b, --volume /a:/b",
      "-p 80:80, --publish 80:80",
      "-P, --publish-all",
      "-t, --tty",
      "-i, --interactive"
  })
  void readsAliasesAsTheirLongFlags(String alias, String flag) {
    ContainerSpec viaAlias = spec("docker run " + alias + " nginx");
    ContainerSpec viaFlag = spec("docker run " + flag + " nginx");

    assertThat(viaAlias).isEqualTo(viaFlag);
    assertThat(viaAlias).isNotEqualTo(spec("docker run nginx"));
  }

  @Test
  void readsAliasValuesIntoTheirSettings() {
    ContainerSpec spec = spec("docker run --net mynet --net-alias web --dns-opt ndots:2"
        + " -h myhost -w /srv -u 1000:1000 -m 512m -c 512 -l team=web -e A=1 -a stdout nginx");

    assertThat(spec.networkMode()).isEqualTo("mynet");
    assertThat(spec.networkAliases()).containsExactly("web");
    assertThat(spec.get(ContainerOption.DNS_OPTION)).containsExactly("ndots:2");
    assertThat(spec.hostname()).isEqualTo("myhost");
    assertThat(spec.workingDir()).isEqualTo("/srv");
    assertThat(spec.user()).isEqualTo("1000:1000");
    assertThat(spec.memory()).isEqualTo(536870912L);
    assertThat(spec.get(ContainerOption.CPU_SHARES)).isEqualTo(512L);
    assertThat(spec.labels()).containsExactly(entry("team", "web"));
    assertThat(spec.env()).containsExactly(EnvVar.of("A", "1"));
    assertThat(spec.attach()).containsExactly("stdout");
  }

  @Test
  void keepsRepeatableFlagsInTheOrderGiven() {
    ContainerSpec spec = spec("docker run -p 3000:80 -p 2000:81 -p 1000:82"
        + " -e Z=1 -e A=2 -e M=3 --cap-add SYS_TIME --cap-add NET_ADMIN"
        + " --dns 10.0.0.9 --dns 10.0.0.1 -v /z:/z --tmpfs /t --mount type=volume,target=/m"
        + " -l z=1 -l a=2 --add-host b.local:10.0.0.2 --add-host a.local:10.0.0.1 nginx");

    assertThat(spec.ports()).extracting(PortBinding::hostPortStart).containsExactly(3000, 2000,
        1000);
    assertThat(spec.env()).extracting(EnvVar::name).containsExactly("Z", "A", "M");
    assertThat(spec.capAdd()).containsExactly("SYS_TIME", "NET_ADMIN");
    assertThat(spec.dns()).containsExactly("10.0.0.9", "10.0.0.1");
    assertThat(spec.mounts()).extracting(Mount::target).containsExactly("/z", "/t", "/m");
    assertThat(spec.labels().keySet()).containsExactly("z", "a");
    assertThat(spec.extraHosts()).containsExactly("b.local:10.0.0.2", "a.local:10.0.0.1");
  }

  @Test
  void lastValueWinsForSingleValueFlags() {
    ContainerSpec spec = spec("docker run --name a --name b --restart always --restart no"
        + " -m 1g -m 512m -w /one -w /two --cpus 2 --cpus 0.5 --entrypoint /a --entrypoint /b"
        + " --stop-timeout 5 --stop-timeout 30 nginx");

    assertThat(spec.name()).isEqualTo("b");
    assertThat(spec.restartPolicy()).isEqualTo(RestartPolicy.no());
    assertThat(spec.memory()).isEqualTo(512L * 1024 * 1024);
    assertThat(spec.workingDir()).isEqualTo("/two");
    assertThat(spec.nanoCpus()).isEqualTo(500_000_000L);
    assertThat(spec.entrypoint()).containsExactly("/b");
    assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void labelWithoutEqualsGetsAnEmptyValue() {
    ContainerSpec spec = spec("docker run -l bare -l team=web -l empty= nginx");

    assertThat(spec.labels())
        .containsExactly(entry("bare", ""), entry("team", "web"), entry("empty", ""));
  }

  @Test
  void bareEnvTakesItsValueFromTheSuppliedMap() {
    ContainerSpec spec =
        DockerRun.parse("docker run -e K -e OTHER=x nginx", Map.of("K", "from-map")).spec();

    assertThat(spec.env()).containsExactly(EnvVar.of("K", "from-map"), EnvVar.of("OTHER", "x"));
  }

  @Test
  void bareEnvMissingFromTheMapStaysBareSoTheEngineUnsetsIt() {
    ContainerSpec spec = DockerRun.parse("docker run -e K nginx", Map.of("J", "1")).spec();

    assertThat(spec.env()).containsExactly(new EnvVar("K", null));
    assertThat(spec.env().get(0).value()).isNull();
    assertThat(spec("docker run -e K nginx").env()).containsExactly(new EnvVar("K", null));
  }

  @Test
  void keepsEqualsSignsAndEmptyValuesOfEnv() {
    ContainerSpec spec = spec("docker run -e A= --env D=x=y -e \"C=with space\" nginx");

    assertThat(spec.env()).containsExactly(
        EnvVar.of("A", ""), EnvVar.of("D", "x=y"), EnvVar.of("C", "with space"));
  }

  @Test
  void readsEnvFileAndLabelFile() throws IOException {
    Path env = tmp.resolve("env");
    Path labels = tmp.resolve("labels");
    Files.writeString(env, "# comment\nE=1\n\nFROM_HOST\nMISSING\nSPACED=a b\n");
    Files.writeString(labels, "# comment\na=b\n\nbare\n");

    ContainerSpec spec = DockerRun.parse(
        "docker run -e FIRST=0 --env-file $PWD/env --label-file $PWD/labels -l c=d nginx",
        Map.of("PWD", tmp.toString(), "FROM_HOST", "h")).spec();

    assertThat(spec.env()).containsExactly(EnvVar.of("FIRST", "0"), EnvVar.of("E", "1"),
        EnvVar.of("FROM_HOST", "h"), EnvVar.of("SPACED", "a b"));
    assertThat(spec.labels())
        .containsExactly(entry("a", "b"), entry("bare", ""), entry("c", "d"));
  }

  @Test
  void emptyEntrypointClearsTheImageEntrypoint() {
    assertThat(spec("docker run --entrypoint \"\" nginx echo cleared").entrypoint()).isEmpty();
    assertThat(spec("docker run --entrypoint= nginx").entrypoint()).isEmpty();
    assertThat(spec("docker run nginx").entrypoint()).isNull();
  }

  @Test
  void entrypointIsOneWordAndTheRestIsTheCommand() {
    ContainerSpec spec = spec("docker run --entrypoint /bin/sh nginx -c 'echo hi'");

    assertThat(spec.entrypoint()).containsExactly("/bin/sh");
    assertThat(spec.command()).containsExactly("-c", "echo hi");
  }

  @Test
  void readsHealthFlagsIntoOneHealthcheck() {
    Healthcheck expected = Healthcheck.shell("curl -f http://localhost/ || exit 1")
        .withInterval(Duration.ofSeconds(30))
        .withTimeout(Duration.ofSeconds(5))
        .withRetries(3)
        .withStartPeriod(Duration.ofMinutes(1))
        .withStartInterval(Duration.ofMillis(500));

    ContainerSpec spec = spec("docker run --health-cmd 'curl -f http://localhost/ || exit 1'"
        + " --health-interval 30s --health-timeout 5s --health-retries 3"
        + " --health-start-period 1m --health-start-interval 500ms nginx");
    ContainerSpec cmdLast = spec("docker run --health-interval=30s --health-timeout=5s"
        + " --health-retries=3 --health-start-period=1m --health-start-interval=500ms"
        + " --health-cmd='curl -f http://localhost/ || exit 1' nginx");

    assertThat(spec.healthcheck()).isEqualTo(expected);
    assertThat(spec.healthcheck().test())
        .containsExactly("CMD-SHELL", "curl -f http://localhost/ || exit 1");
    assertThat(cmdLast.healthcheck()).isEqualTo(expected);
  }

  @Test
  void healthSettingsWithoutACommandKeepTheImageTest() {
    Healthcheck check = spec("docker run --health-interval 10s nginx").healthcheck();

    assertThat(check.test()).isEmpty();
    assertThat(check.interval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void noHealthcheckTurnsTheImageCheckOff() {
    ContainerSpec spec = spec("docker run --no-healthcheck nginx");

    assertThat(spec.healthcheck()).isEqualTo(Healthcheck.none());
    assertThat(spec.healthcheck().test()).containsExactly("NONE");
    assertThat(spec("docker run nginx").healthcheck()).isNull();
  }

  @Test
  void readsCpusAsBillionthsOfACpu() {
    assertThat(spec("docker run --cpus 1.5 nginx").nanoCpus()).isEqualTo(1_500_000_000L);
    assertThat(spec("docker run --cpus=0.25 nginx").nanoCpus()).isEqualTo(250_000_000L);
    assertThat(spec("docker run --cpus 2 nginx").nanoCpus()).isEqualTo(2_000_000_000L);
    assertThat(spec("docker run nginx").nanoCpus()).isZero();
  }

  @Test
  void readsMemorySizesInBytes() {
    ContainerSpec spec = spec("docker run -m 512m --memory-reservation 256m"
        + " --shm-size 1.5g --kernel-memory 1024 nginx");

    assertThat(spec.memory()).isEqualTo(536870912L);
    assertThat(spec.get(ContainerOption.MEMORY)).isEqualTo(536870912L);
    assertThat(spec.get(ContainerOption.MEMORY_RESERVATION)).isEqualTo(268435456L);
    assertThat(spec.get(ContainerOption.SHM_SIZE)).isEqualTo(1610612736L);
    assertThat(spec.get(ContainerOption.KERNEL_MEMORY)).isEqualTo(1024L);
  }

  @Test
  void memorySwapMinusOneMeansUnlimitedSwap() {
    ContainerSpec spec = spec("docker run -m 512m --memory-swap -1 nginx");

    assertThat(spec.get(ContainerOption.MEMORY_SWAP)).isEqualTo(-1L);
    assertThat(spec("docker run --memory-swap=-1 nginx").get(ContainerOption.MEMORY_SWAP))
        .isEqualTo(-1L);
  }

  @Test
  void readsNegativeNumbersAsValues() {
    ContainerSpec spec = spec("docker run --oom-score-adj -500 --pids-limit=-1 nginx");

    assertThat(spec.get(ContainerOption.OOM_SCORE_ADJ)).isEqualTo(-500L);
    assertThat(spec.get(ContainerOption.PIDS_LIMIT)).isEqualTo(-1L);
  }

  @ParameterizedTest
  @CsvSource({"never", "always", "missing"})
  void keepsThePullPolicyOutOfTheSpec(String policy) {
    DockerRun run = DockerRun.parse("docker run --pull " + policy + " nginx");

    assertThat(run.pullPolicy()).isEqualTo(policy);
    assertThat(run.spec()).isEqualTo(spec("docker run nginx"));
    assertThat(DockerRun.parse("docker run --pull=" + policy + " nginx").pullPolicy())
        .isEqualTo(policy);
  }

  @Test
  void acceptsCliOnlyFlagsAndLeavesThemOutOfTheSpec() {
    DockerRun run = DockerRun.parse("docker run --sig-proxy=false --detach-keys ctrl-x"
        + " --cidfile /tmp/x --disable-content-trust --disable-content-trust=false nginx");

    assertThat(run.spec()).isEqualTo(spec("docker run nginx"));
    assertThat(run.spec().options()).containsExactly(ContainerOption.ATTACH);
    assertThat(run.detached()).isFalse();
  }

  @Test
  void acceptsEveryFlagOfDockerRun2010() throws IOException {
    // `docker run --help` of docker CLI 20.10.24 on Linux
    List<String> flags = List.of("add-host", "attach", "blkio-weight", "blkio-weight-device",
        "cap-add", "cap-drop", "cgroup-parent", "cgroupns", "cidfile", "cpu-period", "cpu-quota",
        "cpu-rt-period", "cpu-rt-runtime", "cpu-shares", "cpus", "cpuset-cpus", "cpuset-mems",
        "detach", "detach-keys", "device", "device-cgroup-rule", "device-read-bps",
        "device-read-iops", "device-write-bps", "device-write-iops", "disable-content-trust",
        "dns", "dns-option", "dns-search", "domainname", "entrypoint", "env", "env-file",
        "expose", "gpus", "group-add", "health-cmd", "health-interval", "health-retries",
        "health-start-period", "health-timeout", "hostname", "init", "interactive", "ip",
        "ip6", "ipc", "isolation", "kernel-memory", "label", "label-file", "link",
        "link-local-ip", "log-driver", "log-opt", "mac-address", "memory", "memory-reservation",
        "memory-swap", "memory-swappiness", "mount", "name", "network", "network-alias",
        "no-healthcheck", "oom-kill-disable", "oom-score-adj", "pid", "pids-limit", "platform",
        "privileged", "publish", "publish-all", "pull", "read-only", "restart", "rm", "runtime",
        "security-opt", "shm-size", "sig-proxy", "stop-signal", "stop-timeout", "storage-opt",
        "sysctl", "tmpfs", "tty", "ulimit", "user", "userns", "uts", "volume", "volume-driver",
        "volumes-from", "workdir");
    Map<String, String> values = Map.ofEntries(
        Map.entry("cidfile", "/tmp/cid"), Map.entry("detach-keys", "ctrl-x"),
        Map.entry("env-file", tmp.resolve("env").toString()),
        Map.entry("label-file", tmp.resolve("labels").toString()),
        Map.entry("mount", "type=tmpfs,target=/x"), Map.entry("tmpfs", "/x"),
        Map.entry("health-interval", "1s"), Map.entry("health-timeout", "1s"),
        Map.entry("health-start-period", "1s"), Map.entry("health-retries", "1"),
        Map.entry("pull", "never"));
    Files.writeString(tmp.resolve("env"), "E=1\n");
    Files.writeString(tmp.resolve("labels"), "a=b\n");
    List<String> refused = new ArrayList<>();
    for (String flag : flags) {
      String value = values.get(flag);
      String line;
      if (value != null) {
        line = "docker run --" + flag + " " + value + " nginx";
      } else if (ContainerOption.byFlag(flag) != null) {
        line = "docker run " + ContainerSpecTest.flagWithValue(ContainerOption.byFlag(flag))
            + " nginx";
      } else {
        line = "docker run --" + flag + " nginx";
      }
      try {
        DockerRun.parse(line);
      } catch (IllegalArgumentException e) {
        refused.add(line + ": " + e.getMessage());
      }
    }

    assertThat(refused).isEmpty();
  }

  // ---------------------------------------------------------------- attach streams

  @Test
  void attachesStdoutAndStderrWithoutDetachOrAttach() {
    assertThat(spec("docker run nginx").attach()).containsExactly("stdout", "stderr");
    assertThat(spec("docker create nginx").attach()).containsExactly("stdout", "stderr");
  }

  @Test
  void attachesStdinFirstWithInteractive() {
    assertThat(spec("docker run -i nginx").attach()).containsExactly("stdin", "stdout", "stderr");
  }

  @Test
  void attachesNothingWhenDetached() {
    assertThat(spec("docker run -d nginx").attach()).isEmpty();
    assertThat(spec("docker run -d -i -t nginx").attach()).isEmpty();
    assertThat(spec("docker run -d nginx").has(ContainerOption.ATTACH)).isFalse();
  }

  @Test
  void attachesOnlyTheStreamsGivenWithAttach() {
    assertThat(spec("docker run -a stdout nginx").attach()).containsExactly("stdout");
    assertThat(spec("docker run -a stderr -a stdout nginx").attach())
        .containsExactly("stdout", "stderr");
    assertThat(spec("docker run -a STDERR -a stderr nginx").attach()).containsExactly("stderr");
    assertThat(spec("docker run -a stdin -i nginx cat").attach()).containsExactly("stdin");
  }

  @Test
  void attachesStdinWithInteractiveEvenWhenAttachNamesOtherStreams() {
    // The docker CLI sets AttachStdin whenever -i is given (cli/command/container/opts.go).
    assertThat(spec("docker run -i -a stdout nginx").attach()).containsExactly("stdin", "stdout");
    assertThat(spec("docker run -a stderr -i nginx").attach()).containsExactly("stdin", "stderr");
  }

  // ---------------------------------------------------------------- round trip

  @TestFactory
  Stream<DynamicTest> readsEachCorpusLineBackFromItsOwnCommandLine() throws IOException {
    assumeTrue(Files.exists(CORPUS), CORPUS.toAbsolutePath() + " is missing");
    Files.writeString(tmp.resolve("labels"), "a=b\n");
    Files.writeString(tmp.resolve("env"), "E=1\n");
    Map<String, String> variables = Map.of(
        "N", "x-", "DB", "db", "NS", "ns", "PWD", tmp.toString(), "VOL", "vol");
    List<String> entries = corpusEntries();
    assertThat(entries).hasSizeGreaterThan(50);

    return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.replace("\\\n", ""), () -> {
      if (entry.startsWith("!")) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> DockerRun.parse(entry.substring(1), variables));
        return;
      }
      ContainerSpec spec = DockerRun.parse(entry, variables).spec();
      String line = spec.toCommandLine();
      DockerRun again = DockerRun.parse(line);

      assertThat(again.spec()).as(line).isEqualTo(spec);
      assertThat(again.spec()).as(line).hasSameHashCodeAs(spec);
      assertThat(again.spec().toCommandLine()).isEqualTo(line);
    }));
  }

  @Test
  void readsTheSeedGitlabLineFromTheCorpusWithItsValues() throws IOException {
    assumeTrue(Files.exists(CORPUS), CORPUS.toAbsolutePath() + " is missing");
    String gitlab = corpusEntries().get(0);

    ContainerSpec spec = DockerRun.parse(gitlab, Map.of("N", "x-")).spec();

    assertThat(gitlab).contains("\\\n");
    assertThat(spec.name()).isEqualTo("x-gitlab");
    assertThat(spec.ports()).hasSize(2);
    assertThat(spec.mounts()).hasSize(3);
    assertThat(spec.restartPolicy()).isEqualTo(RestartPolicy.always());
  }

  /** The corpus entries, continuation lines joined with their backslash-newlines kept. */
  private static List<String> corpusEntries() throws IOException {
    List<String> entries = new ArrayList<>();
    StringBuilder entry = null;
    for (String line : Files.readAllLines(CORPUS)) {
      if (entry == null) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        entry = new StringBuilder(line);
      } else {
        entry.append('\n').append(line);
      }
      if (!line.stripTrailing().endsWith("\\")) {
        entries.add(entry.toString());
        entry = null;
      }
    }
    if (entry != null) {
      entries.add(entry.toString());
    }
    return entries;
  }

  @Test
  void writesDetachedSpecWithDashDAndAttachedOnesWithout() {
    assertThat(spec("docker run -d nginx").toCommandLine()).isEqualTo("docker run -d nginx");
    assertThat(spec("docker run nginx").toCommandLine()).isEqualTo("docker run nginx");
    assertThat(spec("docker run -it nginx").toCommandLine())
        .isEqualTo("docker run -t -i nginx");
    assertThat(spec("docker run -a stderr nginx").toCommandLine())
        .isEqualTo("docker run -a stderr nginx");
  }

  @Test
  void writesQuotedValuesThatAShellReadsBack() {
    ContainerSpec spec = spec("docker run -e \"GREETING=it's a b\" -l 'x=$HOME' nginx"
        + " sh -c 'echo \"$GREETING\"; exit 0'");

    String line = spec.toCommandLine();

    assertThat(line).contains("'GREETING=it'\"'\"'s a b'");
    assertThat(spec(line)).isEqualTo(spec);
    assertThat(spec.command()).containsExactly("sh", "-c", "echo \"$GREETING\"; exit 0");
    assertThat(spec.labels()).containsExactly(entry("x", "$HOME"));
  }

  // ---------------------------------------------------------------- bad input

  static Stream<Arguments> badLines() {
    return Stream.of(
        bad("docker run --no-such-flag nginx", "\"--no-such-flag\"", "docker create has no flag"),
        bad("docker run -Z nginx", "\"-Z\"", "no such short flag"),
        bad("docker run -dZ nginx", "\"-Z\" in \"-dZ\"", "no such short flag"),
        bad("docker run --name", "\"--name\"", "needs a value"),
        bad("docker run -p", "\"-p\"", "needs a value"),
        bad("docker run -d", "\"-d\"", "needs an image", "docker run [OPTIONS] IMAGE"),
        bad("docker create", "docker create needs an image", "IMAGE [COMMAND]"),
        bad("docker run -p 70000:80 nginx", "-p \"70000:80\"", "must be a number 1-65535"),
        bad("docker run -p abc nginx", "\"abc\"", "expected [[ip:][hostPort]:]containerPort"),
        bad("docker run -v relative/x:/y nginx", "-v \"relative/x:/y\"", "absolute path"),
        bad("docker run --mount type=bogus,target=/x nginx", "\"bogus\"",
            "is not bind, volume or tmpfs"),
        bad("docker run --mount source=/x nginx", "--mount \"source=/x\"",
            "target is required"),
        bad("docker run --restart sometimes nginx", "\"sometimes\"",
            "expected no, always, unless-stopped, on-failure or on-failure:N"),
        bad("docker run --restart always:3 nginx", "\"always:3\"",
            "only on-failure takes a maximum retry count"),
        bad("docker run -e \"=x\" nginx", "-e \"=x\"", "expected NAME=value or NAME"),
        bad("docker run -m lots nginx", "-m \"lots\"", "such as 512m or 1.5g"),
        bad("docker run --cpus -1 nginx", "--cpus \"-1\"", "expected a decimal such as 1.5"),
        bad("docker run --cpus x nginx", "--cpus \"x\"", "expected a decimal such as 1.5"),
        bad("docker run --cpus 1.0000000001 nginx", "\"1.0000000001\"", "a decimal"),
        bad("docker run --cpu-shares ten nginx", "--cpu-shares \"ten\"", "whole number"),
        bad("docker run --stop-timeout 1.5 nginx", "--stop-timeout \"1.5\"", "whole number"),
        bad("docker run --rm=maybe nginx", "\"maybe\"", "true or false"),
        bad("docker run -d=maybe nginx", "-d", "\"maybe\"", "true or false"),
        bad("docker run --ulimit nofile nginx", "--ulimit \"nofile\"",
            "expected name=soft[:hard]"),
        bad("docker run --add-host nohost nginx", "--add-host \"nohost\"", "expected host:ip"),
        bad("docker run -l =x nginx", "-l \"=x\"", "expected key=value"),
        bad("docker run --sysctl noequals nginx", "--sysctl \"noequals\"", "expected key=value"),
        bad("docker run --log-opt =10m nginx", "--log-opt \"=10m\"", "expected key=value"),
        bad("docker run -a stdfoo nginx", "-a \"stdfoo\"", "expected stdin, stdout or stderr"),
        bad("docker run -a stdout -d nginx", "\"-a\"", "\"-d\"", "not both"),
        bad("docker run --restart always --rm nginx", "\"--restart always\"", "\"--rm\"",
            "only with --restart no"),
        bad("docker run --restart on-failure:2 --rm nginx", "\"--restart on-failure:2\"",
            "\"--rm\""),
        bad("docker run --no-healthcheck --health-cmd x nginx", "\"--no-healthcheck\"",
            "\"--health-"),
        bad("docker run --pull sometimes nginx", "--pull \"sometimes\"",
            "expected missing, always or never"),
        bad("docker run --help nginx", "\"--help\"", "usage"),
        bad("docker run --help", "\"--help\"", "usage"),
        bad("docker run -d --help", "\"--help\"", "usage"),
        bad("docker run UPPER/case", "\"UPPER/case\"", "must be lowercase"),
        bad("docker ps", "\"docker ps\"", "expected a docker run or docker create line"),
        bad("docker --debug run nginx", "\"--debug\"", "not supported"),
        bad("", "empty", "expected a docker run or docker create line"),
        bad("docker run -v $(pwd):/x nginx", "\"$(pwd)\"", "pass its output literally"),
        bad("docker run -v `pwd`:/x nginx", "\"`pwd`\"", "pass its output literally"),
        bad("docker run -v $HOME:/h nginx", "$HOME", "write its value in its place"),
        bad("docker run --name \"web nginx", "\"\"web nginx\"", "never closed"),
        bad("docker run --name 'web nginx", "\"'web nginx\"", "never closed"),
        bad("docker run nginx | cat", "\"|\"", "only one command"),
        bad("docker run --health-interval 5 nginx", "--health-interval \"5\"",
            "expected a Go duration such as 300ms"),
        bad("docker run --health-timeout -1s nginx", "\"-1s\"",
            "negative durations are not allowed"),
        bad("docker run --health-retries -1 nginx", "\"-1\"", "0 or more"),
        bad("docker run --device-read-bps /dev/sda nginx", "--device-read-bps \"/dev/sda\"",
            "expected /dev/path:rate"),
        bad("docker run --blkio-weight-device sda:10 nginx", "\"sda:10\"",
            "expected /dev/path:rate"),
        bad("docker run --env-file /no/such/file nginx", "\"/no/such/file\"", "cannot be read"),
        bad("docker run --label-file /no/such/file nginx", "\"/no/such/file\"",
            "cannot be read"),
        bad("docker run --expose 80:80 nginx", "\"80:80\"", "publish ports with -p"),
        bad("docker run --link a:b:c nginx", "\"a:b:c\"", "expected name[:alias]"),
        bad("docker run --tmpfs run nginx", "\"run\"", "must be absolute"),
        bad("docker run -m -5 nginx", "\"-5\"", "cannot be negative"),
        bad("docker run --cap-add '' nginx", "--cap-add \"\"", "an empty value is not valid"));
  }

  private static Arguments bad(String line, String... fragments) {
    return Arguments.of(line, List.of(fragments));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badLines")
  void refusesBadInputQuotingThePartAtFault(String line, List<String> fragments) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerRun.parse(line))
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
  }

  @Test
  void refusesEnvFileWithABadLineNamingTheFileAndLine() throws IOException {
    Path env = Files.writeString(tmp.resolve("env"), "GOOD=1\nBAD NAME=2\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerRun.parse(List.of("docker", "run", "--env-file", env.toString(),
            "nginx")))
        .withMessageContaining("\"" + env + "\" line 2")
        .withMessageContaining("\"BAD NAME=2\"")
        .withMessageContaining("expected NAME=value");
  }

  @Test
  void toStringShowsTheDetachedSpecAsACommandLine() {
    assertThat(DockerRun.parse("docker run -d --name web nginx"))
        .hasToString("DockerRun{detached, docker run -d --name web nginx}");
  }
}
