package dev.berth.internal.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.FakeEngine;
import dev.berth.model.Event;
import dev.berth.system.EventOptions;
import dev.berth.system.EventStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a real engine cannot do on demand: drop the event stream mid-event, then replay as many
 * events as it keeps (256), so that some may have been lost.
 */
class ResumingEventsTest {
  private static String event(String action, long nanos) {
    return "{\"Type\":\"container\",\"Action\":\"" + action + "\",\"Actor\":{\"ID\":\"c1\","
        + "\"Attributes\":{}},\"scope\":\"local\",\"time\":" + nanos / 1_000_000_000L
        + ",\"timeNano\":" + nanos + "}\n";
  }

  @Test
  void resumeDropsWhatWasSeenAndReportsAPossibleGap() throws Exception {
    long t0 = Instant.now().minusSeconds(600).toEpochMilli() * 1_000_000L;
    AtomicInteger requests = new AtomicInteger();
    List<String> sinces = new ArrayList<>();
    try (FakeEngine engine = new FakeEngine(line -> {
      int n = requests.incrementAndGet();
      sinces.add(line.replaceAll(".*since=([0-9.]+).*", "$1"));
      StringBuilder body = new StringBuilder();
      if (n == 1) {
        body.append(event("create", t0));
        // cut: more bytes promised than sent, as when the connection drops
        return FakeEngine.Answer.cutAfter("application/json",
            body.toString().getBytes(StandardCharsets.UTF_8));
      }
      // the resume replays from `since` inclusive: the create again, then 256 more
      body.append(event("create", t0));
      for (int i = 1; i <= 256; i++) {
        body.append(event("update", t0 + i));
      }
      return FakeEngine.Answer.bytes("application/json",
          body.toString().getBytes(StandardCharsets.UTF_8));
    });
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint())
            .apiVersion("1.41").build();
        EventStream events = docker.system().events(EventOptions.between(
            Instant.ofEpochSecond(0, t0 - 1), Instant.now().plusSeconds(60)))) {
      List<Event> seen = new ArrayList<>();
      for (Event e; (e = events.next()) != null; ) {
        seen.add(e);
      }
      assertThat(events.reconnects()).isEqualTo(1);
      assertThat(seen.get(0).action()).isEqualTo("create");
      assertThat(seen.stream().filter(e -> e.action().equals("create"))).hasSize(1);
      assertThat(seen.stream().filter(e -> e.action().equals("update"))).hasSize(256);
      assertThat(seen).filteredOn(Event::isGap).singleElement()
          .satisfies(g -> assertThat(g.attributes().get("note")).contains("256"));
      // resumed from the last event's time, to the nanosecond
      assertThat(sinces.get(1)).isEqualTo((t0 / 1_000_000_000L) + "."
          + String.format("%09d", t0 % 1_000_000_000L));
    }
  }

  @Test
  void podmansRemoveOfAContainerReadsAsDockerdsDestroy() {
    // a Podman 4.3 event, trimmed
    Event e = ResumingEvents.toEvent(java.util.Map.of("Type", "container", "Action", "remove",
        "status", "remove", "id", "ef9f", "Actor", java.util.Map.of("ID", "ef9f",
            "Attributes", java.util.Map.of("image", "docker.io/berth-test/busybox:latest")),
        "timeNano", 1796612090000000000L));
    assertThat(e.action()).isEqualTo("destroy");
    assertThat(e.actorId()).isEqualTo("ef9f");
    Event image = ResumingEvents.toEvent(java.util.Map.of("Type", "image", "Action", "remove"));
    assertThat(image.action()).isEqualTo("remove");
  }
}
