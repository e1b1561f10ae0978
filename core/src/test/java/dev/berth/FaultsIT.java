package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.containers.Container;
import dev.berth.containers.LogStream;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.Event;
import dev.berth.model.Frame;
import dev.berth.model.RegistryCredentials;
import dev.berth.system.EventOptions;
import dev.berth.system.EventStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults between Berth and the real engine, made by a {@link FaultProxy} on a Unix socket and on
 * loopback TCP: streams cut in the middle, the engine going away and coming back, more streams
 * than pooled connections, and the client closed under open streams. Every stream that is cut
 * says so, with how far it got; none ends as if it were whole, none hangs (each case is bounded
 * by 60 s, which only a hang reaches).
 */
class FaultsIT {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final String REGISTRY = "127.0.0.1:5000";
  private static final RegistryCredentials TESTER =
      RegistryCredentials.of("tester", "s3cret", REGISTRY);

  private static DockerClient direct;
  private static Container chatty;
  private static Path engineSocket;

  @TempDir
  Path dir;

  private FaultProxy proxy;

  @BeforeAll
  static void startChatty() {
    direct = TestEngine.client();
    engineSocket = Path.of(direct.endpoint().path());
    // 3,000 lines at once, then one every 50 ms for as long as the tests run
    chatty = direct.containers().run(ContainerSpec.of(TestEngine.IMAGE)
        .label(TestEngine.LABEL, "true")
        .command("sh", "-c", "seq 1 3000; i=0; while true; do i=$((i+1)); echo tick $i;"
            + " sleep 0.05; done"));
  }

  @AfterAll
  static void removeChatty() {
    chatty.remove(RemoveOptions.force());
    direct.close();
  }

  @AfterEach
  void stopProxy() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
  }

  /** A client through a fresh proxy of {@code kind}, a connection per request. */
  private DockerClient throughProxy(String kind) throws IOException {
    proxy = kind.equals("unix") ? FaultProxy.unix(dir.resolve("proxy.sock"), engineSocket)
        : FaultProxy.tcp(engineSocket);
    return DockerClient.builder().endpoint(proxy.endpoint()).maxIdleConnections(0).build();
  }

  private static <T extends Throwable> T thrown(Class<T> type, ThrowingRunnable call) {
    Throwable[] caught = new Throwable[1];
    assertTimeoutPreemptively(BOUND, () -> {
      try {
        call.run();
      } catch (Throwable t) {
        caught[0] = t;
      }
    });
    assertThat(caught[0]).as("the call should have failed").isInstanceOf(type);
    return type.cast(caught[0]);
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static void awaitLines(LogStream s, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(s.nextLine()).as("line %s", i).isNotNull();
    }
  }

  // ---- a connection cut in the middle of a stream

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void logsCutMidwayThrowSayingHowFarTheyGot(String kind) throws IOException {
    try (DockerClient docker = throughProxy(kind)) {
      proxy.cutAfter("/logs", 5000);
      StreamCutException e = thrown(StreamCutException.class,
          () -> docker.containers().get(chatty.id()).logs().text());
      assertThat(e).hasMessageStartingWith("the logs of " + chatty.id() + " broke off after ");
      assertThat(e.bytesRead()).isBetween(1L, 5000L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void followStreamCutMidwayThrowsAfterTheLinesThatCame(String kind) throws IOException {
    try (DockerClient docker = throughProxy(kind);
        LogStream s = docker.containers().get(chatty.id()).logs().follow().tail(0).open()) {
      awaitLines(s, 3);
      proxy.cutAll();
      StreamCutException e = thrown(StreamCutException.class, () -> {
        while (s.nextLine() != null) {
          // read on to the cut
        }
      });
      assertThat(e.bytesRead()).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void exportCutMidwayIsNeverAWholeTar(String kind) throws IOException {
    try (DockerClient docker = throughProxy(kind)) {
      proxy.cutAfter("/export", 100_000);
      StreamCutIOException e = thrown(StreamCutIOException.class, () -> {
        try (InputStream in = docker.containers().get(chatty.id()).export()) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      });
      assertThat(e).hasMessageContaining("/export").hasMessageContaining("broke off after");
      assertThat(e.bytesRead()).isBetween(1L, 100_000L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void saveCutMidwayFailsAndLeavesNoFile(String kind) throws IOException {
    Path tar = dir.resolve("image.tar");
    try (DockerClient docker = throughProxy(kind)) {
      proxy.cutAfter("/images/get", 100_000);
      StreamCutException e = thrown(StreamCutException.class,
          () -> docker.images().save(tar, TestEngine.IMAGE));
      assertThat(e).hasMessageContaining("the file was removed");
      assertThat(e.bytesRead()).isBetween(1L, 100_000L);
      assertThat(tar).doesNotExist();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void pullProgressCutMidwayThrows(String kind) throws IOException {
    String remote = REGISTRY + "/berth-faults:" + kind;
    direct.images().tag(TestEngine.IMAGE, remote);
    try (DockerClient docker = throughProxy(kind)) {
      docker.images().push(remote).credentials(TESTER).call();
      proxy.cutAfter("/images/create", 40);
      StreamCutException e = thrown(StreamCutException.class,
          () -> docker.images().pull(remote).credentials(TESTER).call());
      assertThat(e).hasMessageContaining("/images/create").hasMessageContaining("broke off after");
    } finally {
      direct.images().remove(remote, false, false);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void buildOutputCutMidwayThrows(String kind) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestEngine.IMAGE + "\n"
        + "LABEL " + TestEngine.LABEL + "=true\n"
        + "RUN seq 1 20000 && echo " + UUID.randomUUID() + "\n");
    try (DockerClient docker = throughProxy(kind)) {
      proxy.cutAfter("/build", 2000);
      StreamCutException e = thrown(StreamCutException.class,
          () -> docker.images().build(dir).call());
      assertThat(e).hasMessageContaining("/build").hasMessageContaining("broke off after");
    } finally {
      direct.images().prune(false, java.util.Map.of("label", List.of(TestEngine.LABEL)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void attachCutBetweenFramesIsACutNotAnEnd(String kind) throws IOException {
    try (DockerClient docker = throughProxy(kind);
        var attachment = docker.containers().get(chatty.id()).attach().open()) {
      awaitLines(attachment.output(), 3);
      proxy.cutAll();
      StreamCutException e = thrown(StreamCutException.class, () -> {
        while (attachment.output().nextLine() != null) {
          // read on to the cut
        }
      });
      assertThat(e).hasMessageContaining("still runs");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void execCutBetweenFramesIsACutNotAnEnd(String kind) throws IOException {
    try (DockerClient docker = throughProxy(kind);
        var session = docker.containers().get(chatty.id())
            .exec("sh", "-c", "while true; do echo exec; sleep 0.05; done").open()) {
      awaitLines(session.output(), 3);
      proxy.cutAll();
      StreamCutException e = thrown(StreamCutException.class, () -> {
        while (session.output().nextLine() != null) {
          // read on to the cut
        }
      });
      assertThat(e).hasMessageContaining("still runs");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void eventsResumeAfterTheEngineWasAwayWithoutLossOrDuplicates(String kind) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    try (DockerClient docker = throughProxy(kind);
        EventStream events = docker.system().events(EventOptions.follow()
            .filter("type", "container").filter("label", "dev.berth.test.faults=" + run))) {
      Container c = direct.containers().create(ContainerSpec.of(TestEngine.IMAGE)
          .command("true").label(TestEngine.LABEL, "true").label("dev.berth.test.faults", run));
      List<String> seen = new ArrayList<>();
      assertTimeoutPreemptively(BOUND, () -> seen.add(events.next().action()));
      proxy.stop(); // away while things happen
      c.start();
      c.waitFor();
      c.remove(RemoveOptions.defaults());
      proxy.start();
      // Podman also says init and cleanup; the four both engines send are the ones checked
      List<String> both = List.of("create", "start", "die", "destroy");
      assertTimeoutPreemptively(BOUND, () -> {
        while (seen.size() < 4) {
          Event e = events.next();
          if (both.contains(e.action())) {
            seen.add(e.action());
          }
        }
      });
      assertThat(seen).containsExactlyElementsOf(both);
      assertThat(events.reconnects()).isPositive();
    }
  }

  // ---- the engine going away and coming back

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void engineAwayFailsCallsClearlyAndTheSameClientWorksOnceItIsBack(String kind)
      throws Exception {
    proxy = kind.equals("unix") ? FaultProxy.unix(dir.resolve("proxy.sock"), engineSocket)
        : FaultProxy.tcp(engineSocket);
    try (DockerClient docker = DockerClient.builder().endpoint(proxy.endpoint()).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        // four pooled connections, kept alive
        List<Future<?>> warm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          warm.add(pool.submit(() -> docker.containers().get(chatty.id()).inspect()));
        }
        for (Future<?> f : warm) {
          f.get(60, TimeUnit.SECONDS);
        }
        LogStream follow = docker.containers().get(chatty.id()).logs().follow().tail(0).open();
        awaitLines(follow, 1);

        proxy.stop();
        thrown(StreamCutException.class, () -> {
          while (follow.nextLine() != null) {
            // to the cut
          }
        });
        follow.close();
        DockerConnectionException away = thrown(DockerConnectionException.class,
            () -> docker.containers().get(chatty.id()).inspect());
        assertThat(away.endpoint().toString()).isEqualTo(proxy.endpoint());

        proxy.start();
        // every pooled connection is dead now: none of them may fail a call
        for (int i = 0; i < 20; i++) {
          assertThat(docker.containers().get(chatty.id()).inspect().id()).isEqualTo(chatty.id());
        }
        assertThat(docker.system().ping().apiVersion()).isNotNull();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void pooledConnectionsThePeerClosedAreNeverReusedIntoAFailedCall(String kind) throws Exception {
    proxy = kind.equals("unix") ? FaultProxy.unix(dir.resolve("proxy.sock"), engineSocket)
        : FaultProxy.tcp(engineSocket);
    byte[] tar = tarOf("hello.txt", "hello\n");
    try (DockerClient docker = DockerClient.builder().endpoint(proxy.endpoint()).build()) {
      for (int round = 0; round < 5; round++) {
        docker.containers().get(chatty.id()).inspect(); // a kept-alive connection in the pool
        proxy.cutAll(); // which the peer now closes
        // a streamed body cannot be sent twice, so it must not go on that connection
        docker.containers().get(chatty.id()).putArchive("/tmp", new ByteArrayInputStream(tar));
        proxy.cutAll();
        assertThat(docker.containers().get(chatty.id()).stat("/tmp/hello.txt").size())
            .isEqualTo(6);
      }
    }
  }

  private static byte[] tarOf(String name, String content) throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    dev.berth.internal.archive.TarWriter tar = new dev.berth.internal.archive.TarWriter(out);
    tar.writeFile(name, data.length, 0644, java.time.Instant.now(), new ByteArrayInputStream(data));
    tar.finish();
    return out.toByteArray();
  }

  // ---- more streams than connections

  @Test
  void moreStreamsThanPooledConnectionsAllRunAndCallsStillGoThrough() throws Exception {
    try (DockerClient docker = DockerClient.builder().endpoint(direct.endpoint())
        .maxIdleConnections(2).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<LogStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
      try {
        List<Future<String>> first = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          first.add(pool.submit(() -> {
            LogStream s = docker.containers().get(chatty.id()).logs().follow().tail(1).open();
            streams.add(s);
            return s.nextLine().text();
          }));
        }
        for (Future<String> f : first) {
          assertThat(f.get(60, TimeUnit.SECONDS)).isNotEmpty();
        }
        // 32 streams open on a pool of 2: a plain call is not starved
        assertThat(docker.containers().get(chatty.id()).inspect().id()).isEqualTo(chatty.id());
      } finally {
        streams.forEach(LogStream::close);
        pool.shutdownNow();
      }
    }
  }

  // ---- closing the client under open streams

  @Test
  void closingTheClientEndsEveryOpenStreamWithAClearError() throws Exception {
    DockerClient docker = DockerClient.builder().endpoint(direct.endpoint()).build();
    Container c = docker.containers().get(chatty.id());
    LogStream follow = c.logs().follow().tail(0).open();
    var attachment = c.attach().open();
    var exec = c.exec("sh", "-c", "while true; do echo exec; sleep 0.05; done").open();
    EventStream events = docker.system().events(EventOptions.follow()
        .filter("label", "dev.berth.test.nothing=" + UUID.randomUUID()));
    InputStream export = c.export();
    assertThat(export.read(new byte[1000])).isPositive();
    awaitLines(follow, 1);
    awaitLines(attachment.output(), 1);
    awaitLines(exec.output(), 1);

    CompletableFuture<Throwable> eventsEnd = CompletableFuture.supplyAsync(() -> {
      try {
        events.next();
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    docker.close();

    for (LogStream s : List.of(follow, attachment.output(), exec.output())) {
      StreamCutException e = thrown(StreamCutException.class, () -> {
        for (Frame f; (f = s.nextLine()) != null; ) {
          // what was already buffered, then the end
        }
      });
      assertThat(e).hasMessageContaining("the DockerClient was closed");
    }
    StreamCutIOException cut = thrown(StreamCutIOException.class,
        () -> export.transferTo(OutputStream.nullOutputStream()));
    assertThat(cut).hasMessageContaining("the DockerClient was closed");
    assertThat(eventsEnd.get(60, TimeUnit.SECONDS)).isInstanceOf(StreamCutException.class)
        .hasMessageContaining("the DockerClient was closed");
    assertThatThrownBy(() -> c.inspect()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  // ---- timeouts that must not fire

  @Test
  void readTimeoutDoesNotEndAWaitOrAFollowThatIsSilentForLonger() throws Exception {
    try (DockerClient docker = DockerClient.builder().endpoint(direct.endpoint())
        .readTimeout(Duration.ofMillis(500)).build()) {
      Container slow = docker.containers().run(ContainerSpec.of(TestEngine.IMAGE)
          .label(TestEngine.LABEL, "true")
          .command("sh", "-c", "echo one; sleep 2; echo two; sleep 1"));
      try {
        assertTimeoutPreemptively(BOUND, () -> {
          assertThat(slow.logs().follow().text()).isEqualTo("one\ntwo\n");
          assertThat(slow.waitFor().exitCode()).isZero();
        });
      } finally {
        slow.remove(RemoveOptions.force());
      }
    }
  }
}
