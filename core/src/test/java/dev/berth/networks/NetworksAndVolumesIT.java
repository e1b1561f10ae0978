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

/**
 * User-defined networks and named volumes against the real engine. Containers talking over such a
 * network are berth-junit's {@code dev.berth.junit.core.NetworkedContainersIT}, with fixtures.
 */
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
  void aUserDefinedNetworkHasItsDriverAndSubnetAndItsNameIsTaken() {
    String name = "berth-it-" + run;
    NetworkDetails net = docker.networks().create(NetworkSpec.named(name)
        .subnet("172.29.0.0/24").label(TestEngine.LABEL, "true"));
    networks.add(name);
    assertThat(net.name()).isEqualTo(name);
    assertThat(net.driver()).isEqualTo("bridge");
    assertThat(net.subnets()).containsExactly("172.29.0.0/24");
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
        .isInstanceOf(ConflictException.class).message()
        .containsAnyOf("in use", "being used"); // dockerd: "volume is in use", Podman: "being used"
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
