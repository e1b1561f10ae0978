package dev.berth.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The times {@code docker logs --since} and {@code --until} take, read by LogCall.instant. */
class LogTimesTest {
  private static final Instant JULY_FIRST_10_UTC = Instant.parse("2016-07-01T10:00:00Z");

  @Test
  void unixSeconds() {
    assertThat(LogCall.instant("1467331200", "since"))
        .isEqualTo(Instant.parse("2016-07-01T00:00:00Z"));
    assertThat(LogCall.instant("0", "since")).isEqualTo(Instant.EPOCH);
  }

  @Test
  void unixSecondsWithAFraction() {
    assertThat(LogCall.instant("1467331200.5", "since"))
        .isEqualTo(Instant.parse("2016-07-01T00:00:00.500Z"));
    assertThat(LogCall.instant("1467331200.000000001", "since"))
        .isEqualTo(Instant.ofEpochSecond(1467331200, 1));
    assertThat(LogCall.instant("1467331200.123456789", "until"))
        .isEqualTo(Instant.ofEpochSecond(1467331200, 123456789));
  }

  @Test
  void rfc3339InUtc() {
    assertThat(LogCall.instant("2016-07-01T10:00:00Z", "since")).isEqualTo(JULY_FIRST_10_UTC);
    assertThat(LogCall.instant("2016-07-01T10:00:00.25Z", "since"))
        .isEqualTo(JULY_FIRST_10_UTC.plusMillis(250));
  }

  @Test
  void rfc3339WithAnOffset() {
    assertThat(LogCall.instant("2016-07-01T10:00:00+02:00", "since"))
        .isEqualTo(Instant.parse("2016-07-01T08:00:00Z"));
    assertThat(LogCall.instant("2016-07-01T10:00:00-05:30", "until"))
        .isEqualTo(Instant.parse("2016-07-01T15:30:00Z"));
  }

  @Test
  void dateOnlyIsTheStartOfThatDayInTheLocalZone() {
    assertThat(LogCall.instant("2016-07-01", "since"))
        .isEqualTo(LocalDate.of(2016, 7, 1).atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  @Test
  void dateTimeWithoutAZoneIsInTheLocalZone() {
    assertThat(LogCall.instant("2016-07-01T10:00:00", "since"))
        .isEqualTo(LocalDateTime.of(2016, 7, 1, 10, 0).atZone(ZoneId.systemDefault()).toInstant());
    assertThat(LogCall.instant("2016-07-01T10:00", "since"))
        .isEqualTo(LocalDateTime.of(2016, 7, 1, 10, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  @Test
  void surroundingSpacesAreIgnored() {
    assertThat(LogCall.instant("  2016-07-01T10:00:00Z\n", "since")).isEqualTo(JULY_FIRST_10_UTC);
  }

  @Test
  void goDurationsCountBackFromNow() {
    Instant before = Instant.now();
    Instant tenMinutes = LogCall.instant("10m", "since");
    Instant ninetyMinutes = LogCall.instant("1h30m", "since");
    Instant after = Instant.now();

    assertThat(tenMinutes).isBetween(before.minus(Duration.ofMinutes(10)),
        after.minus(Duration.ofMinutes(10)));
    assertThat(ninetyMinutes).isBetween(before.minus(Duration.ofMinutes(90)),
        after.minus(Duration.ofMinutes(90)));
    assertThat(LogCall.instant("1.5h", "until"))
        .isCloseTo(Instant.now().minus(Duration.ofMinutes(90)), within(5, ChronoUnit.SECONDS));
    assertThat(LogCall.instant("300ms", "until"))
        .isCloseTo(Instant.now().minusMillis(300), within(5, ChronoUnit.SECONDS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"last tuesday", "", "   ", "-5m", "10 minutes", "2016-13-45",
      "2016-07-01Tnoon", "1467331200.", "1467331200.1234567891", "yesterday"})
  void badInputIsRejectedQuotingItAndListingTheAcceptedForms(String text) {
    assertThatThrownBy(() -> LogCall.instant(text, "since"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--since \"" + text + "\" is not valid")
        .hasMessageContaining("2016-07-01")
        .hasMessageContaining("2016-07-01T10:00:00Z")
        .hasMessageContaining("1467331200")
        .hasMessageContaining("10m");
  }

  @Test
  void badInputNamesTheFlagItWasGivenTo() {
    assertThatThrownBy(() -> LogCall.instant("soon", "until"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--until \"soon\" is not valid: expected a date (2016-07-01), a time"
            + " (2016-07-01T10:00:00Z), Unix seconds (1467331200) or a duration back from now"
            + " (10m, 1h30m)");
  }

  @Test
  void unixSecondsBeyondWhatATimeCanHoldAreRejectedLikeOtherBadInput() {
    // Fits a long, but is far past the last instant Java can represent
    assertThatThrownBy(() -> LogCall.instant("9999999999999999999", "since"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--since \"9999999999999999999\" is not valid");
    assertThatThrownBy(() -> LogCall.instant("999999999999999999", "since"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--since \"999999999999999999\" is not valid");
  }
}
