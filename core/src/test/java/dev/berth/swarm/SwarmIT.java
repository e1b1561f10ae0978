package dev.berth.swarm;

import dev.berth.PodmanGap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.DockerApiException;
import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.containers.CommitOptions;
import dev.berth.containers.Container;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ConfigDetails;
import dev.berth.model.ConfigRef;
import dev.berth.model.CommandLine;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerServiceCreate;
import dev.berth.model.NodeDetails;
import dev.berth.model.SecretDetails;
import dev.berth.model.SecretRef;
import dev.berth.model.ServicePort;
import dev.berth.model.ServiceDetails;
import dev.berth.model.ServiceSpec;
import dev.berth.model.SwarmDetails;
import dev.berth.model.TaskDetails;
import dev.berth.model.UpdateConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A single-node swarm on the engine the project's script started (never on a user's own engine,
 * unless BERTH_TEST_ENGINE_WIDE=true): services converge, scale, roll forward and back, get
 * secrets and configs, and show their logs. The swarm is left at the end.
 */
@Timeout(300)
class SwarmIT {
  private static final Duration CONVERGE = Duration.ofSeconds(90);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> services = new ArrayList<>();
  private static final List<String> secrets = new ArrayList<>();
  private static final List<String> configs = new ArrayList<>();
  private static final List<String> images = new ArrayList<>();
  private static DockerClient docker;
  private static Swarm swarm;
  private static String nodeId;
  private static boolean gatewayBridgeWasThere;

  @BeforeAll
  static void initSwarm() {
    TestEngine.assumeNot(PodmanGap.SWARM);
    assumeTrue(TestEngine.engineWideAllowed(),
        "the swarm test turns the engine into a swarm manager: only on the engine the project's"
            + " script started, or with BERTH_TEST_ENGINE_WIDE=true");
    docker = TestEngine.client();
    swarm = docker.swarm();
    if (swarm.isActive()) {
      swarm.leave(true); // left over from an interrupted run on our own engine
    }
    gatewayBridgeWasThere = !docker.networks().list(Map.of("name", List.of("docker_gwbridge")))
        .isEmpty();
    nodeId = swarm.init(SwarmInit.advertising("127.0.0.1").taskHistoryLimit(2));
  }

  @AfterAll
  static void leaveSwarm() {
    if (docker == null) {
      return;
    }
    try {
      for (String s : services) {
        quietly(() -> swarm.services().remove(s));
      }
      for (String s : secrets) {
        quietly(() -> swarm.secrets().remove(s));
      }
      for (String c : configs) {
        quietly(() -> swarm.configs().remove(c));
      }
      swarm.leave(true);
      assertThat(swarm.isActive()).isFalse();
      if (!gatewayBridgeWasThere) {
        quietly(() -> docker.networks().remove("docker_gwbridge")); // made by swarm init
      }
      for (String i : images) {
        quietly(() -> docker.images().remove(i, true, false));
      }
    } finally {
      docker.close();
    }
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (NotFoundException gone) {
      // removed by the test
    }
  }

  /** An image of the test image whose /version holds {@code version}, labelled as ours. */
  private static String imageWithVersion(String version) {
    String name = "berth-test/swarm-" + RUN + ":" + version;
    Container c = docker.containers().create(ContainerSpec.of(TestEngine.IMAGE)
        .label(TestEngine.LABEL, "true")
        .command("sh", "-c", "echo " + version + " > /version"));
    try {
      c.start();
      assertThat(c.waitFor().exitCode()).isZero();
      c.commit(CommitOptions.as(name).change("LABEL " + TestEngine.LABEL + "=true")
          .change("CMD [\"sh\"]"));
    } finally {
      c.remove(RemoveOptions.force());
    }
    images.add(name);
    return name;
  }

  private static String await(String service, Predicate<String> done, String what) {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      text = swarm.services().logs(service).text();
      if (done.test(text)) {
        return text;
      }
      sleep(300);
    }
    throw new AssertionError("service logs never showed " + what + "; they were:\n" + text);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<TaskDetails> running(String service) {
    return swarm.services().tasks(service).stream()
        .filter(t -> "running".equals(t.desiredState()) && "running".equals(t.state()))
        .toList();
  }

  @Test
  void theSwarmAndItsOnlyNode() {
    SwarmDetails details = swarm.inspect();
    assertThat(details.workerJoinToken()).startsWith("SWMTKN-");
    assertThat(details.managerJoinToken()).startsWith("SWMTKN-");
    assertThat(details.taskHistoryLimit()).isEqualTo(2L);

    swarm.update(SwarmUpdate.changes().taskHistoryLimit(3).rotateWorkerToken());
    SwarmDetails updated = swarm.inspect();
    assertThat(updated.taskHistoryLimit()).isEqualTo(3L);
    assertThat(updated.workerJoinToken()).isNotEqualTo(details.workerJoinToken());
    assertThat(updated.managerJoinToken()).isEqualTo(details.managerJoinToken());
    assertThat(updated.version()).isGreaterThan(details.version());

    assertThatThrownBy(() -> swarm.init(SwarmInit.advertising("127.0.0.1")))
        .isInstanceOf(DockerApiException.class)
        .hasMessageContaining("already part of a swarm");

    List<NodeDetails> nodes = swarm.nodes().list(Map.of());
    assertThat(nodes).extracting(NodeDetails::id).containsExactly(nodeId);
    NodeDetails self = swarm.nodes().inspect("self");
    assertThat(self.role()).isEqualTo("manager");
    assertThat(self.leader()).isTrue();
    assertThat(self.state()).isEqualTo("ready");
    assertThat(self.availability()).isEqualTo("active");

    NodeDetails labelled = swarm.nodes().update(nodeId,
        NodeUpdate.changes().label("berth.zone", "a-" + RUN).availability("active"));
    assertThat(labelled.labels()).containsEntry("berth.zone", "a-" + RUN);
    assertThat(swarm.nodes().list(Map.of("node.label", List.of("berth.zone=a-" + RUN))))
        .extracting(NodeDetails::id).containsExactly(nodeId);
    NodeDetails unlabelled = swarm.nodes().update(nodeId,
        NodeUpdate.changes().removeLabel("berth.zone"));
    assertThat(unlabelled.labels()).doesNotContainKey("berth.zone");
  }

  @Test
  void secretsAndConfigs() {
    String name = "berth-it-" + RUN + "-plain";
    SecretDetails secret = swarm.secrets().create(name, "x".getBytes(StandardCharsets.UTF_8),
        Map.of(TestEngine.LABEL, "true"));
    secrets.add(name);
    assertThat(secret.name()).isEqualTo(name);
    assertThat(swarm.secrets().list(Map.of("label", List.of(TestEngine.LABEL + "=true"))))
        .extracting(SecretDetails::name).contains(name);
    assertThat(swarm.secrets().inspect(name).id()).isEqualTo(secret.id());

    ConfigDetails config = swarm.configs().create(name, "port=8080\n"
        .getBytes(StandardCharsets.UTF_8), Map.of(TestEngine.LABEL, "true"));
    configs.add(name);
    assertThat(swarm.configs().inspect(config.id()).text()).isEqualTo("port=8080\n");

    swarm.secrets().remove(name);
    swarm.configs().remove(name);
    assertThatThrownBy(() -> swarm.secrets().inspect(name)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> swarm.configs().inspect(name)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> swarm.secrets().create("bad/name", new byte[1], Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bad/name\"");
  }

  @Test
  void aServiceConvergesScalesRollsForwardAndBack() {
    String v1 = imageWithVersion("1");
    String v2 = imageWithVersion("2");
    String secretName = "berth-it-" + RUN + "-key";
    String secretValue = "s3cret-" + RUN;
    swarm.secrets().create(secretName, secretValue.getBytes(StandardCharsets.UTF_8),
        Map.of(TestEngine.LABEL, "true"));
    secrets.add(secretName);
    String configName = "berth-it-" + RUN + "-conf";
    swarm.configs().create(configName, ("mode-" + RUN).getBytes(StandardCharsets.UTF_8),
        Map.of(TestEngine.LABEL, "true"));
    configs.add(configName);

    String name = "berth-it-" + RUN;
    ServiceSpec spec = ServiceSpec.of(v1).name(name).replicas(3)
        .label(TestEngine.LABEL, "true")
        .containerLabel(TestEngine.LABEL, "true")
        .env("SLOT", "{{.Task.Slot}}")
        .secret(SecretRef.of(secretName).mode(0400))
        .config(ConfigRef.parse("source=" + configName + ",target=/etc/app.conf"))
        .stopGracePeriod(Duration.ofSeconds(1))
        .updateConfig(UpdateConfig.defaults().parallelism(0).monitor(Duration.ofMillis(500)))
        .rollbackConfig(UpdateConfig.defaults().parallelism(0).monitor(Duration.ofMillis(500)))
        .args("sh", "-c", "echo replica $SLOT version $(cat /version) secret $(cat /run/secrets/"
            + secretName + ") config $(cat /etc/app.conf); exec sleep 600");
    ServiceDetails created = swarm.services().create(spec);
    services.add(name);
    assertThat(created.name()).isEqualTo(name);
    assertThat(created.replicas()).isEqualTo(3L);
    assertThat(created.labels()).containsEntry(TestEngine.LABEL, "true");

    // 3 replicas converge, one per slot, each with the secret and the config mounted.
    swarm.services().awaitConverged(name, CONVERGE);
    assertThat(running(name)).extracting(TaskDetails::slot).containsExactlyInAnyOrder(1L, 2L, 3L);
    String logs = await(name, t -> t.contains("replica 1 ") && t.contains("replica 2 ")
        && t.contains("replica 3 "), "all three replicas");
    for (int slot = 1; slot <= 3; slot++) {
      assertThat(logs).contains("replica " + slot + " version 1 secret " + secretValue
          + " config mode-" + RUN);
    }
    assertThat(swarm.services().list(Map.of("name", List.of(name))))
        .extracting(ServiceDetails::id).containsExactly(created.id());
    TaskDetails first = swarm.tasks().inspect(running(name).get(0).id());
    assertThat(first.serviceId()).isEqualTo(created.id());
    assertThat(first.nodeId()).isEqualTo(nodeId);
    assertThat(first.state()).isEqualTo("running");
    assertThat(docker.containers().get(first.containerId()).inspect().labels())
        .containsEntry(TestEngine.LABEL, "true");
    assertThat(swarm.tasks().list(Map.of("service", List.of(name),
        "desired-state", List.of("running")))).hasSize(3);

    // Scale to 1.
    assertThat(swarm.services().scale(name, 1).replicas()).isEqualTo(1L);
    swarm.services().awaitConverged(name, CONVERGE);
    assertThat(running(name)).hasSize(1);

    // Roll to the new tag: the running task runs version 2.
    ServiceDetails rolled = swarm.services().update(name, ServiceUpdate.changes().image(v2));
    assertThat(rolled.image()).isEqualTo(v2);
    ServiceDetails converged = swarm.services().awaitConverged(name, CONVERGE);
    assertThat(converged.updateState()).isEqualTo("completed");
    assertThat(running(name)).extracting(TaskDetails::image).containsExactly(v2);
    await(name, t -> t.contains("version 2"), "a task of version 2");

    // And back.
    swarm.services().rollback(name);
    ServiceDetails back = swarm.services().awaitConverged(name, CONVERGE);
    assertThat(back.image()).isEqualTo(v1);
    assertThat(back.updateState()).isEqualTo("rollback_completed");
    assertThat(running(name)).extracting(TaskDetails::image).containsExactly(v1);
    assertThat(back.replicas()).isEqualTo(1L);

    // A secret in use cannot go; once the service is removed it can.
    assertThatThrownBy(() -> swarm.secrets().remove(secretName))
        .isInstanceOf(DockerApiException.class).hasMessageContaining("in use");
    swarm.services().remove(name);
    assertThatThrownBy(() -> swarm.services().inspect(name))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void serviceUpdatesKeepWhatTheyDoNotChange() {
    String name = "berth-it-" + RUN + "-env";
    swarm.services().create(ServiceSpec.of(TestEngine.IMAGE).name(name).replicas(1)
        .label(TestEngine.LABEL, "true").containerLabel(TestEngine.LABEL, "true")
        .env("A", "1").env("B", "2").stopGracePeriod(Duration.ofSeconds(1))
        .args("sh", "-c", "echo A=$A B=$B C=$C; exec sleep 600"));
    services.add(name);
    swarm.services().awaitConverged(name, CONVERGE);

    swarm.services().update(name, ServiceUpdate.changes().env("C", "3").removeEnv("A")
        .label("stage", "two"));
    ServiceDetails after = swarm.services().awaitConverged(name, CONVERGE);
    assertThat(after.labels()).containsEntry("stage", "two").containsEntry(TestEngine.LABEL,
        "true");
    await(name, t -> t.contains("A= B=2 C=3"), "the updated environment");
    Set<String> states = swarm.services().tasks(name).stream().map(TaskDetails::desiredState)
        .collect(Collectors.toSet());
    assertThat(states).contains("running", "shutdown");

    assertThatThrownBy(() -> swarm.services().update(name,
        ServiceUpdate.changes().replicas(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    swarm.services().remove(name);
  }

  @Test
  @SuppressWarnings("unchecked")
  void publishedPortsInHostAndIngressMode() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String name = "berth-it-" + RUN + "-web";
    swarm.services().create(ServiceSpec.of(TestEngine.IMAGE).name(name)
        .label(TestEngine.LABEL, "true").containerLabel(TestEngine.LABEL, "true")
        .publish(ServicePort.host(port, 80)).stopGracePeriod(Duration.ofSeconds(1))
        .args("sh", "-c", "mkdir /www && echo served by $HOSTNAME > /www/index.html"
            + " && exec httpd -f -p 80 -h /www")
        .hostname("web-{{.Task.Slot}}"));
    services.add(name);
    swarm.services().awaitConverged(name, CONVERGE);
    String body = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (body == null && System.nanoTime() < deadline) {
      try (InputStream in = URI.create("http://127.0.0.1:" + port + "/").toURL().openStream()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException notYet) {
        sleep(200);
      }
    }
    assertThat(body).isEqualTo("served by web-1\n");

    // The routing mesh needs kernel support this machine may lack; the engine takes the spec.
    String mesh = "berth-it-" + RUN + "-mesh";
    ServiceDetails ingress = swarm.services().create(ServiceSpec.of(TestEngine.IMAGE).name(mesh)
        .replicas(0).label(TestEngine.LABEL, "true")
        .publish(ServicePort.parse("published=" + (port + 1) + ",target=80,protocol=udp")));
    services.add(mesh);
    List<Map<String, Object>> ports = (List<Map<String, Object>>) ((Map<String, Object>)
        ingress.spec().get("EndpointSpec")).get("Ports");
    assertThat(ports).singleElement().satisfies(p -> {
      assertThat(p).containsEntry("PublishMode", "ingress").containsEntry("Protocol", "udp");
      assertThat(((Number) p.get("PublishedPort")).intValue()).isEqualTo(port + 1);
    });
    swarm.services().remove(mesh);
    swarm.services().remove(name);
  }

  /** Debian's CLI, 20.10 like the engine; the first docker on PATH may be a newer client. */
  private static final java.nio.file.Path CLI = java.nio.file.Path.of("/usr/bin/docker");

  /**
   * The docker CLI as the oracle: each line is created once by the CLI and once by Berth from
   * {@link DockerServiceCreate}, and the engine's stored specs must be equal. No tasks run (no
   * replicas, or a constraint no node meets).
   */
  @Test
  void serviceCreateLinesMatchTheDockerCli() throws Exception {
    assumeTrue(java.nio.file.Files.isExecutable(CLI), CLI + " is missing");
    String secret = "berth-it-" + RUN + "-osecret";
    swarm.secrets().create(secret, "x".getBytes(StandardCharsets.UTF_8), Map.of());
    secrets.add(secret);
    String config = "berth-it-" + RUN + "-oconfig";
    swarm.configs().create(config, "y".getBytes(StandardCharsets.UTF_8), Map.of());
    configs.add(config);
    String image = TestEngine.IMAGE;
    List<String> lines = List.of(
        "--replicas 0 " + image,
        "--replicas 0 -e A=1 --env B= -l team=web --container-label tier=front " + image
            + " sh -c 'echo hi; sleep 5'",
        "--replicas 0 -p 8080:80 -p published=5353,target=53,protocol=udp,mode=host"
            + " -p 9000-9001:90-91 --endpoint-mode vip " + image,
        "--replicas 0 --mount type=volume,source=data,target=/data,readonly"
            + " --mount type=tmpfs,target=/run,tmpfs-size=64m"
            + " --mount type=bind,source=/tmp,target=/host-tmp " + image,
        "--replicas 0 --update-parallelism 2 --update-delay 10s --update-failure-action rollback"
            + " --update-monitor 3s --update-max-failure-ratio 0.5 --update-order start-first"
            + " --rollback-parallelism 1 --rollback-delay 1s --rollback-failure-action continue"
            + " --rollback-order stop-first " + image,
        "--replicas 0 --restart-condition on-failure --restart-delay 3s --restart-max-attempts 4"
            + " --restart-window 1m --stop-grace-period 7s --stop-signal SIGINT " + image,
        "--replicas 0 --constraint node.role==manager --constraint node.labels.zone!=east"
            + " --placement-pref spread=node.labels.zone --replicas-max-per-node 2 " + image,
        "--replicas 0 --secret " + secret + " --secret source=" + secret
            + ",target=/etc/s,uid=1,gid=2,mode=0400 --config " + config + " --config source="
            + config + ",target=/etc/c " + image,
        "--replicas 0 -w /srv -u 1000:1000 --hostname 'web-{{.Task.Slot}}' -t --read-only --init"
            + " --group audio --dns 10.0.0.2 --dns-search example.com --dns-option ndots:2"
            + " --host db:10.0.0.5 --entrypoint 'sh -c' " + image + " 'sleep 1'",
        "--replicas 0 --limit-cpu 1.5 --limit-memory 256m --reserve-cpu 0.25 --reserve-memory 64m"
            + " --limit-pids 100 --ulimit nofile=10:20 --cap-add NET_ADMIN --cap-drop MKNOD"
            + " --sysctl net.core.somaxconn=1024 " + image,
        "--replicas 0 --health-cmd 'wget -q -O- localhost' --health-interval 5s"
            + " --health-timeout 2s --health-retries 3 --health-start-period 1s"
            + " --log-driver json-file --log-opt max-size=1m " + image,
        "--mode global --constraint node.labels.berth==never " + image,
        "--mode replicated-job --replicas 0 --max-concurrent 1 " + image);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String cliName = "berth-it-" + RUN + "-cli" + i;
      String ourName = "berth-it-" + RUN + "-our" + i;
      List<String> words = new ArrayList<>(List.of(CLI.toString(), "service", "create",
          "--detach", "--no-resolve-image", "--name", cliName, "-l",
          TestEngine.LABEL + "=true"));
      words.addAll(CommandLine.split(lines.get(i)));
      Process p = new ProcessBuilder(words).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("CLI on %s: %s", lines.get(i), output).isZero();
      services.add(cliName);
      Map<String, Object> expected = swarm.services().inspect(cliName).spec();
      swarm.services().remove(cliName); // frees its published ports
      ServiceSpec spec = DockerServiceCreate.parse("docker service create --name " + ourName
          + " -l " + TestEngine.LABEL + "=true " + lines.get(i)).spec();
      swarm.services().create(spec);
      services.add(ourName);
      Map<String, Object> actual = swarm.services().inspect(ourName).spec();
      diff("[" + i + "] ", cliDefaultsRemoved(expected), cliDefaultsRemoved(actual), problems);
      swarm.services().remove(ourName);
    }
    assertThat(problems).isEmpty();
  }

  private static final Set<String> UNORDERED = Set.of("Ports", "Secrets", "Configs", "Ulimits");

  /**
   * The spec without its name and without what the CLI sends explicitly that means the same as
   * leaving it out: empty objects, {@code Init: false} and the default endpoint mode {@code vip};
   * published ports, secrets, configs and ulimits are compared as sets: the CLI collects each
   * through a Go map (a port range's ports, secrets and configs by target, ulimits by name), so it
   * sends them in random order.
   */
  @SuppressWarnings("unchecked")
  private static Object cliDefaultsRemoved(Object json) {
    if (json instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, v) -> {
        Object value = cliDefaultsRemoved(v);
        boolean empty = value instanceof Map<?, ?> inner && inner.isEmpty();
        boolean meaningless = k.equals("Name") && m.containsKey("TaskTemplate")
            || k.equals("Init") && Boolean.FALSE.equals(v)
            || k.equals("Mode") && "vip".equals(v);
        if (UNORDERED.contains(k) && value instanceof List<?> list) {
          value = list.stream().sorted(Comparator.comparing(Object::toString)).toList();
        }
        if (!empty && !meaningless) {
          out.put((String) k, value);
        }
      });
      return out;
    }
    if (json instanceof List<?> l) {
      return l.stream().map(SwarmIT::cliDefaultsRemoved).toList();
    }
    return json;
  }

  @SuppressWarnings("unchecked")
  private static void diff(String path, Object expected, Object actual, List<String> out) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      Set<Object> keys = new java.util.TreeSet<>(Comparator.comparing(Object::toString));
      keys.addAll(e.keySet());
      keys.addAll(a.keySet());
      for (Object k : keys) {
        diff(path + "." + k, e.get(k), a.get(k), out);
      }
    } else if (expected instanceof List<?> e && actual instanceof List<?> a
        && e.size() == a.size()) {
      for (int i = 0; i < e.size(); i++) {
        diff(path + "[" + i + "]", e.get(i), a.get(i), out);
      }
    } else if (!java.util.Objects.equals(expected, actual)) {
      out.add(path + ": CLI " + expected + ", Berth " + actual);
    }
  }
}
