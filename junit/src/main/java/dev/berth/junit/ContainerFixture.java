package dev.berth.junit;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.containers.Container;
import dev.berth.containers.LogStream;
import dev.berth.containers.RemoveOptions;
import dev.berth.junit.internal.Session;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.ExecResult;
import dev.berth.model.Frame;
import dev.berth.model.PortBinding;
import dev.berth.model.PortMapping;
import dev.berth.wait.WaitException;
import dev.berth.wait.Waiter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container for a test: configured first, then started (by {@link DockerTest}'s extension for
 * a {@link Fixture} field, or by {@link #start()}), ready when its {@link Wait} holds, and removed
 * with its anonymous volumes by {@link #stop()}. Everything it creates carries {@code
 * dev.berth.test=true} and the test session's labels, so that a killed JVM's containers are
 * removed too.
 *
 * <pre>{@code
 * @Fixture
 * static ContainerFixture web = ContainerFixture.run("docker run -d -p 80 my/web:1")
 *     .withFile(Path.of("src/test/resources/site.conf"), "/etc/web/site.conf")
 *     .waitingFor(Wait.forHttp("/health"))
 *     .withLogger("web");
 *
 * web.hostPort(80);         // the published host port
 * web.exec("cat", "/etc/web/site.conf").stdout();
 * }</pre>
 *
 * <p>Configuration methods return this fixture and may only be called before it starts. A
 * fixture can be started again after {@link #stop()}. It is safe to use from several threads.
 */
public final class ContainerFixture implements AutoCloseable {
  /** Lines of output kept for failure messages. */
  static final int LAST_LINES = 50;

  private final ContainerSpec spec;
  private final String description;
  private final List<Wait> waits = new ArrayList<>();
  private final List<FileCopy> files = new ArrayList<>();
  private final List<Join> joins = new ArrayList<>();
  private final List<Consumer<Frame>> consumers = new ArrayList<>();
  private final List<Integer> exposed = new ArrayList<>();
  private Duration startupTimeout = Duration.ofSeconds(60);

  private volatile Container container;
  private volatile DockerClient client;
  private volatile Map<String, List<PortMapping>> ports = Map.of();
  private Follower follower;
  private final List<NetworkFixture> startedNetworks = new ArrayList<>();

  private record FileCopy(Path source, byte[] bytes, String destination) {}

  private record Join(NetworkFixture network, List<String> aliases) {}

  private ContainerFixture(ContainerSpec spec, String description) {
    this.spec = spec;
    this.description = description;
  }

  /** A fixture of {@code spec}; it runs detached whatever the spec says of attaching. */
  public static ContainerFixture of(ContainerSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return new ContainerFixture(spec, spec.name() != null ? spec.name() : spec.image().toString());
  }

  /**
   * A fixture of a {@code docker run} line, read by {@link DockerRun#parse(String)}: {@code
   * ContainerFixture.run("docker run -d -p 5432 -e POSTGRES_PASSWORD=pw --name db postgres:16")}.
   *
   * @throws IllegalArgumentException if the line is not a valid {@code docker run} line (the
   *     message quotes the offending part)
   */
  public static ContainerFixture run(String dockerRunLine) {
    return of(DockerRun.parse(dockerRunLine).spec());
  }

  /** Ready when all of {@code waits} hold; without a wait it is ready once it runs. */
  public synchronized ContainerFixture waitingFor(Wait... waits) {
    requireNotStarted("waitingFor");
    for (Wait w : waits) {
      this.waits.add(Objects.requireNonNull(w, "wait"));
    }
    return this;
  }

  /**
   * Copies a host file or directory to {@code containerPath} before the start, as {@code docker
   * cp} does ({@link Container#copyIn}); missing parent directories are made (mode 0755).
   */
  public synchronized ContainerFixture withFile(Path hostPath, String containerPath) {
    requireNotStarted("withFile");
    Objects.requireNonNull(hostPath, "hostPath");
    if (!Files.exists(hostPath)) {
      throw new IllegalArgumentException("withFile: host path " + hostPath + " does not exist");
    }
    files.add(new FileCopy(hostPath, null, absolute(containerPath)));
    return this;
  }

  /**
   * Writes {@code content} to the file {@code containerPath} (mode 0644, parent directories
   * made) before the start.
   */
  public synchronized ContainerFixture withFile(byte[] content, String containerPath) {
    requireNotStarted("withFile");
    String path = absolute(containerPath);
    if (path.endsWith("/")) {
      throw new IllegalArgumentException("withFile: container path \"" + containerPath
          + "\" names a directory; bytes need a file name");
    }
    files.add(new FileCopy(null, content.clone(), path));
    return this;
  }

  /** Joins {@code network}, where other containers reach it by {@code aliases}. */
  public synchronized ContainerFixture withNetwork(NetworkFixture network, String... aliases) {
    requireNotStarted("withNetwork");
    joins.add(new Join(Objects.requireNonNull(network, "network"), List.of(aliases)));
    return this;
  }

  /**
   * How long the start may take, from create to ready (default 60 s).
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public synchronized ContainerFixture withStartupTimeout(Duration timeout) {
    requireNotStarted("withStartupTimeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("startup timeout " + timeout + " is not valid:"
          + " expected a positive duration");
    }
    this.startupTimeout = timeout;
    return this;
  }

  /** Publishes each of {@code containerPorts} (TCP) on a random host port, as {@code -p PORT}. */
  public synchronized ContainerFixture withExposedPorts(int... containerPorts) {
    requireNotStarted("withExposedPorts");
    for (int p : containerPorts) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port " + p + " is not valid: expected 1 to 65535");
      }
      exposed.add(p);
    }
    return this;
  }

  /**
   * Hands each line of output (stdout and stderr, told apart by the frame) to {@code consumer},
   * without its line end, on the fixture's log thread; a last line without a line end comes when
   * the output ends.
   */
  public synchronized ContainerFixture withLogConsumer(Consumer<Frame> consumer) {
    requireNotStarted("withLogConsumer");
    consumers.add(Objects.requireNonNull(consumer, "consumer"));
    return this;
  }

  /**
   * Logs each line of output to the SLF4J logger {@code loggerName} at INFO, prefixed {@code
   * stdout:} or {@code stderr:}.
   */
  public synchronized ContainerFixture withLogger(String loggerName) {
    Logger log = LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
    return withLogConsumer(line -> log.info("{}: {}",
        line.stream().name().toLowerCase(Locale.ROOT), line.text()));
  }

  // ---- lifecycle ----

  /**
   * Creates the container (pulling a missing image), joins its networks, copies its files in,
   * starts it and waits until it is ready. Does nothing if it is already started.
   *
   * @throws FixtureException if it cannot be created or started, exits while being waited for,
   *     or is not ready in time; whatever the start made is removed again
   */
  public synchronized void start() {
    if (container != null) {
      return;
    }
    Session session = Session.get();
    client = session.client();
    long t0 = System.nanoTime();
    try {
      ContainerSpec s = spec;
      for (Map.Entry<String, String> l : session.labels().entrySet()) {
        s = s.label(l.getKey(), l.getValue());
      }
      for (int p : exposed) {
        s = s.publish(PortBinding.parse(Integer.toString(p)));
      }
      for (Join j : joins) {
        if (!j.network.isStarted()) {
          j.network.start();
          startedNetworks.add(j.network);
        }
      }
      if (!joins.isEmpty()) {
        s = s.networkMode(joins.get(0).network.name());
        for (String alias : joins.get(0).aliases) {
          s = s.networkAlias(alias);
        }
      }
      ensureImage(s);
      container = client.containers().create(s);
    } catch (FixtureException e) {
      cleanUpAfterFailure();
      throw e;
    } catch (RuntimeException e) {
      cleanUpAfterFailure();
      throw new FixtureException(describe() + " could not be created: " + e.getMessage(), e);
    }
    follower = new Follower(describe());
    for (Consumer<Frame> c : consumers) {
      follower.listeners.add(c);
    }
    try {
      for (int i = 1; i < joins.size(); i++) {
        client.networks().connect(joins.get(i).network.name(), container.id(),
            joins.get(i).aliases, null);
      }
      for (FileCopy f : files) {
        copy(f);
      }
      container.start();
      follower.start(container);
      ports = readPorts();
      List<dev.berth.wait.Wait> ready = new ArrayList<>();
      for (Wait w : waits) {
        ready.add(WaitImpl.core(w));
      }
      // the start-up timeout counts from the start of start(): create and pull took their share
      Waiter.of(client, container).describedAs(describe()).timeout(startupTimeout)
          .spent(Duration.ofNanos(System.nanoTime() - t0)).await(ready);
    } catch (WaitException e) {
      // its message names the fixture and ends with the last lines already
      cleanUpAfterFailure();
      throw new FixtureException(e.getMessage(), e);
    } catch (RuntimeException e) {
      String message = describe() + " could not be started: " + e.getMessage() + lastLines();
      cleanUpAfterFailure();
      throw new FixtureException(message, e);
    }
  }

  /**
   * Removes the container with its anonymous volumes (forced, as {@code docker rm -fv}), and the
   * networks its start made. Does nothing if it is not started.
   */
  public synchronized void stop() {
    if (container == null) {
      return;
    }
    try {
      removeContainer();
    } finally {
      stopNetworks();
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Whether it is started (and not yet stopped). */
  public boolean isStarted() {
    return container != null;
  }

  // ---- after the start ----

  /** Berth's handle of the running container. */
  public Container container() {
    Container c = container;
    if (c == null) {
      throw new IllegalStateException(describe() + " is not started");
    }
    return c;
  }

  /**
   * The host a test reaches published ports on: {@code localhost} when the engine is reached over
   * a Unix socket or named pipe, else the engine's host (TCP, TLS or SSH).
   */
  public String host() {
    return Waiter.publishedHost(client != null ? client : Session.get().client());
  }

  /**
   * The host port published for TCP port {@code containerPort}.
   *
   * @throws IllegalArgumentException if that port is not published (the message lists those that
   *     are)
   */
  public int hostPort(int containerPort) {
    return hostPort(containerPort, "tcp");
  }

  /**
   * The host port published for {@code portAndProtocol}, such as {@code 53/udp} or {@code 80}
   * (TCP).
   *
   * @throws IllegalArgumentException if that port is not published or the text is not a port
   */
  public int hostPort(String portAndProtocol) {
    String[] parts = portAndProtocol.split("/", 2);
    try {
      return hostPort(Integer.parseInt(parts[0]), parts.length == 2 ? parts[1] : "tcp");
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port \"" + portAndProtocol + "\" is not valid:"
          + " expected PORT or PORT/PROTOCOL, such as 53/udp");
    }
  }

  int hostPort(int containerPort, String protocol) {
    container();
    List<PortMapping> m = ports.get(containerPort + "/" + protocol);
    if (m == null || m.isEmpty()) {
      throw new IllegalArgumentException(describe() + " publishes no host port for "
          + containerPort + "/" + protocol + "; published: " + (ports.isEmpty() ? "none"
          : String.join(", ", ports.keySet())) + " (publish it with -p " + containerPort
          + " or withExposedPorts)");
    }
    for (PortMapping p : m) {
      if (!p.hostIp().contains(":")) {
        return p.hostPort();
      }
    }
    return m.get(0).hostPort();
  }

  /** Everything it wrote so far, stdout and stderr as they came ({@code docker logs}). */
  public String logs() {
    return container().logs().text();
  }

  /** Runs {@code command} in it and waits for its end ({@code docker exec}). */
  public ExecResult exec(String... command) {
    return container().exec(command).call();
  }

  /** The name in failure messages: the container's name, else its image. */
  public String name() {
    return description;
  }

  String describe() {
    return "fixture " + description;
  }

  @Override
  public String toString() {
    return "ContainerFixture{" + description + (container != null ? ", " + container.id() : "")
        + "}";
  }

  // ---- inside ----

  private void requireNotStarted(String what) {
    if (container != null) {
      throw new IllegalStateException(what + " on " + describe() + ", which is started: configure"
          + " it before it starts");
    }
  }

  private static String absolute(String containerPath) {
    Objects.requireNonNull(containerPath, "containerPath");
    if (!containerPath.startsWith("/")) {
      throw new IllegalArgumentException("container path \"" + containerPath
          + "\" is not absolute: expected a path starting with /");
    }
    return containerPath;
  }

  private void ensureImage(ContainerSpec s) {
    String image = s.image().toString();
    try {
      client.images().inspect(image);
    } catch (NotFoundException missing) {
      client.images().pull(image).call();
    }
  }

  private void copy(FileCopy f) {
    if (f.source != null) {
      // docker cp wants the destination's parent to exist; a fixture makes it, as the bytes do
      int slash = f.destination.lastIndexOf('/');
      String parent = f.destination.substring(0, slash);
      if (!parent.isEmpty() && !exists(parent)) {
        container.putArchive("/", new ByteArrayInputStream(Tar.directory(parent.substring(1))));
      }
      container.copyIn(f.source, f.destination);
      return;
    }
    container.putArchive("/", new ByteArrayInputStream(Tar.oneFile(
        f.destination.substring(1), f.bytes)));
  }

  private boolean exists(String path) {
    try {
      container.stat(path);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private Map<String, List<PortMapping>> readPorts() {
    Map<String, List<PortMapping>> m = new java.util.TreeMap<>();
    for (PortMapping p : container.ports()) {
      m.computeIfAbsent(p.containerPort() + "/" + p.protocol(), k -> new ArrayList<>()).add(p);
    }
    return m;
  }

  /** The last lines of output as a message's tail. */
  private String lastLines() {
    List<String> lines = follower != null ? follower.lastLines() : List.of();
    if (lines.isEmpty() && container != null) {
      try {
        String text = container.logs().tail(LAST_LINES).text();
        lines = text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
      } catch (DockerException e) {
        // removed already: nothing to show
      }
    }
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

  private void cleanUpAfterFailure() {
    try {
      if (container != null) {
        removeContainer();
      }
    } catch (RuntimeException e) {
      // the session's reaper and sweep remove it in the end
    } finally {
      stopNetworks();
    }
  }

  private void removeContainer() {
    Container c = container;
    try {
      if (follower != null) {
        follower.close();
      }
      client.containers().remove(c.id(), RemoveOptions.force().withVolumes(true));
    } catch (NotFoundException gone) {
      // --rm removed it already
    } finally {
      container = null;
      follower = null;
      ports = Map.of();
    }
  }

  private void stopNetworks() {
    RuntimeException first = null;
    for (int i = startedNetworks.size() - 1; i >= 0; i--) {
      try {
        startedNetworks.get(i).stop();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    startedNetworks.clear();
    if (first != null) {
      throw first;
    }
  }

  /**
   * Reads the container's output from its start, line by line, on a daemon thread: for the log
   * consumers, and the last lines for the messages of failures other than the wait's (whose
   * {@link Waiter} follows the output itself).
   */
  private static final class Follower {
    private final String name;
    final List<Consumer<Frame>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<String> last = new ArrayDeque<>();
    private volatile LogStream stream;
    private Thread thread;

    Follower(String name) {
      this.name = name;
    }

    private volatile boolean closed;

    void start(Container container) {
      // opened on the reading thread: Podman sends a follow answer's headers only with the first
      // output, so a quiet container would hold the fixture's start here
      thread = new Thread(() -> read(container), "berth-logs " + name);
      thread.setDaemon(true);
      thread.start();
    }

    private void read(Container container) {
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
            if (last.size() == LAST_LINES) {
              last.removeFirst();
            }
            last.addLast(line.text());
          }
          for (Consumer<Frame> l : listeners) {
            try {
              l.accept(line);
            } catch (RuntimeException e) {
              // a consumer's failure must not end the reading for the others
            }
          }
        }
      } catch (DockerException e) {
        // the container was removed while we read: the end of its output
      } finally {
        s.close();
      }
    }

    List<String> lastLines() {
      synchronized (last) {
        return List.copyOf(last);
      }
    }

    void close() {
      closed = true;
      LogStream s = stream;
      if (s != null) {
        s.close();
      }
    }
  }

  /** A tar of one regular file, for {@link #withFile(byte[], String)}. */
  static final class Tar {
    private Tar() {}

    static byte[] oneFile(String name, byte[] content) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + content.length);
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      if (nameBytes.length > 100) {
        // a PAX header carries a long path
        byte[] record = paxRecord("path", name);
        out.writeBytes(header("././@PaxHeader", record.length, 'x', 0644));
        out.writeBytes(padded(record));
        nameBytes = name.substring(name.length() - Math.min(name.length(), 99)).getBytes(
            StandardCharsets.UTF_8);
        name = new String(nameBytes, StandardCharsets.UTF_8);
      }
      out.writeBytes(header(name, content.length, '0', 0644));
      out.writeBytes(padded(content));
      out.writeBytes(new byte[1024]);
      return out.toByteArray();
    }

    /** A tar of one directory entry; extracting it makes the missing parents too. */
    static byte[] directory(String name) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
      String n = name.endsWith("/") ? name : name + "/";
      if (n.getBytes(StandardCharsets.UTF_8).length > 100) {
        byte[] record = paxRecord("path", n);
        out.writeBytes(header("././@PaxHeader", record.length, 'x', 0644));
        out.writeBytes(padded(record));
        n = "dir/";
      }
      out.writeBytes(header(n, 0, '5', 0755));
      out.writeBytes(new byte[1024]);
      return out.toByteArray();
    }

    private static byte[] paxRecord(String key, String value) {
      String body = " " + key + "=" + value + "\n";
      int len = body.getBytes(StandardCharsets.UTF_8).length;
      int total = len + Integer.toString(len).length();
      if (Integer.toString(total).length() != Integer.toString(len).length()) {
        total++;
      }
      return (total + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padded(byte[] data) {
      int size = (data.length + 511) / 512 * 512;
      byte[] b = new byte[size];
      System.arraycopy(data, 0, b, 0, data.length);
      return b;
    }

    private static byte[] header(String name, long size, char type, int mode) {
      byte[] h = new byte[512];
      put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
      put(h, 100, 8, octal(mode, 7));
      put(h, 108, 8, octal(0, 7));
      put(h, 116, 8, octal(0, 7));
      put(h, 124, 12, octal(size, 11));
      put(h, 136, 12, octal(System.currentTimeMillis() / 1000, 11));
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      h[156] = (byte) type;
      put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
      put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
      long sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, 8, (String.format(Locale.ROOT, "%06o", sum) + "\0 ").getBytes(
          StandardCharsets.US_ASCII));
      return h;
    }

    private static byte[] octal(long value, int digits) {
      return String.format(Locale.ROOT, "%0" + digits + "o", value).getBytes(
          StandardCharsets.US_ASCII);
    }

    private static void put(byte[] h, int offset, int length, byte[] value) {
      System.arraycopy(value, 0, h, offset, Math.min(length, value.length));
    }
  }
}
