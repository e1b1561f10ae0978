package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "300ms, 300000000",
    "1.5h, 5400000000000",
    "1m30s, 90000000000",
    "10us, 10000",
    "10µs, 10000",
    "10μs, 10000",
    "7ns, 7",
    "0, 0",
    "0s, 0",
    "2h45m, 9900000000000",
    ".5s, 500000000",
    "1.s, 1000000000",
    "+5s, 5000000000",
    "1h0m0s, 3600000000000",
    "1.0000000019s, 1000000001",
    "1s1s, 2000000000",
  })
  void parsesGoDurations(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource({
    "90000000000, 1m30s",
    "3600000000000, 1h0m0s",
    "300000000, 300ms",
    "1500, 1.5µs",
    "0, 0s",
    "1500000000, 1.5s",
    "999, 999ns",
    "90000000000000, 25h0m0s",
    "3723000000001, 1h2m3.000000001s",
    "1000000, 1ms",
  })
  void formatsAsGoPrints(long nanos, String text) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @Test
  void rejectsNegativeDurationInFormat() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.format(Duration.ofSeconds(-1)))
        .withMessageContaining("never negative");
  }

  @Test
  void rejectsDurationTooLongForGoInFormat() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.format(Duration.ofDays(300 * 365)))
        .withMessageContaining("292 years");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-5s", "5", "5x", "s", "1..5s", ".s", "5 s", "00", "9999999999h", "1h-5m",
        "5S", "1e3s"})
  void rejectsMalformedDurationQuotingIt(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoDuration.parse(text))
        .withMessageContaining("duration \"" + text + "\" is not valid")
        .withMessageContaining("expected a Go duration");
  }
}
