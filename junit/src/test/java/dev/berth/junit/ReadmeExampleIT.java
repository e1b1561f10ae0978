package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example README.md's "Berth in your tests" quotes: keep the two the same. */
@DockerTest
class ReadmeExampleIT {
  @Fixture
  static NetworkFixture shop = NetworkFixture.create();

  @Fixture
  static ContainerFixture web = ContainerFixture
      .run("docker run -d -p 80 berth-test/busybox:latest httpd -f -p 80 -h /www")
      .withFile("welcome\n".getBytes(StandardCharsets.UTF_8), "/www/index.html")
      .withNetwork(shop, "web")
      .waitingFor(Wait.forHttp("/").matching(body -> body.startsWith("welcome")))
      .withLogger("shop.web");

  @Fixture
  ContainerFixture client = ContainerFixture    // a fresh one for each test
      .run("docker run -d berth-test/busybox:latest sh -c 'echo up; exec sleep 300'")
      .withNetwork(shop)
      .waitingFor(Wait.forLogLine("^up$"));

  @Test
  void theTestReachesThePublishedPort() throws Exception {
    URI uri = URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/");
    HttpResponse<String> answer = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).isEqualTo("welcome\n");
  }

  @Test
  void containersReachEachOtherByAlias() {
    assertThat(client.exec("wget", "-q", "-O-", "http://web/").stdout()).isEqualTo("welcome\n");
  }
}
