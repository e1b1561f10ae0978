package dev.berth.transports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.TestEngine;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.TlsConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS against a second, TLS-only dockerd this test starts beside the test engine (dockerd
 * applies one TLS setting to all its TCP listeners, and the test engine may not be ours to
 * change), with certificates made by openssl: each key format users have, the docker CLI's
 * environment variables and context store, and the clear errors.
 */
@Timeout(300)
class TlsIT {
  @TempDir static Path dir;
  private static BackgroundProcess dockerd;
  private static String bridge;
  private static int port;
  private static Path certs;

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
  }

  /** A certificate for {@code name} signed by the CA, with {@code keyFile} made by {@code keygen}. */
  private static void signed(String name, String extensions, String... keygen) throws Exception {
    openssl(keygen);
    openssl("req", "-new", "-key", name + "-key.pem", "-subj", "/CN=" + name, "-out",
        name + ".csr");
    Files.writeString(certs.resolve(name + ".ext"), extensions);
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
        "-CAcreateserial", "-days", "2", "-extfile", name + ".ext", "-out", name + "-cert.pem");
  }

  @BeforeAll
  static void startTlsEngine() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "a second dockerd needs root");
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/dockerd"))
        || Files.isExecutable(Path.of("/usr/bin/dockerd")), "dockerd is not installed");
    certs = Files.createDirectories(dir.resolve("certs"));
    openssl("genrsa", "-out", "ca-key.pem", "2048");
    openssl("req", "-new", "-x509", "-days", "2", "-key", "ca-key.pem", "-subj", "/CN=berth-ca",
        "-out", "ca.pem");
    signed("server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
        "genrsa", "-out", "server-key.pem", "2048");
    String client = "extendedKeyUsage=clientAuth\n";
    signed("pkcs1", client, "genrsa", "-traditional", "-out", "pkcs1-key.pem", "2048");
    signed("pkcs8", client, "genpkey", "-algorithm", "RSA", "-out", "pkcs8-key.pem");
    signed("ec", client, "ecparam", "-genkey", "-noout", "-name", "prime256v1", "-out",
        "ec-key.pem");
    signed("encrypted", client, "genpkey", "-algorithm", "RSA", "-out", "encrypted-key.pem");
    openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "encrypted-key.pem",
        "-passout", "pass:secret", "-out", "encrypted-key.pem.enc");
    Files.move(certs.resolve("encrypted-key.pem.enc"), certs.resolve("encrypted-key.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // a CA the engine does not know, for the wrong-CA case
    openssl("genrsa", "-out", "other-ca-key.pem", "2048");
    openssl("req", "-new", "-x509", "-days", "2", "-key", "other-ca-key.pem", "-subj",
        "/CN=other-ca", "-out", "other-ca.pem");

    port = BackgroundProcess.freePort();
    Path root = dir.resolve("engine");
    // A bridge of its own: with --bridge none, dockerd deletes the host's docker0, which the test
    // engine beside it (sharing the network namespace) needs.
    bridge = "berthtls" + java.util.UUID.randomUUID().toString().substring(0, 6);
    BackgroundProcess.run(List.of("ip", "link", "add", "name", bridge, "type", "bridge"));
    dockerd = BackgroundProcess.start(List.of("dockerd",
        "--data-root", root.resolve("data").toString(),
        "--exec-root", root.resolve("exec").toString(),
        "--pidfile", root.resolve("dockerd.pid").toString(),
        "--bridge", bridge, "--iptables=false",
        "--host", "tcp://127.0.0.1:" + port,
        "--tlsverify", "--tlscacert", certs.resolve("ca.pem").toString(),
        "--tlscert", certs.resolve("server-cert.pem").toString(),
        "--tlskey", certs.resolve("server-key.pem").toString()),
        dir.resolve("dockerd.log"), () -> canConnect(port));
    // the TLS engine has no images: give it the test image, streamed from the test engine
    try (DockerClient source = TestEngine.client(); DockerClient target = client("pkcs1", null);
        InputStream image = source.images().save(TestEngine.IMAGE)) {
      awaitPing(target);
      target.images().load(image);
    }
  }

  private static void awaitPing(DockerClient docker) throws InterruptedException {
    for (int i = 0; ; i++) {
      try {
        docker.system().ping();
        return;
      } catch (DockerException notYet) {
        if (i > 100) {
          throw notYet;
        }
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  static void stopTlsEngine() throws Exception {
    if (dockerd != null) {
      dockerd.close();
    }
    if (bridge != null) {
      BackgroundProcess.run(List.of("ip", "link", "delete", bridge));
    }
  }

  private static boolean canConnect(int p) {
    try (Socket s = new Socket("127.0.0.1", p)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static DockerClient client(String key, char[] password) {
    return DockerClient.builder().endpoint("tcp://127.0.0.1:" + port)
        .tls(TlsConfig.fromPem(certs.resolve("ca.pem"), certs.resolve(key + "-cert.pem"),
            certs.resolve(key + "-key.pem"), password))
        .build();
  }

  @Test
  void pkcs1RsaKeyRoundTripAndExecStdinReachesEof() {
    try (DockerClient docker = client("pkcs1", null)) {
      TransportsIT.roundTrip(docker, "tls", true);
    }
  }

  @Test
  void pkcs8RsaKey() {
    try (DockerClient docker = client("pkcs8", null)) {
      TransportsIT.roundTrip(docker, "tls", false);
    }
  }

  @Test
  void sec1EcKey() {
    try (DockerClient docker = client("ec", null)) {
      TransportsIT.roundTrip(docker, "tls", false);
    }
  }

  @Test
  void encryptedPkcs8KeyWithItsPassword() {
    try (DockerClient docker = client("encrypted", "secret".toCharArray())) {
      assertThat(docker.system().ping().apiVersion()).isNotNull();
    }
  }

  /** DOCKER_CERT_PATH holds ca.pem, cert.pem and key.pem, as the docker CLI expects. */
  private static Path certPath(String key) throws IOException {
    Path d = Files.createDirectories(dir.resolve("certpath-" + key));
    Files.copy(certs.resolve("ca.pem"), d.resolve("ca.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(certs.resolve(key + "-cert.pem"), d.resolve("cert.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(certs.resolve(key + "-key.pem"), d.resolve("key.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return d;
  }

  @Test
  void dockerTlsVerifyAndCertPathFromTheEnvironment() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("DOCKER_HOST", "tcp://127.0.0.1:" + port);
    env.put("DOCKER_TLS_VERIFY", "1");
    env.put("DOCKER_CERT_PATH", certPath("pkcs8").toString());
    try (DockerClient docker = DockerClient.builder().environment(env).homeDirectory(dir)
        .build()) {
      assertThat(docker.system().version().version()).isNotBlank();
    }
  }

  @Test
  void missingKeyPemIsNamedNeverAPlainHttpFallBack() throws IOException {
    Path d = certPath("pkcs1");
    Files.delete(d.resolve("key.pem"));
    Map<String, String> env = Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port,
        "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", d.toString());
    assertThatThrownBy(() -> DockerClient.builder().environment(env).homeDirectory(dir).build())
        .isInstanceOf(TlsConfigException.class)
        .hasMessageContaining("key.pem");
  }

  @Test
  void serverCertificateFromAnotherCaIsATlsError() {
    try (DockerClient docker = DockerClient.builder().endpoint("tcp://127.0.0.1:" + port)
        .tls(TlsConfig.fromPem(certs.resolve("other-ca.pem"), certs.resolve("pkcs1-cert.pem"),
            certs.resolve("pkcs1-key.pem"), null)).build()) {
      assertThatThrownBy(() -> docker.system().ping())
          .isInstanceOf(DockerException.class)
          .hasStackTraceContaining("SSLHandshakeException")
          .hasMessageContaining("127.0.0.1:" + port);
    }
  }

  @Test
  void clientWithoutACertificateIsRefused() {
    try (DockerClient docker = DockerClient.builder().endpoint("tcp://127.0.0.1:" + port)
        .tls(TlsConfig.fromPem(certs.resolve("ca.pem"), null, null, null)).build()) {
      assertThatThrownBy(() -> docker.system().ping())
          .isInstanceOf(DockerException.class)
          .hasMessageContaining("127.0.0.1:" + port);
    }
  }

  @Test
  void contextStoreWrittenByTheDockerCli() throws Exception {
    Path cli = Path.of("/usr/bin/docker");
    assumeTrue(Files.isExecutable(cli), "the docker CLI is not installed");
    Path config = Files.createDirectories(dir.resolve("cli-config"));
    BackgroundProcess.run(List.of(cli.toString(), "--config", config.toString(), "context",
        "create", "berth-tls", "--docker", "host=tcp://127.0.0.1:" + port
            + ",ca=" + certs.resolve("ca.pem") + ",cert=" + certs.resolve("pkcs8-cert.pem")
            + ",key=" + certs.resolve("pkcs8-key.pem")));
    Map<String, String> env = new HashMap<>(Map.of("DOCKER_CONFIG", config.toString()));
    env.put("DOCKER_CONTEXT", "berth-tls");
    try (DockerClient docker = DockerClient.builder().environment(env).homeDirectory(dir)
        .build()) {
      assertThat(docker.endpoint().toString()).isEqualTo("tcp://127.0.0.1:" + port);
      assertThat(docker.system().ping().apiVersion()).isNotNull();
      assertThat(docker.diagnosis().toString()).contains("DOCKER_CONTEXT berth-tls");
    }
    // docker context use writes currentContext; DOCKER_CONTEXT=default overrides it
    BackgroundProcess.run(List.of(cli.toString(), "--config", config.toString(), "context",
        "use", "berth-tls"));
    try (DockerClient current = DockerClient.builder()
        .environment(Map.of("DOCKER_CONFIG", config.toString())).homeDirectory(dir).build()) {
      assertThat(current.endpoint().toString()).isEqualTo("tcp://127.0.0.1:" + port);
      assertThat(current.system().ping().apiVersion()).isNotNull();
    }
    try (DockerClient overridden = DockerClient.builder().environment(Map.of(
        "DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "default")).homeDirectory(dir)
        .build()) {
      assertThat(overridden.endpoint().toString()).startsWith("unix://");
    }
  }
}
