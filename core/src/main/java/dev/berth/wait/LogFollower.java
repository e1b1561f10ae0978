package dev.berth.wait;

import dev.berth.DockerException;
import dev.berth.containers.Container;
import dev.berth.containers.LogStream;
import dev.berth.model.Frame;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reads a container's output from its start, line by line, on a daemon thread: for the log-line
 * waits and the waiter's listeners, and the last lines for failure messages.
 */
final class LogFollower {
  private final Container container;
  private final int keep;
  private final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
  private final Deque<String> last = new ArrayDeque<>();
  private volatile LogStream stream;
  private volatile boolean closed;
  private Thread thread;

  LogFollower(Container container, int keep) {
    this.container = container;
    this.keep = keep;
  }

  /** Hands each line to {@code listener} too; add them before {@link #start}. */
  void onLine(Consumer<Frame> listener) {
    listeners.add(listener);
  }

  /** Starts reading, once: later calls do nothing. */
  synchronized void start(String name) {
    if (thread != null || closed) {
      return;
    }
    // opened on the reading thread: Podman sends a follow answer's headers only with the first
    // output, so a quiet container would hold the wait here
    thread = new Thread(this::read, "berth-wait-logs " + name);
    thread.setDaemon(true);
    thread.start();
  }

  private void read() {
    LogStream s;
    try {
      s = container.logs().follow().open();
    } catch (DockerException e) {
      return; // removed before its output could be followed
    }
    stream = s;
    if (closed) {
      s.close();
      return;
    }
    try {
      for (Frame line; (line = s.nextLine()) != null; ) {
        synchronized (last) {
          if (last.size() == keep) {
            last.removeFirst();
          }
          last.addLast(line.text());
        }
        for (Consumer<Frame> l : listeners) {
          try {
            l.accept(line);
          } catch (RuntimeException e) {
            // a listener's failure must not end the reading for the others
          }
        }
      }
    } catch (DockerException e) {
      // the container was removed while we read, or the client closed: the end of its output
    } finally {
      s.close();
    }
  }

  /** The last lines read so far, oldest first. */
  List<String> lastLines() {
    synchronized (last) {
      return List.copyOf(last);
    }
  }

  /** Waits up to {@code timeout} for the output to end (after an exit), if reading started. */
  void awaitEnd(Duration timeout) {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) {
      return;
    }
    try {
      t.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the reading; the stream is closed now, or as soon as it opens. */
  void close() {
    closed = true;
    LogStream s = stream;
    if (s != null) {
      s.close();
    }
  }
}
