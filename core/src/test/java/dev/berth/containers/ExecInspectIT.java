package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.PodmanGap;
import dev.berth.TestEngine;
import dev.berth.model.ExecDetails;
import dev.berth.model.ExecResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exec created without being started, started later attached or detached, and inspected. */
@Timeout(120)
class ExecInspectIT extends ContainerTestSupport {

  /** Inspects until the exec no longer runs. */
  private static ExecDetails ended(Exec exec) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    ExecDetails d = exec.inspect();
    while (d.running() || d.exitCode().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("exec " + exec.id() + " still runs after 30 s: " + d);
      }
      Thread.sleep(50);
      d = exec.inspect();
    }
    return d;
  }

  @Test
  void createdIsInspectedBeforeItStartsThenStartedDetachedEndsWithItsExitCode()
      throws InterruptedException {
    Container c = run(busybox("sleep", "120"));
    Exec exec = c.exec("sh", "-c", "sleep 1; exit 3").user("root").create();

    ExecDetails created = exec.inspect();
    assertThat(created.id()).isEqualTo(exec.id());
    assertThat(created.containerId()).isEqualTo(c.id());
    assertThat(created.running()).isFalse();
    assertThat(created.exitCode()).isEmpty();
    assertThat(created.pid()).isZero();
    assertThat(created.openStdin()).isFalse();
    assertThat(created.openStdout()).isTrue();
    assertThat(created.openStderr()).isTrue();
    assertThat(created.processConfig()).isEqualTo(new ExecDetails.ProcessConfig("sh",
        List.of("-c", "sleep 1; exit 3"), false, "root", false));

    exec.startDetached();
    ExecDetails running = exec.inspect();
    assertThat(running.running()).isTrue();
    assertThat(running.pid()).isPositive();
    assertThat(running.exitCode()).isEmpty();

    TestEngine.assumeNot(PodmanGap.DETACHED_EXEC_END);
    ExecDetails done = ended(exec);
    assertThat(done.running()).isFalse();
    assertThat(done.exitCode()).hasValue(3);
    assertThat(docker.containers().inspectExec(exec.id())).satisfies(d -> {
      assertThat(d.exitCode()).hasValue(3);
      assertThat(d.processConfig()).isEqualTo(created.processConfig());
    });
  }

  @Test
  void createdIsStartedAttachedWithTheRequestsSettings() throws InterruptedException {
    Container c = run(busybox("sleep", "120"));
    Exec exec = c.exec("sh", "-c", "echo $GREETING; echo oops >&2; exit 4")
        .env("GREETING", "hi").tty().create();
    assertThat(exec.inspect().processConfig().tty()).isTrue();
    ExecResult r = exec.start();
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.stdout()).isEqualTo("hi\r\noops\r\n"); // one stream with a TTY
    assertThat(ended(exec).exitCode()).hasValue(4);
  }

  @Test
  void anExecStartsOnlyOnce() {
    Container c = run(busybox("sleep", "120"));
    Exec exec = c.exec("true").create();
    assertThat(exec.start().exitCode()).isZero();
    assertThatThrownBy(exec::startDetached).isInstanceOf(DockerException.class);
  }

  @Test
  void theOldCallsStillWorkAndTheirSessionsIdsCanBeInspected() {
    Container c = run(busybox("sleep", "120"));
    assertThat(c.exec("sh", "-c", "exit 5").call().exitCode()).isEqualTo(5);
    String id;
    try (ExecSession s = c.exec("sh", "-c", "echo x; exit 6").open()) {
      id = s.id();
      s.output().copyTo(java.io.OutputStream.nullOutputStream(),
          java.io.OutputStream.nullOutputStream());
      assertThat(s.exitCode()).isEqualTo(6);
    }
    assertThat(docker.containers().inspectExec(id).exitCode()).hasValue(6);
    assertThatThrownBy(() -> docker.containers().inspectExec("berth-no-such-exec"))
        .isInstanceOf(NotFoundException.class);
  }
}
