package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.NotFoundException;
import dev.berth.PodmanGap;
import dev.berth.TestEngine;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerDetails.Config;
import dev.berth.model.ContainerDetails.Endpoint;
import dev.berth.model.ContainerDetails.Health;
import dev.berth.model.ContainerDetails.HealthProbe;
import dev.berth.model.ContainerDetails.HostConfig;
import dev.berth.model.ContainerDetails.MountPoint;
import dev.berth.model.ContainerDetails.Resources;
import dev.berth.model.ContainerOption;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import dev.berth.model.Link;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.model.PortMapping;
import dev.berth.model.RestartPolicy;
import dev.berth.networks.NetworkSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The typed inspect answer against the real engine: for each field group a container made with
 * the setting, inspected, and the typed value checked; and the round trip of a spec with every
 * typed setting the engine takes through create and inspect, compared with {@code equals}.
 */
class ContainerInspectIT extends ContainerTestSupport {
  private final List<String> networks = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();

  @AfterEach
  void removeNetworksAndVolumes() {
    // the containers first: they hold the networks and volumes (the later call finds them gone)
    removeWhatTheTestMade();
    for (String n : networks) {
      try {
        docker.networks().remove(n);
      } catch (NotFoundException gone) {
        // removed already
      }
    }
    for (String v : volumes) {
      try {
        docker.volumes().remove(v, true);
      } catch (NotFoundException gone) {
        // removed already
      }
    }
  }

  private String volume(String what) {
    String v = name(what);
    volumes.add(v);
    return v;
  }

  @Test
  void stateOfARunningAndAnExitedContainer() {
    Container c = run(busybox("sleep", "60"));
    ContainerDetails.State running = c.inspect().state();
    assertThat(running.status()).isEqualTo("running");
    assertThat(running.running()).isTrue();
    assertThat(running.paused() || running.restarting() || running.oomKilled() || running.dead())
        .isFalse();
    assertThat(running.pid()).isPositive();
    assertThat(running.startedAt()).isAfter(Instant.now().minusSeconds(120));
    assertThat(running.finishedAt()).isNull();
    assertThat(running.health()).isEmpty();

    c.pause();
    assertThat(c.inspect().state().paused()).isTrue();
    assertThat(c.inspect().state().status()).isEqualTo("paused");
    c.unpause();

    Container exited = run(busybox("sh", "-c", "exit 3"));
    exited.waitFor();
    ContainerDetails.State s = exited.inspect().state();
    assertThat(s.status()).isEqualTo("exited");
    assertThat(s.running()).isFalse();
    assertThat(s.exitCode()).isEqualTo(3);
    assertThat(s.pid()).isZero();
    assertThat(s.error()).isEmpty();
    // dockerd stamps StartedAt after the process runs: a quick exit can finish "before" it
    assertThat(s.finishedAt()).isAfter(s.startedAt().minusSeconds(1));
  }

  @Test
  void healthIsTypedOnceTheCheckRuns() throws InterruptedException {
    TestEngine.assumeNot(PodmanGap.HEALTH_CHECKS_NOT_RUN);
    Container c = run(busybox("sleep", "60")
        .healthcheck(Healthcheck.shell("echo probe-ok")
            .withInterval(Duration.ofMillis(300))
            .withTimeout(Duration.ofSeconds(5))
            .withRetries(3)));
    Instant deadline = Instant.now().plusSeconds(30);
    Optional<Health> health = c.inspect().state().health();
    while (!health.map(h -> h.status().equals("healthy")).orElse(false)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      health = c.inspect().state().health();
    }
    Health h = health.orElseThrow();
    assertThat(h.status()).isEqualTo("healthy");
    assertThat(h.failingStreak()).isZero();
    assertThat(h.log()).isNotEmpty();
    HealthProbe last = h.lastProbe().orElseThrow();
    assertThat(last.exitCode()).isZero();
    assertThat(last.output()).contains("probe-ok");
    assertThat(last.end()).isAfterOrEqualTo(last.start());

    // no check: no health
    assertThat(create(busybox("true")).inspect().state().health()).isEmpty();
  }

  @Test
  void configReadsBack() {
    Healthcheck check = Healthcheck.exec("/bin/true")
        .withInterval(Duration.ofSeconds(30))
        .withTimeout(Duration.ofSeconds(3))
        .withStartPeriod(Duration.ofSeconds(2))
        .withRetries(4);
    ContainerSpec spec = busybox("-c", "sleep 1")
        .entrypoint("/bin/sh")
        .env("A", "1")
        .env("EMPTY", "")
        .label("app", "web")
        .expose(ExposedPort.parse("7000-7001/udp"))
        .healthcheck(check)
        .user("1000:1000")
        .workingDir("/tmp")
        .hostname("confighost")
        .with(ContainerOption.DOMAINNAME, "example.org")
        .tty(true)
        .stdinOpen(true)
        .attach("stdin", "stdout", "stderr")
        .stopSignal("SIGUSR1")
        .stopTimeout(Duration.ofSeconds(4));
    Config c = create(spec).inspect().config();
    assertThat(c.entrypoint()).containsExactly("/bin/sh");
    assertThat(c.cmd()).containsExactly("-c", "sleep 1");
    assertThat(c.env()).containsAll(spec.env());
    assertThat(c.labels()).containsEntry("app", "web");
    assertThat(c.exposedPorts()).containsExactlyInAnyOrder(
        ExposedPort.of(7000, PortBinding.Protocol.UDP), ExposedPort.of(7001, PortBinding.Protocol.UDP));
    assertThat(c.healthcheck()).contains(check);
    assertThat(c.user()).isEqualTo("1000:1000");
    assertThat(c.workingDir()).isEqualTo("/tmp");
    assertThat(c.hostname()).isEqualTo("confighost");
    if (!TestEngine.isPodman()) {
      // Podman 4.3 leaves Config.Domainname empty in the inspect answer
      assertThat(c.domainname()).isEqualTo("example.org");
    }
    assertThat(c.tty()).isTrue();
    assertThat(c.openStdin()).isTrue();
    if (!TestEngine.isPodman()) {
      // Podman 4.3 writes StdinOnce false whatever it was sent
      assertThat(c.stdinOnce()).isTrue();
    }
    if (!TestEngine.isPodman()) {
      // Podman 4.3 writes the Attach flags false whatever it was sent
      assertThat(c.attach()).containsExactly("stdin", "stdout", "stderr");
    }
    assertThat(c.stopSignal()).isEqualTo("SIGUSR1");
    assertThat(c.stopTimeout()).contains(Duration.ofSeconds(4));
    assertThat(c.image()).isEqualTo(TestEngine.IMAGE);

    Config plain = create(busybox("true")).inspect().config();
    assertThat(plain.healthcheck()).isEmpty();
    assertThat(plain.attach()).isEmpty();
    assertThat(plain.tty()).isFalse();
  }

  @Test
  void hostConfigReadsBack() {
    ContainerSpec spec = busybox("true")
        .capAdd("NET_ADMIN")
        .capDrop("MKNOD")
        .extraHost("db.local", "10.0.0.2")
        .dns("1.1.1.1")
        .memory(64L << 20)
        .cpus(0.5)
        .init(true)
        .autoRemove(true)
        .with(ContainerOption.CPU_SHARES, 512L)
        .with(ContainerOption.PIDS_LIMIT, 100L)
        .with(ContainerOption.SECURITY_OPT, List.of("no-new-privileges"))
        .with(ContainerOption.LOG_DRIVER, "json-file")
        .with(ContainerOption.LOG_OPT, Map.of("max-size", "1m"))
        .with(ContainerOption.DNS_SEARCH, List.of("example.com"))
        .with(ContainerOption.READ_ONLY, true)
        .with(ContainerOption.SHM_SIZE, 32L << 20);
    if (!TestEngine.isPodman()) {
      spec = spec.device("/dev/null:/dev/mynull:rw");
    }
    HostConfig h = create(spec).inspect().hostConfig();
    assertThat(h.capAdd()).containsExactly("NET_ADMIN");
    assertThat(h.capDrop()).containsExactly("MKNOD");
    assertThat(h.extraHosts()).containsExactly("db.local:10.0.0.2");
    assertThat(h.dns()).containsExactly("1.1.1.1");
    assertThat(h.dnsSearch()).containsExactly("example.com");
    assertThat(h.securityOpt()).containsExactly("no-new-privileges");
    assertThat(h.logConfig().type()).isEqualTo("json-file");
    if (!TestEngine.isPodman()) {
      // Podman 4.3 keeps no log options in the inspect answer
      assertThat(h.logConfig().config()).isEqualTo(Map.of("max-size", "1m"));
      assertThat(h.resources().devices()).containsExactly("/dev/null:/dev/mynull:rw");
    }
    assertThat(h.init()).isTrue();
    assertThat(h.autoRemove()).isTrue();
    assertThat(h.readonlyRootfs()).isTrue();
    assertThat(h.shmSize()).isEqualTo(32L << 20);
    assertThat(h.restartPolicy()).isEqualTo(RestartPolicy.no());
    Resources r = h.resources();
    assertThat(r.memory()).isEqualTo(64L << 20);
    assertThat(r.nanoCpus()).isEqualTo(500_000_000L);
    assertThat(r.cpuShares()).isEqualTo(512);
    assertThat(r.pidsLimit()).isEqualTo(100);

    HostConfig privileged = create(busybox("true").privileged(true)
        .restart(RestartPolicy.unlessStopped())).inspect().hostConfig();
    assertThat(privileged.privileged()).isTrue();
    assertThat(privileged.restartPolicy()).isEqualTo(RestartPolicy.unlessStopped());
  }

  @Test
  void linksReadBackAsTheSpecSaidThem() {
    TestEngine.assumeNot(PodmanGap.LINKS);
    Container db = create(busybox("sleep", "60").name(name("db")));
    Link link = Link.of(name("db"), "database");
    HostConfig h = create(busybox("true").name(name("web")).link(link)).inspect().hostConfig();
    assertThat(h.links()).containsExactly(link);
    assertThat(db.id()).isNotEmpty();
  }

  @Test
  void networkSettingsOnAUserNetwork() {
    int third = ThreadLocalRandom.current().nextInt(100, 200);
    String net = name("net");
    docker.networks().create(NetworkSpec.named(net).subnet("172.29." + third + ".0/24")
        .label(TestEngine.LABEL, "true"));
    networks.add(net);
    String ip = "172.29." + third + ".10";
    Container c = run(busybox("sleep", "60")
        .networkMode(net)
        .networkAlias("web")
        .with(ContainerOption.IP, ip)
        .publish(PortBinding.parse("127.0.0.1::80")));
    ContainerDetails d = c.inspect();
    // Podman 4.3 writes NetworkMode "bridge" for a container on a user network
    assertThat(d.hostConfig().networkMode()).isIn(net, TestEngine.isPodman() ? "bridge" : net);
    if (TestEngine.isPodman()) {
      // Podman 4.3 writes the host port it chose into HostConfig.PortBindings
      assertThat(d.hostConfig().portBindings()).singleElement()
          .extracting(PortBinding::hostIp, PortBinding::containerPortStart)
          .containsExactly("127.0.0.1", 80);
    } else {
      assertThat(d.hostConfig().portBindings())
          .containsExactly(PortBinding.parse("127.0.0.1::80"));
    }
    Endpoint e = d.networkSettings().networks().get(net);
    assertThat(e).isNotNull();
    assertThat(e.ipAddress()).isEqualTo(ip);
    assertThat(e.ipPrefixLen()).isEqualTo(24);
    assertThat(e.gateway()).startsWith("172.29." + third + ".");
    assertThat(e.macAddress()).isNotEmpty();
    assertThat(e.aliases()).contains("web");
    assertThat(e.networkId()).isNotEmpty();
    if (!TestEngine.isPodman()) {
      // Podman 4.3 writes IPAMConfig null
      assertThat(e.ipamIPv4Address()).isEqualTo(ip);
    }
    List<PortMapping> ports = d.networkSettings().ports();
    assertThat(ports).hasSize(1);
    PortMapping p = ports.get(0);
    assertThat(p.containerPort()).isEqualTo(80);
    assertThat(p.protocol()).isEqualTo("tcp");
    assertThat(p.hostIp()).isEqualTo("127.0.0.1");
    assertThat(p.hostPort()).isPositive();
    assertThat(c.ports()).isEqualTo(ports);
  }

  @Test
  void mountsReadBack() {
    String vol = volume("vol");
    ContainerSpec spec = busybox("true")
        .mount(Mount.bind("/tmp", "/host-tmp").readOnly())
        .mount(Mount.volume(vol, "/data"))
        .mount(Mount.tmpfs("/run2"));
    ContainerDetails d = create(spec).inspect();
    assertThat(d.hostConfig().binds()).containsExactly(
        Mount.bind("/tmp", "/host-tmp").readOnly(), Mount.volume(vol, "/data"));
    assertThat(d.hostConfig().tmpfs()).containsExactly(Mount.tmpfs("/run2"));
    MountPoint bind = d.mounts().stream().filter(m -> m.type().equals("bind")).findFirst()
        .orElseThrow();
    assertThat(bind.source()).isEqualTo("/tmp");
    assertThat(bind.destination()).isEqualTo("/host-tmp");
    assertThat(bind.rw()).isFalse();
    // the default is rprivate; dockerd gives rslave when the host's /tmp is a shared mount
    assertThat(bind.propagation()).isIn("rprivate", "rslave");
    MountPoint volume = d.mounts().stream().filter(m -> m.type().equals("volume")).findFirst()
        .orElseThrow();
    assertThat(volume.name()).isEqualTo(vol);
    assertThat(volume.driver()).isEqualTo("local");
    assertThat(volume.destination()).isEqualTo("/data");
    assertThat(volume.rw()).isTrue();
    assertThat(volume.source()).endsWith("/_data");
  }

  @Test
  void sizesOnlyWhenAskedFor() {
    Container c = run(busybox("sh", "-c", "echo hello > /written; sleep 60"));
    ContainerDetails plain = c.inspect();
    assertThat(plain.sizeRw()).isEmpty();
    assertThat(plain.sizeRootFs()).isEmpty();
    Instant deadline = Instant.now().plusSeconds(10);
    ContainerDetails sized = c.inspect(true);
    while (sized.sizeRw().orElse(0) == 0 && Instant.now().isBefore(deadline)) {
      sized = c.inspect(true);
    }
    assertThat(sized.sizeRw()).isPresent();
    assertThat(sized.sizeRw().getAsLong()).isPositive();
    assertThat(sized.sizeRootFs().getAsLong()).isGreaterThan(sized.sizeRw().getAsLong());
  }

  /** Every typed setting rootful dockerd takes, through create and inspect, compared with equals. */
  @Test
  void roundTripOfEveryTypedSetting() {
    TestEngine.assumeNot(PodmanGap.LINKS);
    String vol = volume("rt");
    String vol2 = volume("rt2");
    Container db = create(busybox("sleep", "60").name(name("rtdb"))
        .mount(Mount.anonymousVolume("/shared")));
    ContainerSpec spec = ContainerSpec.of(TestEngine.IMAGE)
        .name(name("rt"))
        .entrypoint("/bin/sh")
        .command("-c", "sleep 60")
        .env("A", "1")
        .env("B", "two=2")
        .label(TestEngine.LABEL, "true")
        .label("app", "web")
        .publish(PortBinding.parse("127.0.0.1:18181:80"))
        .publish(PortBinding.parse("53/udp"))
        .publish(PortBinding.parse("[::1]::443"))
        .expose(ExposedPort.of(9000))
        .mount(Mount.parseVolumeFlag("/tmp:/host-tmp:ro"))
        .mount(Mount.volume(vol, "/data"))
        .mount(Mount.anonymousVolume("/anon"))
        .mount(Mount.parseMountFlag("type=bind,source=/tmp,target=/b2,readonly,"
            + "bind-propagation=rslave"))
        .mount(Mount.parseMountFlag("type=volume,source=" + vol2 + ",target=/v2,volume-nocopy,"
            + "volume-label=team=db"))
        .mount(Mount.parseMountFlag("type=tmpfs,target=/scratch,tmpfs-size=1m,tmpfs-mode=1770"))
        .mount(Mount.parseTmpfsFlag("/run2:size=64k"))
        .link(Link.of(name("rtdb"), "db"))
        .restart(RestartPolicy.onFailure(3))
        .healthcheck(Healthcheck.shell("true")
            .withInterval(Duration.ofSeconds(1))
            .withTimeout(Duration.ofSeconds(2))
            .withStartPeriod(Duration.ofSeconds(3))
            .withRetries(2))
        .workingDir("/tmp")
        .user("0:0")
        .hostname("rthost")
        .tty(true)
        .stdinOpen(true)
        .attach("stdin", "stdout", "stderr")
        .networkMode("bridge")
        .extraHost("db.local", "10.0.0.2")
        .dns("1.1.1.1")
        .memory(64L << 20)
        .cpus(0.5)
        .privileged(true)
        .capAdd("NET_ADMIN")
        .capDrop("MKNOD")
        .device("/dev/null:/dev/mynull:rw")
        .stopSignal("SIGINT")
        .stopTimeout(Duration.ofSeconds(7))
        .init(true)
        .with(ContainerOption.DOMAINNAME, "example.org")
        .with(ContainerOption.GROUP_ADD, List.of("audio"))
        .with(ContainerOption.READ_ONLY, true)
        .with(ContainerOption.SECURITY_OPT, List.of("no-new-privileges"))
        .with(ContainerOption.LOG_DRIVER, "json-file")
        .with(ContainerOption.LOG_OPT, Map.of("max-size", "1m"))
        .with(ContainerOption.DNS_SEARCH, List.of("example.com"))
        .with(ContainerOption.DNS_OPTION, List.of("ndots:2"))
        .with(ContainerOption.OOM_SCORE_ADJ, 100L)
        .with(ContainerOption.SHM_SIZE, 128L << 20)
        .with(ContainerOption.SYSCTL, Map.of("net.ipv4.ip_forward", "1"))
        .with(ContainerOption.IPC, "shareable")
        .with(ContainerOption.CGROUPNS, "private")
        .with(ContainerOption.RUNTIME, "runc")
        .with(ContainerOption.VOLUMES_FROM, List.of(name("rtdb") + ":ro"))
        .with(ContainerOption.VOLUME_DRIVER, "local")
        .with(ContainerOption.CPU_SHARES, 512L)
        .with(ContainerOption.CPUSET_CPUS, "0")
        .with(ContainerOption.MEMORY_RESERVATION, 32L << 20)
        .with(ContainerOption.MEMORY_SWAP, 256L << 20)
        .with(ContainerOption.PIDS_LIMIT, 100L)
        .with(ContainerOption.ULIMIT, List.of("nofile=1024:2048", "nproc=512"))
        .with(ContainerOption.DEVICE_CGROUP_RULE, List.of("c 1:3 mr"));
    ContainerDetails d = create(spec).inspect();
    assertThat(db.id()).isNotEmpty();
    Config c = d.config();
    HostConfig h = d.hostConfig();
    Resources r = h.resources();

    assertThat(d.name()).isEqualTo(spec.name());
    assertThat(d.image()).isEqualTo(spec.image().familiar());
    assertThat(c.entrypoint()).isEqualTo(spec.entrypoint());
    assertThat(c.cmd()).isEqualTo(spec.command());
    assertThat(c.env()).isEqualTo(spec.env());
    assertThat(c.labels()).isEqualTo(spec.labels());
    assertThat(c.healthcheck()).contains(spec.healthcheck());
    assertThat(c.workingDir()).isEqualTo(spec.workingDir());
    assertThat(c.user()).isEqualTo(spec.user());
    assertThat(c.hostname()).isEqualTo(spec.hostname());
    assertThat(c.domainname()).isEqualTo(spec.get(ContainerOption.DOMAINNAME));
    assertThat(c.tty()).isEqualTo(spec.tty());
    assertThat(c.openStdin()).isEqualTo(spec.stdinOpen());
    assertThat(c.attach()).isEqualTo(spec.attach());
    assertThat(c.stopSignal()).isEqualTo(spec.stopSignal());
    assertThat(c.stopTimeout()).contains(spec.stopTimeout());
    List<String> exposedKeys = new ArrayList<>();
    c.exposedPorts().forEach(p -> exposedKeys.addAll(p.keys()));
    List<String> specKeys = new ArrayList<>();
    spec.exposedPorts().forEach(p -> specKeys.addAll(p.keys()));
    spec.ports().forEach(p -> p.expand().forEach(e -> specKeys.add(e.containerPort())));
    assertThat(exposedKeys).containsExactlyInAnyOrderElementsOf(specKeys);

    assertThat(h.portBindings()).containsExactlyInAnyOrderElementsOf(spec.ports());
    assertThat(h.binds()).isEqualTo(spec.mounts().stream()
        .filter(m -> m.syntax() == Mount.Syntax.VOLUME_FLAG && !m.isAnonymous()).toList());
    assertThat(h.mounts()).isEqualTo(spec.mounts().stream()
        .filter(m -> m.syntax() == Mount.Syntax.MOUNT_FLAG).toList());
    assertThat(h.tmpfs()).isEqualTo(spec.mounts().stream()
        .filter(m -> m.syntax() == Mount.Syntax.TMPFS_FLAG).toList());
    assertThat(c.volumes()).containsExactly("/anon");
    assertThat(h.links()).isEqualTo(spec.links());
    assertThat(h.restartPolicy()).isEqualTo(spec.restartPolicy());
    assertThat(h.networkMode()).isEqualTo(spec.networkMode());
    assertThat(h.extraHosts()).isEqualTo(spec.extraHosts());
    assertThat(h.dns()).isEqualTo(spec.dns());
    assertThat(h.dnsSearch()).isEqualTo(spec.get(ContainerOption.DNS_SEARCH));
    assertThat(h.dnsOptions()).isEqualTo(spec.get(ContainerOption.DNS_OPTION));
    assertThat(h.privileged()).isEqualTo(spec.privileged());
    assertThat(h.capAdd()).isEqualTo(spec.capAdd());
    assertThat(h.capDrop()).isEqualTo(spec.capDrop());
    assertThat(h.init()).isEqualTo(spec.init());
    assertThat(h.autoRemove()).isEqualTo(spec.autoRemove());
    assertThat(h.publishAllPorts()).isEqualTo(spec.publishAllPorts());
    assertThat(h.groupAdd()).isEqualTo(spec.get(ContainerOption.GROUP_ADD));
    assertThat(h.readonlyRootfs()).isTrue();
    assertThat(h.securityOpt()).isEqualTo(spec.get(ContainerOption.SECURITY_OPT));
    assertThat(h.logConfig().type()).isEqualTo(spec.get(ContainerOption.LOG_DRIVER));
    assertThat(h.logConfig().config()).isEqualTo(spec.get(ContainerOption.LOG_OPT));
    assertThat(h.oomScoreAdj()).isEqualTo(spec.get(ContainerOption.OOM_SCORE_ADJ));
    assertThat(h.shmSize()).isEqualTo(spec.get(ContainerOption.SHM_SIZE));
    assertThat(h.sysctls()).isEqualTo(spec.get(ContainerOption.SYSCTL));
    assertThat(h.ipcMode()).isEqualTo(spec.get(ContainerOption.IPC));
    assertThat(h.cgroupnsMode()).isEqualTo(spec.get(ContainerOption.CGROUPNS));
    assertThat(h.runtime()).isEqualTo(spec.get(ContainerOption.RUNTIME));
    assertThat(h.volumesFrom()).isEqualTo(spec.get(ContainerOption.VOLUMES_FROM));
    assertThat(h.volumeDriver()).isEqualTo(spec.get(ContainerOption.VOLUME_DRIVER));
    assertThat(r.memory()).isEqualTo(spec.memory());
    assertThat(r.nanoCpus()).isEqualTo(spec.nanoCpus());
    assertThat(r.devices()).isEqualTo(spec.devices());
    assertThat(r.cpuShares()).isEqualTo(spec.get(ContainerOption.CPU_SHARES));
    assertThat(r.cpusetCpus()).isEqualTo(spec.get(ContainerOption.CPUSET_CPUS));
    assertThat(r.memoryReservation()).isEqualTo(spec.get(ContainerOption.MEMORY_RESERVATION));
    assertThat(r.memorySwap()).isEqualTo(spec.get(ContainerOption.MEMORY_SWAP));
    assertThat(r.pidsLimit()).isEqualTo(spec.get(ContainerOption.PIDS_LIMIT));
    assertThat(r.ulimits()).isEqualTo(spec.get(ContainerOption.ULIMIT));
    assertThat(r.deviceCgroupRules()).isEqualTo(spec.get(ContainerOption.DEVICE_CGROUP_RULE));
  }
}
