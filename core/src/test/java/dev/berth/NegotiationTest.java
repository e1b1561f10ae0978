package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.model.ApiVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Version negotiation with engines the real one cannot stand in for: older and newer ones. */
class NegotiationTest {

  @Test
  void newerEngineIsSpokenToInTheNewestVersionBerthKnows() throws Exception {
    try (FakeEngine engine = FakeEngine.speaking("1.60");
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThat(docker.apiVersion()).isEqualTo(ApiVersion.of(1, 56));
      docker.system().version();
      assertThat(engine.requests()).containsExactly("GET /_ping", "GET /v1.56/version");
    }
  }

  @Test
  void engineWithinRangeIsSpokenToInItsOwnVersion() throws Exception {
    try (FakeEngine engine = FakeEngine.speaking("1.44");
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThat(docker.system().version().apiVersion()).isEqualTo(ApiVersion.of(1, 44));
      assertThat(engine.requests()).containsExactly("GET /_ping", "GET /v1.44/version");
    }
  }

  @Test
  void engineOlderThanTheOldestSupportedIsRefusedNamingBothVersions() throws Exception {
    try (FakeEngine engine = FakeEngine.speaking("1.39");
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThatThrownBy(docker::apiVersion)
          .isInstanceOf(UnsupportedApiVersionException.class)
          .hasMessageContaining("1.39")
          .hasMessageContaining("1.40")
          .hasMessageContaining(engine.endpoint())
          .satisfies(e -> {
            UnsupportedApiVersionException u = (UnsupportedApiVersionException) e;
            assertThat(u.actual()).isEqualTo(ApiVersion.of(1, 39));
            assertThat(u.required()).isEqualTo(ApiVersion.of(1, 40));
          });
      assertThatThrownBy(() -> docker.system().info())
          .isInstanceOf(UnsupportedApiVersionException.class);
    }
  }

  @Test
  void negotiatesLazilyAndOnlyOnce() throws Exception {
    try (FakeEngine engine = FakeEngine.speaking("1.41");
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThat(engine.requests()).isEmpty();
      docker.system().version();
      docker.system().version();
      assertThat(docker.apiVersion()).isEqualTo(ApiVersion.of(1, 41));
      assertThat(engine.requests())
          .containsExactly("GET /_ping", "GET /v1.41/version", "GET /v1.41/version");
    }
  }

  @Test
  void pinnedVersionSkipsNegotiation() throws Exception {
    try (FakeEngine engine = FakeEngine.speaking("1.41");
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint())
            .apiVersion("1.40").build()) {
      docker.system().version();
      assertThat(engine.requests()).containsExactly("GET /v1.40/version");
    }
  }

  @Test
  void pingWithoutVersionHeaderFallsBackToVersionEndpoint() throws Exception {
    try (FakeEngine engine = new FakeEngine(line -> line.endsWith("/_ping")
        ? new FakeEngine.Answer(200, Map.of(), "text/plain", "OK")
        : new FakeEngine.Answer(200, Map.of(), "application/json", "{\"ApiVersion\":\"1.43\"}"));
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThat(docker.apiVersion()).isEqualTo(ApiVersion.of(1, 43));
      assertThat(engine.requests()).containsExactly("GET /_ping", "GET /version");
    }
  }

  @Test
  void plainTextErrorBodyBecomesTheMessageAndStatusPicksTheType() throws Exception {
    try (FakeEngine engine = new FakeEngine(line -> line.endsWith("/_ping")
        ? new FakeEngine.Answer(200, Map.of("Api-Version", "1.41"), "text/plain", "OK")
        : new FakeEngine.Answer(503, Map.of(), "text/plain", "  engine is shutting down\n"));
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThatThrownBy(() -> docker.system().info())
          .isInstanceOf(ServerErrorException.class)
          .hasMessage("engine is shutting down [GET /v1.41/info answered 503, API 1.41]")
          .satisfies(e -> {
            ServerErrorException s = (ServerErrorException) e;
            assertThat(s.status()).isEqualTo(503);
            assertThat(s.engineMessage()).isEqualTo("engine is shutting down");
            assertThat(s.method()).isEqualTo("GET");
            assertThat(s.path()).isEqualTo("/v1.41/info");
          });
    }
  }

  @Test
  void redirectIsAnErrorNotASuccess() throws Exception {
    try (FakeEngine engine = new FakeEngine(line -> line.endsWith("/_ping")
        ? new FakeEngine.Answer(200, Map.of("Api-Version", "1.41"), "text/plain", "OK")
        : new FakeEngine.Answer(301, Map.of("Location", "/v1.41/containers/x"), null, ""));
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      assertThatThrownBy(() -> docker.api().call("DELETE", "/containers//x", Map.of(), null))
          .isInstanceOf(DockerApiException.class)
          .hasMessageContaining("redirected to /v1.41/containers/x")
          .hasMessageContaining("301");
    }
  }
}
