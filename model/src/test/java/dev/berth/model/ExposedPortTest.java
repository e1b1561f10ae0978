package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.berth.model.PortBinding.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExposedPortTest {

  @Test
  void parsesSinglePortAsTcp() {
    ExposedPort p = ExposedPort.parse("80");

    assertThat(p.start()).isEqualTo(80);
    assertThat(p.end()).isEqualTo(80);
    assertThat(p.protocol()).isEqualTo(Protocol.TCP);
    assertThat(p.keys()).containsExactly("80/tcp");
    assertThat(p).isEqualTo(ExposedPort.of(80));
  }

  @Test
  void parsesUdpRangeIntoOneKeyPerPort() {
    ExposedPort p = ExposedPort.parse("7000-7002/udp");

    assertThat(p.keys()).containsExactly("7000/udp", "7001/udp", "7002/udp");
    assertThat(p).hasToString("7000-7002/udp");
  }

  @Test
  void buildsPortWithProtocol() {
    assertThat(ExposedPort.of(9, Protocol.SCTP)).hasToString("9/sctp");
    assertThat(ExposedPort.of(9, Protocol.SCTP).keys()).containsExactly("9/sctp");
  }

  @Test
  void rejectsReversedRangeInConstructor() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExposedPort(90, 80, Protocol.TCP))
        .withMessageContaining("reversed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"80", "7000-8000/udp", "9/sctp", "1-65535"})
  void toStringParsesBackToEqualValue(String text) {
    assertThat(ExposedPort.parse(text)).hasToString(text);
    assertThat(ExposedPort.parse(ExposedPort.parse(text).toString()))
        .isEqualTo(ExposedPort.parse(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "8080:80|no host part",
        "0|1-65535",
        "70000|1-65535",
        "90-80|reversed",
        "80/foo|protocol \"foo\"",
        "abc|1-65535",
        "80-|1-65535",
      })
  void rejectsMalformedExposedPortQuotingIt(String text, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExposedPort.parse(text))
        .withMessageContaining("exposed port \"" + text + "\" is not valid")
        .withMessageContaining(reason);
  }
}
