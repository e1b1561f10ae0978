package dev.berth.internal.networks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.internal.http.Captured;
import dev.berth.model.NetworkDetails;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link NetworkCalls#toDetails} on answers captured from dockerd 20.10 and Podman 4.3. */
class NetworkDetailsDecodingTest {
  private static final String CONTAINER =
      "10b96b76371981024bb19a7d0317c4b0fd5cec616f363a284ba6470388d9c2e9";

  @Test
  void dockerdsAnswerHasItsIpamOptionsAndAttachedContainers() {
    NetworkDetails n = NetworkCalls.toDetails(Captured.json("dockerd-1.41/network.json"));
    assertThat(n.name()).isEqualTo("berth-capture-net-d");
    assertThat(n.created()).isEqualTo(Instant.parse("2026-12-07T12:18:16.421657552Z"));
    assertThat(n.driver()).isEqualTo("bridge");
    assertThat(n.scope()).isEqualTo("local");
    assertThat(n.internal()).isTrue();
    assertThat(n.attachable()).isTrue();
    assertThat(n.ipv6()).isFalse();
    assertThat(n.ipam()).isEqualTo(new NetworkDetails.Ipam("default", Map.of(),
        java.util.List.of(new NetworkDetails.IpamConfig("10.213.7.0/24", "10.213.7.1",
            "10.213.7.128/25", Map.of("router", "10.213.7.5")))));
    assertThat(n.subnets()).containsExactly("10.213.7.0/24");
    assertThat(n.options()).containsExactly(
        Map.entry("com.docker.network.bridge.enable_icc", "true"));
    assertThat(n.labels()).containsExactly(Map.entry("dev.berth.test", "true"),
        Map.entry("team", "web"));
    assertThat(n.containers()).containsExactly(CONTAINER);
    assertThat(n.endpoints().get(CONTAINER)).isEqualTo(new NetworkDetails.Endpoint(
        "berth-capture-ctr-d",
        "7075aa255d64926793d1106bab6d43428eea4ffac88f758fe33962d6bf01549f",
        "02:42:0a:d5:07:80", "10.213.7.128/24", ""));
    assertThat(n.raw()).containsKey("ConfigFrom");
  }

  @Test
  void podmansAnswerLeavesOutTheRangeAuxAddressesAndEndpointIdAndGivesIpamOptions() {
    NetworkDetails n = NetworkCalls.toDetails(Captured.json("podman-4.3/network.json"));
    assertThat(n.internal()).isTrue();
    assertThat(n.attachable()).isFalse();
    assertThat(n.ipam().options()).containsExactly(Map.entry("driver", "host-local"));
    NetworkDetails.IpamConfig pool = n.ipam().config().get(0);
    assertThat(pool.subnet()).isEqualTo("10.213.7.0/24");
    assertThat(pool.gateway()).isEqualTo("10.213.7.1");
    assertThat(pool.ipRange()).isEmpty();
    assertThat(pool.auxAddresses()).isEmpty();
    assertThat(n.options()).isEmpty();
    // no endpoint id, and the address is not from the range Podman dropped
    assertThat(n.endpoints().get(
        "53a54e8a25d4aec63d4e5ed326414220c091fd5137b0912a260234ea836242bc"))
        .isEqualTo(new NetworkDetails.Endpoint("berth-capture-ctr-p", "", "2a:fc:ba:e0:a4:a6",
            "10.213.7.132/24", ""));
  }

  @Test
  void missingAndNullFieldsReadAsEmptyNotNull() {
    NetworkDetails n = NetworkCalls.toDetails(Map.of("Id", "abc", "Name", "n",
        "IPAM", java.util.Collections.singletonMap("Config", null),
        "Containers", Map.of("c1", Map.of("Name", "web"))));
    assertThat(n.created()).isNull();
    assertThat(n.ipam().driver()).isEmpty();
    assertThat(n.ipam().config()).isEmpty();
    assertThat(n.subnets()).isEmpty();
    assertThat(n.labels()).isEmpty();
    assertThat(n.options()).isEmpty();
    assertThat(n.endpoints().get("c1"))
        .isEqualTo(new NetworkDetails.Endpoint("web", "", "", "", ""));
    NetworkDetails bare = NetworkCalls.toDetails(Map.of());
    assertThat(bare.ipam().config()).isEmpty();
    assertThat(bare.containers()).isEmpty();
  }
}
