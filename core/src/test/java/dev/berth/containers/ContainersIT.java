package dev.berth.containers;

import dev.berth.PodmanGap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ConflictException;
import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.UnsupportedApiVersionException;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ContainerSummary;
import dev.berth.model.DockerRun;
import dev.berth.model.Link;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import dev.berth.model.RestartPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, get, inspect, list and remove against the real engine. */
class ContainersIT extends ContainerTestSupport {

  @Test
  void typedSpecCreatesWhatItSays() {
    ContainerSpec spec = ContainerSpec.of(TestEngine.IMAGE)
        .name(name("web"))
        .publish(PortBinding.parse("127.0.0.1:15000:5000"))
        .mount(Mount.bind("/tmp", "/opt/webapp").readOnly())
        .env("NAMESRV_ADDR", "namesrv:9876")
        .restart(RestartPolicy.onFailure(3))
        .workingDir("/opt/webapp")
        .command("sh", "-c", "echo hi");
    Container c = create(spec);

    ContainerDetails d = c.inspect();
    assertThat(d.id()).isEqualTo(c.id());
    assertThat(d.name()).isEqualTo(name("web"));
    assertThat(d.image()).isEqualTo(TestEngine.IMAGE);
    assertThat(d.command()).containsExactly("sh", "-c", "echo hi");
    assertThat(d.env()).contains("NAMESRV_ADDR=namesrv:9876");
    assertThat(d.labels()).containsEntry(TestEngine.LABEL, "true");
    assertThat(d.state().status()).isEqualTo("created");
    assertThat(d.state().running()).isFalse();
    assertThat(d.state().startedAt()).isNull();
    assertThat(d.created()).isNotNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> host = (Map<String, Object>) d.raw().get("HostConfig");
    // Podman writes its defaults for a bind (rprivate, rbind) after the mode
    assertThat(host.get("Binds")).isIn(List.of("/tmp:/opt/webapp:ro"),
        List.of("/tmp:/opt/webapp:ro,rprivate,rbind"));
    assertThat(host.get("RestartPolicy"))
        .isEqualTo(Map.of("Name", "on-failure", "MaximumRetryCount", 3));
    assertThat(host.get("PortBindings")).isEqualTo(
        Map.of("5000/tcp", List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "15000"))));
  }

  @Test
  void getFindsByNameAndIdPrefixAndMissingIsNotFound() {
    Container c = create(ContainerSpec.of(TestEngine.IMAGE).name(name("findme")));
    assertThat(docker.containers().get(name("findme")).id()).isEqualTo(c.id());
    assertThat(docker.containers().get("/" + name("findme")).id()).isEqualTo(c.id());
    assertThat(docker.containers().get(c.id().substring(0, 12)).id()).isEqualTo(c.id());
    assertThatThrownBy(() -> docker.containers().get(name("nobody")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContainingAll(name("nobody")).message().containsIgnoringCase("no such container");
  }

  @Test
  void takenNameIsConflictAndNothingHalfMadeIsLeft() {
    create(ContainerSpec.of(TestEngine.IMAGE).name(name("taken")));
    ListOptions mine = ListOptions.all().withLabel(TestEngine.LABEL).withFilter("name", run);
    int before = docker.containers().ids(mine).size();
    assertThatThrownBy(() -> create(ContainerSpec.of(TestEngine.IMAGE).name(name("taken"))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is already in use");
    assertThat(docker.containers().ids(mine)).hasSize(before);
  }

  @Test
  void missingImageIsNotFound() {
    assertThatThrownBy(() -> create(ContainerSpec.of("berth-test/no-such-image:" + run)))
        .isInstanceOf(NotFoundException.class)
        .message().containsIgnoringCase("No such image");
  }

  @Test
  void listSelectsLikeDockerPs() {
    Container a = create(ContainerSpec.of(TestEngine.IMAGE).name(name("a")));
    Container b = create(ContainerSpec.of(TestEngine.IMAGE).name(name("b")));
    ListOptions mine = ListOptions.all().withLabel(TestEngine.LABEL).withFilter("name", run);

    List<ContainerSummary> all = docker.containers().list(mine);
    assertThat(all).extracting(ContainerSummary::id).containsExactlyInAnyOrder(a.id(), b.id());
    ContainerSummary row = all.stream().filter(s -> s.id().equals(a.id())).findFirst().orElseThrow();
    assertThat(row.name()).isEqualTo(name("a"));
    assertThat(row.state()).isEqualTo("created");
    assertThat(row.image()).isEqualTo(TestEngine.IMAGE);
    assertThat(row.labels()).containsEntry(TestEngine.LABEL, "true");
    assertThat(row.shortId()).hasSize(12);

    // docker ps (running only) lists neither; ps -a -q lists both ids; -n 1 the newest.
    assertThat(docker.containers().list(ListOptions.running().withLabel(TestEngine.LABEL)
        .withFilter("name", run))).isEmpty();
    assertThat(docker.containers().ids(mine)).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(docker.containers().ids(mine.withLimit(1))).containsExactly(b.id());
    assertThat(docker.containers().list(ListOptions.all().withLabel(TestEngine.LABEL)
        .withFilter("name", name("a"))))
        .extracting(ContainerSummary::id).containsExactly(a.id());
  }

  @Test
  void removeTakesForceVolumesAndLink() {
    TestEngine.assumeNot(PodmanGap.LINKS);
    Container db = create(ContainerSpec.of(TestEngine.IMAGE).name(name("db")));
    Container web = create(ContainerSpec.of(TestEngine.IMAGE).name(name("web"))
        .link(Link.of(name("db"), "db")));
    assertThat(web.inspect().raw().get("HostConfig").toString())
        .contains("/" + name("db") + ":/" + name("web") + "/db");

    // docker rm -l /web/db removes only the link
    docker.containers().remove("/" + name("web") + "/db", RemoveOptions.link());
    assertThat(((Map<?, ?>) web.inspect().raw().get("HostConfig")).get("Links")).isNull();

    web.remove();
    assertThatThrownBy(web::inspect).isInstanceOf(NotFoundException.class);
    db.remove(RemoveOptions.force().withVolumes(true));
    assertThatThrownBy(() -> docker.containers().get(db.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void runningContainerIsRefusedWithoutForce() {
    Container c = create(ContainerSpec.of(TestEngine.IMAGE).command("sleep", "60"));
    docker.api().call("POST", "/containers/" + c.id() + "/start", Map.of(), null);
    assertThatThrownBy(c::remove).isInstanceOf(ConflictException.class)
        .message().containsAnyOf("force remove", "without force"); // dockerd, Podman
    c.remove(RemoveOptions.force());
    assertThatThrownBy(c::inspect).isInstanceOf(NotFoundException.class);
  }

  @Test
  void seedCommandLineCreatesThroughParse() {
    DockerRun run = DockerRun.parse("docker run -d -p 20180:80 -p 20122:22 --restart always"
        + " -v /data/gitlab/config:/etc/gitlab --name " + name("gitlab") + " " + TestEngine.IMAGE);
    assertThat(run.detached()).isTrue();
    Container c = create(run.spec());
    ContainerDetails d = c.inspect();
    assertThat(d.name()).isEqualTo(name("gitlab"));
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) d.raw().get("Config");
    assertThat(config.get("AttachStdout")).isEqualTo(false);
    assertThat(((Map<?, ?>) config.get("ExposedPorts")).keySet().stream().map(String::valueOf))
        .containsExactlyInAnyOrder("80/tcp", "22/tcp");
  }

  @Test
  void fieldNewerThanTheNegotiatedVersionFailsBeforeTheRequest() {
    try (DockerClient pinned = DockerClient.builder().apiVersion("1.40").build()) {
      ListOptions mine = ListOptions.all().withLabel(TestEngine.LABEL).withFilter("name", run);
      assertThatThrownBy(() -> pinned.containers().create(ContainerSpec.of(TestEngine.IMAGE)
          .label(TestEngine.LABEL, "true").name(name("platform")).platform("linux/amd64")))
          .isInstanceOf(UnsupportedApiVersionException.class)
          .hasMessageContaining("--platform")
          .hasMessageContaining("1.41")
          .hasMessageContaining("1.40");
      assertThat(docker.containers().ids(mine)).isEmpty();
    }
  }
}
