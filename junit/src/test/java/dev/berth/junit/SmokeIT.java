package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@DockerTest
class SmokeIT {
  @Fixture
  static ContainerFixture web = ContainerFixture.run(
          "docker run -d -p 80 berth-test/busybox:latest httpd -f -p 80 -h /www")
      .withFile("hello from berth\n".getBytes(StandardCharsets.UTF_8), "/www/index.html")
      .waitingFor(Wait.forHttp("/"));

  @Test
  void answers() throws Exception {
    HttpGet r = HttpGet.get(web.host(), web.hostPort(80), "/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hello from berth\n");
    assertThat(web.exec("cat", "/www/index.html").stdout()).isEqualTo("hello from berth\n");
  }
}
