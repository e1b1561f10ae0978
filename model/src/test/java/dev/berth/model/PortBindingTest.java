package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.berth.model.PortBinding.Entry;
import dev.berth.model.PortBinding.Protocol;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortBindingTest {

  @Test
  void parsesContainerPortAlone() {
    PortBinding p = PortBinding.parse("80");

    assertThat(p.hostIp()).isEmpty();
    assertThat(p.hostPortStart()).isZero();
    assertThat(p.hostPortEnd()).isZero();
    assertThat(p.containerPortStart()).isEqualTo(80);
    assertThat(p.containerPortEnd()).isEqualTo(80);
    assertThat(p.protocol()).isEqualTo(Protocol.TCP);
    assertThat(p.expand()).containsExactly(new Entry("80/tcp", "", ""));
  }

  @Test
  void parsesHostAndContainerPort() {
    PortBinding p = PortBinding.parse("8080:80");

    assertThat(p.hostPortStart()).isEqualTo(8080);
    assertThat(p.hostPortEnd()).isEqualTo(8080);
    assertThat(p.expand()).containsExactly(new Entry("80/tcp", "", "8080"));
    assertThat(p).isEqualTo(PortBinding.of(8080, 80));
  }

  @Test
  void parsesIpv4HostIp() {
    PortBinding p = PortBinding.parse("127.0.0.1:8080:80");

    assertThat(p.hostIp()).isEqualTo("127.0.0.1");
    assertThat(p.expand()).containsExactly(new Entry("80/tcp", "127.0.0.1", "8080"));
  }

  @Test
  void parsesHostIpWithRandomHostPort() {
    PortBinding p = PortBinding.parse("127.0.0.1::80");

    assertThat(p.hostIp()).isEqualTo("127.0.0.1");
    assertThat(p.hostPortStart()).isZero();
    assertThat(p.expand()).containsExactly(new Entry("80/tcp", "127.0.0.1", ""));
    assertThat(p).hasToString("127.0.0.1::80");
  }

  @Test
  void parsesIpv6HostPort() {
    PortBinding p = PortBinding.parse("[::1]:8080:80");

    assertThat(p.hostIp()).isEqualTo("::1");
    assertThat(p.hostPortStart()).isEqualTo(8080);
    assertThat(p.expand()).containsExactly(new Entry("80/tcp", "::1", "8080"));
    assertThat(p).hasToString("[::1]:8080:80");
  }

  @Test
  void parsesFullIpv6AddresssesAndMappedIpv4() {
    assertThat(PortBinding.parse("[2001:db8::1]:443:443").hostIp()).isEqualTo("2001:db8::1");
    assertThat(PortBinding.parse("[::ffff:127.0.0.1]:80:80").hostIp())
        .isEqualTo("::ffff:127.0.0.1");
    assertThat(PortBinding.parse("[1:2:3:4:5:6:7:8]::80").hostIp()).isEqualTo("1:2:3:4:5:6:7:8");
  }

  @Test
  void parsesIpv6WithRandomHostPortAndUdp() {
    PortBinding p = PortBinding.parse("[::1]::53/udp");

    assertThat(p.protocol()).isEqualTo(Protocol.UDP);
    assertThat(p.expand()).containsExactly(new Entry("53/udp", "::1", ""));
    assertThat(p).hasToString("[::1]::53/udp");
  }

  @Test
  void expandsMatchedRangesPairwise() {
    PortBinding p = PortBinding.parse("8000-8002:80-82");

    assertThat(p.hostPortStart()).isEqualTo(8000);
    assertThat(p.hostPortEnd()).isEqualTo(8002);
    assertThat(p.containerPortStart()).isEqualTo(80);
    assertThat(p.containerPortEnd()).isEqualTo(82);
    assertThat(p.expand())
        .containsExactly(
            new Entry("80/tcp", "", "8000"),
            new Entry("81/tcp", "", "8001"),
            new Entry("82/tcp", "", "8002"));
  }

  @Test
  void elevenPortRangesPairUp() {
    List<Entry> entries = PortBinding.parse("8000-8010:80-90").expand();

    assertThat(entries).hasSize(11);
    assertThat(entries.get(10)).isEqualTo(new Entry("90/tcp", "", "8010"));
  }

  @Test
  void keepsHostRangeForSingleContainerPort() {
    PortBinding p = PortBinding.parse("8000-8010:80");

    assertThat(p.expand()).containsExactly(new Entry("80/tcp", "", "8000-8010"));
    assertThat(p).hasToString("8000-8010:80");
  }

  @Test
  void expandsContainerRangeWithRandomHostPorts() {
    assertThat(PortBinding.parse("80-82/udp").expand())
        .containsExactly(
            new Entry("80/udp", "", ""), new Entry("81/udp", "", ""), new Entry("82/udp", "", ""));
  }

  @Test
  void readsEveryProtocolInAnyCase() {
    assertThat(PortBinding.parse("53/udp").protocol()).isEqualTo(Protocol.UDP);
    assertThat(PortBinding.parse("9/sctp").protocol()).isEqualTo(Protocol.SCTP);
    assertThat(PortBinding.parse("80/TCP")).isEqualTo(PortBinding.parse("80"));
    assertThat(PortBinding.parse("80/tcp")).hasToString("80");
  }

  @Test
  void treatsEmptyIpLikeNoIp() {
    assertThat(PortBinding.parse(":8080:80")).isEqualTo(PortBinding.parse("8080:80"));
  }

  @Test
  void keepsAllAddressesIpDistinctFromNone() {
    PortBinding p = PortBinding.parse("0.0.0.0:80:80");

    assertThat(p.hostIp()).isEqualTo("0.0.0.0");
    assertThat(p).isNotEqualTo(PortBinding.of(80, 80));
  }

  @Test
  void buildsBindingsFromFactories() {
    assertThat(PortBinding.of(8080, 80)).hasToString("8080:80");
    assertThat(PortBinding.random(80)).hasToString("80");
    assertThat(PortBinding.random(80).expand()).containsExactly(new Entry("80/tcp", "", ""));
    assertThat(PortBinding.of(8080, 80).withHostIp("::1")).hasToString("[::1]:8080:80");
    assertThat(PortBinding.of(8080, 80).withHostIp("[::1]").hostIp()).isEqualTo("::1");
    assertThat(PortBinding.of(8080, 80).withHostIp("10.0.0.1").withHostIp(""))
        .isEqualTo(PortBinding.of(8080, 80));
    assertThat(PortBinding.of(8080, 80).withProtocol(Protocol.UDP)).hasToString("8080:80/udp");
  }

  @Test
  void rejectsBadFactoryArguments() {
    assertThatIllegalArgumentException().isThrownBy(() -> PortBinding.of(0, 80))
        .withMessageContaining("host port 0");
    assertThatIllegalArgumentException().isThrownBy(() -> PortBinding.random(70000))
        .withMessageContaining("container port 70000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PortBinding.of(1, 2).withHostIp("localhost"))
        .withMessageContaining("\"localhost\"");
  }

  @Test
  void namesProtocolsInLowerCase() {
    assertThat(Protocol.TCP.text()).isEqualTo("tcp");
    assertThat(Protocol.parse("SCTP")).isEqualTo(Protocol.SCTP);
    assertThatIllegalArgumentException().isThrownBy(() -> Protocol.parse("icmp"))
        .withMessageContaining("\"icmp\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "80", "8080:80", "127.0.0.1:8080:80", "127.0.0.1::80", "[::1]:8080:80", "8000-8010:80-90",
        "8000-8010:80", "80-90", "53/udp", "[::1]::53/sctp", "10.0.0.1:7000-7001:7000-7001/udp",
      })
  void toStringParsesBackToEqualValue(String spec) {
    PortBinding p = PortBinding.parse(spec);

    assertThat(p).hasToString(spec);
    assertThat(PortBinding.parse(p.toString())).isEqualTo(p).hasSameHashCodeAs(p);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "empty"),
        Arguments.of(" 80", "white space"),
        Arguments.of("0", "container port must be a number 1-65535"),
        Arguments.of("65536", "container port must be a number 1-65535"),
        Arguments.of("abc", "container port must be a number 1-65535"),
        Arguments.of("80:abc", "container port must be a number 1-65535"),
        Arguments.of("+80", "container port must be a number 1-65535"),
        Arguments.of("80-", "container port must be a number 1-65535"),
        Arguments.of("-80", "container port must be a number 1-65535"),
        Arguments.of("80--90", "container port must be a number 1-65535"),
        Arguments.of("abc:80", "host port must be a number 1-65535"),
        Arguments.of("0:80", "host port must be a number 1-65535"),
        Arguments.of("8080:", "container port is missing"),
        Arguments.of("127.0.0.1:8080:", "container port is missing"),
        Arguments.of("8080:0", "container port must be a number 1-65535"),
        Arguments.of("90-80", "range 90-80 is reversed"),
        Arguments.of("8080-8070:80", "range 8080-8070 is reversed"),
        Arguments.of("8000-8001:80-90", "they must match"),
        Arguments.of("8080:80-81", "they must match"),
        Arguments.of("80/xyz", "protocol \"xyz\""),
        Arguments.of("80/", "protocol \"\""),
        Arguments.of("localhost:8080:80", "host names are not allowed"),
        Arguments.of("1.2.3:80:80", "host names are not allowed"),
        Arguments.of("256.1.1.1:80:80", "host names are not allowed"),
        Arguments.of("01.2.3.4:80:80", "host names are not allowed"),
        Arguments.of("::1:8080:80", "too many colons"),
        Arguments.of("1:2:3:4", "too many colons"),
        Arguments.of("[::1]8080:80", "must be followed by"),
        Arguments.of("[::1:8080:80", "no closing ]"),
        Arguments.of("[::1]:80", "expected hostPort:containerPort"),
        Arguments.of("[zz::1]:80:80", "not an IP address"),
        Arguments.of("[fe80::1%eth0]:80:80", "not an IP address"),
        Arguments.of("[1::2::3]:80:80", "not an IP address"),
        Arguments.of("[1:2:3:4:5:6:7:8:9]:80:80", "not an IP address"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void rejectsMalformedSpecQuotingIt(String spec, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PortBinding.parse(spec))
        .withMessageContaining("port spec \"" + spec + "\" is not valid")
        .withMessageContaining(reason)
        .withMessageContaining("expected [[ip:][hostPort]:]containerPort[/tcp|udp|sctp]");
  }
}
