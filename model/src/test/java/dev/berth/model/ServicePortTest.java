package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServicePortTest {
  @Test
  void readsPublishedAndTargetAsAnIngressTcpPort() {
    ServicePort p = ServicePort.parse("8080:80");

    assertThat(p.published()).isEqualTo(8080);
    assertThat(p.target()).isEqualTo(80);
    assertThat(p.protocol()).isEqualTo("tcp");
    assertThat(p.mode()).isEqualTo("ingress");
    assertThat(p).isEqualTo(ServicePort.ingress(8080, 80)).hasSameHashCodeAs(
        ServicePort.ingress(8080, 80));
  }

  @Test
  void readsATargetAloneWithAProtocol() {
    ServicePort p = ServicePort.parse("53/UDP");

    assertThat(p.published()).isZero();
    assertThat(p.target()).isEqualTo(53);
    assertThat(p.protocol()).isEqualTo("udp");
    assertThat(ServicePort.parse(":53")).isEqualTo(ServicePort.ingress(0, 53));
  }

  @Test
  void readsTheKeyValueForm() {
    ServicePort p = ServicePort.parse("published=5353,target=53,protocol=udp,mode=host");

    assertThat(p).isEqualTo(ServicePort.host(5353, 53).protocol("udp"));
    assertThat(ServicePort.parse("target=80")).isEqualTo(ServicePort.ingress(0, 80));
    assertThat(ServicePort.parse(" Target = 80 , MODE=Ingress")).isEqualTo(
        ServicePort.ingress(0, 80));
  }

  @Test
  void expandsRanges() {
    assertThat(ServicePort.parseAll("8080-8082:80-82/sctp")).containsExactly(
        ServicePort.ingress(8080, 80).protocol("sctp"),
        ServicePort.ingress(8081, 81).protocol("sctp"),
        ServicePort.ingress(8082, 82).protocol("sctp"));
    assertThat(ServicePort.parseAll("9000-9001")).containsExactly(
        ServicePort.ingress(0, 9000), ServicePort.ingress(0, 9001));
    assertThat(ServicePort.parseAll("80")).containsExactly(ServicePort.ingress(0, 80));
  }

  @Test
  void parseRefusesARangeAndPointsToParseAll() {
    assertThatIllegalArgumentException().isThrownBy(() -> ServicePort.parse("80-81"))
        .withMessage("port \"80-81\" is a range of 2 ports: read it with ServicePort.parseAll");
  }

  @Test
  void writesTheLongFormThatReadsBack() {
    ServicePort p = ServicePort.host(8080, 80).protocol("udp");

    assertThat(p.toFlagValue()).isEqualTo("published=8080,target=80,protocol=udp,mode=host");
    assertThat(ServicePort.ingress(0, 80).toFlagValue())
        .isEqualTo("target=80,protocol=tcp,mode=ingress");
    assertThat(ServicePort.parse(p.toFlagValue())).isEqualTo(p);
    assertThat(p).hasToString(p.toFlagValue());
  }

  @Test
  void differsByEachPart() {
    ServicePort p = ServicePort.ingress(8080, 80);

    assertThat(p).isNotEqualTo(ServicePort.ingress(8081, 80))
        .isNotEqualTo(ServicePort.ingress(8080, 81))
        .isNotEqualTo(ServicePort.host(8080, 80))
        .isNotEqualTo(p.protocol("udp"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|is not valid",
      "1.2.3.4:80:80|a host IP cannot be given to a service port",
      "70000:80|published port 70000 is not valid: expected 0 to 65535",
      "80:0|target port 0 is not valid: expected 1 to 65535",
      "abc|the target port \"abc\" is not a number",
      "80/icmp|protocol \"icmp\" is not tcp, udp or sctp",
      "90-80|the target range ends before it starts",
      "80-81:90|the published and target ranges differ in length",
      "published=80|the target port is missing",
      "target=80,mode=global|mode \"global\" is not ingress or host",
      "target=80,color=red|field \"color\" is unknown",
      "target=80,mode|field \"mode\" has no value"
  })
  void refusesBadSpecsQuotingThemAndSayingWhatIsExpected(String spec, String problem) {
    assertThatIllegalArgumentException().isThrownBy(() -> ServicePort.parseAll(spec))
        .withMessageStartingWith("port \"" + spec + "\" is not valid: ")
        .withMessageContaining(problem)
        .withMessageContaining("expected [published:]target[/protocol]");
  }

  @Test
  void refusesOutOfRangePortsInTheFactories() {
    assertThatIllegalArgumentException().isThrownBy(() -> ServicePort.ingress(-1, 80))
        .withMessage("published port -1 is not valid: expected 0 to 65535");
    assertThatIllegalArgumentException().isThrownBy(() -> ServicePort.host(80, 0))
        .withMessage("target port 0 is not valid: expected 1 to 65535");
    assertThatIllegalArgumentException().isThrownBy(() -> ServicePort.ingress(80, 80)
        .protocol("icmp")).withMessageContaining("\"icmp\"");
  }
}
