package dev.berth.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ConflictException;
import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ExecResult;
import dev.berth.model.Mount;
import dev.berth.model.NetworkDetails;
import dev.berth.model.PruneResult;
import dev.berth.model.VolumeDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** User-defined networks and named volumes against the real engine. */
@Timeout(120)
class NetworksAndVolumesIT {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Container> containers = new ArrayList<>();
  private final List<String> networks = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();
  private DockerClient docker;

  @BeforeEach
  void connect() {
    docker = TestEngine.client();
  }

  @AfterEach
  void cleanUp() {
    for (Container c : containers) {
      try {
        c.remove(RemoveOptions.force().withVolumes(true));
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    for (String n : networks) {
      try {
        docker.networks().remove(n);
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    for (String v : volumes) {
      try {
        docker.volumes().remove(v, true);
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    docker.close();
  }

  private Container run(ContainerSpec spec) {
    Container c = docker.containers().run(spec.label(TestEngine.LABEL, "true"), PullPolicy.NEVER);
    containers.add(c);
    return c;
  }

  @Test
  void containersTalkByNameAndAliasOverAUserDefinedNetwork() {
    String name = "berth-it-" + run;
    NetworkDetails net = docker.networks().create(NetworkSpec.named(name)
        .subnet("172.29.0.0/24").label(TestEngine.LABEL, "true"));
    networks.add(name);
    assertThat(net.name()).isEqualTo(name);
    assertThat(net.driver()).isEqualTo("bridge");
    assertThat(net.subnets()).containsExactly("172.29.0.0/24");

    Container web = run(ContainerSpec.of(TestEngine.IMAGE).name(name + "-web").networkMode(name)
        .networkAlias("www").command("sh", "-c", "mkdir /www && echo served by httpd > /www/index.html"
            + " && httpd -f -p 80 -h /www"));
    Container other = run(ContainerSpec.of(TestEngine.IMAGE).name(name + "-client")
        .command("sleep", "120"));
    // docker network connect --alias shop NET client
    docker.networks().connect(name, other.id(), List.of("shop"), null);
    ExecResult byName = other.exec("sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do"
        + " wget -q -O- http://" + name + "-web/ && exit 0; sleep 0.3; done; exit 1").call();
    assertThat(byName.exitCode()).isZero();
    assertThat(byName.stdout()).isEqualTo("served by httpd\n");
    assertThat(other.exec("wget", "-q", "-O-", "http://www/").call().stdout())
        .isEqualTo("served by httpd\n");
    assertThat(docker.networks().inspect(name).containers())
        .contains(web.id(), other.id());

    docker.networks().disconnect(name, other.id(), false);
    assertThat(docker.networks().inspect(name).containers()).doesNotContain(other.id());
    assertThat(docker.networks().list(Map.of("label", List.of(TestEngine.LABEL))))
        .extracting(NetworkDetails::name).contains(name);
    assertThatThrownBy(() -> docker.networks().create(NetworkSpec.named(name)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aNamedVolumeKeepsAFileForTheNextContainer() {
    String name = "berth-it-" + run;
    VolumeDetails v = docker.volumes().create(name, "local", Map.of(),
        Map.of(TestEngine.LABEL, "true"));
    volumes.add(name);
    assertThat(v.name()).isEqualTo(name);
    assertThat(v.labels()).containsEntry(TestEngine.LABEL, "true");

    Container writer = run(ContainerSpec.of(TestEngine.IMAGE)
        .mount(Mount.volume(name, "/data"))
        .command("sh", "-c", "echo kept across containers > /data/note"));
    assertThat(writer.waitFor().exitCode()).isZero();
    writer.remove();
    ExecResult read = docker.containers().runToExit(ContainerSpec.of(TestEngine.IMAGE)
        .mount(Mount.volume(name, "/data").readOnly()).autoRemove(true)
        .label(TestEngine.LABEL, "true").command("cat", "/data/note"));
    assertThat(read.stdout()).isEqualTo("kept across containers\n");

    Container user = run(ContainerSpec.of(TestEngine.IMAGE).mount(Mount.volume(name, "/data"))
        .command("sleep", "60"));
    assertThatThrownBy(() -> docker.volumes().remove(name, false))
        .isInstanceOf(ConflictException.class).hasMessageContaining("in use");
    user.remove(RemoveOptions.force());
    assertThat(docker.volumes().list(Map.of("label", List.of(TestEngine.LABEL))))
        .extracting(VolumeDetails::name).contains(name);
    docker.volumes().remove(name, false);
    assertThatThrownBy(() -> docker.volumes().inspect(name)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void prunesOnlyWhatCarriesTheRunsLabel() {
    String label = "dev.berth.test.prune=" + run;
    docker.networks().create(NetworkSpec.named("berth-it-prune-" + run)
        .label(TestEngine.LABEL, "true").label("dev.berth.test.prune", run));
    networks.add("berth-it-prune-" + run);
    PruneResult pn = docker.networks().prune(Map.of("label", List.of(label)));
    assertThat(pn.removed()).containsExactly("berth-it-prune-" + run);
    docker.volumes().create("berth-it-prune-" + run, null, Map.of(),
        Map.of(TestEngine.LABEL, "true", "dev.berth.test.prune", run));
    volumes.add("berth-it-prune-" + run);
    PruneResult pv = docker.volumes().prune(Map.of("label", List.of(label)));
    assertThat(pv.removed()).containsExactly("berth-it-prune-" + run);
  }
}
