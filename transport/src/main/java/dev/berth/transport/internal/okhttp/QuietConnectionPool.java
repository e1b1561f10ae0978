package dev.berth.transport.internal.okhttp;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.internal.concurrent.TaskRunner;
import okhttp3.internal.connection.ConnectionListener;

/**
 * OkHttp connection pools whose clean-up does not wake a thread every time a connection is
 * released. This is the only class in Berth that uses OkHttp's internal API.
 *
 * <p>Why: OkHttp 5.3.2's {@code RealConnectionPool.connectionBecameIdle} calls
 * {@code scheduleCloser()} on every release, which schedules the clean-up task to run at once.
 * That moves the task to the front of its {@code TaskQueue}, so {@code TaskRunner.kickCoordinator}
 * calls {@code Backend.coordinatorNotify}, and the thread sleeping in
 * {@code Backend.coordinatorWait} wakes, renames itself ({@code prctl}), runs
 * {@code closeConnections} (which finds nothing to close) and sleeps again: about 13 µs of CPU and
 * 4 {@code futex} calls per Berth call. Neither the pool size nor the keep-alive avoids it (only a
 * pool of size 0, which keeps no connection).
 *
 * <p>What: the pools share one {@link TaskRunner} of Berth's own whose {@link Backend} ignores
 * {@code coordinatorNotify} and lets the coordinator sleep at most {@link #MAX_SLEEP_MILLIS} at a
 * time. A task scheduled while the coordinator sleeps then runs at its next wake-up rather than at
 * once: the pool's clean-up runs at most about once a second however many connections are
 * released, and an idle connection is evicted at most that much after its keep-alive (or, beyond
 * {@code maxIdleConnections}, after its release). When no thread is waiting, a new task still
 * starts a thread through {@link Backend#execute}, as with OkHttp's own backend. The price is one
 * short wake-up a second of that thread while some pool has connections (OkHttp's own coordinator
 * sleeps until the next keep-alive expiry); once every pool is empty the thread leaves, as before.
 * A cap is needed, not only ignoring notifications: with one runner for several pools, or after
 * {@code evictAll()}, the coordinator may be asleep for another pool's keep-alive (5 minutes by
 * default), longer than this pool's.
 *
 * <p>When it is not used: if OkHttp's internal classes, the {@code ConnectionPool} constructor
 * taking a {@code TaskRunner}, or the exact five methods of {@code TaskRunner.Backend} are
 * missing (another OkHttp version), or the internal packages are not readable (OkHttp and Berth on
 * the module path: OkHttp's {@code module-info} exports them only to its own modules; add
 * {@code --add-exports okhttp3/okhttp3.internal.concurrent=dev.berth.transport} and
 * {@code --add-exports okhttp3/okhttp3.internal.connection=dev.berth.transport} to get it there),
 * {@link #create} returns OkHttp's plain {@code ConnectionPool(maxIdle, keepAlive, unit)}. That
 * is decided once.
 */
final class QuietConnectionPool {

  private static final String[] INTERNAL_PACKAGES = {
    "okhttp3.internal.concurrent", "okhttp3.internal.connection"
  };

  /** The methods of {@code TaskRunner.Backend} in OkHttp 5.3.2, which {@link Backend} implements. */
  private static final Set<String> BACKEND_METHODS =
      Set.of("nanoTime", "coordinatorNotify", "coordinatorWait", "decorate", "execute");

  /** The longest the clean-up thread sleeps, and so the most a clean-up can run late. */
  static final long MAX_SLEEP_MILLIS = 1000;

  /** Whether the quiet pool can be built; cleared for good at the first failure. */
  private static volatile boolean usable = readable();

  private QuietConnectionPool() {}

  /**
   * A pool keeping at most {@code maxIdle} idle connections, each for at most
   * {@code keepAliveMillis} (evicted late rather than early, see the class comment).
   */
  static ConnectionPool create(int maxIdle, long keepAliveMillis) {
    if (usable) {
      try {
        return Internal.create(maxIdle, keepAliveMillis);
      } catch (LinkageError | RuntimeException e) {
        // another OkHttp, or its internal packages not exported to us: the plain pool
        usable = false;
      }
    }
    return new ConnectionPool(maxIdle, keepAliveMillis, TimeUnit.MILLISECONDS);
  }

  /** Whether {@link #create} builds the quiet pool (for tests and diagnostics). */
  static boolean inUse() {
    return usable;
  }

  private static boolean readable() {
    try {
      Module okhttp = ConnectionPool.class.getModule();
      Module berth = QuietConnectionPool.class.getModule();
      for (String pkg : INTERNAL_PACKAGES) {
        if (!okhttp.isExported(pkg, berth)) {
          return false;
        }
      }
      Class<?> backend = Class.forName("okhttp3.internal.concurrent.TaskRunner$Backend", false,
          ConnectionPool.class.getClassLoader());
      Set<String> methods = Arrays.stream(backend.getMethods())
          .map(java.lang.reflect.Method::getName)
          .collect(Collectors.toSet());
      return methods.equals(BACKEND_METHODS);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return false;
    }
  }

  /** Everything naming OkHttp's internal types, loaded only once {@link #readable} said yes. */
  private static final class Internal {
    private static final TaskRunner RUNNER =
        new TaskRunner(new Backend(), TaskRunner.Companion.getLogger());

    static ConnectionPool create(int maxIdle, long keepAliveMillis) {
      return new ConnectionPool(maxIdle, keepAliveMillis, TimeUnit.MILLISECONDS, RUNNER,
          ConnectionListener.Companion.getNONE());
    }
  }

  /**
   * OkHttp's {@code TaskRunner.RealBackend} without the coordinator's wake-ups: daemon threads
   * started on demand and kept 60 s, and a coordinator that is never woken early and sleeps at
   * most {@link #MAX_SLEEP_MILLIS} at a time.
   */
  static final class Backend implements TaskRunner.Backend {
    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
        60L, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable,
              "Berth ConnectionPool " + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    /**
     * Does nothing: the coordinator keeps sleeping until the time it chose or for at most
     * {@link #MAX_SLEEP_MILLIS}, whichever is sooner (see the class comment).
     */
    @Override
    public void coordinatorNotify(TaskRunner taskRunner) {
      // coalesced into the coordinator's next wake-up
    }

    /** Called holding {@code taskRunner}'s monitor, as OkHttp's own backend is. */
    @Override
    public void coordinatorWait(TaskRunner taskRunner, long nanos) {
      if (nanos <= 0) {
        return;
      }
      long capped = Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(MAX_SLEEP_MILLIS));
      long millis = capped / 1_000_000L;
      int rest = (int) (capped - millis * 1_000_000L);
      try {
        taskRunner.wait(millis, rest);
      } catch (InterruptedException e) {
        // TaskRunner catches it (and cancels its tasks), as with OkHttp's own backend
        throw Backend.<RuntimeException>sneaky(e);
      }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
      throw (T) t;
    }

    @Override
    public <T> BlockingQueue<T> decorate(BlockingQueue<T> queue) {
      return queue;
    }

    @Override
    public void execute(TaskRunner taskRunner, Runnable runnable) {
      executor.execute(runnable);
    }
  }
}
