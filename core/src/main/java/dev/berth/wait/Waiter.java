package dev.berth.wait;

import dev.berth.DockerClient;
import dev.berth.containers.Container;
import dev.berth.model.Frame;
import dev.berth.model.Version;
import dev.berth.transport.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits until a container is ready: polls it every 100 ms until its {@link Wait}s hold, failing at
 * once when it exits or is removed, and when the timeout passes. While it waits it follows the
 * container's output from the start (on a daemon thread, closed when {@link #await} returns or
 * throws), for the log-line waits, the {@link #onLine} listeners and the failure messages' last
 * lines.
 *
 * <pre>{@code
 * Container web = docker.containers().run(spec, PullPolicy.MISSING);
 * Waiter.of(docker, web).describedAs("web server").timeout(Duration.ofSeconds(30))
 *     .await(Wait.forHttp("/health").forPort(8080));
 * }</pre>
 *
 * <p>Configuration methods return this waiter. A waiter may await several times, each time
 * anew; it is not meant to be shared between threads.
 */
public final class Waiter {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final DockerClient client;
  private final Container container;
  private final List<Consumer<Frame>> listeners = new ArrayList<>();
  private String subject;
  private Duration timeout = DEFAULT_TIMEOUT;
  private Duration spent = Duration.ZERO;
  private String host;
  private volatile Boolean podman;

  private Waiter(DockerClient client, Container container) {
    this.client = client;
    this.container = container;
  }

  /**
   * A waiter on {@code container}, reached through {@code client}: a container that is started,
   * or that the caller starts right after (until then it waits as for a slow start).
   */
  public static Waiter of(DockerClient client, Container container) {
    return new Waiter(Objects.requireNonNull(client, "client"),
        Objects.requireNonNull(container, "container"));
  }

  /**
   * The subject of failure messages, such as {@code fixture db} ("fixture db was not ready after
   * ..."); the default is {@code container} and its name (or, without one, its short id).
   */
  public Waiter describedAs(String name) {
    this.subject = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * How long the waits may take to hold (default 60 s), counted from {@link #await}, less what
   * {@link #spent} says was used before.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public Waiter timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout " + timeout + " is not valid: expected a"
          + " positive duration");
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * Counts {@code spent} as already gone of the {@link #timeout}, used by what the caller did
   * before the wait (pulling, creating, starting): the wait ends {@code timeout - spent} after
   * {@link #await} begins, and the times in messages count from {@code spent} before it, while a
   * timeout's message still says the whole timeout. A wait whose time is all spent checks once.
   * Default zero.
   *
   * @throws IllegalArgumentException if {@code spent} is negative
   */
  public Waiter spent(Duration spent) {
    Objects.requireNonNull(spent, "spent");
    if (spent.isNegative()) {
      throw new IllegalArgumentException("spent time " + spent + " is not valid: expected zero"
          + " or a positive duration");
    }
    this.spent = spent;
    return this;
  }

  /**
   * The host that port and HTTP waits connect to; the default is {@link
   * #publishedHost(DockerClient)}.
   */
  public Waiter host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /**
   * Hands each line of the container's output followed while waiting (stdout and stderr, told
   * apart by the frame, without line ends, from the start of its output) to {@code listener} too,
   * on the waiter's log thread. A listener's exception is ignored.
   */
  public Waiter onLine(Consumer<Frame> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Waits until all of {@code waits} hold; without a wait, until the container runs.
   *
   * @throws WaitException if the container is not ready in time, exits or is removed while being
   *     waited for, cannot satisfy a wait, or the thread is interrupted
   * @throws dev.berth.DockerException if the engine fails to answer an inspect
   */
  public void await(Wait... waits) {
    await(Arrays.asList(waits));
  }

  /**
   * {@link #await(Wait...)} with a list.
   *
   * @throws WaitException if the container is not ready in time, exits or is removed while being
   *     waited for, cannot satisfy a wait, or the thread is interrupted
   */
  public void await(List<Wait> waits) {
    Objects.requireNonNull(waits, "waits");
    for (Wait w : waits) {
      Objects.requireNonNull(w, "wait");
    }
    long t0 = System.nanoTime() - spent.toNanos();
    new Target(this, client, container, subject, host != null ? host : publishedHost(client),
        timeout, t0, List.copyOf(waits), List.copyOf(listeners)).await();
  }

  /**
   * The host that a container's published ports are reached on from here: {@code localhost} when
   * {@code client} reaches the engine over a Unix socket or named pipe, else the engine's host
   * (TCP, TLS or SSH).
   */
  public static String publishedHost(DockerClient client) {
    Endpoint e = client.endpoint();
    return e.scheme() == Endpoint.Scheme.UNIX || e.scheme() == Endpoint.Scheme.NPIPE
        ? "localhost" : e.host();
  }

  /** Whether the engine is Podman's Docker-compatible service; asked once, when a wait needs it. */
  boolean isPodman() {
    Boolean p = podman;
    if (p == null) {
      p = client.system().version().kind() == Version.Kind.PODMAN;
      podman = p;
    }
    return p;
  }
}
