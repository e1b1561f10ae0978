package dev.berth.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.model.VolumeDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A volume created with labels and driver options, inspected back as typed values. */
@Timeout(60)
class VolumeInspectIT {
  private final String name = "berth-it-inspect-" + UUID.randomUUID().toString().substring(0, 8);
  private DockerClient docker;

  @BeforeEach
  void connect() {
    docker = TestEngine.client();
  }

  @AfterEach
  void cleanUp() {
    try {
      docker.volumes().remove(name, true);
    } catch (NotFoundException gone) {
      // removed by the test
    }
    docker.close();
  }

  @Test
  void theDriverLabelsOptionsAndCreationTimeReadBack() {
    Instant before = Instant.now().minus(Duration.ofMinutes(1)); // the engine's clock, seconds
    Map<String, String> options = Map.of("type", "tmpfs", "device", "tmpfs", "o", "nodev");
    VolumeDetails created = docker.volumes().create(name, "local", options,
        Map.of(TestEngine.LABEL, "true", "team", "web"));

    VolumeDetails v = docker.volumes().inspect(name);
    assertThat(v.name()).isEqualTo(name);
    assertThat(v.driver()).isEqualTo("local");
    assertThat(v.scope()).isEqualTo("local");
    assertThat(v.mountpoint()).isNotEmpty().isEqualTo(created.mountpoint());
    assertThat(v.labels()).containsOnly(Map.entry(TestEngine.LABEL, "true"),
        Map.entry("team", "web"));
    assertThat(v.options()).isEqualTo(options);
    assertThat(v.created()).isAfter(before).isBefore(Instant.now().plus(Duration.ofMinutes(1)));
    assertThat(v.usage()).isEmpty(); // only docker system df -v gives usage
    assertThat(v.status()).isNotNull();
  }
}
