package dev.berth.wait;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.containers.Container;
import dev.berth.model.ContainerDetails;
import dev.berth.model.Frame;
import dev.berth.model.PortMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One {@link Waiter#await}: the container polled, what the checks ask of it (this poll's inspect,
 * its published ports, its output), and the loop that polls until the checks hold.
 */
final class Target {
  /** Lines of output kept for failure messages. */
  static final int LAST_LINES = 50;
  static final Duration POLL = Duration.ofMillis(100);
  private static final Duration OUTPUT_END = Duration.ofSeconds(2);

  private final Waiter waiter;
  private final DockerClient client;
  private final Container container;
  private final String host;
  private final Duration timeout;
  private final long t0;
  private final List<Wait> waits;
  private final LogFollower follower;
  private final List<Check> checks = new ArrayList<>();
  private String subject;
  private ContainerDetails details;
  private Map<String, List<PortMapping>> ports = Map.of();

  Target(Waiter waiter, DockerClient client, Container container, String subject, String host,
      Duration timeout, long t0, List<Wait> waits, List<Consumer<Frame>> listeners) {
    this.waiter = waiter;
    this.client = client;
    this.container = container;
    this.subject = subject;
    this.host = host;
    this.timeout = timeout;
    this.t0 = t0;
    this.waits = waits;
    this.follower = new LogFollower(container, LAST_LINES);
    for (Consumer<Frame> l : listeners) {
      follower.onLine(l);
    }
    // before the output is read, so that log-line checks see all of it
    for (Wait w : waits) {
      checks.add(Check.of(w, this));
    }
  }

  // ---- for the checks ----

  DockerClient client() {
    return client;
  }

  Container container() {
    return container;
  }

  /** The container as this poll's inspect saw it. */
  ContainerDetails details() {
    return details;
  }

  /** The subject of messages, such as {@code container web}. */
  String subject() {
    return subject;
  }

  String host() {
    return host;
  }

  boolean isPodman() {
    return waiter.isPodman();
  }

  void onLine(Consumer<Frame> listener) {
    follower.onLine(listener);
  }

  /**
   * The host port published for TCP port {@code containerPort}, preferring an IPv4 binding.
   *
   * @throws IllegalArgumentException if it is not published (a check's error: not yet)
   */
  int hostPort(int containerPort) {
    List<PortMapping> m = ports().get(containerPort + "/tcp");
    if (m == null || m.isEmpty()) {
      throw new IllegalArgumentException(subject + " publishes no host port for " + containerPort
          + "/tcp; published: " + (ports.isEmpty() ? "none" : String.join(", ", ports.keySet()))
          + " (publish it with -p " + containerPort + ")");
    }
    for (PortMapping p : m) {
      if (!p.hostIp().contains(":")) {
        return p.hostPort();
      }
    }
    return m.get(0).hostPort();
  }

  /**
   * The lowest TCP port the container publishes.
   *
   * @throws WaitException ({@link WaitException.Reason#NO_PORT}) if it publishes none
   */
  int lowestTcpPort() {
    int lowest = Integer.MAX_VALUE;
    for (String key : ports().keySet()) {
      if (key.endsWith("/tcp")) {
        lowest = Math.min(lowest, Integer.parseInt(key.substring(0, key.indexOf('/'))));
      }
    }
    if (lowest == Integer.MAX_VALUE) {
      throw fail(WaitException.Reason.NO_PORT, subject + " publishes no TCP port to ask: publish"
          + " one (-p PORT) or give the wait a port");
    }
    return lowest;
  }

  /** The ports, read once they are there: the checks run only while the container runs. */
  private Map<String, List<PortMapping>> ports() {
    if (ports.isEmpty()) {
      Map<String, List<PortMapping>> m = new TreeMap<>();
      for (PortMapping p : container.ports()) {
        m.computeIfAbsent(p.containerPort() + "/" + p.protocol(), k -> new ArrayList<>()).add(p);
      }
      ports = m;
    }
    return ports;
  }

  /** A failure for {@code reason}: {@code message} and the last lines of output. */
  WaitException fail(WaitException.Reason reason, String message) {
    List<String> lines = lastLines();
    return new WaitException(reason, message + tail(lines), lines);
  }

  // ---- the loop ----

  void await() {
    try {
      poll();
    } finally {
      follower.close();
    }
  }

  private void poll() {
    long deadline = t0 + timeout.toNanos();
    Exception lastError = null;
    while (true) {
      try {
        details = container.inspect();
      } catch (NotFoundException gone) {
        if (subject == null) {
          subject = "container " + shortId();
        }
        follower.awaitEnd(OUTPUT_END);
        throw fail(WaitException.Reason.REMOVED, subject + " was removed (--rm) after it exited, "
            + elapsed() + " into its start, while waiting for " + waited());
      }
      if (subject == null) {
        String name = details.name();
        subject = "container " + (name == null || name.isEmpty() ? shortId() : name);
      }
      ContainerDetails.State state = details.state();
      boolean created = "created".equals(state.status());
      if (!created) {
        // a follow of a container that never started ends at once: read once it ran
        follower.start(subject);
      }
      if (!state.running() && !created) {
        follower.awaitEnd(OUTPUT_END);
        throw fail(WaitException.Reason.EXITED, subject + " exited with code " + state.exitCode()
            + " after " + elapsed() + " while waiting for " + waited());
      }
      boolean ready = true;
      for (Check c : checks) {
        try {
          ready &= c.ready();
        } catch (WaitException e) {
          throw e;
        } catch (Exception e) {
          lastError = e;
          ready = false;
        }
        if (!ready) {
          break;
        }
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() - deadline >= 0) {
        StringBuilder progress = new StringBuilder();
        for (Check c : checks) {
          if (!c.progress().isEmpty()) {
            progress.append(progress.length() == 0 ? " (" : "; ").append(c.progress());
          }
        }
        if (progress.length() > 0) {
          progress.append(')');
        }
        throw fail(WaitException.Reason.TIMEOUT, subject + " was not ready after "
            + seconds(timeout) + ": waited for " + waited() + progress
            + (lastError != null ? "; last error: " + lastError : ""));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(WaitException.Reason.INTERRUPTED, subject + ": interrupted while waiting for "
            + waited());
      }
    }
  }

  private String waited() {
    if (waits.isEmpty()) {
      return "it to run";
    }
    List<String> w = new ArrayList<>();
    for (Wait x : waits) {
      w.add(x.toString());
    }
    return String.join(" and ", w);
  }

  private String shortId() {
    String id = container.id();
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private String elapsed() {
    return seconds(Duration.ofNanos(System.nanoTime() - t0));
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /**
   * The last lines of output: the engine's tail of the logs, a snapshot of this moment (the
   * follower may be behind a container that writes fast), else, once the container is removed,
   * the last lines followed.
   */
  private List<String> lastLines() {
    try {
      String text = container.logs().tail(LAST_LINES).text();
      return text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
    } catch (DockerException e) {
      return follower.lastLines(); // removed already: what was followed is all there is
    }
  }

  /** The last lines of output as a message's tail. */
  static String tail(List<String> lines) {
    if (lines.isEmpty()) {
      return "; it wrote no output";
    }
    StringBuilder b = new StringBuilder("; its last ").append(lines.size())
        .append(lines.size() == 1 ? " line of output:" : " lines of output:");
    for (String l : lines) {
      b.append("\n  ").append(l);
    }
    return b.toString();
  }
}
