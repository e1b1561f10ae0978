package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpdateConfigTest {
  @Test
  void defaultsSetNothing() {
    UpdateConfig c = UpdateConfig.defaults();

    assertThat(c.isDefault()).isTrue();
    assertThat(c.parallelism()).isNull();
    assertThat(c.delay()).isNull();
    assertThat(c.failureAction()).isNull();
    assertThat(c.monitor()).isNull();
    assertThat(c.maxFailureRatio()).isNull();
    assertThat(c.order()).isNull();
  }

  @Test
  void keepsEachSetting() {
    UpdateConfig c = UpdateConfig.defaults().parallelism(2).delay(Duration.ofSeconds(10))
        .failureAction("rollback").monitor(Duration.ofMinutes(1)).maxFailureRatio(0.2)
        .order("start-first");

    assertThat(c.parallelism()).isEqualTo(2L);
    assertThat(c.delay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.failureAction()).isEqualTo("rollback");
    assertThat(c.monitor()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.maxFailureRatio()).isEqualTo(0.2);
    assertThat(c.order()).isEqualTo("start-first");
    assertThat(c.isDefault()).isFalse();
  }

  @Test
  void isImmutable() {
    UpdateConfig base = UpdateConfig.defaults();
    UpdateConfig changed = base.parallelism(0);

    assertThat(base.parallelism()).isNull();
    assertThat(changed.parallelism()).isZero();
  }

  @Test
  void equalsBySettings() {
    UpdateConfig a = UpdateConfig.defaults().parallelism(1).delay(Duration.ofSeconds(5));

    assertThat(a).isEqualTo(UpdateConfig.defaults().delay(Duration.ofSeconds(5)).parallelism(1))
        .hasSameHashCodeAs(UpdateConfig.defaults().delay(Duration.ofSeconds(5)).parallelism(1))
        .isNotEqualTo(a.order("stop-first"))
        .isNotEqualTo(UpdateConfig.defaults().parallelism(1));
  }

  @Test
  void acceptsTheBoundsOfTheRatio() {
    assertThat(UpdateConfig.defaults().maxFailureRatio(0).maxFailureRatio()).isZero();
    assertThat(UpdateConfig.defaults().maxFailureRatio(1).maxFailureRatio()).isEqualTo(1.0);
  }

  @Test
  void refusesBadValuesSayingWhatIsAllowed() {
    UpdateConfig c = UpdateConfig.defaults();

    assertThatIllegalArgumentException().isThrownBy(() -> c.parallelism(-1))
        .withMessage("parallelism -1 is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> c.failureAction("stop"))
        .withMessage("failure action \"stop\" is not valid: expected pause, continue or rollback");
    assertThatIllegalArgumentException().isThrownBy(() -> c.order("random"))
        .withMessage("update order \"random\" is not valid: expected stop-first or start-first");
    assertThatIllegalArgumentException().isThrownBy(() -> c.maxFailureRatio(1.5))
        .withMessage("max failure ratio 1.5 is not valid: expected 0 to 1");
    assertThatIllegalArgumentException().isThrownBy(() -> c.maxFailureRatio(Double.NaN))
        .withMessageContaining("expected 0 to 1");
    assertThatIllegalArgumentException().isThrownBy(() -> c.delay(Duration.ofSeconds(-1)))
        .withMessage("delay -1s is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> c.monitor(Duration.ofMillis(-5)))
        .withMessage("monitor -5ms is not valid: expected 0 or more");
  }

  @Test
  void aRollbackConfigRefusesTheRollbackAction() {
    UpdateConfig rollback = UpdateConfig.defaults().failureAction("rollback");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceSpec.of("nginx").rollbackConfig(rollback))
        .withMessage("rollback failure action \"rollback\" is not valid: expected pause or"
            + " continue");
    assertThat(ServiceSpec.of("nginx").updateConfig(rollback).updateConfig()).isEqualTo(rollback);
  }
}
