package dev.berth.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsualSocketsTest {
  private static List<String> paths(Map<String, String> env) {
    return Discovery.usualSockets(env, Path.of("/home/u")).stream().map(p -> p[1]).toList();
  }

  @Test
  void podmansRootlessAndRootfulSocketsAreProbedAfterDockers() {
    List<String> paths = paths(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"));
    assertThat(paths).containsSubsequence("/var/run/docker.sock",
        "/run/user/1000/podman/podman.sock", "/run/podman/podman.sock");
    assertThat(paths.indexOf("/run/user/1000/docker.sock"))
        .isLessThan(paths.indexOf("/run/user/1000/podman/podman.sock"));
  }

  @Test
  void withoutXdgRuntimeDirTheRootlessPlacesAreNotSet() {
    List<String[]> places = Discovery.usualSockets(Map.of(), Path.of("/home/u"));
    assertThat(places).filteredOn(p -> p[0].equals("$XDG_RUNTIME_DIR/podman/podman.sock"))
        .singleElement().satisfies(p -> assertThat(p[1]).isNull());
    assertThat(paths(Map.of())).contains("/run/podman/podman.sock");
  }
}
