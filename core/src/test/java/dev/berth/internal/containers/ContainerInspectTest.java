package dev.berth.internal.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.internal.http.Json;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerDetails.Endpoint;
import dev.berth.model.ContainerDetails.Health;
import dev.berth.model.ContainerDetails.HostConfig;
import dev.berth.model.ContainerDetails.MountPoint;
import dev.berth.model.EnvVar;
import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import dev.berth.model.Link;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.model.PortMapping;
import dev.berth.model.RestartPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Decodes inspect answers captured from dockerd 20.10 (API 1.41) and Podman 4.3, both of a
 * container made with the same {@code docker create} line (see the resources' README), and answers
 * with every field left out.
 */
class ContainerInspectTest {
  private static final Healthcheck CHECK = Healthcheck.shell("true")
      .withInterval(Duration.ofSeconds(1))
      .withTimeout(Duration.ofSeconds(2))
      .withStartPeriod(Duration.ofSeconds(1))
      .withRetries(2);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String name) throws IOException {
    try (InputStream in = ContainerInspectTest.class.getResourceAsStream("/inspect/" + name)) {
      return (Map<String, Object>) Json.read(in);
    }
  }

  @Test
  void dockerdAnswerReadsAsTheSpecSaidIt() throws IOException {
    ContainerDetails d = ContainerInspect.details(json("dockerd-20.10-api-1.41.json"), true);

    assertThat(d.name()).isEqualTo("berth-cap-docker");
    assertThat(d.image()).isEqualTo("berth-test/busybox:latest");
    assertThat(d.command()).containsExactly("/bin/sh", "-c", "sleep 300");
    assertThat(d.sizeRw()).isEqualTo(OptionalLong.of(0));
    assertThat(d.sizeRootFs()).isEqualTo(OptionalLong.of(1984172));

    ContainerDetails.State s = d.state();
    assertThat(s.status()).isEqualTo("running");
    assertThat(s.running()).isTrue();
    assertThat(s.paused() || s.restarting() || s.oomKilled() || s.dead()).isFalse();
    assertThat(s.pid()).isEqualTo(18380);
    assertThat(s.error()).isEmpty();
    assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-12-07T12:16:54.177623141Z"));
    assertThat(s.finishedAt()).isNull();
    Health h = s.health().orElseThrow();
    assertThat(h.status()).isEqualTo("healthy");
    assertThat(h.failingStreak()).isZero();
    assertThat(h.log()).hasSize(3);
    assertThat(h.lastProbe().orElseThrow().exitCode()).isZero();
    assertThat(h.log().get(0).start()).isEqualTo(Instant.parse("2026-12-07T12:16:55.178754629Z"));
    assertThat(h.log().get(0).end()).isEqualTo(Instant.parse("2026-12-07T12:16:55.268250695Z"));
    assertThat(h.log().get(0).output()).isEmpty();

    ContainerDetails.Config c = d.config();
    assertThat(c.hostname()).isEqualTo("caphost");
    assertThat(c.user()).isEqualTo("0:0");
    assertThat(c.workingDir()).isEqualTo("/tmp");
    assertThat(c.tty()).isTrue();
    assertThat(c.openStdin()).isTrue();
    assertThat(c.attach()).containsExactly("stdin", "stdout", "stderr");
    assertThat(c.env()).containsExactly(EnvVar.of("A", "1"), EnvVar.of("B", "two"));
    assertThat(d.env()).containsExactly("A=1", "B=two");
    assertThat(c.cmd()).containsExactly("-c", "sleep 300");
    assertThat(c.entrypoint()).containsExactly("/bin/sh");
    assertThat(c.exposedPorts()).containsExactly(ExposedPort.of(53, PortBinding.Protocol.UDP),
        ExposedPort.of(80), ExposedPort.of(9000));
    assertThat(c.healthcheck()).contains(CHECK);
    assertThat(c.labels()).containsEntry("app", "web").containsEntry("dev.berth.test", "true");
    assertThat(d.labels()).isEqualTo(c.labels());
    assertThat(c.stopSignal()).isEqualTo("SIGINT");
    assertThat(c.stopTimeout()).contains(Duration.ofSeconds(7));
    assertThat(c.volumes()).isEmpty();

    HostConfig host = d.hostConfig();
    assertThat(host.binds()).containsExactly(Mount.parseVolumeFlag("/tmp:/host-tmp:ro"),
        Mount.volume("berth-cap-vol-docker", "/data"));
    assertThat(host.mounts())
        .containsExactly(Mount.parseMountFlag("type=tmpfs,target=/scratch,tmpfs-size=1m"));
    assertThat(host.tmpfs()).containsExactly(Mount.parseTmpfsFlag("/run2:size=64k"));
    assertThat(host.allMounts()).hasSize(4);
    assertThat(host.portBindings()).containsExactlyInAnyOrder(
        PortBinding.parse("127.0.0.1:18080:80"), PortBinding.parse("53/udp"));
    assertThat(host.restartPolicy()).isEqualTo(RestartPolicy.onFailure(3));
    assertThat(host.networkMode()).isEqualTo("default");
    assertThat(host.links()).containsExactly(Link.parse("berth-cap-db-docker:db"));
    assertThat(host.capAdd()).containsExactly("NET_ADMIN");
    assertThat(host.capDrop()).containsExactly("MKNOD");
    assertThat(host.securityOpt()).containsExactly("no-new-privileges");
    assertThat(host.logConfig().type()).isEqualTo("json-file");
    assertThat(host.logConfig().config()).isEqualTo(Map.of("max-size", "1m"));
    assertThat(host.extraHosts()).containsExactly("db.local:10.0.0.2");
    assertThat(host.dns()).containsExactly("1.1.1.1");
    assertThat(host.dnsSearch()).containsExactly("example.com");
    assertThat(host.dnsOptions()).isEmpty();
    assertThat(host.groupAdd()).isEmpty();
    assertThat(host.init()).isTrue();
    assertThat(host.privileged()).isFalse();
    assertThat(host.cgroupnsMode()).isEqualTo("host");
    assertThat(host.runtime()).isEqualTo("runc");
    assertThat(host.shmSize()).isEqualTo(64L << 20);
    ContainerDetails.Resources r = host.resources();
    assertThat(r.memory()).isEqualTo(64L << 20);
    assertThat(r.memorySwap()).isEqualTo(128L << 20);
    assertThat(r.memorySwappiness()).isEmpty();
    assertThat(r.nanoCpus()).isEqualTo(500_000_000L);
    assertThat(r.cpuShares()).isEqualTo(512);
    assertThat(r.pidsLimit()).isEqualTo(100);
    assertThat(r.devices()).containsExactly("/dev/null:/dev/mynull:rw");
    assertThat(r.ulimits()).isEmpty();
    assertThat(r.blkioWeightDevice()).isEmpty();

    assertThat(d.networkSettings().ports()).containsExactlyInAnyOrder(
        new PortMapping(53, "udp", "0.0.0.0", 32770), new PortMapping(53, "udp", "::", 32770),
        new PortMapping(80, "tcp", "127.0.0.1", 18080));
    Endpoint bridge = d.networkSettings().networks().get("bridge");
    assertThat(bridge.ipAddress()).isEqualTo("172.17.0.4");
    assertThat(bridge.ipPrefixLen()).isEqualTo(16);
    assertThat(bridge.gateway()).isEqualTo("172.17.0.1");
    assertThat(bridge.macAddress()).isEqualTo("02:42:ac:11:00:04");
    assertThat(bridge.networkId()).startsWith("ea7cd8be");
    assertThat(bridge.aliases()).isEmpty();
    assertThat(bridge.links()).isEmpty();
    assertThat(bridge.ipamIPv4Address()).isEmpty();

    assertThat(d.mounts()).containsExactly(
        new MountPoint("tmpfs", "", "", "/scratch", "", "", true, ""),
        new MountPoint("bind", "", "/tmp", "/host-tmp", "", "ro", false, "rslave"),
        new MountPoint("volume", "berth-cap-vol-docker",
            "/tmp/berth-engine/data/volumes/berth-cap-vol-docker/_data", "/data", "local", "z",
            true, ""));
  }

  @Test
  void podmanAnswerReadsAsTheSpecSaidIt() throws IOException {
    ContainerDetails d = ContainerInspect.details(json("podman-4.3-api-1.41.json"), true);

    assertThat(d.image()).isEqualTo("berth-test/busybox:latest");
    assertThat(d.state().status()).isEqualTo("created");
    assertThat(d.state().startedAt()).isNull();
    // {"Status":"","FailingStreak":0,"Log":null}: no health state yet
    assertThat(d.state().health()).isEmpty();
    assertThat(d.sizeRw()).isEqualTo(OptionalLong.of(12));

    ContainerDetails.Config c = d.config();
    assertThat(c.healthcheck()).contains(CHECK);
    assertThat(c.stopSignal()).isEqualTo("SIGINT");
    assertThat(c.env()).contains(EnvVar.of("A", "1"), EnvVar.of("B", "two"));
    assertThat(c.attach()).isEmpty();

    HostConfig host = d.hostConfig();
    // Podman writes ro,rprivate,rbind and rw,rprivate,nosuid,nodev,rbind
    assertThat(host.binds()).containsExactly(Mount.parseVolumeFlag("/tmp:/host-tmp:ro"),
        Mount.volume("berth-cap-vol-podman", "/data"));
    // Podman keeps --mount type=tmpfs in Tmpfs, with its defaults after the options
    assertThat(host.mounts()).isEmpty();
    assertThat(host.tmpfs()).containsExactly(Mount.parseTmpfsFlag("/run2:size=64k"),
        Mount.parseTmpfsFlag("/scratch:size=1048576"));
    // the -p 53/udp host port is the one Podman chose at create time; --expose 9000 is null
    assertThat(host.portBindings()).containsExactlyInAnyOrder(
        PortBinding.parse("127.0.0.1:18081:80"), PortBinding.parse("45189:53/udp"));
    assertThat(host.links()).isEmpty();
    assertThat(host.capAdd()).containsExactly("NET_ADMIN");
    assertThat(host.logConfig().config()).isEmpty();
    assertThat(host.restartPolicy()).isEqualTo(RestartPolicy.onFailure(3));
    assertThat(host.resources().memorySwappiness()).isEmpty();
    assertThat(host.resources().pidsLimit()).isEqualTo(100);
    assertThat(host.resources().devices()).isEmpty();

    Endpoint podman = d.networkSettings().networks().get("podman");
    assertThat(podman.networkId()).isEqualTo("podman");
    assertThat(podman.ipAddress()).isEmpty();
    assertThat(d.networkSettings().ports()).containsExactlyInAnyOrder(
        new PortMapping(53, "udp", "", 45189), new PortMapping(80, "tcp", "127.0.0.1", 18081));
    assertThat(d.mounts()).extracting(MountPoint::type).containsExactly("volume", "bind");
  }

  @Test
  void sizesOnlyWhenAskedFor() throws IOException {
    // Podman writes SizeRootFs: 0 also without ?size=1
    ContainerDetails d = ContainerInspect.details(json("podman-4.3-api-1.41.json"), false);
    assertThat(d.sizeRw()).isEmpty();
    assertThat(d.sizeRootFs()).isEmpty();
  }

  @Test
  void missingAndNullFieldsReadAsEmpty() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("Id", "abc");
    json.put("State", null);
    json.put("HostConfig", Map.of("Binds", List.of(), "PortBindings", Map.of()));
    json.put("Mounts", null);
    ContainerDetails d = ContainerInspect.details(json, true);

    assertThat(d.state().status()).isEmpty();
    assertThat(d.state().health()).isEmpty();
    assertThat(d.config().env()).isEmpty();
    assertThat(d.config().healthcheck()).isEmpty();
    assertThat(d.config().stopTimeout()).isEmpty();
    assertThat(d.config().image()).isEmpty();
    assertThat(d.env()).isEmpty();
    assertThat(d.labels()).isEmpty();
    assertThat(d.hostConfig().restartPolicy()).isEqualTo(RestartPolicy.no());
    assertThat(d.hostConfig().allMounts()).isEmpty();
    assertThat(d.hostConfig().logConfig().type()).isEmpty();
    assertThat(d.hostConfig().resources().memorySwappiness()).isEmpty();
    assertThat(d.networkSettings().networks()).isEmpty();
    assertThat(d.networkSettings().ports()).isEmpty();
    assertThat(d.mounts()).isEmpty();
    assertThat(d.sizeRw()).isEmpty();
  }

  @Test
  void oddEntriesAreLeftOutNotThrown() {
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("Binds", List.of("relative:path:with:colons", "/a:/b"));
    host.put("PortBindings", Map.of("80/tcp", List.of(Map.of("HostIp", "x", "HostPort", "y"))));
    host.put("Links", java.util.Arrays.asList("/db:/web/db", null, "bad link"));
    host.put("RestartPolicy", Map.of("Name", "sometimes"));
    ContainerDetails d = ContainerInspect.details(Map.of("HostConfig", host,
        "Config", Map.of("Healthcheck", Map.of("Test", List.of("WHAT")), "Env", List.of("=x"))),
        false);
    assertThat(d.hostConfig().binds()).containsExactly(Mount.bind("/a", "/b"));
    assertThat(d.hostConfig().portBindings()).isEmpty();
    assertThat(d.hostConfig().links()).containsExactly(Link.of("db", "db"));
    assertThat(d.hostConfig().restartPolicy()).isEqualTo(RestartPolicy.no());
    assertThat(d.config().healthcheck()).isEqualTo(Optional.empty());
    assertThat(d.config().env()).isEmpty();
  }

  @Test
  void engineFormsReadAsTheSpecWroteThem() {
    assertThat(ContainerInspect.signal("15")).isEqualTo("SIGTERM");
    assertThat(ContainerInspect.signal("SIGUSR1")).isEqualTo("SIGUSR1");
    assertThat(ContainerInspect.signal("99")).isEqualTo("99");
    assertThat(ContainerInspect.device("/dev/fuse", "/dev/fuse", "rwm")).isEqualTo("/dev/fuse");
    assertThat(ContainerInspect.device("/dev/fuse", "/dev/fuse", "r")).isEqualTo("/dev/fuse:r");
    assertThat(ContainerInspect.device("/dev/a", "/dev/b", "rwm")).isEqualTo("/dev/a:/dev/b");
    assertThat(ContainerInspect.bindAsWritten("/a:/b:z,ro,rprivate,rbind")).isEqualTo("/a:/b:z,ro");
    assertThat(ContainerInspect.bindAsWritten("/a:/b:rw")).isEqualTo("/a:/b:rw");
    assertThat(ContainerInspect.tmpfsAsWritten("rw,rprivate,nosuid,nodev,tmpcopyup")).isEmpty();
    assertThat(ContainerInspect.healthcheck(Map.of("Test", List.of("NONE"))))
        .contains(Healthcheck.none());
    assertThat(ContainerInspect.restartPolicy(Map.of("Name", "on-failure",
        "MaximumRetryCount", 0))).isEqualTo(RestartPolicy.onFailure());
    assertThat(ContainerInspect.portBindings(Map.of("53/udp",
        List.of(Map.of("HostIp", "::1", "HostPort", "5353")))))
        .containsExactly(PortBinding.parse("[::1]:5353:53/udp"));
  }
}
