package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceRestartTest {
  @Test
  void namedConditionsAndDefaults() {
    assertThat(ServiceRestart.any().condition()).isEqualTo("any");
    assertThat(ServiceRestart.onFailure().condition()).isEqualTo("on-failure");
    assertThat(ServiceRestart.none().condition()).isEqualTo("none");
    assertThat(ServiceRestart.defaults().isDefault()).isTrue();
    assertThat(ServiceRestart.defaults().condition("any")).isEqualTo(ServiceRestart.any());
  }

  @Test
  void keepsEachSettingAndEqualsByThem() {
    ServiceRestart r = ServiceRestart.onFailure().delay(Duration.ofSeconds(1)).maxAttempts(3)
        .window(Duration.ofMinutes(2));

    assertThat(r.delay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(r.maxAttempts()).isEqualTo(3L);
    assertThat(r.window()).isEqualTo(Duration.ofMinutes(2));
    assertThat(r.isDefault()).isFalse();
    assertThat(r).isEqualTo(ServiceRestart.defaults().window(Duration.ofMinutes(2))
        .maxAttempts(3).delay(Duration.ofSeconds(1)).condition("on-failure"))
        .isNotEqualTo(r.maxAttempts(4));
  }

  @Test
  void refusesBadValuesSayingWhatIsAllowed() {
    ServiceRestart r = ServiceRestart.defaults();

    assertThatIllegalArgumentException().isThrownBy(() -> r.condition("always"))
        .withMessage("restart condition \"always\" is not valid: expected none, on-failure or any");
    assertThatIllegalArgumentException().isThrownBy(() -> r.maxAttempts(-1))
        .withMessage("restart max attempts -1 is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> r.delay(Duration.ofSeconds(-2)))
        .withMessage("restart delay -2s is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> r.window(Duration.ofMinutes(-1)))
        .withMessage("restart window -1m0s is not valid: expected 0 or more");
  }
}
