package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthcheckTest {

  @Test
  void shellCheckUsesCmdShellForm() {
    Healthcheck check = Healthcheck.shell("curl -f http://localhost");

    assertThat(check.test()).containsExactly("CMD-SHELL", "curl -f http://localhost");
    assertThat(check.interval()).isZero();
    assertThat(check.timeout()).isZero();
    assertThat(check.startPeriod()).isZero();
    assertThat(check.startInterval()).isZero();
    assertThat(check.retries()).isZero();
  }

  @Test
  void noneDisablesTheImageCheck() {
    assertThat(Healthcheck.none().test()).containsExactly("NONE");
  }

  @Test
  void execCheckUsesCmdForm() {
    assertThat(Healthcheck.exec("/bin/check", "--quick").test())
        .containsExactly("CMD", "/bin/check", "--quick");
  }

  @Test
  void acceptsEmptyTestToInheritImageCheck() {
    assertThat(Healthcheck.of(List.of()).test()).isEmpty();
  }

  @Test
  void withMethodsReturnNewValues() {
    Healthcheck base = Healthcheck.shell("true");
    Healthcheck tuned = base
        .withInterval(Duration.ofSeconds(30))
        .withTimeout(Duration.ofSeconds(5))
        .withStartPeriod(Duration.ofMinutes(1))
        .withStartInterval(Duration.ofSeconds(2))
        .withRetries(3);

    assertThat(base.interval()).isZero();
    assertThat(tuned.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(tuned.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(tuned.startPeriod()).isEqualTo(Duration.ofMinutes(1));
    assertThat(tuned.startInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(tuned.retries()).isEqualTo(3);
    assertThat(tuned)
        .hasToString(
            "Healthcheck[test=[CMD-SHELL, true], interval=30s, timeout=5s, startPeriod=1m0s,"
                + " startInterval=2s, retries=3]");
    assertThat(tuned).isEqualTo(base.withRetries(3).withInterval(Duration.ofSeconds(30))
        .withTimeout(Duration.ofSeconds(5)).withStartPeriod(Duration.ofMinutes(1))
        .withStartInterval(Duration.ofSeconds(2)));
  }

  @Test
  void rejectsEmptyShellCommand() {
    assertThatIllegalArgumentException().isThrownBy(() -> Healthcheck.shell(" "))
        .withMessageContaining("\" \"");
  }

  @Test
  void rejectsTestsOutsideTheEngineForms() {
    assertThatIllegalArgumentException().isThrownBy(() -> Healthcheck.of(List.of("CMD")))
        .withMessageContaining("[CMD]");
    assertThatIllegalArgumentException().isThrownBy(() -> Healthcheck.of(List.of("FOO", "x")))
        .withMessageContaining("[FOO, x]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Healthcheck.of(List.of("NONE", "x")))
        .withMessageContaining("[NONE, x]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Healthcheck.of(List.of("CMD-SHELL", "a", "b")))
        .withMessageContaining("[CMD-SHELL, a, b]");
  }

  @Test
  void rejectsDurationsBelowOneMillisecond() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Healthcheck.none().withInterval(Duration.ofNanos(10)))
        .withMessageContaining("at least 1ms");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Healthcheck.none().withTimeout(Duration.ofSeconds(-1)))
        .withMessageContaining("at least 1ms");
  }

  @Test
  void rejectsNegativeRetries() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Healthcheck.none().withRetries(-1))
        .withMessageContaining("-1");
  }
}
