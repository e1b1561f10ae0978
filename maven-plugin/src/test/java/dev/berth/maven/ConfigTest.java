package dev.berth.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.containers.PullPolicy;
import dev.berth.model.ContainerSpec;
import dev.berth.model.PortBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code <container>} and {@code <wait>} elements turn into Berth specs and waits. */
class ConfigTest {
  @Test
  void aRunLineIsReadAsTheCliReadsItAndTypedFieldsAddToIt() {
    ContainerConfig c = new ContainerConfig();
    c.run = "docker run -d -p 5432 --name db\n   -e A=1 postgres:16";
    c.env = Map.of("B", "2");
    c.labels = Map.of("team", "x");

    ContainerSpec s = c.spec();

    assertThat(s.image().toString()).isEqualTo("postgres:16");
    assertThat(s.name()).isEqualTo("db");
    assertThat(s.ports()).containsExactly(PortBinding.parse("5432"));
    assertThat(s.env()).extracting(Object::toString).containsExactly("A=1", "B=2");
    assertThat(s.labels()).containsEntry("team", "x");
    assertThat(c.alias()).isEqualTo("db");
  }

  @Test
  void typedFieldsAloneMakeASpec() {
    ContainerConfig c = new ContainerConfig();
    c.image = "127.0.0.1:5000/web:1.0";
    c.ports = List.of("8080", "127.0.0.1:9090:90");
    c.command = List.of("serve", "--fast");
    c.pull = "always";

    ContainerSpec s = c.spec();

    assertThat(s.command()).containsExactly("serve", "--fast");
    assertThat(s.ports()).hasSize(2);
    assertThat(c.alias()).isEqualTo("web");
    assertThat(c.pullPolicy()).isEqualTo(PullPolicy.ALWAYS);
  }

  @Test
  void badConfigurationIsRefusedQuotingIt() {
    ContainerConfig neither = new ContainerConfig();
    assertThatThrownBy(neither::spec).hasMessageContaining("needs either <run>")
        .hasMessageContaining("not neither");
    ContainerConfig both = new ContainerConfig();
    both.run = "busybox";
    both.image = "busybox";
    assertThatThrownBy(both::spec).hasMessageContaining("not both");
    ContainerConfig badAlias = new ContainerConfig();
    badAlias.image = "busybox";
    badAlias.alias = "my db";
    assertThatThrownBy(badAlias::alias).hasMessageContaining("\"my db\" is not valid");
    ContainerConfig badPull = new ContainerConfig();
    badPull.image = "busybox";
    badPull.pull = "sometimes";
    assertThatThrownBy(badPull::pullPolicy).hasMessageContaining("\"sometimes\" is not valid")
        .hasMessageContaining("missing, always or never");
    WaitConfig w = new WaitConfig();
    w.timeout = 0;
    assertThatThrownBy(w::timeout).hasMessageContaining("timeout 0 is not valid");
  }

  @Test
  void theRunLinesPullPolicyCountsWhenNoneIsConfigured() {
    ContainerConfig c = new ContainerConfig();
    c.run = "docker run --pull never busybox";
    assertThat(c.pullPolicy()).isEqualTo(PullPolicy.NEVER);
  }

  @Test
  void waitElementsBecomeBerthWaitsInOrder() {
    WaitConfig w = new WaitConfig();
    assertThat(w.waits()).isEmpty();
    w.log = "ready";
    w.logTimes = 2;
    w.port = 5432;
    w.http = "/health";
    w.httpPort = 8080;
    w.status = 204;
    w.healthy = true;
    w.exec = "pg_isready -q";

    assertThat(w.waits()).extracting(Object::toString).containsExactly(
        "a log line matching \"ready\" 2 times",
        "port 5432/tcp to accept connections",
        "GET /health on port 8080 to answer 204",
        "its healthcheck to report healthy",
        "exec pg_isready -q to exit with 0");
  }
}
