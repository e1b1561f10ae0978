package dev.berth.networks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.PodmanGap;
import dev.berth.TestEngine;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.NetworkDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A network created with every setting NetworkSpec has, inspected back as typed values. */
@Timeout(120)
class NetworkInspectIT {
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<Container> containers = new ArrayList<>();
  private final List<String> networks = new ArrayList<>();
  private DockerClient docker;

  @BeforeEach
  void connect() {
    docker = TestEngine.client();
  }

  @AfterEach
  void cleanUp() {
    for (Container c : containers) {
      try {
        c.remove(RemoveOptions.force());
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
    docker.close();
  }

  private NetworkSpec spec(String name, String third) {
    return NetworkSpec.named(name).subnet("10.214." + third + ".0/24")
        .gateway("10.214." + third + ".1").ipRange("10.214." + third + ".128/25")
        .auxAddress("router", "10.214." + third + ".5")
        .internal(true).attachable(true)
        .option("com.docker.network.driver.mtu", "1400")
        .label(TestEngine.LABEL, "true").label("team", "web");
  }

  @Test
  void theSubnetGatewayLabelsAndAttachedContainersReadBack() {
    String name = "berth-it-inspect-" + run;
    NetworkDetails created = docker.networks().create(spec(name, "31"));
    networks.add(name);
    Container web = docker.containers().run(ContainerSpec.of(TestEngine.IMAGE)
        .label(TestEngine.LABEL, "true").networkMode(name).command("sleep", "60"), PullPolicy.NEVER);
    containers.add(web);

    NetworkDetails n = docker.networks().inspect(name);
    assertThat(n.id()).isEqualTo(created.id());
    assertThat(n.created()).isNotNull();
    assertThat(n.driver()).isEqualTo("bridge");
    assertThat(n.scope()).isEqualTo("local");
    assertThat(n.internal()).isTrue();
    assertThat(n.ipv6()).isFalse();
    assertThat(n.ipam().config()).hasSize(1);
    NetworkDetails.IpamConfig pool = n.ipam().config().get(0);
    assertThat(pool.subnet()).isEqualTo("10.214.31.0/24");
    assertThat(pool.gateway()).isEqualTo("10.214.31.1");
    assertThat(n.labels()).containsEntry(TestEngine.LABEL, "true").containsEntry("team", "web");

    assertThat(n.containers()).containsExactly(web.id());
    NetworkDetails.Endpoint e = n.endpoints().get(web.id());
    assertThat(e.name()).isEqualTo(web.inspect().name());
    assertThat(e.macAddress()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    assertThat(e.ipv4Address()).startsWith("10.214.31.").endsWith("/24");
    assertThat(e.ipv6Address()).isEmpty();
  }

  @Test
  void theRangeAuxAddressAttachableAndOptionsReadBack() {
    TestEngine.assumeNot(PodmanGap.NETWORK_READ_BACK);
    String name = "berth-it-inspect-" + run;
    docker.networks().create(spec(name, "32"));
    networks.add(name);
    Container web = docker.containers().run(ContainerSpec.of(TestEngine.IMAGE)
        .label(TestEngine.LABEL, "true").networkMode(name).command("sleep", "60"), PullPolicy.NEVER);
    containers.add(web);

    NetworkDetails n = docker.networks().inspect(name);
    assertThat(n.attachable()).isTrue();
    assertThat(n.ipam().driver()).isEqualTo("default");
    assertThat(n.ipam().config()).containsExactly(new NetworkDetails.IpamConfig("10.214.32.0/24",
        "10.214.32.1", "10.214.32.128/25", Map.of("router", "10.214.32.5")));
    assertThat(n.options()).containsEntry("com.docker.network.driver.mtu", "1400");
    // the first address of the range goes to the first container
    assertThat(n.endpoints().get(web.id()).ipv4Address()).isEqualTo("10.214.32.128/24");
    assertThat(n.endpoints().get(web.id()).endpointId()).isNotEmpty();
  }

  @Test
  void aListAnswerHasTheIpamToo() {
    String name = "berth-it-inspect-" + run;
    docker.networks().create(spec(name, "33"));
    networks.add(name);
    NetworkDetails listed = docker.networks().list(Map.of("name", List.of(name))).stream()
        .filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    assertThat(listed.subnets()).containsExactly("10.214.33.0/24");
    assertThat(listed.ipam().config().get(0).gateway()).isEqualTo("10.214.33.1");
  }
}
