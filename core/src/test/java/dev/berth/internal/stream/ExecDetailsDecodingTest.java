package dev.berth.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.internal.http.Captured;
import dev.berth.model.ExecDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ExecCall#details} on answers captured from dockerd 20.10 and Podman 4.3 for one exec
 * ({@code sh -c "sleep 1; exit 3"} as root) created, started detached and ended.
 */
class ExecDetailsDecodingTest {
  private static final String ID =
      "d475517beb9db083c07ef904794d96f7e3813fe540109f792c66e316f686dfe3";
  private static final ExecDetails.ProcessConfig PROCESS = new ExecDetails.ProcessConfig("sh",
      List.of("-c", "sleep 1; exit 3"), false, "root", false);

  @Test
  void createdButNotStartedHasNoExitCodeNorPid() {
    ExecDetails e = ExecCall.details(Captured.json("dockerd-1.41/exec-created.json"));
    assertThat(e.id()).isEqualTo(ID);
    assertThat(e.containerId()).startsWith("10b96b763719");
    assertThat(e.running()).isFalse();
    assertThat(e.exitCode()).isEmpty();
    assertThat(e.pid()).isZero();
    assertThat(e.openStdin()).isFalse();
    assertThat(e.openStdout()).isTrue();
    assertThat(e.openStderr()).isTrue();
    assertThat(e.processConfig()).isEqualTo(PROCESS);
    assertThat(e.processConfig().command()).containsExactly("sh", "-c", "sleep 1; exit 3");
  }

  @Test
  void runningHasAPidAndNoExitCode() {
    ExecDetails e = ExecCall.details(Captured.json("dockerd-1.41/exec-running.json"));
    assertThat(e.running()).isTrue();
    assertThat(e.pid()).isEqualTo(26015);
    assertThat(e.exitCode()).isEmpty();
  }

  @Test
  void endedHasItsExitCode() {
    ExecDetails e = ExecCall.details(Captured.json("dockerd-1.41/exec-exited.json"));
    assertThat(e.running()).isFalse();
    assertThat(e.exitCode()).hasValue(3);
    assertThat(e.processConfig()).isEqualTo(PROCESS);
  }

  @Test
  void podmansZeroExitCodeBeforeTheStartIsNoExitCode() {
    // Podman 4.3 writes "ExitCode": 0, not null, for an exec that has not started
    ExecDetails e = ExecCall.details(Captured.json("podman-4.3/exec-created.json"));
    assertThat(e.running()).isFalse();
    assertThat(e.pid()).isZero();
    assertThat(e.exitCode()).isEmpty();
    assertThat(e.processConfig()).isEqualTo(PROCESS);
    ExecDetails running = ExecCall.details(Captured.json("podman-4.3/exec-running.json"));
    assertThat(running.running()).isTrue();
    assertThat(running.exitCode()).isEmpty();
  }

  @Test
  void podmansDetachedExecStillRunsAfterItsProcessEnded() {
    // captured 2 s after "sleep 1; exit 3" ended: Podman 4.3 never records a detached exec's end
    ExecDetails e = ExecCall.details(Captured.json("podman-4.3/exec-detached-ended.json"));
    assertThat(e.running()).isTrue();
    assertThat(e.exitCode()).isEmpty();
  }

  @Test
  void aZeroExitCodeBeforeAnyPidIsNoExitCodeButAFailedStartsCodeIs() {
    Map<String, Object> created = new LinkedHashMap<>(
        Captured.json("dockerd-1.41/exec-created.json"));
    created.put("ExitCode", 0);
    assertThat(ExecCall.details(created).exitCode()).isEmpty();
    // an exec whose program could not be started ends without a pid, with 126 or 127
    created.put("ExitCode", 127);
    assertThat(ExecCall.details(created).exitCode()).hasValue(127);
    // an ended exec that exited 0 had a pid
    Map<String, Object> ended = new LinkedHashMap<>(
        Captured.json("dockerd-1.41/exec-exited.json"));
    ended.put("ExitCode", 0);
    assertThat(ExecCall.details(ended).exitCode()).hasValue(0);
  }

  @Test
  void missingFieldsReadAsEmpty() {
    ExecDetails e = ExecCall.details(Map.of("ID", "x"));
    assertThat(e.exitCode()).isEmpty();
    assertThat(e.processConfig().entrypoint()).isEmpty();
    assertThat(e.processConfig().arguments()).isEmpty();
    assertThat(e.processConfig().user()).isEmpty();
  }
}
