package dev.berth.containers;

import dev.berth.PodmanGap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.TestEngine;
import dev.berth.model.ContainerStats;
import dev.berth.model.DockerRun;
import dev.berth.model.ExecResult;
import dev.berth.model.FileChange;
import dev.berth.model.Frame;
import dev.berth.model.Link;
import dev.berth.model.PortBinding;
import dev.berth.model.ProcessList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's stream and inspection commands: logs, attach, exec, top, diff, port, stats, … */
@Timeout(120) // a stream that hangs fails its test instead of the whole run
class StreamsIT extends ContainerTestSupport {
  private static final String THREE_LINES =
      "echo out1; echo err1 >&2; echo out2; echo err2 >&2; echo out3";

  @Test
  void logsSeparateStdoutAndStderrWithoutTty() {
    Container c = run(busybox("sh", "-c", THREE_LINES));
    c.waitFor();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    c.logs().copyTo(out, err);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out1\nout2\nout3\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err1\nerr2\n");
    assertThat(c.logs().stderr(false).text()).isEqualTo("out1\nout2\nout3\n");
    assertThat(c.logs().stdout(false).text()).isEqualTo("err1\nerr2\n");
  }

  @Test
  void logsOfTtyContainerAreOneRawStream() {
    Container c = run(busybox("sh", "-c", THREE_LINES).tty(true));
    c.waitFor();
    List<Frame> lines = new ArrayList<>();
    try (LogStream s = c.logs().open()) {
      for (Frame f; (f = s.nextLine()) != null; ) {
        lines.add(f);
      }
    }
    assertThat(lines).extracting(Frame::text)
        .containsExactly("out1", "err1", "out2", "err2", "out3");
    assertThat(lines).extracting(Frame::stream).containsOnly(Frame.Stream.STDOUT);
  }

  @Test
  void logsTailTimestampsAndSince() throws InterruptedException {
    Container c = run(busybox("sh", "-c", "for i in 1 2 3 4 5; do echo line$i; done"));
    c.waitFor();
    assertThat(c.logs().tail(2).text()).isEqualTo("line4\nline5\n");
    String stamped = c.logs().timestamps().tail(1).text();
    // RFC 3339 with nanoseconds; Podman leaves out a fraction of zero
    assertThat(stamped).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z line5\\n");
    Instant written = Instant.parse(stamped.substring(0, stamped.indexOf(' ')));
    assertThat(c.logs().since(written.plusSeconds(1)).text()).isEmpty();
    assertThat(c.logs().since("2016-07-01").tail(10).text()).contains("line1");
    assertThat(c.logs().since("10m").text()).startsWith("line1\n");
    assertThat(c.logs().until(written.minusSeconds(60)).text()).isEmpty();
    assertThatThrownBy(() -> c.logs().since("last tuesday"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"last tuesday\"");
  }

  @Test
  void followDeliversNewLinesAndCloseFromAnotherThreadEndsItPromptly() throws Exception {
    Container c = run(busybox("sh", "-c", "echo first; sleep 1; echo second; sleep 300"));
    LogStream s = c.logs().follow().open();
    assertThat(s.nextLine().text()).isEqualTo("first");
    assertThat(s.nextLine().text()).isEqualTo("second");
    // Now the container is idle: the reader blocks until another thread closes the stream.
    CompletableFuture<Frame> blocked = CompletableFuture.supplyAsync(s::nextLine);
    Thread.sleep(300);
    assertThat(blocked).isNotDone();
    long start = System.nanoTime();
    s.close();
    assertThat(blocked.get(1, TimeUnit.SECONDS)).isNull(); // a clean end, within a second
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void attachCarriesStdinAndItsEndReachesTheProcess() {
    // As docker create -i: stdin attached, so the engine closes the process's stdin (StdinOnce)
    // when the attached client closes its side.
    Container c = create(busybox("cat").stdinOpen(true).attach("stdin", "stdout", "stderr"));
    try (Attachment a = c.attach().stdin().open()) {
      c.start();
      a.stdin().write("through attach\n".getBytes(StandardCharsets.UTF_8));
      a.closeStdin();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      a.output().copyTo(out, OutputStream.nullOutputStream());
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("through attach\n");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(c.waitFor().exitCode()).isZero(); // cat saw EOF and exited
  }

  @Test
  void attachToTtyAndDetachLeavesItRunning() throws IOException {
    Container c = run(busybox("sh").tty(true).stdinOpen(true));
    try (Attachment a = c.attach().stdin().open()) {
      a.resize(100, 40);
      a.stdin().write("echo tty-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
      String seen = "";
      for (Frame f; !seen.contains("tty-42") && (f = a.output().next()) != null; ) {
        seen += f.text();
      }
      assertThat(seen).contains("tty-42");
    }
    assertThat(c.inspect().state().running()).isTrue(); // closing detached, it did not stop
  }

  @Test
  void execReturnsExitCodeAndBothStreams() {
    Container c = run(busybox("sleep", "300"));
    assertThat(c.exec("sh", "-c", "exit 3").call().exitCode()).isEqualTo(3);
    ExecResult r = c.exec("sh", "-c", "echo to-out; echo to-err >&2").call();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("to-out\n");
    assertThat(r.stderr()).isEqualTo("to-err\n");
  }

  @Test
  void execTakesEnvWorkdirUserAndTty() {
    Container c = run(busybox("sleep", "300"));
    ExecResult r = c.exec("sh", "-c", "echo $GREETING; pwd; id -u")
        .env("GREETING", "hello").workingDir("/tmp").user("1000").call();
    assertThat(r.stdout()).isEqualTo("hello\n/tmp\n1000\n");
    ExecResult tty = c.exec("sh", "-c", "echo out; echo err >&2").tty().call();
    assertThat(tty.stdout()).isEqualTo("out\r\nerr\r\n"); // one stream, TTY line ends
    assertThat(tty.stderr()).isEmpty();
    // This sandbox's runtime cannot apply a privileged exec's capabilities, so the check is that
    // the engine got the request as privileged.
    try (ExecSession s = c.exec("true").privileged().open()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> exec = (Map<String, Object>) docker.api().get("/exec/" + s.id() + "/json");
      assertThat(((Map<?, ?>) exec.get("ProcessConfig")).get("privileged")).isEqualTo(true);
    }
  }

  @Test
  void execPipesTenMegabytesIntoCatAndWcAndReturns() {
    Container c = run(busybox("sleep", "300"));
    int size = 10 * 1024 * 1024;
    InputStream tenMegabytes = new InputStream() {
      private int left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    ExecResult r = c.exec("sh", "-c", "cat | wc -c").stdin(tenMegabytes).call();
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout().trim()).isEqualTo(String.valueOf(size));
  }

  @Test
  void execWithStdinEchoedBackByCat() {
    Container c = run(busybox("sleep", "300"));
    byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
    ExecResult r = c.exec("cat").stdin(new ByteArrayInputStream(input)).call();
    assertThat(r.stdout()).isEqualTo("line one\nline two\n");
  }

  @Test
  void execStreamingFormDeliversLinesAsTheyCome() {
    Container c = run(busybox("sleep", "300"));
    try (ExecSession s = c.exec("sh", "-c", "echo a; sleep 0.2; echo b; exit 5").open()) {
      assertThat(s.output().nextLine().text()).isEqualTo("a");
      assertThat(s.output().nextLine().text()).isEqualTo("b");
      assertThat(s.output().nextLine()).isNull();
      assertThat(s.exitCode()).isEqualTo(5);
    }
  }

  @Test
  void topListsProcessesWithPsArguments() {
    Container c = run(busybox("sleep", "300"));
    ProcessList top = c.top("-o", "pid,comm");
    assertThat(top.titles()).containsExactly("PID", "COMMAND");
    // Podman runs ps inside the container for ps arguments, so ps lists itself too
    assertThat(top.column("COMMAND")).contains("sleep")
        .allMatch(cmd -> cmd.equals("sleep") || (TestEngine.isPodman() && cmd.equals("ps")));
    // without arguments dockerd runs ps -ef (… CMD), Podman its own format (PID USER COMMAND)
    assertThat(c.top().titles()).contains("PID").containsAnyOf("CMD", "COMMAND");
  }

  @Test
  void diffShowsAddedChangedAndDeleted() {
    Container c = run(busybox("sh", "-c", "echo hi > /tmp/added; rm /bin/wc; touch /etc/passwd"));
    c.waitFor();
    List<FileChange> changes = c.diff();
    assertThat(changes).contains(new FileChange(FileChange.Kind.ADDED, "/tmp/added"),
        new FileChange(FileChange.Kind.DELETED, "/bin/wc"),
        new FileChange(FileChange.Kind.CHANGED, "/etc/passwd"));
    assertThat(changes.stream().map(FileChange::toString)).contains("A /tmp/added");
  }

  @Test
  void portShowsPublishedAndRandomPorts() {
    // docker run -d -P -p 127.0.0.1::5000 …; docker port web 5000
    Container c = run(busybox("sleep", "300").publish(PortBinding.parse("127.0.0.1::5000"))
        .publish(PortBinding.parse("127.0.0.1::6000/udp")));
    assertThat(c.port(5000)).singleElement().satisfies(p -> {
      assertThat(p.hostIp()).isEqualTo("127.0.0.1");
      assertThat(p.hostPort()).isPositive();
      assertThat(p.protocol()).isEqualTo("tcp");
      assertThat(p.toString()).isEqualTo("5000/tcp -> 127.0.0.1:" + p.hostPort());
    });
    assertThat(c.ports()).extracting(p -> p.protocol()).containsExactlyInAnyOrder("tcp", "udp");
    assertThatThrownBy(() -> c.port(7000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7000");
  }

  @Test
  void statsOneShotAndStreamed() {
    Container c = run(busybox("sh", "-c", "while true; do :; done"));
    ContainerStats s = c.stats();
    assertThat(s.memoryUsage()).isPositive();
    assertThat(s.memoryLimit()).isGreaterThanOrEqualTo(s.memoryUsage());
    assertThat(s.pids()).isPositive();
    assertThat(s.read()).isNotNull();
    try (StatsStream stream = c.statsStream()) {
      stream.next();
      ContainerStats second = stream.next();
      assertThat(second.cpuPercent()).isGreaterThan(10.0); // a busy loop
      assertThat(second.cpuTotalNanos()).isPositive();
    }
  }

  @Test
  void exportIsATarOfTheFilesystem() throws IOException {
    Container c = run(busybox("sh", "-c", "echo exported > /tmp/marker"));
    c.waitFor();
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (InputStream in = c.export()) {
      in.transferTo(tar);
    }
    String text = tar.toString(StandardCharsets.ISO_8859_1);
    assertThat(text).contains("tmp/marker").contains("exported\n").contains("bin/busybox");
  }

  @Test
  void commitMakesAnImageWithMessageAuthorAndChanges() {
    Container c = run(busybox("sh", "-c", "echo committed > /greeting"));
    c.waitFor();
    String tag = "berth-test/committed:" + run;
    String id = c.commit(CommitOptions.as(tag).message("Added a greeting").author("Berth Test")
        .change("CMD [\"cat\", \"/greeting\"]").change("LABEL " + TestEngine.LABEL + "=true"));
    try {
      assertThat(id).startsWith("sha256:");
      @SuppressWarnings("unchecked")
      Map<String, Object> image = (Map<String, Object>) docker.api().get("/images/" + tag
          + "/json");
      assertThat(image.get("Comment")).isEqualTo("Added a greeting");
      assertThat(image.get("Author")).isEqualTo("Berth Test");
      ExecResult r = docker.containers().runToExit(
          DockerRun.parse("docker run --rm -l " + TestEngine.LABEL + "=true " + tag).spec());
      assertThat(r.stdout()).isEqualTo("committed\n");
    } finally {
      docker.api().call("DELETE", "/images/" + tag, Map.of(), null);
    }
  }

  @Test
  void linkedContainerSeesTheSourcesEnvironmentAndHostsEntry() {
    TestEngine.assumeNot(PodmanGap.LINKS);
    // docker run -d --name db training/postgres; docker run --rm --link db:db training/webapp env
    run(busybox("sleep", "300").name(name("db")).expose(
        dev.berth.model.ExposedPort.parse("5432")).env("POSTGRES_USER", "seed"));
    ExecResult env = docker.containers().runToExit(busybox("sh", "-c", "env; cat /etc/hosts")
        .autoRemove(true).link(Link.of(name("db"), "db")));
    assertThat(env.stdout()).contains("DB_PORT=tcp://")
        .contains("DB_PORT_5432_TCP_PORT=5432")
        .contains("DB_ENV_POSTGRES_USER=seed")
        .containsPattern("(?m)^\\d+\\.\\d+\\.\\d+\\.\\d+\\s+db\\b");
  }
}
