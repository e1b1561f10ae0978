package dev.berth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Times in inspect answers, read by the fast path as {@link Instant#parse} reads them. */
class EngineTimesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "2016-07-01T10:00:00Z",
      "2016-07-01T10:00:00.1Z",
      "2016-07-01T10:00:00.12Z",
      "2016-07-01T10:00:00.123Z",
      "2016-07-01T10:00:00.1234Z",
      "2016-07-01T10:00:00.12345Z",
      "2016-07-01T10:00:00.123456Z",
      "2016-07-01T10:00:00.1234567Z",
      "2016-07-01T10:00:00.12345678Z",
      "2026-11-28T08:39:16.987654321Z",
      "2024-02-29T23:59:59.999999999Z",
      "1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59.5Z",
      "9999-12-31T23:59:59Z"})
  void dockerdTimesReadAsInstantParseReadsThem(String text) {
    assertThat(EngineTimes.utc(text)).isEqualTo(Instant.parse(text));
    assertThat(EngineTimes.instant(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2016-07-01T10:00:00+02:00",      // an offset: Instant.parse decides
      "2016-07-01T10:00:00.Z",
      "2016-07-01T10:00:00.1234567890Z", // ten fraction digits
      "2016-02-30T10:00:00Z",
      "2016-13-01T10:00:00Z",
      "2016-07-01T24:00:00Z",
      "2016-07-01 10:00:00Z",
      "2016-07-01T10:00Z",
      "+2016-07-01T10:00:00Z",
      "2016-07-01T10:00:0xZ"})
  void otherFormsAreLeftToInstantParse(String text) {
    assertThat(EngineTimes.utc(text)).isNull();
  }

  @Test
  void theZeroTimeAndEmptyTextAreNoTime() {
    assertThat(EngineTimes.instant("0001-01-01T00:00:00Z")).isNull();
    assertThat(EngineTimes.instant("")).isNull();
    assertThat(EngineTimes.instant(null)).isNull();
    assertThat(EngineTimes.instant("2016-02-30T10:00:00Z")).isNull();
  }

  @Test
  void anOffsetStillReadsThroughInstantParse() {
    assertThat(EngineTimes.instant("2016-07-01T10:00:00+02:00"))
        .isEqualTo(Instant.parse("2016-07-01T08:00:00Z"));
  }
}
