package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

  @ParameterizedTest
  @CsvSource({
    "512m, 536870912",
    "1.5g, 1610612736",
    "100, 100",
    "100b, 100",
    "100B, 100",
    "1k, 1024",
    "1KB, 1024",
    "1kib, 1024",
    "1KiB, 1024",
    "2 MB, 2097152",
    "1t, 1099511627776",
    "1p, 1125899906842624",
    ".5k, 512",
    "1.5b, 1",
    "0, 0",
    "7.p, 7881299347898368",
  })
  void parsesSizesWithBinaryUnits(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({
    "536870912, 512m",
    "1610612736, 1.5g",
    "1000, 1000",
    "1024, 1k",
    "1536, 1536",
    "0, 0",
    "1, 1",
    "67108864, 64m",
    "1125899906842624, 1p",
  })
  void formatsInShortestExactForm(long bytes, String text) {
    assertThat(ByteSize.format(bytes)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 1023, 1025, 3 << 20, 123456789, 5L << 40, Long.MAX_VALUE})
  void formatParsesBackExactly(long bytes) {
    assertThat(ByteSize.parse(ByteSize.format(bytes))).isEqualTo(bytes);
  }

  @Test
  void rejectsNegativeInFormat() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ByteSize.format(-1))
        .withMessageContaining("negative");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "-1", "1x", "m", "1.2.3m", "1kbb", "1ki", "99999999p", "1e3", " 1m", "1m ",
        "1  m", "1bb"})
  void rejectsMalformedSizeQuotingIt(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ByteSize.parse(text))
        .withMessageContaining("size \"" + text + "\" is not valid")
        .withMessageContaining("expected a number of bytes");
  }
}
