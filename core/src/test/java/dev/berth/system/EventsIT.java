package dev.berth.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.TestEngine;
import dev.berth.containers.Container;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DiskUsage;
import dev.berth.model.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Engine events, and a follow stream that survives a dropped connection. */
@Timeout(120)
class EventsIT {
  @TempDir Path dir;

  /** What Podman says besides dockerd's actions (between create and start, after die). */
  private static final List<String> PODMAN_ONLY = List.of("init", "cleanup");

  private static List<String> actions(EventStream events, int count) {
    List<String> seen = new ArrayList<>();
    while (seen.size() < count) {
      Event e = events.next();
      assertThat(e).as("event stream ended after %s", seen).isNotNull();
      if (!PODMAN_ONLY.contains(e.action())) {
        seen.add(e.action());
      }
    }
    return seen;
  }

  @Test
  void containerEventsArriveInOrderAndSurviveADroppedConnection() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path engine = Path.of(TestEngine.client().endpoint().path());
    try (DroppingProxy proxy = new DroppingProxy(dir.resolve("proxy.sock"), engine);
        DockerClient viaProxy = DockerClient.builder()
            .endpoint("unix://" + dir.resolve("proxy.sock")).build();
        DockerClient docker = TestEngine.client();
        EventStream events = viaProxy.system().events(EventOptions.follow()
            .filter("type", "container").filter("label", "dev.berth.test.events=" + run))) {
      Container c = docker.containers().create(ContainerSpec.of(TestEngine.IMAGE)
          .command("sh", "-c", "exit 0").label(TestEngine.LABEL, "true")
          .label("dev.berth.test.events", run));
      try {
        assertThat(actions(events, 1)).containsExactly("create");

        proxy.dropAll(); // the stream's connection is cut; what follows must not be lost
        c.start();
        c.waitFor();
        c.remove(RemoveOptions.defaults());

        assertThat(actions(events, 3)).containsExactly("start", "die", "destroy");
        assertThat(events.reconnects()).isGreaterThanOrEqualTo(1);
      } finally {
        try {
          c.remove(RemoveOptions.force());
        } catch (dev.berth.NotFoundException gone) {
          // removed above
        }
      }
    }
  }

  @Test
  void idleFollowStreamDoesNotTimeOutAndCloseEndsIt() throws Exception {
    try (DockerClient docker = DockerClient.builder().readTimeout(Duration.ofMillis(500))
        .build();
        EventStream events = docker.system().events(EventOptions.follow()
            .filter("label", "dev.berth.test.nothing=" + UUID.randomUUID()))) {
      CompletableFuture<Event> next = CompletableFuture.supplyAsync(events::next);
      Thread.sleep(1500); // three read timeouts' worth of silence
      assertThat(next).isNotDone();
      assertThat(events.reconnects()).isZero();
      events.close();
      assertThat(next.get(1, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void pastWindowEndsAtUntil() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Instant.now().minusSeconds(1);
    try (DockerClient docker = TestEngine.client()) {
      Container c = docker.containers().create(ContainerSpec.of(TestEngine.IMAGE)
          .label(TestEngine.LABEL, "true").label("dev.berth.test.events", run));
      c.remove(RemoveOptions.force());
      try (EventStream events = docker.system().events(EventOptions.between(start,
          Instant.now().plusSeconds(1)).filter("label", "dev.berth.test.events=" + run))) {
        List<String> seen = new ArrayList<>();
        for (Event e; (e = events.next()) != null; ) {
          seen.add(e.action());
          assertThat(e.actorId()).isEqualTo(c.id());
          assertThat(e.attributes()).containsEntry("dev.berth.test.events", run);
        }
        assertThat(seen).containsExactly("create", "destroy");
      }
    }
  }

  @Test
  void diskUsageCountsImages() {
    try (DockerClient docker = TestEngine.client()) {
      DiskUsage df = docker.system().df();
      assertThat(df.images()).isPositive();
      assertThat(df.imagesBytes()).isPositive();
      assertThat(df.raw()).containsKey("LayersSize");
    }
  }
}
