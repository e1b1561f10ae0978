package dev.berth.internal.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.internal.http.Captured;
import dev.berth.model.VolumeDetails;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link VolumeCalls#toDetails} on answers captured from dockerd 20.10 and Podman 4.3. */
class VolumeDetailsDecodingTest {
  @Test
  void dockerdsAnswer() {
    VolumeDetails v = VolumeCalls.toDetails(Captured.json("dockerd-1.41/volume.json"));
    assertThat(v.name()).isEqualTo("berth-capture-vol-d");
    assertThat(v.driver()).isEqualTo("local");
    assertThat(v.mountpoint()).endsWith("/volumes/berth-capture-vol-d/_data");
    assertThat(v.created()).isEqualTo(Instant.parse("2026-12-07T12:18:21Z"));
    assertThat(v.scope()).isEqualTo("local");
    assertThat(v.labels()).containsExactly(Map.entry("dev.berth.test", "true"),
        Map.entry("team", "web"));
    assertThat(v.options()).containsOnly(Map.entry("type", "tmpfs"),
        Map.entry("device", "tmpfs"), Map.entry("o", "nodev"));
    assertThat(v.status()).isEmpty();
    assertThat(v.usage()).isEmpty();
  }

  @Test
  void podmansAnswerIsTheSameShape() {
    VolumeDetails v = VolumeCalls.toDetails(Captured.json("podman-4.3/volume.json"));
    assertThat(v.name()).isEqualTo("berth-capture-vol-p");
    assertThat(v.created()).isEqualTo(Instant.parse("2026-12-07T12:32:24Z"));
    assertThat(v.options()).containsEntry("o", "nodev");
    assertThat(v.usage()).isEmpty();
  }

  @Test
  void usageDataAndStatusWhenTheEngineGivesThem() {
    Map<String, Object> m = new java.util.LinkedHashMap<>(
        Captured.json("dockerd-1.41/volume.json"));
    m.put("UsageData", Map.of("Size", 4096, "RefCount", 2));
    m.put("Status", Map.of("hello", "world"));
    VolumeDetails v = VolumeCalls.toDetails(m);
    assertThat(v.usage()).contains(new VolumeDetails.Usage(4096, 2));
    assertThat(v.status()).containsEntry("hello", "world");
    m.put("UsageData", Map.of("Size", -1));
    assertThat(VolumeCalls.toDetails(m).usage()).contains(new VolumeDetails.Usage(-1, -1));
  }

  @Test
  void missingFieldsReadAsEmpty() {
    VolumeDetails v = VolumeCalls.toDetails(Map.of("Name", "x"));
    assertThat(v.labels()).isEmpty();
    assertThat(v.options()).isEmpty();
    assertThat(v.status()).isEmpty();
    assertThat(v.usage()).isEmpty();
    assertThat(v.created()).isNull();
  }
}
