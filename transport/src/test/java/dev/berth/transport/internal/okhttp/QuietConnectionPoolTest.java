package dev.berth.transport.internal.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pool from {@link QuietConnectionPool}: connections are reused, and idle ones are still
 * evicted after their keep-alive (or beyond the idle limit), though nothing wakes its clean-up
 * when a connection is released.
 */
@Timeout(30)
class QuietConnectionPoolTest {

  private ServerSocket server;
  private ExecutorService serverThreads;
  /** Released by tests whose requests must be in flight together. */
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serverThreads = Executors.newCachedThreadPool();
    serverThreads.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          serverThreads.execute(() -> serve(socket));
        } catch (IOException | RuntimeException e) {
          return;
        }
      }
    });
    url = "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  /** A keep-alive HTTP/1.1 server answering every GET with "ok". */
  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      while (true) {
        String line = in.readLine();
        if (line == null) {
          return;
        }
        while (!line.isEmpty()) {
          line = in.readLine();
          if (line == null) {
            return;
          }
        }
        hold.await(10, TimeUnit.SECONDS);
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the client closed the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    serverThreads.shutdownNow();
  }

  @Test
  void isUsedOnTheClassPath() {
    assertThat(QuietConnectionPool.inUse()).isTrue();
    assertThat(QuietConnectionPool.create(2, 1000).getClass()).isEqualTo(ConnectionPool.class);
  }

  @Test
  void reusesAConnectionAndEvictsItAfterTheKeepAlive() throws Exception {
    ConnectionPool pool = QuietConnectionPool.create(5, 300);
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool).build();

    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      call(client);
    }
    assertThat(pool.connectionCount()).isEqualTo(1);
    assertThat(pool.idleConnectionCount()).isEqualTo(1);

    awaitZero(pool::connectionCount);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
  }

  @Test
  void evictsAgainAfterThePoolWasEmpty() throws Exception {
    ConnectionPool pool = QuietConnectionPool.create(5, 200);
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool).build();
    for (int round = 0; round < 3; round++) {
      call(client);
      assertThat(pool.connectionCount()).isEqualTo(1);
      awaitZero(pool::connectionCount);
    }
  }

  @Test
  void evictsConnectionsBeyondTheIdleLimitAndExpiredOnes() throws Exception {
    ConnectionPool pool = QuietConnectionPool.create(1, 400);
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool).build();
    // a first call, so that the clean-up is scheduled (for the keep-alive) and its thread sleeps
    call(client);

    hold = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(callers.submit(() -> {
          call(client);
          return null;
        }));
      }
      while (pool.connectionCount() < 3) {
        Thread.sleep(5);
      }
      hold.countDown();
      for (java.util.concurrent.Future<?> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    awaitZero(pool::connectionCount);
  }

  @Test
  void poolsWithDifferentKeepAlivesAllEvict() throws Exception {
    // the shared clean-up thread is asleep for the first pool's keep-alive when the second
    // pool's connection is released; the second must not wait for it
    ConnectionPool longer = QuietConnectionPool.create(5, 60_000);
    ConnectionPool shorter = QuietConnectionPool.create(5, 100);
    call(new OkHttpClient.Builder().connectionPool(longer).build());
    Thread.sleep(50);
    long start = System.nanoTime();
    call(new OkHttpClient.Builder().connectionPool(shorter).build());
    awaitZero(shorter::connectionCount);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isLessThan(100 + QuietConnectionPool.MAX_SLEEP_MILLIS + 3000);
    assertThat(longer.connectionCount()).isEqualTo(1);
    longer.evictAll();
  }

  @Test
  void evictAllStillClosesAtOnce() throws Exception {
    ConnectionPool pool = QuietConnectionPool.create(5, 60_000);
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool).build();
    call(client);
    assertThat(pool.connectionCount()).isEqualTo(1);
    pool.evictAll();
    assertThat(pool.connectionCount()).isZero();
    call(client);
    assertThat(pool.connectionCount()).isEqualTo(1);
    pool.evictAll();
  }

  private void call(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
  }

  /** Waits (at most 10 s) for the count to reach 0. */
  private static void awaitZero(IntSupplier count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count.getAsInt() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(count.getAsInt()).isZero();
  }
}
