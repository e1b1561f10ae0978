package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.containers.Container;
import dev.berth.containers.ListOptions;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.ExecResult;
import dev.berth.model.Mount;
import dev.berth.model.NetworkDetails;
import dev.berth.model.VolumeDetails;
import dev.berth.networks.NetworkSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client pinned to API 1.40 and to 1.41 against the local engine (API 1.41): a tour of
 * containers with many typed settings, exec, logs, an image build with build args, a network and
 * a volume works at both; at 1.40 a 1.41-only setting fails with the API gates' message before
 * anything is created. Runs in strict gates mode, as every test does.
 */
@Timeout(180)
class ApiVersionPinIT {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> containers = new ArrayList<>();
  private final List<String> networks = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();
  private final List<String> images = new ArrayList<>();
  private final DockerClient unpinned = TestEngine.client();
  @TempDir
  Path tmp;

  @AfterEach
  void cleanUp() {
    // by id through the unpinned client: the pinned ones are closed by now
    for (String c : containers) {
      try {
        unpinned.containers().remove(c, RemoveOptions.force().withVolumes(true));
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    for (String n : networks) {
      try {
        unpinned.networks().remove(n);
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    for (String v : volumes) {
      try {
        unpinned.volumes().remove(v, true);
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    for (String i : images) {
      try {
        unpinned.images().remove(i, true, false);
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    unpinned.close();
  }

  private static DockerClient pinned(String version) {
    return DockerClient.builder().apiVersion(version).build();
  }

  @ParameterizedTest(name = "API {0}")
  @ValueSource(strings = {"1.40", "1.41"})
  void aTourOfContainersImagesNetworksAndVolumesWorksPinned(String version) throws IOException {
    TestEngine.assumeNot(PodmanGap.ULIMITS);
    assertThat(System.getProperty("dev.berth.gates.strict")).as("strict gates").isEqualTo("true");
    try (DockerClient docker = pinned(version)) {
      assertThat(docker.apiVersion().toString()).isEqualTo(version);
      String net = "berth-pin-" + run;
      NetworkDetails n = docker.networks().create(NetworkSpec.named(net)
          .subnet("172.30." + (version.equals("1.40") ? 40 : 41) + ".0/24")
          .label(TestEngine.LABEL, "true"));
      networks.add(net);
      assertThat(n.name()).isEqualTo(net);
      String vol = "berth-pin-" + run;
      VolumeDetails v = docker.volumes().create(vol, "local", Map.of(),
          Map.of(TestEngine.LABEL, "true"));
      volumes.add(vol);
      assertThat(v.name()).isEqualTo(vol);

      String name = "berth-pin-" + run;
      ContainerSpec spec = DockerRun.parse(List.of("docker", "run", "-d", "--name", name,
          "--label", TestEngine.LABEL + "=true", "--label", "dev.berth.test.pin=" + version,
          "--network", net, "--network-alias", "tour",
          "-e", "GREETING=hello", "-p", "127.0.0.1::8080", "--expose", "9090",
          "--memory", "64m", "--memory-reservation", "32m", "--cpu-shares", "512",
          "--pids-limit", "64", "--ulimit", "nofile=1024:2048", "--cap-drop", "NET_RAW",
          "--restart", "on-failure:2", "--health-cmd", "true", "--health-interval", "5s",
          "--health-retries", "2", "--add-host", "db.local:10.1.2.3", "--dns-option", "ndots:1",
          "--tmpfs", "/scratch", "--mount", "type=tmpfs,destination=/t,tmpfs-size=1m",
          "-v", vol + ":/data", "--workdir", "/data", "--hostname", "tourhost",
          "--stop-signal", "SIGTERM", "--stop-timeout", "3", "--shm-size", "32m",
          "--oom-score-adj", "100", "--security-opt", "no-new-privileges",
          "--sysctl", "net.ipv4.ip_unprivileged_port_start=0",
          "--log-driver", "json-file", "--log-opt", "max-size=1m",
          TestEngine.IMAGE, "sh", "-c", "echo $GREETING from $(hostname); sleep 60")).spec();
      Container c = docker.containers().run(spec, PullPolicy.NEVER);
      containers.add(c.id());
      ContainerDetails d = c.inspect();
      assertThat(d.name()).isEqualTo(name);
      assertThat(d.state().running()).isTrue();
      assertThat(d.labels()).containsEntry("dev.berth.test.pin", version);
      assertThat(d.env()).contains("GREETING=hello");
      @SuppressWarnings("unchecked")
      Map<String, Object> host = (Map<String, Object>) d.raw().get("HostConfig");
      assertThat(((Number) host.get("Memory")).longValue()).isEqualTo(64L * 1024 * 1024);
      assertThat(((Number) host.get("PidsLimit")).longValue()).isEqualTo(64);
      assertThat(host.get("CapDrop")).asString().contains("NET_RAW");

      ExecResult r = c.exec("sh", "-c", "echo $X in $(pwd); cat /etc/hosts | grep db.local")
          .env("X", "exec").call();
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).startsWith("exec in /data\n").contains("10.1.2.3");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < 50 && out.size() == 0; i++) {
        try (var logs = c.logs().open()) {
          out.reset();
          logs.copyTo(out, OutputStream.nullOutputStream());
        }
        sleep();
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello from tourhost\n");
      assertThat(c.ports()).isNotEmpty();

      Path ctx = Files.createDirectory(tmp.resolve("ctx"));
      Files.writeString(ctx.resolve("Dockerfile"), "FROM " + TestEngine.IMAGE + "\n"
          + "ARG flavour\nRUN echo $flavour > /flavour\nLABEL " + TestEngine.LABEL + "=true\n");
      String tag = "berth-test/pinned:" + run + "-" + version.replace('.', '-');
      String imageId = docker.images().build(ctx).tag(tag).buildArg("flavour", version)
          .call().imageId();
      images.add(tag);
      assertThat(imageId).startsWith("sha256:");
      ExecResult built = docker.containers().runToExit(ContainerSpec.of(tag)
          .label(TestEngine.LABEL, "true").autoRemove(true).command("cat", "/flavour"));
      assertThat(built.stdout()).isEqualTo(version + "\n");

      c.stop(java.time.Duration.ofSeconds(3));
      c.remove(RemoveOptions.force().withVolumes(true));
      assertThat(docker.containers().ids(ListOptions.all().withLabel(TestEngine.LABEL)
          .withFilter("name", name))).isEmpty();
      docker.networks().remove(net);
      docker.volumes().remove(vol, false);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--platform linux/amd64", "--cgroupns private"})
  void at140ASettingOf141FailsWithTheGatesMessageAndCreatesNothing(String flag) {
    String[] words = flag.split(" ");
    String name = "berth-pin-" + run;
    ListOptions mine = ListOptions.all().withLabel(TestEngine.LABEL).withFilter("name", name);
    assertThat(unpinned.containers().ids(mine)).isEmpty();
    try (DockerClient docker = pinned("1.40")) {
      ContainerSpec spec = DockerRun.parse(List.of("docker", "run", "-d", "--name", name,
          "--label", TestEngine.LABEL + "=true", words[0], words[1], TestEngine.IMAGE,
          "sleep", "5")).spec();
      assertThatThrownBy(() -> docker.containers().run(spec, PullPolicy.NEVER))
          .isInstanceOf(UnsupportedApiVersionException.class)
          .hasMessageStartingWith(words[0] + " (")
          .hasMessageContaining("needs Engine API 1.41 or newer; this engine is spoken to in API"
              + " 1.40 (POST /containers/create was not sent)");
    }
    assertThat(unpinned.containers().ids(mine)).isEmpty();
    // the same setting at 1.41 is sent and taken
    try (DockerClient docker = pinned("1.41")) {
      ContainerSpec spec = DockerRun.parse(List.of("docker", "create", "--name", name,
          "--label", TestEngine.LABEL + "=true", words[0], words[1], TestEngine.IMAGE,
          "sleep", "5")).spec();
      containers.add(docker.containers().create(spec).id());
    }
    assertThat(unpinned.containers().ids(mine)).hasSize(1);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
