package dev.berth.internal.auth;

import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code docker-credential-<name>} program, spoken to as the docker CLI does: the verb as the
 * only argument, the server URL or the credentials as JSON on stdin, the answer on stdout, and
 * failures as a non-zero exit with the error printed (by the helpers docker ships, on stdout).
 */
final class CredentialHelper {
  /** What every helper's program name starts with. */
  static final String PREFIX = "docker-credential-";

  /** The Username under which helpers keep an identity token rather than a password. */
  private static final String TOKEN_USERNAME = "<token>";

  /**
   * The start of the message helpers print when they hold nothing for a server ("credentials not
   * found in native keychain"); the CLI treats it as "no credentials", not as a failure.
   */
  private static final String NOT_FOUND = "credentials not found";

  /** More than any helper prints; what goes beyond is read and dropped, so the pipe never fills. */
  private static final int MAX_OUTPUT = 1 << 20;

  /** How much of what a failing helper printed goes into an exception message. */
  private static final int MAX_MESSAGE_OUTPUT = 2000;

  /** How long to wait, once the helper exited, for the rest of what it printed. */
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private static final boolean WINDOWS = File.separatorChar == '\\';

  private final String program;
  private final Path executable;
  private final Map<String, String> environment;
  private final Duration timeout;

  private CredentialHelper(
      String program, Path executable, Map<String, String> environment, Duration timeout) {
    this.program = program;
    this.executable = executable;
    this.environment = environment;
    this.timeout = timeout;
  }

  /**
   * The helper {@code docker-credential-<name>}, found in the directories of {@code
   * environment}'s PATH (relative entries are skipped, as a current directory is no place to take
   * programs from). The helper runs with {@code environment} as its whole environment.
   *
   * @throws CredentialHelperException if no such executable is on that PATH; the message names
   *     the program and the PATH searched
   */
  static CredentialHelper find(String name, Map<String, String> environment, Duration timeout) {
    String program = PREFIX + name;
    String path = environment.get("PATH");
    if (path == null || path.isEmpty()) {
      throw new CredentialHelperException(program + " cannot be found: PATH is not set");
    }
    List<String> fileNames = WINDOWS ? List.of(program + ".exe", program) : List.of(program);
    for (String dir : path.split(File.pathSeparator)) {
      Path directory;
      try {
        directory = Path.of(dir);
      } catch (InvalidPathException e) {
        continue;
      }
      if (!directory.isAbsolute()) {
        continue;
      }
      for (String fileName : fileNames) {
        Path candidate = directory.resolve(fileName);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return new CredentialHelper(program, candidate, environment, timeout);
        }
      }
    }
    throw new CredentialHelperException(program + " is not on the PATH (" + path + ")");
  }

  /** The program's name, {@code docker-credential-<name>}. */
  String program() {
    return program;
  }

  /**
   * What the helper holds for {@code serverUrl}, or null when it holds nothing.
   *
   * @throws CredentialHelperException if the helper fails or prints something that is not
   *     credentials (what it printed is left out of the message: it might hold the secret)
   */
  RegistryAuth get(String serverUrl) {
    Output out = run("get", serverUrl, null);
    if (out.exitCode != 0) {
      if (out.says(NOT_FOUND)) {
        return null;
      }
      throw failure("get", serverUrl, out, null);
    }
    Object json;
    try {
      json = Json.read(out.stdout);
    } catch (IOException e) {
      throw new CredentialHelperException(program + " get for " + serverUrl
          + " printed something that is not JSON credentials");
    }
    if (!(json instanceof Map<?, ?>)) {
      throw new CredentialHelperException(program + " get for " + serverUrl
          + " printed JSON that is not an object of credentials");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> credentials = (Map<String, Object>) json;
    String username = Fields.string(credentials, "Username");
    String secret = Fields.string(credentials, "Secret");
    if (isEmpty(username) && isEmpty(secret)) {
      return null;
    }
    return TOKEN_USERNAME.equals(username)
        ? new RegistryAuth(null, null, secret, serverUrl)
        : new RegistryAuth(username, secret, null, serverUrl);
  }

  /**
   * Stores {@code auth} for {@code serverUrl}; an identity token goes in as the {@code <token>}
   * user's secret, as the CLI stores it.
   *
   * @throws CredentialHelperException if the helper fails
   */
  void store(String serverUrl, RegistryAuth auth) {
    boolean token = !isEmpty(auth.identityToken());
    String secret = token ? auth.identityToken() : nonNull(auth.password());
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("ServerURL", serverUrl);
    credentials.put("Username", token ? TOKEN_USERNAME : nonNull(auth.username()));
    credentials.put("Secret", secret);
    Output out = run("store", new String(Json.write(credentials), StandardCharsets.UTF_8), secret);
    if (out.exitCode != 0) {
      throw failure("store", serverUrl, out, secret);
    }
  }

  /**
   * Erases what the helper holds for {@code serverUrl}.
   *
   * @return false if the helper said it held nothing
   * @throws CredentialHelperException if the helper fails otherwise
   */
  boolean erase(String serverUrl) {
    Output out = run("erase", serverUrl, null);
    if (out.exitCode == 0) {
      return true;
    }
    if (out.says(NOT_FOUND)) {
      return false;
    }
    throw failure("erase", serverUrl, out, null);
  }

  /**
   * The server URLs the helper holds credentials for, each with its username.
   *
   * @throws CredentialHelperException if the helper fails or prints something other than a JSON
   *     object
   */
  Map<String, String> list() {
    Output out = run("list", "", null);
    if (out.exitCode != 0) {
      throw failure("list", null, out, null);
    }
    if (new String(out.stdout, StandardCharsets.UTF_8).isBlank()) {
      return Map.of();
    }
    Object json;
    try {
      json = Json.read(out.stdout);
    } catch (IOException e) {
      json = null;
    }
    if (!(json instanceof Map<?, ?> listed)) {
      throw new CredentialHelperException(
          program + " list printed something that is not a JSON object of server URLs");
    }
    Map<String, String> servers = new LinkedHashMap<>();
    listed.forEach((url, user) -> servers.put((String) url, user instanceof String s ? s : null));
    return servers;
  }

  /** What a run printed, and how it ended. */
  private static final class Output {
    final int exitCode;
    final byte[] stdout;
    final byte[] stderr;

    Output(int exitCode, byte[] stdout, byte[] stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    boolean says(String message) {
      return text(stdout).contains(message) || text(stderr).contains(message);
    }

    private static String text(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }
  }

  private CredentialHelperException failure(String verb, String serverUrl, Output out,
      String secret) {
    // Helpers built on docker-credential-helpers print their errors on stdout, others on stderr
    String said = new String(out.stderr, StandardCharsets.UTF_8).strip();
    if (said.isEmpty()) {
      said = new String(out.stdout, StandardCharsets.UTF_8).strip();
    }
    if (secret != null && !secret.isEmpty()) {
      // A helper may echo its input back in an error; the input held the secret
      said = said.replace(secret, "<redacted>");
    }
    if (said.length() > MAX_MESSAGE_OUTPUT) {
      said = said.substring(0, MAX_MESSAGE_OUTPUT) + "…";
    }
    return new CredentialHelperException(program + " " + verb
        + (serverUrl == null ? "" : " for " + serverUrl)
        + " failed with exit code " + out.exitCode
        + (said.isEmpty() ? " and printed nothing" : ": " + said));
  }

  /**
   * Runs the helper with {@code verb}, {@code input} on its stdin, and waits for it to end. Stdin,
   * stdout and stderr each have their own thread, so a helper that reads or writes more than a
   * pipe holds, or not at all, cannot block the others, and the timeout holds whatever it does.
   */
  private Output run(String verb, String input, String secret) {
    ProcessBuilder builder = new ProcessBuilder(executable.toString(), verb);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CredentialHelperException(
          program + " (" + executable + ") cannot be started: " + e.getMessage(), e);
    }
    Capture stdout = new Capture(process.getInputStream(), program + " " + verb + " stdout");
    Capture stderr = new Capture(process.getErrorStream(), program + " " + verb + " stderr");
    Thread feeder = daemon(() -> {
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The helper exited or closed stdin without reading it all; its exit code tells the rest
      }
    }, program + " " + verb + " stdin");
    feeder.start();
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new CredentialHelperException(program + " " + verb + " did not finish within "
            + timeout.toSeconds() + " s and was killed");
      }
      // A child the helper left running may hold the pipes open: wait a little, then take what came
      long drained = System.nanoTime() + DRAIN.toNanos();
      stdout.join(drained);
      stderr.join(drained);
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CredentialHelperException(program + " " + verb + " was interrupted", e);
    }
    return new Output(process.exitValue(), stdout.bytes(), stderr.bytes());
  }

  /** Reads a stream to its end on a thread of its own, keeping the first {@link #MAX_OUTPUT}. */
  private static final class Capture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;

    Capture(InputStream in, String name) {
      thread = daemon(() -> {
        byte[] buffer = new byte[8192];
        try (in) {
          for (int n; (n = in.read(buffer)) != -1; ) {
            synchronized (kept) {
              kept.write(buffer, 0, Math.min(n, Math.max(0, MAX_OUTPUT - kept.size())));
            }
          }
        } catch (IOException e) {
          // The pipe broke: what was read is all there is
        }
      }, name);
      thread.start();
    }

    void join(long deadlineNanos) throws InterruptedException {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }

    byte[] bytes() {
      synchronized (kept) {
        return kept.toByteArray();
      }
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
