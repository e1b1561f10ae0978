package dev.berth.internal.stream;

import dev.berth.containers.LogStream;
import dev.berth.internal.http.ApiClient;
import dev.berth.model.ApiVersion;
import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Opens output streams and decides their framing. Up to API 1.41 the engine labels every stream
 * {@code raw-stream}, multiplexed or not, so the TTY flag that applies decides (the container's
 * for logs and attach, the exec's own for exec); from 1.42 the Content-Type can be trusted.
 * The bytes themselves are never sniffed.
 */
public final class Streams {
  private static final ApiVersion CONTENT_TYPE_TRUSTED = ApiVersion.of(1, 42);

  private final ApiClient api;

  public Streams(ApiClient api) {
    this.api = api;
  }

  public ApiClient api() {
    return api;
  }

  /** Sends {@code call} and reads its answer's body as output. */
  public LogStream open(ApiClient.Call call, BooleanSupplier tty, String what) {
    return open(call, tty, what, false);
  }

  /**
   * Sends {@code call} and reads its answer's body as output; {@code bulk} for an answer that is
   * read whole and as fast as it comes (logs without follow), never a live stream.
   */
  public LogStream open(ApiClient.Call call, BooleanSupplier tty, String what, boolean bulk) {
    BooleanSupplier flag = ttyFirst(tty);
    HttpResponse r = call.open();
    FrameStream s = new FrameStream(r.body(), multiplexed(r, flag), r::abort, r, what);
    return bulk ? s.bulk() : s;
  }

  /**
   * The output of an upgraded connection; {@code endCheck} tells at the end of its bytes whether
   * that was the real end (null) or a cut (why), as {@link FrameStream#endCheck} says.
   */
  LogStream open(HttpResponse upgradeAnswer, DuplexConnection c, BooleanSupplier tty,
      String what, java.util.function.Supplier<String> endCheck) {
    return new FrameStream(c.input(), multiplexed(upgradeAnswer, tty), () -> closeQuietly(c), c,
        what).endCheck(endCheck);
  }

  /** Sends {@code call} and reads its answer's body as output, checked at its end as above. */
  LogStream open(ApiClient.Call call, BooleanSupplier tty, String what,
      java.util.function.Supplier<String> endCheck) {
    BooleanSupplier flag = ttyFirst(tty);
    HttpResponse r = call.open();
    return new FrameStream(r.body(), multiplexed(r, flag), r::abort, r, what).endCheck(endCheck);
  }

  /** How long the end of an attach or exec stream waits for the engine to see the process end. */
  private static final long END_WAIT_MILLIS = 3_000;

  /**
   * Whether what {@code running} reports keeps running for {@value #END_WAIT_MILLIS} ms: polled
   * every few milliseconds, false as soon as it reports an end. The output of a process can end a
   * moment before the engine records its exit.
   */
  static boolean stillRuns(BooleanSupplier running) {
    long deadline = System.currentTimeMillis() + END_WAIT_MILLIS;
    long pause = 1;
    while (running.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        return true;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      pause = Math.min(pause * 2, 50);
    }
    return false;
  }

  /**
   * The TTY flag, asked for before the stream opens when the API version means it will be
   * needed: asking afterwards would need a second connection while the first carries the stream,
   * which a transport with one connection (a named pipe) cannot give.
   */
  public BooleanSupplier ttyFirst(BooleanSupplier tty) {
    if (api.version().isAtLeast(CONTENT_TYPE_TRUSTED)) {
      return tty;
    }
    boolean known = tty.getAsBoolean();
    return () -> known;
  }

  private boolean multiplexed(HttpResponse r, BooleanSupplier tty) {
    String type = r.header("Content-Type");
    if (type != null && api.version().isAtLeast(CONTENT_TYPE_TRUSTED)) {
      if (type.startsWith("application/vnd.docker.multiplexed-stream")) {
        return true;
      }
      if (type.startsWith("application/vnd.docker.raw-stream")) {
        return false;
      }
    }
    return !tty.getAsBoolean();
  }

  /** The answer's body as a stream whose {@code close()} also releases the answer. */
  public static java.io.InputStream body(HttpResponse r) {
    return new java.io.FilterInputStream(r.body()) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          r.close();
        }
      }
    };
  }

  public static void closeQuietly(java.io.Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // already broken; nothing more to release
    }
  }
}
