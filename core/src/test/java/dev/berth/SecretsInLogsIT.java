package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.internal.auth.RegistryAuth;
import dev.berth.model.RegistryCredentials;
import dev.berth.swarm.Swarm;
import dev.berth.swarm.SwarmInit;
import dev.berth.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Login, push, pull with credentials (a password and an identity token), a build with registry
 * auth and a swarm secret, over Berth's own HTTP layer and over OkHttp, with every SLF4J logger at
 * TRACE (into a file: the failsafe execution {@code secrets-in-logs} sets slf4j-simple up in a JVM
 * of its own) and every java.util.logging logger at ALL (OkHttp's): no log line holds the
 * password, the identity token, an {@code X-Registry-Auth} or {@code X-Registry-Config} value or
 * the secret's data. Skipped in a JVM where TRACE is off (the default execution with {@code
 * -Dit.test}).
 */
@Timeout(300)
class SecretsInLogsIT {
  private static final String REGISTRY = "127.0.0.1:5000";
  private static final String PASSWORD = "s3cret";
  private static final String TOKEN = "berth-identity-token-" + UUID.randomUUID();
  private static final String SECRET_DATA = "berth-secret-data-" + UUID.randomUUID();
  private static final RegistryCredentials TESTER =
      RegistryCredentials.of("tester", PASSWORD, REGISTRY);
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> julLines = new ArrayList<>();
  private static final Handler JUL = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
      julLines.add(format.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private static final java.util.logging.Logger JUL_ROOT = java.util.logging.Logger.getLogger("");
  private static final java.util.logging.Logger OKHTTP = java.util.logging.Logger.getLogger(
      "okhttp3");
  private static Level rootLevel;
  @TempDir static Path home;

  @BeforeAll
  static void captureEverything() {
    assumeTrue(LoggerFactory.getLogger("dev.berth").isTraceEnabled(),
        "needs every logger at TRACE: run by the failsafe execution secrets-in-logs");
    assumeTrue(System.getProperty("org.slf4j.simpleLogger.logFile") != null, "no log file");
    rootLevel = JUL_ROOT.getLevel();
    JUL_ROOT.setLevel(Level.ALL);
    OKHTTP.setLevel(Level.ALL);
    JUL.setLevel(Level.ALL);
    JUL_ROOT.addHandler(JUL);
  }

  @AfterAll
  static void release() {
    JUL_ROOT.removeHandler(JUL);
    if (rootLevel != null) {
      JUL_ROOT.setLevel(rootLevel);
    }
  }

  private static DockerClient client() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DOCKER_CONFIG");
    return DockerClient.builder().environment(env).homeDirectory(home).build();
  }

  /** Each value that must never be logged, with what it is. */
  private static Map<String, String> secrets() {
    Map<String, String> s = new HashMap<>();
    s.put("the password", PASSWORD);
    s.put("the password in base64",
        Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
    s.put("user:password in base64 (config.json's auth)", Base64.getEncoder().encodeToString(
        ("tester:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    s.put("the identity token", TOKEN);
    RegistryAuth password = RegistryAuth.of("tester", PASSWORD).withServerAddress(REGISTRY);
    s.put("X-Registry-Auth with the password", password.toHeader());
    s.put("X-Registry-Auth with the token",
        RegistryAuth.ofIdentityToken(TOKEN).withServerAddress(REGISTRY).toHeader());
    s.put("X-Registry-Config", RegistryAuth.configHeader(Map.of(REGISTRY, password)));
    s.put("the secret's data", SECRET_DATA);
    s.put("the secret's data in base64",
        Base64.getEncoder().encodeToString(SECRET_DATA.getBytes(StandardCharsets.UTF_8)));
    return s;
  }

  private static void assertNoSecretLogged(String loggedCall) throws IOException {
    Path file = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    synchronized (JUL) {
      lines.addAll(julLines);
    }
    // the capture works: TRACE/DEBUG lines of the calls made are there
    assertThat(lines).anyMatch(l -> l.contains("dev.berth.http") && l.contains(loggedCall));
    secrets().forEach((what, value) -> assertThat(lines).as(what + " (" + value + ")")
        .noneMatch(l -> l.contains(value)));
  }

  /** Login, push, pull (password, then a token the registry refuses), build; on one transport. */
  private static void registryCalls(String transport) throws IOException {
    String before = System.getProperty(Transport.HTTP_PROPERTY);
    TestEngine.useHttpLayer(transport);
    String remote = REGISTRY + "/berth-test/secrets-" + transport + ":" + RUN;
    String built = "berth-test/secrets-built-" + transport + ":" + RUN;
    try (DockerClient docker = client()) {
      assertThat(docker.system().login(TESTER)).isEqualTo("Login Succeeded");
      docker.images().tag(TestEngine.IMAGE, remote);
      try {
        docker.images().push(remote).credentials(TESTER).call();
        docker.images().remove(remote);
        docker.images().pull(remote).credentials(TESTER).call();
        assertThatThrownBy(() -> docker.images().pull(remote + "-missing").credentials(
            new RegistryCredentials(null, null, TOKEN, REGISTRY)).call())
            .isInstanceOf(DockerException.class);
        Path context = Files.createDirectories(home.resolve("context-" + transport));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + remote
            + "\nLABEL dev.berth.test=true\n");
        docker.images().build(context).tag(built).pull().call();
      } finally {
        for (String image : List.of(built, remote)) {
          try {
            docker.images().remove(image, true, false);
          } catch (NotFoundException gone) {
            // not made
          }
        }
        docker.system().logout(REGISTRY);
      }
    } finally {
      TestEngine.useHttpLayer(before);
    }
  }

  @Test
  void loginPushPullAndBuildLogNoCredential() throws IOException {
    TestEngine.assumeNot(PodmanGap.LOGIN_PLAIN_HTTP);
    registryCalls("berth");
    registryCalls("okhttp");
    assertNoSecretLogged("POST /v1.41/auth");
  }

  @Test
  void secretCreationLogsNoData() throws IOException {
    TestEngine.assumeNot(PodmanGap.SWARM);
    assumeTrue(TestEngine.engineWideAllowed(), "swarm init only on the project's own engine");
    try (DockerClient docker = client()) {
      Swarm swarm = docker.swarm();
      assumeTrue(!swarm.isActive(), "the engine is in a swarm this test did not make");
      boolean gatewayBridgeWasThere = !docker.networks().list(
          Map.of("name", List.of("docker_gwbridge"))).isEmpty();
      swarm.init(SwarmInit.advertising("127.0.0.1"));
      try {
        String name = "berth-secret-" + RUN;
        docker.swarm().secrets().create(name, SECRET_DATA.getBytes(StandardCharsets.UTF_8),
            Map.of("dev.berth.test", "true"));
        docker.swarm().secrets().remove(name);
      } finally {
        swarm.leave(true);
        if (!gatewayBridgeWasThere) {
          try {
            docker.networks().remove("docker_gwbridge");
          } catch (DockerException e) {
            // gone with the swarm
          }
        }
      }
    }
    assertNoSecretLogged("POST /v1.41/secrets/create");
  }
}
