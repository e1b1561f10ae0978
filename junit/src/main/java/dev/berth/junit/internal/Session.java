package dev.berth.junit.internal;

import dev.berth.DockerClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test JVM's fixtures: the client they use, the labels everything they create carries, and
 * the reaper that removes what is left when the JVM dies. Made on first use, once per JVM.
 *
 * <p>The labels: {@value #TEST_LABEL}{@code =true}, {@value #SESSION_LABEL}{@code =<id>}, and
 * the owner: {@value #HOST_LABEL}, {@value #PID_LABEL}, {@value #STARTED_LABEL} (the JVM's start
 * in epoch milliseconds), by which a later session on the same host sees that the owner is gone.
 */
public final class Session {
  /** Every object Berth's tests and fixtures create carries this label. */
  public static final String TEST_LABEL = "dev.berth.test";
  /** The session's id. */
  public static final String SESSION_LABEL = "dev.berth.session";
  /** The host name of the JVM that owns the session. */
  public static final String HOST_LABEL = "dev.berth.session.host";
  /** The process id of the JVM that owns the session. */
  public static final String PID_LABEL = "dev.berth.session.pid";
  /** When the owning JVM started, in epoch milliseconds (tells a reused pid apart). */
  public static final String STARTED_LABEL = "dev.berth.session.started";

  /** {@code -Ddev.berth.junit.reaper=false} or {@code BERTH_REAPER=false}: no reaper process. */
  public static final String REAPER_PROPERTY = "dev.berth.junit.reaper";
  /** {@code -Ddev.berth.junit.sweep=false} or {@code BERTH_SWEEP=false}: no sweep at start. */
  public static final String SWEEP_PROPERTY = "dev.berth.junit.sweep";

  private static final Logger LOG = LoggerFactory.getLogger("dev.berth.junit");
  private static final Object LOCK = new Object();
  private static volatile Session current;

  private final String id;
  private final DockerClient client;
  private final Map<String, String> labels;
  private final Reaper.Handle reaper;

  private Session(String id, DockerClient client) {
    this.id = id;
    this.client = client;
    Map<String, String> l = new LinkedHashMap<>();
    l.put(TEST_LABEL, "true");
    l.put(SESSION_LABEL, id);
    l.put(HOST_LABEL, hostName());
    l.put(PID_LABEL, Long.toString(ProcessHandle.current().pid()));
    l.put(STARTED_LABEL, Long.toString(startMillis(ProcessHandle.current())));
    this.labels = Map.copyOf(l);
    if (enabled(SWEEP_PROPERTY, "BERTH_SWEEP")) {
      Sweep.run(client, labels.get(HOST_LABEL), id);
    }
    this.reaper = enabled(REAPER_PROPERTY, "BERTH_REAPER") ? Reaper.start(id) : null;
    LOG.debug("test session {} on {}; reaper {}", id, client.endpoint(),
        reaper == null ? "off" : "pid " + reaper.pid());
  }

  /** This JVM's session, made (and its reaper started) on first use. */
  public static Session get() {
    Session s = current;
    if (s == null) {
      synchronized (LOCK) {
        s = current;
        if (s == null) {
          byte[] random = new byte[6];
          new SecureRandom().nextBytes(random);
          s = new Session(HexFormat.of().formatHex(random), DockerClient.fromEnvironment());
          current = s;
        }
      }
    }
    return s;
  }

  /** The session's id, the value of {@value #SESSION_LABEL}. */
  public String id() {
    return id;
  }

  /** The client every fixture of this session uses. */
  public DockerClient client() {
    return client;
  }

  private volatile Boolean podman;

  /** True when the session's engine is Podman's Docker-compatible service (asked once). */
  public boolean isPodman() {
    Boolean p = podman;
    if (p == null) {
      p = client.system().version().kind() == dev.berth.model.Version.Kind.PODMAN;
      podman = p;
    }
    return p;
  }

  /** The labels everything the session creates carries. */
  public Map<String, String> labels() {
    return labels;
  }

  /** The reaper's process id, or -1 when it is switched off. */
  public long reaperPid() {
    return reaper == null ? -1 : reaper.pid();
  }

  /** A process's start in epoch milliseconds, 0 if the JDK cannot tell. */
  static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  static boolean enabled(String property, String variable) {
    String p = System.getProperty(property);
    String v = p != null ? p : System.getenv(variable);
    return v == null || !v.trim().toLowerCase(Locale.ROOT).equals("false");
  }

  static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        return Files.readString(kernel, StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      // fall through to the variables and the resolver
    }
    for (String name : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String v = System.getenv(name);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
