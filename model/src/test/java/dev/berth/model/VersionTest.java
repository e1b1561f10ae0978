package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionTest {
  private static Version of(Map<String, Object> raw, String platform) {
    return new Version("x", ApiVersion.of(1, 41), null, platform, null, null, "linux", "amd64",
        null, null, false, raw);
  }

  @Test
  void podmanAndDockerAreToldApartByTheirComponents() {
    // the first component of each, as dockerd 20.10 and Podman 4.3 send them
    Version podman = of(Map.of("Components", List.of(
        Map.of("Name", "Podman Engine", "Version", "4.3.1"),
        Map.of("Name", "Conmon", "Version", "conmon version 2.1.6"))), "linux/amd64/debian-12");
    assertThat(podman.kind()).isEqualTo(Version.Kind.PODMAN);
    assertThat(podman.components()).extracting(Version.Component::name)
        .containsExactly("Podman Engine", "Conmon");
    assertThat(podman.components().get(0).version()).isEqualTo("4.3.1");

    Version docker = of(Map.of("Components", List.of(
        Map.of("Name", "Engine", "Version", "20.10.24+dfsg1"),
        Map.of("Name", "containerd", "Version", "1.6.20"))), "");
    assertThat(docker.kind()).isEqualTo(Version.Kind.DOCKER);
  }

  @Test
  void withoutComponentsThePlatformNameDecides() {
    assertThat(of(Map.of(), "Docker Engine - Community").kind()).isEqualTo(Version.Kind.DOCKER);
    assertThat(of(Map.of(), null).kind()).isEqualTo(Version.Kind.OTHER);
    assertThat(of(Map.of("Components", "not a list"), null).components()).isEmpty();
  }
}
