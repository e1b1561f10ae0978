package dev.berth.transports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.DockerClient;
import dev.berth.TestEngine;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ExecResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way to reach an engine, each with a ping and a container round trip: plain TCP through a
 * loopback forwarder, a named pipe (the same file-backed code that runs on Windows, here over a
 * PTY bridged to the engine's socket), and ssh to a local sshd running {@code docker system
 * dial-stdio}. The helpers (socat, sshd) are started here and stopped at the end.
 */
@Timeout(180)
class TransportsIT {
  private static final String SOCKET = "/var/run/docker.sock";

  @TempDir Path dir;

  /** create, start, logs, remove; and exec with stdin reaching EOF where asked. */
  static void roundTrip(DockerClient docker, String over, boolean execStdin) {
    assertThat(docker.system().ping().apiVersion()).isNotNull();
    Container c = docker.containers().run(ContainerSpec.of(TestEngine.IMAGE)
        .command("sh", "-c", "echo hello over " + over + "; sleep 60")
        .label(TestEngine.LABEL, "true"), PullPolicy.NEVER);
    try {
      String logs = "";
      for (int i = 0; i < 50 && logs.isEmpty(); i++) {
        logs = c.logs().text();
      }
      assertThat(logs).isEqualTo("hello over " + over + "\n");
      if (execStdin) {
        ExecResult r = c.exec("sh", "-c", "cat | wc -c")
            .stdin(new ByteArrayInputStream("twelve bytes".getBytes(StandardCharsets.UTF_8)))
            .call();
        assertThat(r.stdout().trim()).isEqualTo("12"); // cat saw EOF: the half-close got through
      }
    } finally {
      c.remove(RemoveOptions.force());
    }
  }

  private static boolean canConnect(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void plainTcpThroughALoopbackForwarder() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed");
    int port = BackgroundProcess.freePort();
    try (BackgroundProcess socat = BackgroundProcess.start(List.of("socat",
            "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr", "UNIX-CONNECT:" + SOCKET),
            dir.resolve("socat.log"), () -> canConnect(port));
        DockerClient docker = DockerClient.builder().endpoint("tcp://127.0.0.1:" + port)
            .build()) {
      roundTrip(docker, "tcp", true);
    }
  }

  @Test
  void namedPipeCodePathOverAPtyBridge() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed");
    Path pipe = dir.resolve("docker_engine");
    try (BackgroundProcess socat = BackgroundProcess.start(List.of("socat",
            "PTY,link=" + pipe + ",raw,echo=0", "UNIX-CONNECT:" + SOCKET),
            dir.resolve("pty.log"), () -> Files.exists(pipe));
        DockerClient docker = DockerClient.builder().endpoint("npipe://" + pipe)
            .maxIdleConnections(1).build()) {
      // A PTY carries one connection: the round trip runs over one kept-alive connection.
      roundTrip(docker, "a pipe", false);
    }
  }

  @Test
  void sshToALocalSshdRunningDialStdio() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is not installed");
    assumeTrue("root".equals(System.getProperty("user.name")), "sshd needs root here");
    Files.createDirectories(Path.of("/run/sshd"));
    BackgroundProcess.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
        dir.resolve("host_key").toString()));
    BackgroundProcess.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
        dir.resolve("client_key").toString()));
    Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
    int port = BackgroundProcess.freePort();
    Path sshdConfig = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
        "ListenAddress 127.0.0.1",
        "Port " + port,
        "HostKey " + dir.resolve("host_key"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        "PidFile " + dir.resolve("sshd.pid"),
        "PermitRootLogin prohibit-password",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        ""));
    Path sshConfig = Files.writeString(dir.resolve("ssh_config"), String.join("\n",
        "Host 127.0.0.1",
        "  IdentityFile " + dir.resolve("client_key"),
        "  IdentitiesOnly yes",
        "  StrictHostKeyChecking no",
        "  UserKnownHostsFile /dev/null",
        "  BatchMode yes",
        "  LogLevel ERROR",
        ""));
    Files.setPosixFilePermissions(dir.resolve("client_key"),
        PosixFilePermissions.fromString("rw-------"));
    try (BackgroundProcess sshd = BackgroundProcess.start(List.of("/usr/sbin/sshd", "-D", "-e",
            "-f", sshdConfig.toString()), dir.resolve("sshd.log"), () -> canConnect(port));
        DockerClient docker = DockerClient.builder().endpoint("ssh://root@127.0.0.1:" + port)
            .sshCommand(List.of("ssh", "-F", sshConfig.toString())).build()) {
      roundTrip(docker, "ssh", true);
    }
  }

  @Test
  void diagnosisListsEveryCandidateWithAReason() throws IOException {
    Path missing = dir.resolve("missing.sock");
    Path regular = Files.writeString(dir.resolve("regular.sock"), "not a socket");
    Path stale = dir.resolve("stale.sock");
    try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel
        .open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(stale)); // closed below: nobody listens
    }
    String engine = TestEngine.client().endpoint().path();
    List<String> paths = List.of(missing.toString(), regular.toString(), stale.toString(), engine);
    try (DockerClient docker = DockerClient.builder().environment(Map.of()).homeDirectory(dir)
        .probePaths(paths).build()) {
      List<dev.berth.Diagnosis.Candidate> c = docker.diagnosis().candidates();
      assertThat(c).extracting(dev.berth.Diagnosis.Candidate::source).containsExactly(
          "builder", "DOCKER_HOST", "DOCKER_CONTEXT", "currentContext", missing.toString(),
          regular.toString(), stale.toString(), engine);
      assertThat(c.get(1).reason()).isEqualTo("not set");
      assertThat(c.get(4).reason()).isEqualTo("file missing");
      assertThat(c.get(5).taken()).isFalse();
      assertThat(c.get(6).reason()).isEqualTo("connection refused");
      assertThat(c.get(7).taken()).isTrue();
      assertThat(c.get(7).reason()).startsWith("answers, API 1.");
      assertThat(docker.endpoint().path()).isEqualTo(engine);
      assertThat(docker.system().ping()).isNotNull();
    }
    assertThatThrownBy(() -> DockerClient.builder().environment(Map.of()).homeDirectory(dir)
        .probePaths(List.of(missing.toString(), stale.toString())).build())
        .isInstanceOf(dev.berth.DockerConnectionException.class)
        .hasMessageContaining("no Docker engine found")
        .hasMessageContaining(missing + " file missing")
        .hasMessageContaining(stale + " connection refused");
  }
}
