package dev.berth.junit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.junit.ContainerFixture;
import dev.berth.junit.DockerTest;
import dev.berth.junit.Fixture;
import dev.berth.junit.NetworkFixture;
import dev.berth.junit.Wait;
import dev.berth.model.ExecResult;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Containers reaching each other over a user-defined network, by name and by alias.
 *
 * <p>Moved from core's {@code dev.berth.networks.NetworksAndVolumesIT}, which made the network and
 * both containers by hand, tracked and removed them, and polled until httpd answered; here they
 * are fixtures, and the web container is ready once httpd answers inside it. It lives in
 * berth-junit's tests because core cannot depend on berth-junit. The network's own properties
 * (driver, subnet, listing, a taken name) are still tested in core.
 */
@DockerTest
@Timeout(120)
class NetworkedContainersIT {
  private static final String IMAGE = "berth-test/busybox:latest";
  @AutoClose private static final DockerClient docker = DockerClient.fromEnvironment();

  @Fixture final NetworkFixture net = NetworkFixture.create();
  @Fixture final ContainerFixture web = ContainerFixture.run("docker run -d --name " + net.name()
          + "-web " + IMAGE + " sh -c 'mkdir /www && echo served by httpd > /www/index.html"
          + " && httpd -f -p 80 -h /www'")
      .withNetwork(net, "www")
      .waitingFor(Wait.forExec("wget", "-q", "-O-", "http://localhost/"));
  @Fixture final ContainerFixture other = ContainerFixture.run("docker run -d " + IMAGE
      + " sleep 120");

  @Test
  void containersTalkByNameAndAliasOverAUserDefinedNetwork() {
    String client = other.container().id();
    // docker network connect --alias shop NET client
    docker.networks().connect(net.name(), client, List.of("shop"), null);
    ExecResult byName = other.exec("wget", "-q", "-O-", "http://" + net.name() + "-web/");
    assertThat(byName.exitCode()).isZero();
    assertThat(byName.stdout()).isEqualTo("served by httpd\n");
    assertThat(other.exec("wget", "-q", "-O-", "http://www/").stdout())
        .isEqualTo("served by httpd\n");
    assertThat(docker.networks().inspect(net.name()).containers())
        .contains(web.container().id(), client);

    docker.networks().disconnect(net.name(), client, false);
    assertThat(docker.networks().inspect(net.name()).containers()).doesNotContain(client);
  }
}
