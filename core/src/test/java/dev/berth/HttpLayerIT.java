package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.transport.Transport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves which HTTP layer carried this run's integration tests. The build hands {@code
 * -Ddev.berth.http} (default {@code berth}) to every forked test JVM; here a proxy in front of the
 * engine reads what arrives on the wire. OkHttp names itself in {@code User-Agent}; Berth's own
 * HTTP/1.1 layer sends no such header.
 */
class HttpLayerIT {
  @TempDir
  Path dir;

  @Test
  void theLayerTheBuildChoseIsTheOneOnTheWire() throws Exception {
    String chosen = System.getProperty(Transport.HTTP_PROPERTY);
    assertThat(chosen).as("the build passes %s to the test JVM", Transport.HTTP_PROPERTY)
        .isIn("berth", "okhttp");
    Path engine;
    try (DockerClient direct = TestEngine.client()) {
      engine = Path.of(direct.endpoint().path());
    }
    try (FaultProxy proxy = FaultProxy.unix(dir.resolve("layer.sock"), engine);
        DockerClient docker = DockerClient.builder().endpoint(proxy.endpoint()).build()) {
      assertThat(docker.system().version().apiVersion()).isNotNull();
      List<String> heads = proxy.requestHeads();
      assertThat(heads).isNotEmpty();
      String head = heads.get(0).toLowerCase(Locale.ROOT);
      String onTheWire = head.contains("\r\nuser-agent: okhttp/") ? "okhttp" : "berth";
      assertThat(onTheWire).as("request head:%n%s", heads.get(0)).isEqualTo(chosen);
      System.out.println("HttpLayerIT: the integration tests ran over the " + onTheWire
          + " HTTP layer");
    }
  }
}
