package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRefTest {
  @Test
  void aBareNameIsAFileUnderRunSecretsOwnedByRootReadableByAll() {
    SecretRef s = SecretRef.parse("app_key");

    assertThat(s.source()).isEqualTo("app_key");
    assertThat(s.target()).isEqualTo("app_key");
    assertThat(s.uid()).isEqualTo("0");
    assertThat(s.gid()).isEqualTo("0");
    assertThat(s.mode()).isEqualTo(0444);
    assertThat(s).isEqualTo(SecretRef.of("app_key"));
  }

  @Test
  void readsEveryField() {
    SecretRef s = SecretRef.parse("source=app_key,target=/etc/app/key.pem,uid=100,gid=200,"
        + "mode=0400");

    assertThat(s).isEqualTo(new SecretRef("app_key", "/etc/app/key.pem", "100", "200", 0400));
    assertThat(SecretRef.parse("src=k,mode=600").mode()).isEqualTo(0600);
    assertThat(SecretRef.parse("source=k,target=").target()).isEqualTo("k");
  }

  @Test
  void writesTheFieldsThatDifferFromTheDefaults() {
    assertThat(SecretRef.of("k").toFlagValue()).isEqualTo("source=k");
    SecretRef s = SecretRef.of("k").target("/etc/k").mode(0400);
    assertThat(s.toFlagValue()).isEqualTo("source=k,target=/etc/k,mode=0400");
    assertThat(SecretRef.parse(s.toFlagValue())).isEqualTo(s);
    SecretRef all = new SecretRef("k", "x", "1", "2", 0);
    assertThat(SecretRef.parse(all.toFlagValue())).isEqualTo(all);
  }

  @Test
  void equalsByEveryPart() {
    SecretRef s = SecretRef.of("k");

    assertThat(s).isEqualTo(new SecretRef("k", "k", "0", "0", 0444))
        .hasSameHashCodeAs(new SecretRef("k", "k", "0", "0", 0444))
        .isNotEqualTo(s.target("/x")).isNotEqualTo(s.mode(0400))
        .isNotEqualTo(SecretRef.of("j"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "source=k,owner=me|field \"owner\" is unknown",
      "target=/x|the source is missing",
      "source=k,uid=root|uid \"root\" is not a number",
      "source=k,gid=-1|gid \"-1\" is not a number",
      "source=k,mode=0999|mode \"0999\" is not an octal file mode such as 0400",
      "source=a/b|name \"a/b\" must be non-empty without / or ,"
  })
  void refusesBadValuesQuotingThem(String spec, String problem) {
    assertThatIllegalArgumentException().isThrownBy(() -> SecretRef.parse(spec))
        .withMessageStartingWith("--secret \"" + spec + "\" is not valid: ")
        .withMessageContaining(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void refusesAnEmptyValue(String spec) {
    assertThatIllegalArgumentException().isThrownBy(() -> SecretRef.parse(spec))
        .withMessageContaining("expected a name, or key=value fields");
  }

  @Test
  void refusesABadModeInTheConstructor() {
    assertThatIllegalArgumentException().isThrownBy(() -> SecretRef.of("k").mode(010000))
        .withMessage("secret file mode 10000 is not valid: expected 0 to 07777 (octal)");
  }

  @Test
  void configsDefaultToTheirName() {
    // As the CLI sends it; the engine places a relative config target at the root.
    ConfigRef c = ConfigRef.parse("nginx_conf");

    assertThat(c.target()).isEqualTo("nginx_conf");
    assertThat(c.mode()).isEqualTo(0444);
    assertThat(ConfigRef.parse("source=c,target=/etc/c.conf,mode=0440"))
        .isEqualTo(ConfigRef.of("c").target("/etc/c.conf").mode(0440));
    assertThat(ConfigRef.of("c").toFlagValue()).isEqualTo("source=c");
    assertThatIllegalArgumentException().isThrownBy(() -> ConfigRef.parse("source=c,x=1"))
        .withMessageStartingWith("--config \"source=c,x=1\" is not valid");
  }
}
