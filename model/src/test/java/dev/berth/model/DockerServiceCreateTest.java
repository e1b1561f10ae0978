package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerServiceCreateTest {
  @TempDir Path tmp;

  private static ServiceSpec spec(String line) {
    return DockerServiceCreate.parse(line).spec();
  }

  // ---------------------------------------------------------------- realistic lines

  @Test
  void readsARealisticWebServiceLine() {
    DockerServiceCreate create = DockerServiceCreate.parse("docker service create --name web"
        + " --replicas 3 -p 8080:80 --mount type=volume,source=data,target=/data"
        + " --secret source=key,target=/etc/key,mode=0400 --update-parallelism 1"
        + " --update-delay 10s --constraint node.role==manager nginx:1.25 nginx -g 'daemon off;'");
    ServiceSpec spec = create.spec();

    assertThat(create.detached()).isFalse();
    assertThat(create.quiet()).isFalse();
    assertThat(create.withRegistryAuth()).isFalse();
    assertThat(create.resolveImage()).isTrue();
    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.replicas()).isEqualTo(3L);
    assertThat(spec.mode()).isEqualTo(ServiceMode.replicated(3));
    assertThat(spec.ports()).containsExactly(ServicePort.ingress(8080, 80));
    assertThat(spec.mounts())
        .extracting(Mount::type, Mount::source, Mount::target, Mount::isReadOnly)
        .containsExactly(tuple(Mount.Type.VOLUME, "data", "/data", false));
    assertThat(spec.secrets()).containsExactly(
        new SecretRef("key", "/etc/key", "0", "0", 0400));
    // As the CLI: once one --update-* flag is given, the others take their flag defaults.
    assertThat(spec.updateConfig()).isEqualTo(
        UpdateConfig.defaults().parallelism(1).delay(Duration.ofSeconds(10))
            .monitor(Duration.ofSeconds(5)).failureAction("pause").maxFailureRatio(0)
            .order("stop-first"));
    assertThat(spec.constraints()).containsExactly("node.role==manager");
    assertThat(spec.image().familiar()).isEqualTo("nginx:1.25");
    assertThat(spec.args()).containsExactly("nginx", "-g", "daemon off;");
    assertThat(spec.rollbackConfig().isDefault()).isTrue();
    assertThat(spec.restart().isDefault()).isTrue();
  }

  @Test
  void readsARealisticLineWithContinuationsAndVariables() {
    String line = """
        docker service create \\
          --name registry-mirror \\
          --mode global \\
          --with-registry-auth \\
          --detach \\
          -e REGISTRY_PROXY_REMOTEURL=https://registry-1.docker.io \\
          -e REGISTRY_PROXY_PASSWORD \\
          --publish published=5000,target=5000,mode=host \\
          --mount type=bind,source=$DATA,target=/var/lib/registry \\
          --restart-condition on-failure --restart-max-attempts 5 \\
          --limit-memory 1g --reserve-cpu 0.25 \\
          registry:2
        """;

    DockerServiceCreate create = DockerServiceCreate.parse(line,
        Map.of("DATA", "/srv/registry", "REGISTRY_PROXY_PASSWORD", "s3cret"));
    ServiceSpec spec = create.spec();

    assertThat(create.detached()).isTrue();
    assertThat(create.withRegistryAuth()).isTrue();
    assertThat(spec.name()).isEqualTo("registry-mirror");
    assertThat(spec.mode()).isEqualTo(ServiceMode.global());
    assertThat(spec.replicas()).isNull();
    assertThat(spec.env()).containsExactly(
        EnvVar.of("REGISTRY_PROXY_REMOTEURL", "https://registry-1.docker.io"),
        EnvVar.of("REGISTRY_PROXY_PASSWORD", "s3cret"));
    assertThat(spec.ports()).containsExactly(ServicePort.host(5000, 5000));
    assertThat(spec.mounts()).extracting(Mount::type, Mount::source, Mount::target)
        .containsExactly(tuple(Mount.Type.BIND, "/srv/registry", "/var/lib/registry"));
    assertThat(spec.restart()).isEqualTo(ServiceRestart.onFailure().maxAttempts(5));
    assertThat(spec.limitMemory()).isEqualTo(1L << 30);
    assertThat(spec.reserveCpus()).isEqualTo(250_000_000L);
    assertThat(spec.image().familiar()).isEqualTo("registry:2");
    assertThat(spec.args()).isEmpty();
  }

  @Test
  void readsAJobLine() {
    ServiceSpec spec = spec("docker service create --name migrate --mode replicated-job"
        + " --replicas 10 --max-concurrent 2 --restart-condition none --network backend"
        + " shop/migrate:4 ./migrate --all");

    assertThat(spec.mode()).isEqualTo(ServiceMode.replicatedJob(2, 10));
    assertThat(spec.mode().replicas()).isEqualTo(10L);
    assertThat(spec.mode().maxConcurrent()).isEqualTo(2L);
    assertThat(spec.replicas()).isNull();
    assertThat(spec.restart().condition()).isEqualTo("none");
    assertThat(spec.networks()).containsExactly("backend");
    assertThat(spec.args()).containsExactly("./migrate", "--all");
  }

  @Test
  void readsArgumentsWithoutTheDockerServiceCreatePrefix() {
    DockerServiceCreate create =
        DockerServiceCreate.parse(List.of("-d", "--name", "web", "nginx", "echo", "hi there"));

    assertThat(create.detached()).isTrue();
    assertThat(create.spec().name()).isEqualTo("web");
    assertThat(create.spec().args()).containsExactly("echo", "hi there");
    assertThat(spec("--name web nginx")).isEqualTo(spec("docker service create --name web nginx"));
    assertThat(spec("$ sudo /usr/bin/docker service create --name web nginx"))
        .isEqualTo(spec("--name web nginx"));
  }

  // ---------------------------------------------------------------- flag syntax

  @Test
  void acceptsValuesAfterEqualsAttachedOrAsTheNextWord() {
    ServiceSpec separate = spec("docker service create --name web -p 80:80 nginx");

    assertThat(spec("docker service create --name=web -p80:80 nginx")).isEqualTo(separate);
    assertThat(spec("docker service create --name=web -p=80:80 nginx")).isEqualTo(separate);
    assertThat(separate.ports()).containsExactly(ServicePort.ingress(80, 80));
  }

  @ParameterizedTest
  @CsvSource({"-dqt", "-tqd", "-d -q -t", "--detach --quiet --tty"})
  void acceptsClusteredShortSwitchesInAnyOrder(String flags) {
    DockerServiceCreate create = DockerServiceCreate.parse("docker service create " + flags
        + " nginx");

    assertThat(create.detached()).isTrue();
    assertThat(create.quiet()).isTrue();
    assertThat(create.spec().tty()).isTrue();
  }

  @Test
  void acceptsAClusterEndingInAValuedFlag() {
    ServiceSpec spec = spec("docker service create -dtp 8080:80 nginx");

    assertThat(spec.tty()).isTrue();
    assertThat(spec.ports()).containsExactly(ServicePort.ingress(8080, 80));
    assertThat(spec("docker service create -dtp8080:80 nginx")).isEqualTo(spec);
  }

  @Test
  void switchesTakeTrueOrFalse() {
    ServiceSpec without = spec("docker service create nginx");

    assertThat(spec("docker service create --tty=false --read-only=0 nginx")).isEqualTo(without);
    assertThat(spec("docker service create --read-only=true nginx").readOnly()).isTrue();
    assertThat(DockerServiceCreate.parse("docker service create -d=false nginx").detached())
        .isFalse();
    assertThat(DockerServiceCreate.parse("docker service create --no-resolve-image=false nginx")
        .resolveImage()).isTrue();
  }

  @Test
  void initIsUnsetTrueOrFalse() {
    assertThat(spec("docker service create nginx").init()).isNull();
    assertThat(spec("docker service create --init nginx").init()).isTrue();
    assertThat(spec("docker service create --init=false nginx").init()).isFalse();
  }

  @Test
  void doubleDashEndsTheFlagsAndFlagsAfterTheImageAreArgs() {
    ServiceSpec spec = spec("docker service create --name web -- nginx --name other -d");

    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.args()).containsExactly("--name", "other", "-d");
  }

  @ParameterizedTest
  @CsvSource({
      "-e A=1, --env A=1",
      "-l a=b, --label a=b",
      "-p 80:80, --publish 80:80",
      "-t, --tty",
      "-u 1000, --user 1000",
      "-w /srv, --workdir /srv"
  })
  void readsShortFlagsAsTheirLongOnes(String alias, String flag) {
    ServiceSpec viaAlias = spec("docker service create " + alias + " nginx");

    assertThat(viaAlias).isEqualTo(spec("docker service create " + flag + " nginx"));
    assertThat(viaAlias).isNotEqualTo(spec("docker service create nginx"));
  }

  // ---------------------------------------------------------------- each flag

  @Test
  void readsEveryServiceSettingFlag() throws IOException {
    Path envFile = Files.writeString(tmp.resolve("env"), "# comment\nFROM_FILE=1\nFROM_HOST\n");
    List<String> words = List.of("docker", "service", "create",
        "--name", "api",
        "--replicas-max-per-node", "2",
        "-e", "A=1", "--env-file", envFile.toString(),
        "-l", "team=shop", "-l", "bare",
        "--container-label", "com.example.tier=api",
        "--mount", "type=tmpfs,target=/cache,tmpfs-size=64m",
        "--constraint", "node.labels.zone!=east",
        "--placement-pref", "spread=node.labels.zone",
        "--update-parallelism", "2", "--update-delay", "1m30s", "--update-failure-action",
        "rollback", "--update-monitor", "30s", "--update-max-failure-ratio", "0.25",
        "--update-order", "start-first",
        "--rollback-parallelism", "0", "--rollback-delay", "5s", "--rollback-failure-action",
        "continue", "--rollback-monitor", "1m", "--rollback-max-failure-ratio", "0.5",
        "--rollback-order", "stop-first",
        "--restart-condition", "any", "--restart-delay", "3s", "--restart-max-attempts", "7",
        "--restart-window", "2m",
        "--secret", "api_key", "--config", "source=api_conf,target=/etc/api.yml,mode=0440",
        "--network", "front", "--network", "name=back",
        "-w", "/app", "-u", "app:app", "--hostname", "{{.Service.Name}}-{{.Task.Slot}}",
        "-t", "--read-only", "--init",
        "--stop-signal", "SIGTERM", "--stop-grace-period", "45s",
        "--limit-cpu", "2", "--limit-memory", "512m", "--limit-pids", "100",
        "--reserve-cpu", "0.5", "--reserve-memory", "256m",
        "--endpoint-mode", "dnsrr",
        "--log-driver", "json-file", "--log-opt", "max-size=10m", "--log-opt", "max-file=3",
        "--group", "audio", "--dns", "10.0.0.2", "--dns-option", "ndots:2",
        "--dns-search", "example.com", "--host", "db:10.0.0.5",
        "--cap-add", "NET_ADMIN", "--cap-drop", "MKNOD",
        "--sysctl", "net.core.somaxconn=1024", "--ulimit", "nofile=1024:2048",
        "--isolation", "process",
        "--entrypoint", "/bin/tini --",
        "-q", "--with-registry-auth", "--no-resolve-image",
        "127.0.0.1:5000/shop/api:2", "serve", "--port", "8080");

    DockerServiceCreate create = DockerServiceCreate.parse(words, Map.of("FROM_HOST", "h"));
    ServiceSpec spec = create.spec();

    assertThat(create.quiet()).isTrue();
    assertThat(create.withRegistryAuth()).isTrue();
    assertThat(create.resolveImage()).isFalse();
    assertThat(spec.name()).isEqualTo("api");
    assertThat(spec.mode()).isEqualTo(ServiceMode.replicated(1));
    assertThat(spec.maxReplicasPerNode()).isEqualTo(2L);
    assertThat(spec.env()).containsExactly(EnvVar.of("A", "1"), EnvVar.of("FROM_FILE", "1"),
        EnvVar.of("FROM_HOST", "h"));
    assertThat(spec.labels()).containsExactly(entry("team", "shop"), entry("bare", ""));
    assertThat(spec.containerLabels()).containsExactly(entry("com.example.tier", "api"));
    assertThat(spec.mounts()).extracting(Mount::type, Mount::target, Mount::tmpfsSizeBytes)
        .containsExactly(tuple(Mount.Type.TMPFS, "/cache", 64L << 20));
    assertThat(spec.constraints()).containsExactly("node.labels.zone!=east");
    assertThat(spec.placementPreferences()).containsExactly("spread=node.labels.zone");
    assertThat(spec.updateConfig()).isEqualTo(UpdateConfig.defaults().parallelism(2)
        .delay(Duration.ofSeconds(90)).failureAction("rollback").monitor(Duration.ofSeconds(30))
        .maxFailureRatio(0.25).order("start-first"));
    assertThat(spec.rollbackConfig()).isEqualTo(UpdateConfig.defaults().parallelism(0)
        .delay(Duration.ofSeconds(5)).failureAction("continue").monitor(Duration.ofMinutes(1))
        .maxFailureRatio(0.5).order("stop-first"));
    assertThat(spec.restart()).isEqualTo(ServiceRestart.any().delay(Duration.ofSeconds(3))
        .maxAttempts(7).window(Duration.ofMinutes(2)));
    assertThat(spec.secrets()).containsExactly(SecretRef.of("api_key"));
    assertThat(spec.secrets().get(0).target()).isEqualTo("api_key");
    assertThat(spec.configs()).containsExactly(
        new ConfigRef("api_conf", "/etc/api.yml", "0", "0", 0440));
    assertThat(spec.networks()).containsExactly("front", "back");
    assertThat(spec.workdir()).isEqualTo("/app");
    assertThat(spec.user()).isEqualTo("app:app");
    assertThat(spec.hostname()).isEqualTo("{{.Service.Name}}-{{.Task.Slot}}");
    assertThat(spec.tty()).isTrue();
    assertThat(spec.readOnly()).isTrue();
    assertThat(spec.init()).isTrue();
    assertThat(spec.stopSignal()).isEqualTo("SIGTERM");
    assertThat(spec.stopGracePeriod()).isEqualTo(Duration.ofSeconds(45));
    assertThat(spec.limitCpus()).isEqualTo(2_000_000_000L);
    assertThat(spec.limitMemory()).isEqualTo(512L << 20);
    assertThat(spec.limitPids()).isEqualTo(100L);
    assertThat(spec.reserveCpus()).isEqualTo(500_000_000L);
    assertThat(spec.reserveMemory()).isEqualTo(256L << 20);
    assertThat(spec.endpointMode()).isEqualTo("dnsrr");
    assertThat(spec.logDriver()).isEqualTo("json-file");
    assertThat(spec.logOptions()).containsExactly(entry("max-size", "10m"),
        entry("max-file", "3"));
    assertThat(spec.groups()).containsExactly("audio");
    assertThat(spec.dns()).containsExactly("10.0.0.2");
    assertThat(spec.dnsOptions()).containsExactly("ndots:2");
    assertThat(spec.dnsSearch()).containsExactly("example.com");
    assertThat(spec.hosts()).containsExactly("db:10.0.0.5");
    assertThat(spec.capAdd()).containsExactly("NET_ADMIN");
    assertThat(spec.capDrop()).containsExactly("MKNOD");
    assertThat(spec.sysctls()).containsExactly(entry("net.core.somaxconn", "1024"));
    assertThat(spec.ulimits()).containsExactly("nofile=1024:2048");
    assertThat(spec.isolation()).isEqualTo("process");
    assertThat(spec.entrypoint()).containsExactly("/bin/tini", "--");
    assertThat(spec.image().familiar()).isEqualTo("127.0.0.1:5000/shop/api:2");
    assertThat(spec.args()).containsExactly("serve", "--port", "8080");
    assertThat(DockerServiceCreate.parse(spec.toCommandLine()).spec()).isEqualTo(spec);
  }

  @Test
  void acceptsOrRefusesEveryFlagOfDockerServiceCreate2010() throws IOException {
    // `docker service create --help` of docker CLI 20.10.24 on Linux
    List<String> flags = List.of("cap-add", "cap-drop", "config", "constraint",
        "container-label", "credential-spec", "detach", "dns", "dns-option", "dns-search",
        "endpoint-mode", "entrypoint", "env", "env-file", "generic-resource", "group",
        "health-cmd", "health-interval", "health-retries", "health-start-period",
        "health-timeout", "host", "hostname", "init", "isolation", "label", "limit-cpu",
        "limit-memory", "limit-pids", "log-driver", "log-opt", "max-concurrent", "mode", "mount",
        "name", "network", "no-healthcheck", "no-resolve-image", "placement-pref", "publish",
        "quiet", "read-only", "replicas", "replicas-max-per-node", "reserve-cpu",
        "reserve-memory", "restart-condition", "restart-delay", "restart-max-attempts",
        "restart-window", "rollback-delay", "rollback-failure-action",
        "rollback-max-failure-ratio", "rollback-monitor", "rollback-order",
        "rollback-parallelism", "secret", "stop-grace-period", "stop-signal", "sysctl", "tty",
        "ulimit", "update-delay", "update-failure-action", "update-max-failure-ratio",
        "update-monitor", "update-order", "update-parallelism", "user", "with-registry-auth",
        "workdir");
    Files.writeString(tmp.resolve("env"), "E=1\n");
    Map<String, String> values = Map.ofEntries(
        Map.entry("cap-add", "NET_ADMIN"), Map.entry("cap-drop", "MKNOD"),
        Map.entry("config", "conf"), Map.entry("constraint", "node.role==worker"),
        Map.entry("container-label", "a=b"), Map.entry("credential-spec", "file://spec.json"),
        Map.entry("dns", "10.0.0.2"), Map.entry("dns-option", "ndots:2"),
        Map.entry("dns-search", "example.com"), Map.entry("endpoint-mode", "vip"),
        Map.entry("entrypoint", "/init"), Map.entry("env", "A=1"),
        Map.entry("env-file", tmp.resolve("env").toString()),
        Map.entry("generic-resource", "gpu=1"), Map.entry("group", "audio"),
        Map.entry("health-cmd", "true"), Map.entry("health-interval", "1s"),
        Map.entry("health-retries", "1"), Map.entry("health-start-period", "1s"),
        Map.entry("health-timeout", "1s"), Map.entry("host", "db:10.0.0.5"),
        Map.entry("hostname", "h"), Map.entry("isolation", "default"),
        Map.entry("label", "a=b"), Map.entry("limit-cpu", "1"),
        Map.entry("limit-memory", "1g"), Map.entry("limit-pids", "10"),
        Map.entry("log-driver", "json-file"), Map.entry("log-opt", "a=b"),
        Map.entry("max-concurrent", "1 --mode replicated-job"), Map.entry("mode", "global"),
        Map.entry("mount", "type=tmpfs,target=/x"), Map.entry("name", "web"),
        Map.entry("network", "net"), Map.entry("placement-pref", "spread=node.id"),
        Map.entry("publish", "80:80"), Map.entry("replicas", "2"),
        Map.entry("replicas-max-per-node", "1"), Map.entry("reserve-cpu", "1"),
        Map.entry("reserve-memory", "1g"), Map.entry("restart-condition", "any"),
        Map.entry("restart-delay", "1s"), Map.entry("restart-max-attempts", "1"),
        Map.entry("restart-window", "1s"), Map.entry("rollback-delay", "1s"),
        Map.entry("rollback-failure-action", "pause"),
        Map.entry("rollback-max-failure-ratio", "0.1"), Map.entry("rollback-monitor", "1s"),
        Map.entry("rollback-order", "start-first"), Map.entry("rollback-parallelism", "1"),
        Map.entry("secret", "key"), Map.entry("stop-grace-period", "1s"),
        Map.entry("stop-signal", "SIGINT"), Map.entry("sysctl", "a=b"),
        Map.entry("ulimit", "nofile=10"), Map.entry("update-delay", "1s"),
        Map.entry("update-failure-action", "pause"),
        Map.entry("update-max-failure-ratio", "0.1"), Map.entry("update-monitor", "1s"),
        Map.entry("update-order", "start-first"), Map.entry("update-parallelism", "1"),
        Map.entry("user", "1000"), Map.entry("workdir", "/w"));
    List<String> accepted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String flag : flags) {
      String value = values.get(flag);
      String line = "docker service create --" + flag + (value == null ? "" : " " + value)
          + " nginx";
      try {
        ServiceSpec spec = DockerServiceCreate.parse(line).spec();
        assertThat(DockerServiceCreate.parse(spec.toCommandLine()).spec()).as(line)
            .isEqualTo(spec);
        accepted.add(flag);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as(line).contains("\"--" + flag + "\"")
            .contains("not supported by Berth yet");
        refused.add(flag);
      }
    }

    assertThat(refused).containsExactly("credential-spec", "generic-resource");
    assertThat(accepted).hasSize(flags.size() - 2);
  }

  // ---------------------------------------------------------------- modes

  @Test
  void readsEachMode() {
    assertThat(spec("docker service create nginx").mode()).isEqualTo(ServiceMode.replicated(1));
    assertThat(spec("docker service create --replicas 0 nginx").mode())
        .isEqualTo(ServiceMode.replicated(0));
    assertThat(spec("docker service create --mode replicated --replicas 4 nginx").replicas())
        .isEqualTo(4L);
    assertThat(spec("docker service create --mode global nginx").mode())
        .isEqualTo(ServiceMode.global());
    assertThat(spec("docker service create --mode global-job nginx").mode())
        .isEqualTo(ServiceMode.globalJob());
  }

  @Test
  void readsReplicatedJobDefaultsAsTheCliDoes() {
    assertThat(spec("docker service create --mode replicated-job nginx").mode())
        .isEqualTo(ServiceMode.replicatedJob(1, 1));
    assertThat(spec("docker service create --mode replicated-job --replicas 6 nginx").mode())
        .isEqualTo(ServiceMode.replicatedJob(6, 6));
    assertThat(spec("docker service create --max-concurrent 3 --mode replicated-job nginx")
        .mode()).isEqualTo(ServiceMode.replicatedJob(3, 1));
  }

  // ---------------------------------------------------------------- values

  @Test
  void expandsPortRangesIntoOnePortEach() {
    ServiceSpec spec = spec("docker service create -p 8080-8082:80-82/udp -p 9000-9001 nginx");

    assertThat(spec.ports()).containsExactly(
        ServicePort.ingress(8080, 80).protocol("udp"),
        ServicePort.ingress(8081, 81).protocol("udp"),
        ServicePort.ingress(8082, 82).protocol("udp"),
        ServicePort.ingress(0, 9000),
        ServicePort.ingress(0, 9001));
  }

  @Test
  void bareEnvTakesItsValueFromTheEnvironmentOrStaysBare() {
    assertThat(DockerServiceCreate.parse("docker service create -e K -e J nginx",
        Map.of("K", "from-map")).spec().env())
        .containsExactly(EnvVar.of("K", "from-map"), new EnvVar("J", null));
    assertThat(spec("docker service create -e K nginx").env())
        .containsExactly(new EnvVar("K", null));
  }

  @Test
  void keepsEqualsSignsAndEmptyValuesOfEnv() {
    assertThat(spec("docker service create -e A= --env D=x=y -e 'C=with space' nginx").env())
        .containsExactly(EnvVar.of("A", ""), EnvVar.of("D", "x=y"),
            EnvVar.of("C", "with space"));
  }

  @Test
  void readsVariablesIntoAnyValue() {
    ServiceSpec spec = DockerServiceCreate.parse("docker service create --name \"$NAME\""
        + " --replicas $N -e TAG=${TAG} shop/web:$TAG", Map.of("NAME", "web", "N", "2",
        "TAG", "1.4")).spec();

    assertThat(spec.name()).isEqualTo("web");
    assertThat(spec.replicas()).isEqualTo(2L);
    assertThat(spec.env()).containsExactly(EnvVar.of("TAG", "1.4"));
    assertThat(spec.image().tag()).isEqualTo("1.4");
  }

  @Test
  void keepsRepeatableFlagsInOrderAndTheLastValueOfOthers() {
    ServiceSpec spec = spec("docker service create --name a --name b --replicas 2 --replicas 5"
        + " --constraint node.role==worker --constraint node.labels.ssd==true"
        + " --network z --network a --update-delay 1s --update-delay 2s nginx");

    assertThat(spec.name()).isEqualTo("b");
    assertThat(spec.replicas()).isEqualTo(5L);
    assertThat(spec.constraints()).containsExactly("node.role==worker", "node.labels.ssd==true");
    assertThat(spec.networks()).containsExactly("z", "a");
    assertThat(spec.updateConfig().delay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsHealthFlagsIntoOneHealthcheck() {
    Healthcheck expected = Healthcheck.shell("curl -f http://localhost/ || exit 1")
        .withInterval(Duration.ofSeconds(30)).withTimeout(Duration.ofSeconds(5)).withRetries(3)
        .withStartPeriod(Duration.ofMinutes(1));

    ServiceSpec spec = spec("docker service create --health-interval 30s"
        + " --health-cmd 'curl -f http://localhost/ || exit 1' --health-timeout 5s"
        + " --health-retries 3 --health-start-period 1m nginx");

    assertThat(spec.healthcheck()).isEqualTo(expected);
    assertThat(spec.healthcheck().test())
        .containsExactly("CMD-SHELL", "curl -f http://localhost/ || exit 1");
    assertThat(spec("docker service create --health-interval 10s nginx").healthcheck().test())
        .isEmpty();
    assertThat(spec("docker service create nginx").healthcheck()).isNull();
  }

  @Test
  void noHealthcheckTurnsTheImageCheckOff() {
    assertThat(spec("docker service create --no-healthcheck nginx").healthcheck())
        .isEqualTo(Healthcheck.none());
  }

  @Test
  void readsCpusAsBillionthsAndMemoryInBytes() {
    ServiceSpec spec = spec("docker service create --limit-cpu 1.5 --reserve-cpu=0.001"
        + " --limit-memory 1.5g --reserve-memory 100m nginx");

    assertThat(spec.limitCpus()).isEqualTo(1_500_000_000L);
    assertThat(spec.reserveCpus()).isEqualTo(1_000_000L);
    assertThat(spec.limitMemory()).isEqualTo(1610612736L);
    assertThat(spec.reserveMemory()).isEqualTo(100L << 20);
  }

  @Test
  void splitsTheEntrypointIntoShellWordsWithoutExpandingThem() {
    assertThat(spec("docker service create --entrypoint \"sh -c 'echo \\$HOME; ls'\" nginx")
        .entrypoint()).containsExactly("sh", "-c", "echo $HOME; ls");
    assertThat(spec("docker service create --entrypoint '/bin/a \"b c\" d\\ e' nginx")
        .entrypoint()).containsExactly("/bin/a", "b c", "d e");
    assertThat(spec("docker service create --entrypoint '' nginx").entrypoint()).isEmpty();
    assertThat(spec("docker service create nginx").entrypoint()).isNull();
  }

  @Test
  void readsTheNetworkNameOfTheLongSyntax() {
    assertThat(spec("docker service create --network name=backend nginx").networks())
        .containsExactly("backend");
  }

  @Test
  void labelsWithoutEqualsGetAnEmptyValue() {
    ServiceSpec spec = spec("docker service create -l bare -l empty= --container-label c nginx");

    assertThat(spec.labels()).containsExactly(entry("bare", ""), entry("empty", ""));
    assertThat(spec.containerLabels()).containsExactly(entry("c", ""));
  }

  // ---------------------------------------------------------------- round trip

  @ParameterizedTest
  @ValueSource(strings = {
      "docker service create nginx",
      "docker service create --name web --replicas 3 -p 8080:80 --mount type=volume,source=data,"
          + "target=/data --secret source=key,target=/etc/key,mode=0400 --update-parallelism 1"
          + " --update-delay 10s --constraint node.role==manager nginx:1.25 nginx -g"
          + " 'daemon off;'",
      "docker service create --mode global --restart-condition on-failure --restart-delay 1.5s"
          + " --rollback-max-failure-ratio 0.001 --update-max-failure-ratio 1 busybox",
      "docker service create --mode replicated-job --replicas 9 --max-concurrent 3 alpine",
      "docker service create --mode global-job --init=false -e X -e 'Y=a b' alpine",
      "docker service create -p 53:53/udp -p published=80,target=8080,mode=host"
          + " -p 9000-9002:9000-9002/sctp -p 7000 nginx",
      "docker service create --config app --secret source=s,target=x,uid=10,gid=20,mode=0400"
          + " --config source=c,target=/etc/c,mode=0 nginx",
      "docker service create --health-cmd 'pg_isready -U \"$USER\"' --health-retries 2"
          + " --health-start-period 90s --health-start-interval 250ms postgres:16",
      "docker service create --no-healthcheck --entrypoint 'a \"b c\" '\"'\"'d'\"'\"'' x",
      "docker service create --limit-cpu 0.000000001 --limit-memory 1000 --reserve-cpu 0"
          + " --reserve-memory 0 --limit-pids 0 --replicas-max-per-node 0 nginx",
      "docker service create --mount type=bind,source=/a,target=/b,readonly,"
          + "bind-propagation=rslave --mount 'type=volume,target=/v,\"volume-opt=o=a,b\"'"
          + " --stop-grace-period 0s -u '' nginx",
      "docker service create --log-opt tag='{{.Name}}' --sysctl a.b=1 --host a:1.2.3.4"
          + " --dns-option ndots:1 --dns-search x.y --ulimit core=-1 --isolation hyperv nginx",
  })
  void readsItsOwnCommandLineBackIntoAnEqualSpec(String line) {
    ServiceSpec spec = spec(line);
    String written = spec.toCommandLine();
    ServiceSpec again = spec(written);

    assertThat(again).as(written).isEqualTo(spec);
    assertThat(again).as(written).hasSameHashCodeAs(spec);
    assertThat(again.toCommandLine()).isEqualTo(written);
  }

  @Test
  void readsBuiltSpecsBackFromTheirCommandLine() {
    List<ServiceSpec> specs = List.of(
        ServiceSpec.of("nginx"),
        ServiceSpec.of("127.0.0.1:5000/shop/web:2").name("web").replicas(3)
            .env("MODE", "production").publish(ServicePort.ingress(8080, 80))
            .mount(Mount.parseMountFlag("type=volume,source=web-data,target=/data"))
            .constraint("node.role==worker").secret(SecretRef.of("web_key"))
            .updateConfig(UpdateConfig.defaults().parallelism(1).delay(Duration.ofSeconds(5)))
            .label("team", "shop"),
        ServiceSpec.of("alpine").mode(ServiceMode.replicatedJob(2, 10)).args("sh", "-c", "x")
            .entrypoint(List.of("/bin/tini", "--", "it's")).hostname("h").tty(true)
            .readOnly(true).stopSignal("SIGQUIT").stopGracePeriod(Duration.ofNanos(1500))
            .healthcheck(Healthcheck.shell("true").withTimeout(Duration.ofNanos(1_500_000)))
            .limitCpus(1).reserveMemory(1234567).endpointMode("vip").logDriver("syslog")
            .logOption("k", "").group("g").dns("1.1.1.1").capAdd("ALL").capDrop("NET_RAW")
            .containerLabel("l", "v").placementPreference("spread=node.id")
            .maxReplicasPerNode(3).network("n").workdir("/").user("0:0").init(true)
            .rollbackConfig(UpdateConfig.defaults().failureAction("pause").order("start-first"))
            .restart(ServiceRestart.none().window(Duration.ofHours(1)))
            .config(ConfigRef.of("c").target("/x").mode(0600))
            .secret(SecretRef.of("s").target("/run/x")),
        ServiceSpec.of("busybox").global().maxReplicasPerNode(1)
            .mount(Mount.bind("/host", "/ctr").readOnly())
            .mount(Mount.volume("vol", "/v"))
            .mount(Mount.anonymousVolume("/anon"))
            .mount(Mount.parseVolumeFlag("vol2:/v2:nocopy"))
            .mount(Mount.parseTmpfsFlag("/run:rw,size=64m,mode=1777"))
            .mount(Mount.tmpfs("/tmp").readOnly())
            .publish(ServicePort.host(0, 22).protocol("udp")),
        ServiceSpec.of("busybox").mode(ServiceMode.globalJob()).healthcheck(Healthcheck.none())
            .entrypoint(List.of()).init(false).replicas(1).dnsOption("a").dnsSearch("b")
            .ulimit("nproc=1:2").limitPids(5).isolation("default"));

    for (ServiceSpec spec : specs) {
      String line = spec.toCommandLine();
      ServiceSpec parsed = DockerServiceCreate.parse(line).spec();
      // Update and rollback settings left unset come back at the CLI's flag defaults.
      assertThat(parsed.updateConfig(spec.updateConfig()).rollbackConfig(spec.rollbackConfig()))
          .as(line).isEqualTo(spec);
      keepsWhatIsSet(spec.updateConfig(), parsed.updateConfig());
      keepsWhatIsSet(spec.rollbackConfig(), parsed.rollbackConfig());
    }
  }

  @Test
  void writesTheShortestFormsPeopleWrite() {
    assertThat(ServiceSpec.of("nginx").toCommandLine()).isEqualTo("docker service create nginx");
    assertThat(spec("docker service create --replicas 3 -p 8080:80 -p 53/udp --secret key"
        + " --mode replicated nginx:1.25 nginx -g 'daemon off;'").toCommandLine())
        .isEqualTo("docker service create --replicas 3 -p 8080:80 -p 53/udp --secret key"
            + " nginx:1.25 nginx -g 'daemon off;'");
    assertThat(spec("docker service create --entrypoint '/bin/sh -c' --limit-cpu 0.50 alpine")
        .toCommandLine())
        .isEqualTo("docker service create --limit-cpu 0.5 --entrypoint '/bin/sh -c' alpine");
  }

  @Test
  void refusesToWriteAHealthCheckWithoutAShell() {
    ServiceSpec spec = ServiceSpec.of("nginx").healthcheck(Healthcheck.exec("curl", "-f", "x"));

    assertThatIllegalStateException().isThrownBy(spec::toCommandLine)
        .withMessageContaining("runs without a shell");
  }

  @Test
  void toStringShowsTheCliSwitchesAndTheCommandLine() {
    assertThat(DockerServiceCreate.parse("docker service create -d --name web nginx"))
        .hasToString("DockerServiceCreate{detached, docker service create --name web nginx}");
    assertThat(DockerServiceCreate.parse("-q --with-registry-auth --no-resolve-image nginx"))
        .hasToString("DockerServiceCreate{quiet, with registry auth, no resolve image,"
            + " docker service create nginx}");
  }

  // ---------------------------------------------------------------- bad input

  static Stream<Arguments> badLines() {
    return Stream.of(
        bad("docker service create --no-such-flag nginx", "\"--no-such-flag\"",
            "docker service create has no flag"),
        bad("docker service create -i nginx", "\"-i\"", "no such short flag"),
        bad("docker service create -dZ nginx", "\"-Z\" in \"-dZ\"", "no such short flag"),
        bad("docker service create --volume /a:/b nginx", "\"--volume\"", "has no flag"),
        bad("docker service create --name", "\"--name\"", "needs a value"),
        bad("docker service create -d", "needs an image", "found only \"-d\""),
        bad("docker service create", "docker service create needs an image",
            "IMAGE [COMMAND] [ARG...]"),
        bad("docker service ls", "\"docker service ls\"",
            "expected a docker service create line"),
        bad("docker run nginx", "\"docker run nginx\"", "is not docker service create"),
        bad("docker --host x service create nginx", "\"--host\"", "not supported"),
        bad("sudo", "followed by nothing, not docker"),
        bad("", "empty", "expected a docker service create line"),
        bad("docker service create --help nginx", "\"--help\"", "usage"),
        bad("docker service create --generic-resource gpu=1 nginx", "\"--generic-resource\"",
            "not supported by Berth yet"),
        bad("docker service create --credential-spec file://x nginx", "\"--credential-spec\"",
            "not supported by Berth yet"),
        bad("docker service create --network name=n,alias=web nginx", "--network",
            "\"alias=web\"", "not supported by Berth yet"),
        bad("docker service create --network alias=web nginx", "\"alias=web\"",
            "not supported by Berth yet"),
        bad("docker service create --name 'my web' nginx", "\"my web\"",
            "1 to 63 letters, digits and dashes"),
        bad("docker service create --mode sometimes nginx", "--mode \"sometimes\"",
            "expected replicated, global, replicated-job or global-job"),
        bad("docker service create --replicas three nginx", "--replicas \"three\"",
            "expected a whole number, 0 or more"),
        bad("docker service create --replicas -1 nginx", "--replicas \"-1\"", "0 or more"),
        bad("docker service create --mode global --replicas 2 nginx", "\"--replicas\"",
            "\"--mode global\"", "only with --mode replicated or replicated-job"),
        bad("docker service create --max-concurrent 2 nginx", "\"--max-concurrent\"",
            "\"--mode replicated\"", "only with --mode replicated-job"),
        bad("docker service create --replicas-max-per-node x nginx",
            "--replicas-max-per-node \"x\"", "whole number"),
        bad("docker service create -e =x nginx", "-e \"=x\"", "expected NAME=value or NAME"),
        bad("docker service create --env-file /no/such/file nginx", "\"/no/such/file\"",
            "cannot be read"),
        bad("docker service create -l =x nginx", "-l \"=x\"", "expected key=value"),
        bad("docker service create --container-label =x nginx", "\"=x\"", "expected key=value"),
        bad("docker service create --log-opt max-size nginx", "--log-opt \"max-size\"",
            "expected key=value"),
        bad("docker service create --sysctl =1 nginx", "--sysctl \"=1\"", "expected key=value"),
        bad("docker service create --mount type=bogus,target=/x nginx", "\"bogus\"",
            "is not bind, volume or tmpfs"),
        bad("docker service create --mount source=/x nginx", "--mount \"source=/x\"",
            "target is required"),
        bad("docker service create -p 1.2.3.4:80:80 nginx", "-p \"1.2.3.4:80:80\"",
            "a host IP cannot be given to a service port"),
        bad("docker service create -p 70000:80 nginx", "\"70000:80\"", "65535"),
        bad("docker service create -p 80-81:90 nginx", "\"80-81:90\"", "differ in length"),
        bad("docker service create --constraint node.role nginx", "\"node.role\"",
            "expected key==value or key!=value"),
        bad("docker service create --placement-pref zone nginx", "\"zone\"",
            "expected spread=DESCRIPTOR"),
        bad("docker service create --update-parallelism -1 nginx",
            "--update-parallelism \"-1\"", "0 or more"),
        bad("docker service create --update-delay 5 nginx", "--update-delay \"5\"",
            "expected a Go duration such as 300ms"),
        bad("docker service create --update-failure-action stop nginx", "\"stop\"",
            "expected pause, continue or rollback"),
        bad("docker service create --update-monitor -1s nginx", "\"-1s\"",
            "negative durations are not allowed"),
        bad("docker service create --update-max-failure-ratio 1.5 nginx", "\"1.5\"",
            "expected 0 to 1"),
        bad("docker service create --update-max-failure-ratio x nginx", "\"x\"",
            "expected a decimal from 0 to 1"),
        bad("docker service create --update-order random nginx", "\"random\"",
            "expected stop-first or start-first"),
        bad("docker service create --rollback-failure-action rollback nginx",
            "--rollback-failure-action \"rollback\"", "expected pause or continue"),
        bad("docker service create --rollback-order x nginx", "--rollback-order \"x\"",
            "expected stop-first or start-first"),
        bad("docker service create --restart-condition always nginx", "\"always\"",
            "expected none, on-failure or any"),
        bad("docker service create --restart-delay soon nginx", "--restart-delay \"soon\"",
            "Go duration"),
        bad("docker service create --restart-max-attempts -2 nginx", "\"-2\"", "0 or more"),
        bad("docker service create --secret source=a,foo=b nginx", "\"source=a,foo=b\"",
            "field \"foo\" is unknown"),
        bad("docker service create --config source=c,mode=999 nginx", "\"999\"",
            "octal file mode"),
        bad("docker service create --stop-grace-period 10 nginx", "\"10\"", "has no unit"),
        bad("docker service create --health-retries x nginx", "--health-retries \"x\"",
            "whole number"),
        bad("docker service create --health-interval 5 nginx", "--health-interval \"5\"",
            "Go duration"),
        bad("docker service create --no-healthcheck --health-cmd x nginx",
            "\"--no-healthcheck\"", "\"--health-*\"", "not both"),
        bad("docker service create --limit-cpu -1 nginx", "--limit-cpu \"-1\"",
            "expected a decimal such as 1.5"),
        bad("docker service create --reserve-cpu 1.0000000001 nginx", "\"1.0000000001\"",
            "a decimal"),
        bad("docker service create --limit-memory lots nginx", "--limit-memory \"lots\"",
            "such as 512m or 1.5g"),
        bad("docker service create --reserve-memory -5 nginx", "\"-5\"", "cannot be negative"),
        bad("docker service create --limit-pids many nginx", "--limit-pids \"many\"",
            "whole number"),
        bad("docker service create --endpoint-mode rr nginx", "\"rr\"", "expected vip or dnsrr"),
        bad("docker service create --host nohost nginx", "\"nohost\"", "expected name:ip"),
        bad("docker service create --ulimit nofile nginx", "\"nofile\"",
            "expected name=soft[:hard]"),
        bad("docker service create --isolation vm nginx", "\"vm\"",
            "expected default, process or hyperv"),
        bad("docker service create --cap-add '' nginx", "--cap-add \"\"",
            "an empty value is not valid"),
        bad("docker service create --entrypoint \"sh -c 'x\" nginx", "--entrypoint",
            "is never closed"),
        bad("docker service create --tty=maybe nginx", "--tty", "\"maybe\"", "true or false"),
        bad("docker service create UPPER/case", "\"UPPER/case\"", "must be lowercase"),
        bad("docker service create -e $HOME nginx", "$HOME", "write its value in its place"),
        bad("docker service create nginx | cat", "\"|\"", "only one command"));
  }

  private static Arguments bad(String line, String... fragments) {
    return Arguments.of(line, List.of(fragments));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badLines")
  void refusesBadInputQuotingThePartAtFault(String line, List<String> fragments) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerServiceCreate.parse(line))
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
  }

  @Test
  void refusesAnEnvFileWithABadLineNamingTheFileAndLine() throws IOException {
    Path env = Files.writeString(tmp.resolve("env"), "GOOD=1\nBAD NAME=2\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DockerServiceCreate.parse(List.of("docker", "service", "create",
            "--env-file", env.toString(), "nginx")))
        .withMessageContaining("\"" + env + "\" line 2")
        .withMessageContaining("\"BAD NAME=2\"");
  }

  private static void keepsWhatIsSet(UpdateConfig built, UpdateConfig parsed) {
    if (built.isDefault()) {
      assertThat(parsed.isDefault()).isTrue();
      return;
    }
    assertThat(parsed.parallelism()).isEqualTo(built.parallelism() == null ? Long.valueOf(1)
        : built.parallelism());
    assertThat(parsed.delay()).isEqualTo(built.delay() == null ? Duration.ZERO : built.delay());
    assertThat(parsed.monitor()).isEqualTo(built.monitor() == null ? Duration.ofSeconds(5)
        : built.monitor());
    assertThat(parsed.failureAction()).isEqualTo(built.failureAction() == null ? "pause"
        : built.failureAction());
    assertThat(parsed.maxFailureRatio()).isEqualTo(built.maxFailureRatio() == null
        ? Double.valueOf(0) : built.maxFailureRatio());
    assertThat(parsed.order()).isEqualTo(built.order() == null ? "stop-first" : built.order());
  }
}
