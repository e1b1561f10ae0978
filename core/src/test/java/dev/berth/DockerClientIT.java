package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.model.ApiVersion;
import dev.berth.model.Ping;
import dev.berth.model.SystemInfo;
import dev.berth.model.Version;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the real engine: system calls, negotiation, errors. */
class DockerClientIT {
  private static DockerClient docker;

  @BeforeAll
  static void connect() {
    docker = TestEngine.client();
  }

  @AfterAll
  static void close() {
    docker.close();
  }

  @Test
  void pingReportsEngineApiVersionAndOs() {
    Ping ping = docker.system().ping();
    assertThat(ping.apiVersion().isAtLeast(DockerClient.MIN_API_VERSION)).isTrue();
    assertThat(ping.osType()).isEqualTo("linux");
    assertThat(ping.raw()).containsEntry("api-version", ping.apiVersion().toString());
  }

  @Test
  void negotiatedVersionIsTheEnginesWhenWithinRange() {
    Version version = docker.system().version();
    ApiVersion expected = ApiVersion.min(version.apiVersion(), DockerClient.MAX_API_VERSION);
    assertThat(docker.apiVersion()).isEqualTo(expected);
    // The engine on these machines is dockerd 20.10, API 1.41.
    assertThat(docker.apiVersion()).isEqualTo(docker.system().ping().apiVersion());
  }

  @Test
  void versionIsTyped() {
    Version v = docker.system().version();
    assertThat(v.version()).isNotBlank();
    assertThat(v.apiVersion()).isNotNull();
    assertThat(v.minApiVersion()).isNotNull();
    assertThat(v.minApiVersion().compareTo(v.apiVersion())).isNegative();
    assertThat(v.os()).isEqualTo("linux");
    assertThat(v.arch()).isNotBlank();
    assertThat(v.raw()).containsEntry("Version", v.version());
    assertThatThrownBy(() -> v.raw().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void infoIsTypedAndRawKeepsTheRest() {
    SystemInfo info = docker.system().info();
    assertThat(info.id()).isNotBlank();
    assertThat(info.serverVersion()).isEqualTo(docker.system().version().version());
    assertThat(info.cpus()).isPositive();
    assertThat(info.memoryBytes()).isPositive();
    assertThat(info.images()).isPositive(); // at least the test image
    assertThat(info.containers())
        .isEqualTo(info.containersRunning() + info.containersPaused() + info.containersStopped());
    assertThat(info.raw().get("Swarm")).isInstanceOf(Map.class);
    assertThat(info.raw()).containsEntry("NCPU", info.cpus());
  }

  @Test
  void pinnedVersionIsUsedInTheRequestPath() {
    try (DockerClient pinned = DockerClient.builder().apiVersion("1.40").build()) {
      assertThat(pinned.apiVersion()).isEqualTo(ApiVersion.of(1, 40));
      assertThat(pinned.system().version().apiVersion()).isNotNull();
      NotFoundException e = catchNotFound(pinned, "/containers/does-not-exist/json");
      assertThat(e.path()).isEqualTo("/v1.40/containers/does-not-exist/json");
      assertThat(e.apiVersion()).isEqualTo(ApiVersion.of(1, 40));
    }
  }

  @Test
  void pinnedVersionFromTheEnvironment() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("DOCKER_API_VERSION", "1.40");
    try (DockerClient pinned = DockerClient.builder().environment(env).build()) {
      assertThat(pinned.apiVersion()).isEqualTo(ApiVersion.of(1, 40));
      assertThat(catchNotFound(pinned, "/containers/does-not-exist/json").path())
          .startsWith("/v1.40/");
    }
  }

  @Test
  void missingContainerIsNotFoundWithTheEnginesMessage() {
    NotFoundException e = catchNotFound(docker, "/containers/does-not-exist/json");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/v" + docker.apiVersion() + "/containers/does-not-exist/json");
    // dockerd: "No such container: does-not-exist"; Podman: "no container with name or ID
    // \"does-not-exist\" found: no such container"
    assertThat(e.engineMessage()).containsIgnoringCase("No such container")
        .contains("does-not-exist");
    assertThat(e.getMessage()).contains(e.engineMessage())
        .contains("GET /v" + docker.apiVersion() + "/containers/does-not-exist/json")
        .contains("404");
  }

  @Test
  void badRequestCarriesTheEnginesMessage() {
    assertThatThrownBy(() -> docker.api().call("GET", "/containers/json",
        Map.of("filters", "{\"bogus\":[\"x\"]}"), null))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((DockerApiException) e).engineMessage())
            .isIn("Invalid filter 'bogus'", "bogus is an invalid filter")); // dockerd, Podman
  }

  @Test
  void missingSocketIsConnectionErrorNamingThePathWithinTheConnectTimeout() {
    String path = "/tmp/berth-missing-" + UUID.randomUUID() + ".sock";
    Duration connectTimeout = Duration.ofSeconds(2);
    try (DockerClient nowhere = DockerClient.builder().endpoint("unix://" + path)
        .connectTimeout(connectTimeout).build()) {
      assertTimeoutPreemptively(connectTimeout, () ->
          assertThatThrownBy(() -> nowhere.system().ping())
              .isInstanceOf(DockerConnectionException.class)
              .hasMessageContaining(path)
              .satisfies(e -> assertThat(((DockerConnectionException) e).endpoint().path())
                  .isEqualTo(path)));
      assertThatThrownBy(nowhere::apiVersion).isInstanceOf(DockerConnectionException.class)
          .hasMessageContaining(path);
    }
  }

  @Test
  void clientIsSafeToShareAcrossThreads() throws InterruptedException {
    Thread[] threads = new Thread[8];
    Throwable[] failure = new Throwable[1];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        try {
          for (int n = 0; n < 50; n++) {
            assertThat(docker.system().ping().apiVersion()).isNotNull();
            assertThat(docker.api().get("/containers/json")).isInstanceOf(java.util.List.class);
          }
        } catch (Throwable t) {
          failure[0] = t;
        }
      });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failure[0]).isNull();
  }

  private static NotFoundException catchNotFound(DockerClient client, String path) {
    try {
      client.api().get(path);
    } catch (NotFoundException e) {
      return e;
    }
    throw new AssertionError("GET " + path + " did not fail with NotFoundException");
  }
}
