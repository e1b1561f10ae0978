package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void parsesAndPrintsDockerForm() {
    ApiVersion v = ApiVersion.parse("1.41");
    assertThat(v.major()).isEqualTo(1);
    assertThat(v.minor()).isEqualTo(41);
    assertThat(v).hasToString("1.41").isEqualTo(ApiVersion.of(1, 41));
    assertThat(ApiVersion.parse("v1.40")).isEqualTo(ApiVersion.of(1, 40));
  }

  @Test
  void ordersByMinorNumberNotText() {
    assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.10"));
    assertThat(ApiVersion.parse("1.41").isAtLeast(ApiVersion.parse("1.40"))).isTrue();
    assertThat(ApiVersion.parse("1.39").isAtLeast(ApiVersion.parse("1.40"))).isFalse();
    assertThat(ApiVersion.min(ApiVersion.of(1, 60), ApiVersion.of(1, 56)))
        .isEqualTo(ApiVersion.of(1, 56));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1.", ".41", "1.41.0", "one.two", "1,41", "-1.2", "1.41 beta"})
  void rejectsMalformedVersionQuotingIt(String text) {
    assertThatThrownBy(() -> ApiVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining("MAJOR.MINOR");
  }

  @Test
  void rejectsNegativeNumbers() {
    assertThatThrownBy(() -> ApiVersion.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
