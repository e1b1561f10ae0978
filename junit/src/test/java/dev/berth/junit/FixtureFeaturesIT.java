package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.NotFoundException;
import dev.berth.junit.internal.Session;
import dev.berth.model.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files copied in before the start, output to consumers, UDP ports, and what stop removes. */
class FixtureFeaturesIT {
  static final String IMAGE = "berth-test/busybox:latest";

  @Test
  void filesArriveBeforeTheStart(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("app.conf"), "port=8080\n");
    Files.createDirectories(dir.resolve("site/css"));
    Files.writeString(dir.resolve("site/css/main.css"), "body{}\n");
    // the command reads the files as it starts: they must be there before
    try (ContainerFixture f = ContainerFixture.run("docker run -d " + IMAGE + " sh -c"
            + " 'cat /etc/app/app.conf /srv/site/css/main.css /deep/new/dir/token; sleep 300'")
        .withFile(dir.resolve("app.conf"), "/etc/app/app.conf")
        .withFile(dir.resolve("site"), "/srv/site")
        .withFile("s3cret\n".getBytes(StandardCharsets.UTF_8), "/deep/new/dir/token")
        .waitingFor(Wait.forLogLine("s3cret"))) {
      f.start();
      assertThat(f.logs()).isEqualTo("port=8080\nbody{}\ns3cret\n");
      assertThat(f.exec("stat", "-c", "%a", "/deep/new/dir/token").stdout()).isEqualTo("644\n");
    }
  }

  @Test
  void outputReachesConsumersLineByLineWithItsStream() {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ContainerFixture f = ContainerFixture.run("docker run -d " + IMAGE
            + " sh -c 'echo out one; echo err one >&2; printf \"out two\\nout three\\n\"; sleep 300'")
        .withLogConsumer(frame -> lines.add(frame.stream() + " " + frame.text()))
        .withLogger("dev.berth.junit.test.output")
        .waitingFor(Wait.forLogLine("out three"))) {
      f.start();
      assertThat(lines).containsExactlyInAnyOrder(Frame.Stream.STDOUT + " out one",
          Frame.Stream.STDERR + " err one", Frame.Stream.STDOUT + " out two",
          Frame.Stream.STDOUT + " out three");
      assertThat(lines.indexOf("STDOUT out one")).isLessThan(lines.indexOf("STDOUT out two"));
    }
  }

  @Test
  void udpAndTcpPortsAreToldApart() {
    try (ContainerFixture f = ContainerFixture.run("docker run -d -p 5353/udp -p 8080 " + IMAGE
        + " sleep 300")) {
      f.start();
      assertThat(f.hostPort("5353/udp")).isPositive();
      assertThat(f.hostPort(8080)).isPositive();
      assertThat(f.hostPort("8080/tcp")).isEqualTo(f.hostPort(8080));
      assertThat(f.host()).isEqualTo("localhost");
      assertThatThrownBy(() -> f.hostPort(5353))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("publishes no host port for 5353/tcp; published: 5353/udp,"
              + " 8080/tcp");
    }
  }

  @Test
  void stopRemovesTheContainerWithItsAnonymousVolumesAndItsNetwork() {
    NetworkFixture net = NetworkFixture.create();
    ContainerFixture f = ContainerFixture.run("docker run -d -v /data " + IMAGE + " sleep 300")
        .withNetwork(net);
    f.start();
    String id = f.container().id();
    Object mounts = f.container().inspect().raw().get("Mounts");
    String volume = String.valueOf(((Map<?, ?>) ((List<?>) mounts).get(0)).get("Name"));
    assertThat(f.container().inspect().labels())
        .containsEntry("dev.berth.test", "true")
        .containsEntry("dev.berth.session", Session.get().id());
    assertThat(net.isStarted()).isTrue();
    f.stop();
    assertThat(f.isStarted()).isFalse();
    assertThat(net.isStarted()).as("a network the fixture's start made is removed with it")
        .isFalse();
    assertThatThrownBy(() -> Session.get().client().containers().get(id).inspect())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> Session.get().client().volumes().inspect(volume))
        .isInstanceOf(NotFoundException.class);
    f.stop(); // twice is fine
  }

  @Test
  void aFixtureCanStartAgainAfterItsStop() {
    try (ContainerFixture f = ContainerFixture.run("docker run -d " + IMAGE + " sleep 300")) {
      f.start();
      String first = f.container().id();
      f.stop();
      f.start();
      assertThat(f.container().id()).isNotEqualTo(first);
      assertThatThrownBy(() -> f.waitingFor(Wait.forPort(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("configure it before it starts");
    }
  }

  @Test
  void anImageTheEngineLacksFailsWithTheEnginesWordsAndLeavesNothing() {
    ContainerFixture f = ContainerFixture.run("docker run -d 127.0.0.1:1/berth-test/none:1");
    assertThatThrownBy(f::start)
        .isInstanceOf(FixtureException.class)
        .hasMessageStartingWith("fixture 127.0.0.1:1/berth-test/none:1 could not be created: ");
    assertThat(f.isStarted()).isFalse();
  }
}
