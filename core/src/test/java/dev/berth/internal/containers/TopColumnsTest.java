package dev.berth.internal.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.ProcessList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopColumnsTest {
  @Test
  void podmansOneTextPerRowIsSplitIntoColumnsTheCommandKeepingItsSpaces() {
    // GET /containers/{id}/top on Podman 4.3, as it answered
    ProcessList p = ContainerHandle.columns(List.of("PID   USER     COMMAND"),
        List.of(List.of("1 root     sleep 30")));
    assertThat(p.titles()).containsExactly("PID", "USER", "COMMAND");
    assertThat(p.column("COMMAND")).containsExactly("sleep 30");
    assertThat(p.column("PID")).containsExactly("1");
  }

  @Test
  void dockerdsColumnsStayAsTheyAre() {
    List<List<String>> rows = List.of(List.of("root", "1", "sleep 30"));
    ProcessList p = ContainerHandle.columns(List.of("UID", "PID", "CMD"), rows);
    assertThat(p.titles()).containsExactly("UID", "PID", "CMD");
    assertThat(p.column("CMD")).containsExactly("sleep 30");
  }
}
