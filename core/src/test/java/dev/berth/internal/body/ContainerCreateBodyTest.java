package dev.berth.internal.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.ApiVersion;
import dev.berth.model.DockerRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the create body puts settings whose place moved between API versions. */
class ContainerCreateBodyTest {
  @Test
  void aMacAddressMovesToTheNetworkEndpointFrom144() {
    var spec = DockerRun.parse("docker run --network shop --mac-address 02:42:ac:11:00:02 nginx")
        .spec();
    Map<String, Object> old = ContainerCreateBody.of(spec, ApiVersion.of(1, 41));
    assertThat(old).containsEntry("MacAddress", "02:42:ac:11:00:02")
        .doesNotContainKey("NetworkingConfig");

    Map<String, Object> current = ContainerCreateBody.of(spec, ApiVersion.of(1, 44));
    assertThat(current).doesNotContainKey("MacAddress");
    assertThat(current.get("NetworkingConfig")).isEqualTo(Map.of("EndpointsConfig",
        Map.of("shop", Map.of("MacAddress", "02:42:ac:11:00:02"))));
  }
}
