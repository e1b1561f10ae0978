package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceModeTest {
  @Test
  void replicatedHoldsItsReplicas() {
    ServiceMode m = ServiceMode.replicated(3);

    assertThat(m.kind()).isEqualTo(ServiceMode.Kind.REPLICATED);
    assertThat(m.replicas()).isEqualTo(3L);
    assertThat(m.maxConcurrent()).isNull();
    assertThat(m).hasToString("replicated replicas=3");
    assertThat(ServiceMode.replicated(0).replicas()).isZero();
  }

  @Test
  void globalModesHoldNoCounts() {
    assertThat(ServiceMode.global().kind()).isEqualTo(ServiceMode.Kind.GLOBAL);
    assertThat(ServiceMode.global().replicas()).isNull();
    assertThat(ServiceMode.globalJob().kind()).isEqualTo(ServiceMode.Kind.GLOBAL_JOB);
    assertThat(ServiceMode.globalJob().maxConcurrent()).isNull();
    assertThat(ServiceMode.globalJob()).hasToString("global-job");
  }

  @Test
  void replicatedJobHoldsCompletionsAndConcurrency() {
    ServiceMode m = ServiceMode.replicatedJob(2, 10);

    assertThat(m.kind()).isEqualTo(ServiceMode.Kind.REPLICATED_JOB);
    assertThat(m.replicas()).isEqualTo(10L);
    assertThat(m.maxConcurrent()).isEqualTo(2L);
    assertThat(m).hasToString("replicated-job replicas=10 max-concurrent=2");
  }

  @Test
  void equalsByKindAndCounts() {
    assertThat(ServiceMode.replicated(3)).isEqualTo(ServiceMode.replicated(3))
        .hasSameHashCodeAs(ServiceMode.replicated(3))
        .isNotEqualTo(ServiceMode.replicated(4))
        .isNotEqualTo(ServiceMode.replicatedJob(3, 3));
    assertThat(ServiceMode.global()).isEqualTo(ServiceMode.global())
        .isNotEqualTo(ServiceMode.globalJob());
    assertThat(ServiceMode.replicatedJob(1, 5)).isNotEqualTo(ServiceMode.replicatedJob(2, 5));
  }

  @Test
  void refusesNegativeCountsNamingTheFlag() {
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceMode.replicated(-1))
        .withMessage("--replicas -1 is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceMode.replicatedJob(-2, 1))
        .withMessage("--max-concurrent -2 is not valid: expected 0 or more");
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceMode.replicatedJob(1, -3))
        .withMessage("--replicas -3 is not valid: expected 0 or more");
  }

  @ParameterizedTest
  @EnumSource(ServiceMode.Kind.class)
  void kindParsesItsOwnFlagWord(ServiceMode.Kind kind) {
    assertThat(ServiceMode.Kind.parse(kind.flag())).isEqualTo(kind);
  }

  @Test
  void kindRefusesOtherWords() {
    assertThat(ServiceMode.Kind.REPLICATED_JOB.flag()).isEqualTo("replicated-job");
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceMode.Kind.parse("Global"))
        .withMessage("service mode \"Global\" is not valid: expected replicated, global,"
            + " replicated-job or global-job");
  }
}
