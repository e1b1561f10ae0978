package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Image ids where an image is asked for: {@code docker run sha256:…}, {@code docker run 833a…}. */
class ImageRefIdTest {
  private static final String HEX = "833a869ff9534d6e2c5c1f9b1e3f4b4c22be0a9b6a8c1f0d3e2b1a0f9e8d7c6b";

  @Test
  void aFullIdWithItsAlgorithmIsAnIdNotARepositoryNamedSha256() {
    ImageRef ref = ImageRef.parse("sha256:" + HEX);

    assertThat(ref.isId()).isTrue();
    assertThat(ref.id()).isEqualTo("sha256:" + HEX);
    assertThat(ref.toString()).isEqualTo("sha256:" + HEX);
    assertThat(ref.name()).isEqualTo("sha256:" + HEX);
    assertThat(ref.normalized()).isEqualTo("sha256:" + HEX);
    assertThat(ref.tag()).isNull();
    assertThat(ref.registry()).isEmpty();
  }

  @Test
  void sixtyFourHexDigitsAloneAreTheSameId() {
    assertThat(ImageRef.parse(HEX)).isEqualTo(ImageRef.parse("sha256:" + HEX))
        .isEqualTo(ImageRef.ofId(HEX));
  }

  @Test
  void aShortIdIsAnIdWhenSaidSoAndANameWhenParsedAsTheCliDoes() {
    ImageRef id = ImageRef.ofId("833a869ff953");
    assertThat(id.isId()).isTrue();
    assertThat(id.toString()).isEqualTo("833a869ff953");
    assertThat(ImageRef.ofId("sha256:833a86").id()).isEqualTo("sha256:833a86");

    ImageRef name = ImageRef.parse("833a869ff953");
    assertThat(name.isId()).isFalse();
    assertThat(name).isNotEqualTo(id);
  }

  @Test
  void anOfficialImageNamedWith64HexDigitsStaysANameWhenWrittenBack() {
    ImageRef name = ImageRef.parse("library/" + HEX);

    assertThat(name.isId()).isFalse();
    assertThat(name.toString()).isEqualTo("library/" + HEX);
    assertThat(ImageRef.parse(name.toString())).isEqualTo(name);
  }

  @Test
  void anIdTakesNoTagAndANameHasNoId() {
    ImageRef id = ImageRef.ofId(HEX);
    assertThatThrownBy(() -> id.withTag("1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot take a tag");
    assertThatThrownBy(() -> ImageRef.parse("ubuntu").id())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ubuntu is an image name");
  }

  @Test
  void badIdsAreRefusedQuoted() {
    for (String bad : new String[] {"", "XYZ", "sha256:", "sha256:" + HEX + "0", "md5:abc"}) {
      assertThatThrownBy(() -> ImageRef.ofId(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("image id \"" + bad + "\" is not valid");
    }
  }

  @Test
  void aSpecMayNameItsImageById() {
    ContainerSpec spec = ContainerSpec.of("sha256:" + HEX);
    assertThat(spec.image().isId()).isTrue();
    assertThat(ContainerSpec.of(ImageRef.ofId("833a869ff953")).image().toString())
        .isEqualTo("833a869ff953");
  }
}
