package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.model.ApiVersion;
import dev.berth.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the builder reads its configuration; nothing here contacts an engine. */
class DockerClientBuilderTest {
  @TempDir Path home;

  private DockerClient build(Map<String, String> env) {
    return DockerClient.builder().environment(env).homeDirectory(home).build();
  }

  @Test
  void defaultsToTheSystemSocket() {
    try (DockerClient docker = build(Map.of())) {
      assertThat(docker.endpoint()).isEqualTo(Endpoint.DEFAULT);
    }
  }

  @Test
  void readsDockerHost() {
    try (DockerClient docker = build(Map.of("DOCKER_HOST", "unix:///run/other.sock"))) {
      assertThat(docker.endpoint()).isEqualTo(Endpoint.unix("/run/other.sock"));
    }
  }

  @Test
  void explicitEndpointWinsOverDockerHost() {
    try (DockerClient docker = DockerClient.builder()
        .environment(Map.of("DOCKER_HOST", "unix:///run/other.sock"))
        .endpoint("tcp://127.0.0.1:2375").build()) {
      assertThat(docker.endpoint()).isEqualTo(Endpoint.tcp("127.0.0.1", 2375));
    }
  }

  @Test
  void pinsVersionFromEnvironmentWithoutContactingTheEngine() {
    try (DockerClient docker = build(Map.of("DOCKER_HOST", "unix:///nonexistent.sock",
        "DOCKER_API_VERSION", "1.41"))) {
      assertThat(docker.apiVersion()).isEqualTo(ApiVersion.of(1, 41));
    }
  }

  @Test
  void badDockerHostIsQuoted() {
    assertThatThrownBy(() -> build(Map.of("DOCKER_HOST", "tcp://host:99999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCKER_HOST")
        .hasMessageContaining("\"tcp://host:99999\"");
  }

  @Test
  void badApiVersionIsQuoted() {
    assertThatThrownBy(() -> build(Map.of("DOCKER_API_VERSION", "latest")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCKER_API_VERSION")
        .hasMessageContaining("\"latest\"")
        .hasMessageContaining("MAJOR.MINOR");
  }

  @Test
  void apiVersionOutsideTheSupportedRangeIsRefused() {
    assertThatThrownBy(() -> build(Map.of("DOCKER_API_VERSION", "1.24")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.24")
        .hasMessageContaining("1.40 to 1.56");
    assertThatThrownBy(() -> DockerClient.builder().apiVersion("1.57"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.57");
  }

  @Test
  void tlsIsNeverQuietlyDroppedToPlainHttp() {
    assertThatThrownBy(() -> build(Map.of("DOCKER_HOST", "tcp://10.1.2.3:2376",
        "DOCKER_TLS_VERIFY", "1")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DOCKER_TLS_VERIFY")
        .hasMessageContaining("plain HTTP");
  }

  @Test
  void dockerContextIsNotQuietlyIgnored() {
    assertThatThrownBy(() -> build(Map.of("DOCKER_CONTEXT", "remote")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("\"remote\"")
        .hasMessageContaining("DOCKER_HOST");
  }

  @Test
  void currentContextInConfigFileIsNotQuietlyIgnored() throws IOException {
    Path config = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(config, "{\"auths\":{},\"currentContext\":\"colima\"}");
    assertThatThrownBy(() -> build(Map.of()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("\"colima\"")
        .hasMessageContaining(config.toString());
  }

  @Test
  void defaultContextInConfigFileMeansTheDefaultSocket() throws IOException {
    Path dir = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(dir.resolve("config.json"), "{\"currentContext\":\"default\"}");
    try (DockerClient docker = build(Map.of("DOCKER_CONFIG", dir.toString()))) {
      assertThat(docker.endpoint()).isEqualTo(Endpoint.DEFAULT);
    }
  }

  @Test
  void unreadableConfigFileIsNamed() throws IOException {
    Path config = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(config, "{not json");
    assertThatThrownBy(() -> build(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(config.toString());
  }
}
