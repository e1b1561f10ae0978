package dev.berth.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerClient;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** Every goal's engine settings reach {@code DockerClient.builder()}; nothing is sent here. */
class EngineSettingsTest {
  @Test
  void hostAndApiVersionAreTheClientsOwn() {
    TagMojo mojo = new TagMojo();
    mojo.dockerHost = "tcp://127.0.0.1:23750";
    mojo.apiVersion = "1.40";

    try (DockerClient client = mojo.client()) {
      assertThat(client.endpoint().toString()).contains("127.0.0.1:23750");
      assertThat(client.apiVersion().toString()).isEqualTo("1.40");
    }
  }

  @Test
  void aCertPathTurnsOnTlsFromThatDirectory() {
    TagMojo mojo = new TagMojo();
    mojo.dockerHost = "tcp://127.0.0.1:23760";
    mojo.certPath = "/nonexistent/berth-certs";

    assertThatThrownBy(mojo::client).hasMessageContaining("/nonexistent/berth-certs");
  }

  @Test
  void aContextIsLookedUpByName() {
    TagMojo mojo = new TagMojo();
    mojo.context = "berth-no-such-context";

    assertThatThrownBy(mojo::client)
        .hasMessageContaining("Docker context \"berth-no-such-context\"");
  }

  @Test
  void extraLabelsAreKeyValuePairs() throws Exception {
    TagMojo mojo = new TagMojo();
    mojo.extraLabels = "ci.job=1234, team=web,flag";

    assertThat(mojo.extraLabels()).containsExactly(
        java.util.Map.entry("ci.job", "1234"), java.util.Map.entry("team", "web"),
        java.util.Map.entry("flag", ""));

    mojo.extraLabels = "=oops";
    assertThatThrownBy(mojo::extraLabels).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("\"=oops\" is not valid");
  }

  @Test
  void pushCredentialsComeFromTheNamedServerAndAreCheckedBeforeAnythingIsSent() {
    PushMojo mojo = new PushMojo();
    mojo.dockerHost = "tcp://127.0.0.1:23770"; // nothing listens: nothing may be sent
    mojo.image = "127.0.0.1:5000/app:1";
    mojo.settings = new org.apache.maven.settings.Settings();
    org.apache.maven.settings.Server server = new org.apache.maven.settings.Server();
    server.setId("registry");
    server.setUsername("deployer");
    mojo.settings.addServer(server);

    mojo.serverId = "elsewhere";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("serverId \"elsewhere\" names no <server> in settings.xml");

    mojo.serverId = "registry"; // no password: refused as bad configuration, not a crash
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("credentials for \"127.0.0.1:5000\" need a user name and password");
  }

  @Test
  void skipRunsNothing() throws Exception {
    TagMojo mojo = new TagMojo();
    mojo.skip = true;
    mojo.dockerHost = "not a host";
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.lines).containsExactly("Skipping: berth.skip is set");
  }
}
