package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestartPolicyTest {

  @Test
  void namesPoliciesAsTheEngineApiDoes() {
    assertThat(RestartPolicy.no().name()).isEqualTo("no");
    assertThat(RestartPolicy.always().name()).isEqualTo("always");
    assertThat(RestartPolicy.unlessStopped().name()).isEqualTo("unless-stopped");
    assertThat(RestartPolicy.onFailure().name()).isEqualTo("on-failure");
    assertThat(RestartPolicy.onFailure().maxRetries()).isZero();
  }

  @Test
  void parsesOnFailureWithMaxRetries() {
    RestartPolicy p = RestartPolicy.parse("on-failure:5");

    assertThat(p.name()).isEqualTo("on-failure");
    assertThat(p.maxRetries()).isEqualTo(5);
    assertThat(p).isEqualTo(RestartPolicy.onFailure(5)).hasToString("on-failure:5");
  }

  @Test
  void treatsZeroRetriesAsUnlimitedOnFailure() {
    assertThat(RestartPolicy.parse("on-failure:0")).isEqualTo(RestartPolicy.onFailure());
  }

  @Test
  void parsesEachNamedPolicy() {
    assertThat(RestartPolicy.parse("no")).isEqualTo(RestartPolicy.no());
    assertThat(RestartPolicy.parse("always")).isEqualTo(RestartPolicy.always());
    assertThat(RestartPolicy.parse("unless-stopped")).isEqualTo(RestartPolicy.unlessStopped());
    assertThat(RestartPolicy.parse("on-failure")).isEqualTo(RestartPolicy.onFailure());
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "always", "unless-stopped", "on-failure", "on-failure:3"})
  void toStringParsesBackToEqualValue(String text) {
    RestartPolicy p = RestartPolicy.parse(text);

    assertThat(p).hasToString(text);
    assertThat(RestartPolicy.parse(p.toString())).isEqualTo(p).hasSameHashCodeAs(p);
  }

  @Test
  void rejectsNegativeRetries() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RestartPolicy.onFailure(-1))
        .withMessageContaining("-1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|no policy is given",
        "never|unknown policy \"never\"",
        "Always|unknown policy \"Always\"",
        "always:3|only on-failure",
        "no:0|only on-failure",
        "on-failure:-1|whole number 0 or more",
        "on-failure:x|whole number 0 or more",
        "on-failure:|whole number 0 or more",
        "on-failure:1.5|whole number 0 or more",
        "on-failure:99999999999|whole number 0 or more",
        ":3|no policy is given",
      })
  void rejectsMalformedPolicyQuotingIt(String text, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RestartPolicy.parse(text))
        .withMessageContaining("restart policy \"" + text + "\" is not valid")
        .withMessageContaining(reason);
  }
}
