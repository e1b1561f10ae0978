package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A defect the hostile-input fuzzing found in {@link Endpoint#parse} (DOCKER_HOST). */
class EndpointHostileInputTest {
  @Test
  void aLongSchemeOfDottedCapitalIIsRejectedInLinearTime() {
    // String.toLowerCase takes quadratic time over "\u0130" in JDK 17: some 20 s for 200,000
    String scheme = "\u0130".repeat(200_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> Endpoint.parse(scheme + "://host"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("the scheme \"\u0130\u0130"));
    // schemes are still read in any case
    assertThat(Endpoint.parse("TCP://h:1").scheme()).isEqualTo(Endpoint.Scheme.TCP);
  }
}
