package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.containers.ListOptions;
import dev.berth.junit.internal.Reaper;
import dev.berth.junit.internal.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A test JVM killed with SIGKILL while its fixtures run leaves nothing behind: its reaper process
 * removes them, or, with the reaper switched off, the next session's sweep does.
 */
@Timeout(180)
class ReaperIT {
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A child JVM running {@link KilledJvm}; returns once its fixtures run, with its session. */
  private Child start(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", Reaper.classPath(), KilledJvm.class.getName()));
    Process p = new ProcessBuilder(command)
        .redirectError(Path.of("target", "killed-jvm-" + System.nanoTime() + ".log").toFile())
        .start();
    children.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String session = null;
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("SESSION ")) {
        session = line.substring("SESSION ".length());
      } else if (line.equals("READY")) {
        return new Child(p, session);
      }
    }
    throw new AssertionError("the child JVM ended before its fixtures ran (exit "
        + p.waitFor(10, TimeUnit.SECONDS) + "); see target/killed-jvm-*.log");
  }

  private record Child(Process process, String session) {
    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no finally
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static int leftOver(String session) {
    DockerClient d = Session.get().client();
    String label = Session.SESSION_LABEL + "=" + session;
    return d.containers().list(ListOptions.all().withFilter("label", label)).size()
        + d.networks().list(Map.of("label", List.of(label))).size();
  }

  private static long secondsUntilGone(String session, Duration limit)
      throws InterruptedException {
    long t0 = System.nanoTime();
    while (leftOver(session) > 0) {
      if (System.nanoTime() - t0 > limit.toNanos()) {
        return -1;
      }
      Thread.sleep(250);
    }
    return (System.nanoTime() - t0) / 1_000_000_000;
  }

  @Test
  void theReaperRemovesAKilledJvmsContainersAndNetworks() throws Exception {
    Child child = start();
    assertThat(child.session()).matches("[0-9a-f]{12}");
    assertThat(leftOver(child.session())).isEqualTo(2);
    child.kill();
    assertThat(secondsUntilGone(child.session(), Duration.ofSeconds(30)))
        .as("seconds until session %s's container and network were gone", child.session())
        .isNotNegative();
  }

  @Test
  void withoutAReaperTheNextSessionsSweepRemovesThem() throws Exception {
    Child first = start("-D" + Session.REAPER_PROPERTY + "=false");
    first.kill();
    Thread.sleep(3000);
    assertThat(leftOver(first.session())).as("no reaper: the killed JVM's objects stay")
        .isEqualTo(2);
    Child second = start();
    // the second session swept the first, whose JVM is gone, before it made anything
    assertThat(leftOver(first.session())).isZero();
    assertThat(leftOver(second.session())).isEqualTo(2);
    second.kill();
    assertThat(secondsUntilGone(second.session(), Duration.ofSeconds(30))).isNotNegative();
  }
}
