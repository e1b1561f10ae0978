package dev.berth.junit.internal;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.containers.ListOptions;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSummary;
import dev.berth.model.NetworkDetails;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The process that removes a session's containers and networks when the test JVM dies. The test
 * JVM starts it once ({@link #start}) as a plain {@code java} child on the same class path and
 * with the same environment (so its client finds the same engine, with the same TLS settings),
 * and keeps the write end of its standard input. Whenever that pipe closes (the JVM ended, was
 * killed with SIGKILL, halted or crashed), {@link #main} wakes, removes everything labelled with
 * the session, and exits. Nothing is pulled and nothing privileged runs.
 */
public final class Reaper {
  private Reaper() {}

  /** The running reaper: the pipe it watches stays open as long as this object is reachable. */
  static final class Handle {
    private final Process process;
    private final OutputStream pipe;

    Handle(Process process) {
      this.process = process;
      this.pipe = process.getOutputStream();
    }

    long pid() {
      return process.pid();
    }
  }

  /**
   * Waits for standard input to close, then removes the containers and networks labelled {@code
   * dev.berth.session=<args[0]>}.
   */
  public static void main(String[] args) throws Exception {
    String session = args[0];
    InputStream in = System.in;
    try {
      while (in.read() != -1) {
        // the test JVM writes nothing; any byte is ignored
      }
    } catch (IOException closed) {
      // a broken pipe is the same signal as its end
    }
    try (DockerClient client = DockerClient.fromEnvironment()) {
      int removed = removeSession(client, session);
      System.err.println("berth reaper: session " + session + ": removed " + removed);
    }
  }

  /** Removes the session's containers (with their anonymous volumes), then its networks. */
  static int removeSession(DockerClient client, String session) {
    String label = Session.SESSION_LABEL + "=" + session;
    int removed = 0;
    // a container being created while we look may appear late: look twice
    for (int pass = 0; pass < 2; pass++) {
      for (ContainerSummary c : client.containers().list(ListOptions.all()
          .withFilter("label", label))) {
        removed += removeContainer(client, c.id()) ? 1 : 0;
      }
      for (NetworkDetails n : client.networks().list(Map.of("label", List.of(label)))) {
        removed += removeNetwork(client, n.id()) ? 1 : 0;
      }
    }
    return removed;
  }

  static boolean removeContainer(DockerClient client, String id) {
    try {
      client.containers().remove(id, RemoveOptions.force().withVolumes(true));
      return true;
    } catch (NotFoundException gone) {
      return false;
    } catch (DockerException e) {
      // "removal already in progress" and the like: the next pass or sweep sees it again
      return false;
    }
  }

  static boolean removeNetwork(DockerClient client, String id) {
    try {
      client.networks().remove(id);
      return true;
    } catch (NotFoundException gone) {
      return false;
    } catch (DockerException e) {
      return false;
    }
  }

  /** Starts the reaper of {@code session}; returns null (and says why) if it cannot start. */
  static Handle start(String session) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", classPath(), Reaper.class.getName(), session);
    try {
      Process p = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return new Handle(p);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the fixture reaper (" + command.get(0)
          + "): " + e.getMessage() + "; switch it off with -D" + Session.REAPER_PROPERTY
          + "=false", e);
    }
  }

  /**
   * This JVM's class path with every manifest-only jar (Surefire's booter, an IDE's shortened
   * command line) replaced by the entries it lists, so that the reaper does not depend on a
   * temporary jar its parent deletes.
   */
  public static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        expand(e, entries);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void expand(String entry, Set<String> out) {
    out.add(entry);
    if (!entry.endsWith(".jar")) {
      return;
    }
    Path jar;
    try {
      jar = Path.of(entry).toAbsolutePath();
    } catch (InvalidPathException e) {
      return;
    }
    if (!Files.isRegularFile(jar)) {
      return;
    }
    try (JarFile f = new JarFile(jar.toFile())) {
      Manifest m = f.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (cp == null || cp.isBlank()) {
        return;
      }
      List<String> listed = new ArrayList<>();
      for (String url : cp.trim().split("\\s+")) {
        try {
          URI u = jar.getParent().toUri().resolve(url);
          listed.add(Path.of(u).toString());
        } catch (IllegalArgumentException e) {
          // not a local file: leave it to the manifest
        }
      }
      out.addAll(listed);
    } catch (IOException e) {
      // not readable as a jar: keep the entry as it is
    }
  }
}
