package dev.berth.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.PodmanGap;
import dev.berth.TestEngine;
import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import dev.berth.model.ImageDetails;
import dev.berth.model.PortBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An image built from a Dockerfile with every config instruction, inspected back as typed values. */
@Timeout(180)
class ImageInspectIT {
  private static final String DOCKERFILE = "FROM " + TestEngine.IMAGE + "\n"
      + "LABEL " + TestEngine.LABEL + "=true team=web\n"
      + "ENV GREETING=hi\n"
      + "EXPOSE 8080 53/udp\n"
      + "USER nobody\n"
      + "WORKDIR /srv\n"
      + "VOLUME /data\n"
      + "STOPSIGNAL SIGINT\n"
      + "HEALTHCHECK --interval=5s --timeout=2s --start-period=1s --retries=4"
      + " CMD wget -q -O- http://localhost:8080/ || exit 1\n"
      + "ENTRYPOINT [\"/bin/sh\", \"-c\"]\n"
      + "CMD [\"echo hello\"]\n";

  @TempDir Path context;
  private final String name = "berth-test/inspect:" + UUID.randomUUID().toString().substring(0, 8);
  private DockerClient docker;

  @BeforeEach
  void connect() {
    docker = TestEngine.client();
  }

  @AfterEach
  void cleanUp() {
    try {
      docker.images().remove(name, true, false);
    } catch (NotFoundException gone) {
      // removed by the test
    }
    docker.close();
  }

  private ImageDetails build() throws IOException {
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    docker.images().build(context).tag(name).call();
    return docker.images().inspect(name);
  }

  @Test
  void theConfigReadsBackAsTheWriteSidesTypes() throws IOException {
    ImageDetails i = build();
    ImageDetails base = docker.images().inspect(TestEngine.IMAGE);
    assertThat(i.repoTags()).contains(name);
    assertThat(i.created()).isNotNull();
    assertThat(i.parent()).satisfiesAnyOf( // dockerd: the base image; Podman: a layer's image
        p -> assertThat(p).isEqualTo(base.id()), p -> assertThat(p).startsWith("sha256:"));
    ImageDetails.Config c = i.config();
    assertThat(c.command()).containsExactly("echo hello");
    assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(c.env()).contains("GREETING=hi");
    assertThat(c.exposedPorts()).containsExactlyInAnyOrder(ExposedPort.of(8080),
        ExposedPort.of(53, PortBinding.Protocol.UDP));
    assertThat(c.labels()).containsEntry(TestEngine.LABEL, "true").containsEntry("team", "web");
    assertThat(c.user()).isEqualTo("nobody");
    assertThat(c.workingDir()).isEqualTo("/srv");
    assertThat(c.volumes()).containsExactly("/data");
    assertThat(c.stopSignal()).isEqualTo("SIGINT");
    assertThat(i.layers()).isNotEmpty().allMatch(l -> l.startsWith("sha256:"));
    assertThat(i.os()).isEqualTo("linux");
    assertThat(i.architecture()).isNotEmpty();
    assertThat(i.size()).isPositive();
    assertThat(i.virtualSize()).isGreaterThanOrEqualTo(i.size());
    assertThat(i.command()).isEqualTo(c.command());
    assertThat(i.labels()).isEqualTo(c.labels());
  }

  @Test
  void theHealthcheckReadsBackEqualToTheOneBuiltInCode() throws IOException {
    TestEngine.assumeNot(PodmanGap.IMAGE_HEALTHCHECK);
    ImageDetails i = build();
    assertThat(i.config().healthcheck()).contains(
        Healthcheck.shell("wget -q -O- http://localhost:8080/ || exit 1")
            .withInterval(Duration.ofSeconds(5)).withTimeout(Duration.ofSeconds(2))
            .withStartPeriod(Duration.ofSeconds(1)).withRetries(4));
    assertThat(i.dockerVersion()).isNotEmpty();
  }

  @Test
  void theBaseImageHasItsLayersAndNoHealthcheck() {
    ImageDetails base = docker.images().inspect(TestEngine.IMAGE);
    assertThat(base.layers()).isNotEmpty();
    assertThat(base.config().healthcheck()).isEmpty();
    assertThat(base.config().exposedPorts()).isEmpty();
    assertThat(base.config().stopSignal()).isNotNull();
  }
}
