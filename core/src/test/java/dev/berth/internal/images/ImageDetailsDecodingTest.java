package dev.berth.internal.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.internal.http.Captured;
import dev.berth.model.ExposedPort;
import dev.berth.model.Healthcheck;
import dev.berth.model.ImageDetails;
import dev.berth.model.PortBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ImageCalls#toDetails} on answers captured from dockerd 20.10 and Podman 4.3 for the same
 * Dockerfile: CMD, ENTRYPOINT, ENV, EXPOSE 8080 53/udp, LABEL, HEALTHCHECK, USER, WORKDIR, VOLUME,
 * STOPSIGNAL.
 */
class ImageDetailsDecodingTest {
  private static final Healthcheck CHECK =
      Healthcheck.shell("wget -q -O- http://localhost:8080/ || exit 1")
          .withInterval(Duration.ofSeconds(5)).withTimeout(Duration.ofSeconds(2))
          .withStartPeriod(Duration.ofSeconds(1)).withRetries(4);

  @Test
  void dockerdsAnswerReadsBackAsTheWriteSidesTypes() {
    ImageDetails i = ImageCalls.toDetails(Captured.json("dockerd-1.41/image.json"));
    assertThat(i.id()).isEqualTo(
        "sha256:f8985d84dda6cfe0151ed62321326398020263efc7b29c34ab7ed611b7387852");
    assertThat(i.repoTags()).containsExactly("berth-capture/img-d:1");
    assertThat(i.parent()).isEqualTo(
        "sha256:471cc24aea427bc12bfc529da0f1645df7a4b489598060685a0734d0b0b4498c");
    assertThat(i.created()).isEqualTo(Instant.parse("2026-12-07T12:18:23.862344111Z"));
    ImageDetails.Config c = i.config();
    assertThat(c.command()).containsExactly("echo hello");
    assertThat(c.entrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(c.env()).containsExactly("PATH=/usr/local/bin:/usr/bin:/bin", "GREETING=hi");
    assertThat(c.exposedPorts()).containsExactly(
        ExposedPort.of(53, PortBinding.Protocol.UDP), ExposedPort.of(8080));
    assertThat(c.labels()).containsExactly(Map.entry("dev.berth.test", "true"),
        Map.entry("team", "web"));
    assertThat(c.healthcheck()).contains(CHECK);
    assertThat(c.user()).isEqualTo("nobody");
    assertThat(c.workingDir()).isEqualTo("/srv");
    assertThat(c.volumes()).containsExactly("/data");
    assertThat(c.stopSignal()).isEqualTo("SIGTERM");
    assertThat(i.layers()).hasSize(2).allMatch(l -> l.startsWith("sha256:"));
    assertThat(i.os()).isEqualTo("linux");
    assertThat(i.architecture()).isEqualTo("amd64");
    assertThat(i.variant()).isEmpty();
    assertThat(i.dockerVersion()).isEqualTo("20.10.24+dfsg1");
    assertThat(i.size()).isEqualTo(1984172);
    assertThat(i.virtualSize()).isEqualTo(1984172);
    assertThat(i.author()).isEmpty();
    // the accessors from before config() still answer
    assertThat(i.command()).isEqualTo(c.command());
    assertThat(i.entrypoint()).isEqualTo(c.entrypoint());
    assertThat(i.env()).isEqualTo(c.env());
    assertThat(i.labels()).isEqualTo(c.labels());
  }

  @Test
  void podmansAnswerHasNoHealthcheckNorDockerVersionAndAParentWithoutItsAlgorithm() {
    ImageDetails i = ImageCalls.toDetails(Captured.json("podman-4.3/image.json"));
    assertThat(i.repoTags()).containsExactly("berth-capture/img-p:1");
    assertThat(i.parent()).isEqualTo(
        "sha256:163c8a491061e218c0c03260164e6f177f8020bdfc88086d13f5bf582b472cb5");
    assertThat(i.config().healthcheck()).isEmpty();
    assertThat(i.config().exposedPorts()).containsExactly(
        ExposedPort.of(53, PortBinding.Protocol.UDP), ExposedPort.of(8080));
    assertThat(i.config().labels()).containsEntry("team", "web")
        .containsKey("io.buildah.version");
    assertThat(i.config().user()).isEqualTo("nobody");
    assertThat(i.config().stopSignal()).isEqualTo("SIGTERM");
    assertThat(i.dockerVersion()).isEmpty();
    assertThat(i.layers()).hasSize(1);
  }

  @Test
  void missingNullAndUnreadableFieldsReadAsEmpty() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("Cmd", null);
    config.put("Env", null);
    config.put("Labels", null);
    config.put("ExposedPorts", Map.of("80/tcp", Map.of(), "not-a-port", Map.of()));
    config.put("Healthcheck", Map.of("Test", List.of("BOGUS")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", "sha256:abc");
    m.put("Config", config);
    m.put("Size", 10);
    ImageDetails i = ImageCalls.toDetails(m);
    assertThat(i.config().command()).isEmpty();
    assertThat(i.config().env()).isEmpty();
    assertThat(i.config().labels()).isEmpty();
    assertThat(i.config().exposedPorts()).containsExactly(ExposedPort.of(80));
    assertThat(i.config().healthcheck()).isEmpty();
    assertThat(i.config().user()).isEmpty();
    assertThat(i.parent()).isEmpty();
    assertThat(i.created()).isNull();
    assertThat(i.layers()).isEmpty();
    assertThat(i.virtualSize()).isEqualTo(10); // gone from the answer at 1.44: the size
    assertThat(ImageCalls.toDetails(Map.of()).config().volumes()).isEmpty();
  }
}
