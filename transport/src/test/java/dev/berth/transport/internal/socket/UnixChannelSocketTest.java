package dev.berth.transport.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JDK Unix-socket {@link java.net.Socket} OkHttp is given, against a local server. */
@Timeout(30)
class UnixChannelSocketTest {
  @TempDir
  Path dir;
  private Path file;
  private ServerSocketChannel server;
  private UnixChannelSocket socket;

  @BeforeEach
  void listen() throws IOException {
    file = dir.resolve("s.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(file));
  }

  @AfterEach
  void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
    server.close();
  }

  private SocketChannel connect() throws IOException {
    socket = new UnixChannelSocket(file);
    socket.connect(new InetSocketAddress("localhost", 80), 1000);
    return server.accept();
  }

  @Test
  void bytesGoBothWays() throws IOException {
    try (SocketChannel peer = connect()) {
      socket.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
      ByteBuffer got = ByteBuffer.allocate(4);
      while (got.hasRemaining()) {
        peer.read(got);
      }
      assertThat(new String(got.array(), StandardCharsets.UTF_8)).isEqualTo("ping");
      peer.write(ByteBuffer.wrap("pong".getBytes(StandardCharsets.UTF_8)));
      assertThat(new String(socket.getInputStream().readNBytes(4), StandardCharsets.UTF_8))
          .isEqualTo("pong");
      peer.close();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void halfCloseEndsThePeersInputWhileItsOutputStillComes() throws IOException {
    try (SocketChannel peer = connect()) {
      socket.getOutputStream().write("stdin".getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      assertThat(socket.isOutputShutdown()).isTrue();
      InputStream peerIn = java.nio.channels.Channels.newInputStream(peer);
      assertThat(new String(peerIn.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("stdin");
      peer.write(ByteBuffer.wrap("still here".getBytes(StandardCharsets.UTF_8)));
      peer.close();
      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("still here");
    }
  }

  @Test
  void readTimesOutAfterSoTimeoutAndTheSocketStaysUsable() throws IOException {
    try (SocketChannel peer = connect()) {
      socket.setSoTimeout(200);
      long start = System.nanoTime();
      assertThatThrownBy(() -> socket.getInputStream().read(new byte[10]))
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(190L, 2000L);
      // as OkHttp's 1 ms idle check expects: nothing there is a timeout, not a broken socket
      socket.setSoTimeout(1);
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      peer.write(ByteBuffer.wrap(new byte[] {42}));
      socket.setSoTimeout(0);
      assertThat(socket.getInputStream().read()).isEqualTo(42);
    }
  }

  @Test
  void withoutSoTimeoutAReadWaitsAsLongAsItTakes() throws Exception {
    try (SocketChannel peer = connect()) {
      CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
        try {
          return socket.getInputStream().read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(1_200);
      assertThat(read).isNotDone();
      peer.write(ByteBuffer.wrap(new byte[] {7}));
      assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(7);
    }
  }

  @Test
  void closeFromAnotherThreadEndsAWaitingRead() throws Exception {
    try (SocketChannel peer = connect()) {
      CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
        try {
          return socket.getInputStream().read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(200);
      socket.close();
      assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(SocketException.class)
          .hasRootCauseMessage("Socket closed");
      assertThat(socket.isClosed()).isTrue();
    }
  }

  @Test
  void bigWriteToASlowReaderWaitsForRoomWhileTheOtherDirectionReads() throws Exception {
    byte[] big = new byte[8 << 20]; // far more than the socket buffers hold
    new Random(1).nextBytes(big);
    try (SocketChannel peer = connect()) {
      // a reader waits in one thread while a writer waits for room in another
      CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
        try {
          return socket.getInputStream().read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
        try {
          OutputStream out = socket.getOutputStream();
          out.write(big);
          socket.shutdownOutput();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(300);
      assertThat(write).isNotDone();
      byte[] received = java.nio.channels.Channels.newInputStream(peer).readAllBytes();
      write.get(10, TimeUnit.SECONDS);
      assertThat(Arrays.equals(received, big)).isTrue();
      peer.write(ByteBuffer.wrap(new byte[] {9}));
      assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(9);
    }
  }

  @Test
  void nobodyListeningIsConnectionRefused() throws IOException {
    Path stale = dir.resolve("stale.sock");
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(stale));
    }
    UnixChannelSocket s = new UnixChannelSocket(stale);
    assertThatThrownBy(() -> s.connect(new InetSocketAddress("localhost", 80), 1000))
        .isExactlyInstanceOf(SocketException.class)
        .hasMessage("Connection refused: " + stale);
  }

  @Test
  void missingSocketFileIsASocketExceptionNamingIt() {
    Path missing = dir.resolve("none.sock");
    UnixChannelSocket s = new UnixChannelSocket(missing);
    assertThatThrownBy(() -> s.connect(new InetSocketAddress("localhost", 80), 1000))
        .isExactlyInstanceOf(SocketException.class)
        .hasMessage("No such file or directory: " + missing);
  }
}
