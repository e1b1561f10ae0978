package dev.berth.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who owns a session's objects, and the reaper's class path, without an engine. */
class SessionTest {
  static Map<String, String> owner(String session, long pid, long started) {
    Map<String, String> l = new HashMap<>();
    l.put(Session.SESSION_LABEL, session);
    l.put(Session.PID_LABEL, Long.toString(pid));
    l.put(Session.STARTED_LABEL, Long.toString(started));
    return l;
  }

  @Test
  void onlyADeadOwnersObjectsAreOrphans() throws Exception {
    ProcessHandle me = ProcessHandle.current();
    long myStart = Session.startMillis(me);
    assertThat(Sweep.orphaned(owner("other", me.pid(), myStart), "mine")).isFalse();
    assertThat(Sweep.orphaned(owner("mine", 999_999_999L, 1), "mine")).isFalse();
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    assertThat(Sweep.orphaned(owner("other", done.pid(), 1), "mine")).isTrue();
    // the same pid, another process: started at another time
    assertThat(Sweep.orphaned(owner("other", me.pid(), myStart - 60_000), "mine")).isTrue();
    assertThat(Sweep.orphaned(Map.of(Session.SESSION_LABEL, "x", Session.PID_LABEL, "junk"),
        "mine")).isFalse();
    assertThat(Sweep.orphaned(Map.of("dev.berth.test", "true"), "mine")).isFalse();
  }

  @Test
  void switchesReadPropertiesThenVariables() {
    assertThat(Session.enabled("dev.berth.junit.test.unset", "BERTH_NO_SUCH_VARIABLE")).isTrue();
    System.setProperty("dev.berth.junit.test.off", " FALSE ");
    try {
      assertThat(Session.enabled("dev.berth.junit.test.off", "BERTH_NO_SUCH_VARIABLE")).isFalse();
    } finally {
      System.clearProperty("dev.berth.junit.test.off");
    }
  }

  @Test
  void theHostNameIsKnown() {
    assertThat(Session.hostName()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void manifestOnlyJarsAreExpandedForTheReaper(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Path booter = dir.resolve("booter.jar");
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a.jar lib/b%20c.jar classes/");
    try (OutputStream out = Files.newOutputStream(booter);
        JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.flush();
    }
    String saved = System.getProperty("java.class.path");
    System.setProperty("java.class.path", booter + java.io.File.pathSeparator + "/x/classes");
    try {
      assertThat(List.of(Reaper.classPath().split(java.io.File.pathSeparator))).containsExactly(
          booter.toString(), dir.resolve("lib/a.jar").toString(),
          dir.resolve("lib/b c.jar").toString(), dir.resolve("classes").toString(),
          "/x/classes");
    } finally {
      System.setProperty("java.class.path", saved);
    }
  }
}
