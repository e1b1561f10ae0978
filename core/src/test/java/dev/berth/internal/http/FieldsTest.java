package dev.berth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsTest {
  @Test
  void podmansFullNamesReadAsTheClisFamiliarOnes() {
    assertThat(Fields.familiar("docker.io/berth-test/busybox:latest"))
        .isEqualTo("berth-test/busybox:latest");
    assertThat(Fields.familiar("docker.io/library/redis:7")).isEqualTo("redis:7");
    assertThat(Fields.familiar("docker.io/library/a/b:1")).isEqualTo("library/a/b:1");
    assertThat(Fields.familiar("docker.io/x/y@sha256:ab")).isEqualTo("x/y@sha256:ab");
    // other registries and dockerd's names are left alone
    assertThat(Fields.familiar("localhost/berth-test/busybox:latest"))
        .isEqualTo("localhost/berth-test/busybox:latest");
    assertThat(Fields.familiar("127.0.0.1:5000/a:1")).isEqualTo("127.0.0.1:5000/a:1");
    assertThat(Fields.familiar("redis:7")).isEqualTo("redis:7");
    assertThat(Fields.familiar(null)).isNull();
    assertThat(Fields.imageNames(Map.of("RepoTags", List.of("docker.io/a/b:1", "c:2")),
        "RepoTags")).containsExactly("a/b:1", "c:2");
  }

  @Test
  void bareImageIdsGetTheirAlgorithm() {
    String hex = "361b3b7060af35f2eb62ce92300f8b8317a0b354ba8950e17152ee0e14eea5bf";
    assertThat(Fields.imageId(hex)).isEqualTo("sha256:" + hex);
    assertThat(Fields.imageId("sha256:" + hex)).isEqualTo("sha256:" + hex);
    assertThat(Fields.imageId("abc")).isEqualTo("abc");
    assertThat(Fields.imageId(hex.toUpperCase())).isEqualTo(hex.toUpperCase());
    assertThat(Fields.imageId(null)).isNull();
  }
}
