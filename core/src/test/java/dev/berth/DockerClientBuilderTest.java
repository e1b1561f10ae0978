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
  void tlsWithMissingFilesIsAnErrorNamingThemNeverPlainHttp() throws IOException {
    Files.createDirectories(home.resolve("no-certs"));
    assertThatThrownBy(() -> build(Map.of("DOCKER_HOST", "tcp://10.1.2.3:2376",
        "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", home.resolve("no-certs").toString())))
        .isInstanceOf(dev.berth.transport.TlsConfigException.class)
        .hasMessageContaining(home.resolve("no-certs").toString())
        .hasMessageContaining(".pem");
  }

  @Test
  void missingDockerContextIsNamed() {
    assertThatThrownBy(() -> build(Map.of("DOCKER_CONTEXT", "remote")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"remote\"")
        .hasMessageContaining("DOCKER_CONTEXT")
        .hasMessageContaining("does not exist");
  }

  @Test
  void missingCurrentContextFromTheConfigFileIsNamed() throws IOException {
    Path config = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(config, "{\"auths\":{},\"currentContext\":\"colima\"}");
    assertThatThrownBy(() -> build(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"colima\"")
        .hasMessageContaining("currentContext")
        .hasMessageContaining(home.resolve(".docker/contexts/meta").toString());
  }

  @Test
  void contextFromTheStoreGivesItsEndpoint() throws Exception {
    // meta.json as `docker context create` writes it, under sha256("work")
    String id = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest("work".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Path meta = Files.createDirectories(home.resolve(".docker/contexts/meta/" + id));
    Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"work\",\"Metadata\":{},"
        + "\"Endpoints\":{\"docker\":{\"Host\":\"tcp://127.0.0.1:12375\","
        + "\"SkipTLSVerify\":false}}}");
    try (DockerClient docker = build(Map.of("DOCKER_CONTEXT", "work"))) {
      assertThat(docker.endpoint()).isEqualTo(Endpoint.tcp("127.0.0.1", 12375));
    }
  }

  @Test
  void defaultContextMeansTheUsualSocketsAndNoneAnsweringIsExplained() throws IOException {
    Path dir = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(dir.resolve("config.json"), "{\"currentContext\":\"default\"}");
    String nowhere = home.resolve("none.sock").toString();
    assertThatThrownBy(() -> DockerClient.builder()
        .environment(Map.of("DOCKER_CONFIG", dir.toString())).homeDirectory(home)
        .probePaths(java.util.List.of(nowhere)).build())
        .isInstanceOf(DockerConnectionException.class)
        .hasMessageContaining("no Docker engine found")
        .hasMessageContaining("default: the usual sockets")
        .hasMessageContaining(nowhere + " file missing");
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
