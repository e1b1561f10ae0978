package dev.berth.internal.stream;

import dev.berth.DockerException;
import dev.berth.containers.Exec;
import dev.berth.containers.ExecRequest;
import dev.berth.containers.ExecSession;
import dev.berth.containers.LogStream;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Paths;
import dev.berth.model.ExecDetails;
import dev.berth.model.ExecResult;
import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@link ExecRequest}: {@code POST /containers/{id}/exec}, then {@code POST /exec/{id}/start}
 * (upgraded when stdin is wanted, since only a hijacked connection carries it), then {@code GET
 * /exec/{id}/json} for the exit code.
 */
public final class ExecCall implements ExecRequest {
  private static final long EXIT_WAIT_MILLIS = 30_000;

  private final Streams streams;
  private final String container;
  private final List<String> command;
  private final List<String> env;
  private final String workingDir;
  private final String user;
  private final boolean privileged;
  private final boolean tty;
  private final InputStream stdin;
  private final boolean interactive;

  public ExecCall(Streams streams, String container, List<String> command) {
    this(streams, container, command, List.of(), null, null, false, false, null, false);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("exec needs a command, as in exec(\"sh\", \"-c\", \"…\")");
    }
  }

  private ExecCall(Streams streams, String container, List<String> command, List<String> env,
      String workingDir, String user, boolean privileged, boolean tty, InputStream stdin,
      boolean interactive) {
    this.streams = streams;
    this.container = container;
    this.command = List.copyOf(command);
    this.env = env;
    this.workingDir = workingDir;
    this.user = user;
    this.privileged = privileged;
    this.tty = tty;
    this.stdin = stdin;
    this.interactive = interactive;
  }

  @Override
  public ExecRequest env(String name, String value) {
    List<String> copy = new ArrayList<>(env);
    copy.add(Objects.requireNonNull(name, "name") + "=" + Objects.requireNonNull(value, name));
    return new ExecCall(streams, container, command, List.copyOf(copy), workingDir, user,
        privileged, tty, stdin, interactive);
  }

  @Override
  public ExecRequest workingDir(String dir) {
    return new ExecCall(streams, container, command, env, dir, user, privileged, tty, stdin,
        interactive);
  }

  @Override
  public ExecRequest user(String user) {
    return new ExecCall(streams, container, command, env, workingDir, user, privileged, tty,
        stdin, interactive);
  }

  @Override
  public ExecRequest privileged() {
    return new ExecCall(streams, container, command, env, workingDir, user, true, tty, stdin,
        interactive);
  }

  @Override
  public ExecRequest tty() {
    return new ExecCall(streams, container, command, env, workingDir, user, privileged, true,
        stdin, interactive);
  }

  @Override
  public ExecRequest stdin(InputStream input) {
    return new ExecCall(streams, container, command, env, workingDir, user, privileged, tty,
        Objects.requireNonNull(input, "input"), interactive);
  }

  @Override
  public ExecRequest interactive() {
    return new ExecCall(streams, container, command, env, workingDir, user, privileged, tty,
        stdin, true);
  }

  @Override
  public ExecResult call() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = call(out, err);
    return new ExecResult(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public int call(OutputStream stdout, OutputStream stderr) {
    return run(open(), stdout, stderr);
  }

  /** Copies the output of {@code session} while feeding it {@link #stdin}; closes it. */
  private int run(ExecSession session, OutputStream stdout, OutputStream stderr) {
    try (ExecSession s = session) {
      Thread pump = null;
      Throwable[] pumpFailure = new Throwable[1];
      if (stdin != null) {
        // Feeding stdin while reading output: a command that echoes (cat) would otherwise fill
        // the socket's buffers and stall both sides.
        pump = new Thread(() -> {
          try (OutputStream in = s.stdin()) {
            stdin.transferTo(in);
          } catch (IOException e) {
            pumpFailure[0] = e; // the command may end without reading all of its input
          } catch (RuntimeException e) {
            pumpFailure[0] = e;
          }
        }, "berth-exec-stdin-" + s.id().substring(0, 12));
        pump.setDaemon(true);
        pump.start();
      }
      s.output().copyTo(stdout, stderr);
      if (pump != null) {
        try {
          pump.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DockerException("interrupted while feeding stdin to exec " + s.id(), e);
        }
        if (pumpFailure[0] instanceof RuntimeException r) {
          throw r;
        }
      }
      return s.exitCode();
    }
  }

  @Override
  public ExecSession open() {
    return start(createExec());
  }

  @Override
  public Exec create() {
    return new Created(createExec());
  }

  /** {@code POST /containers/{id}/exec}: the new exec's id. */
  private String createExec() {
    boolean withStdin = interactive || stdin != null;
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("AttachStdin", withStdin);
    create.put("AttachStdout", true);
    create.put("AttachStderr", true);
    create.put("Tty", tty);
    create.put("Cmd", command);
    if (!env.isEmpty()) {
      create.put("Env", env);
    }
    if (workingDir != null) {
      create.put("WorkingDir", workingDir);
    }
    if (user != null) {
      create.put("User", user);
    }
    if (privileged) {
      create.put("Privileged", true);
    }
    return Fields.string(streams.api().call("POST", "/containers/"
        + Paths.segment(container, false) + "/exec").jsonBody(create).jsonObject(), "Id");
  }

  /** {@code POST /exec/{id}/start}, attached: the exec's live streams. */
  private ExecSession start(String id) {
    boolean withStdin = interactive || stdin != null;
    ApiClient api = streams.api();
    Map<String, Object> start = Map.of("Detach", false, "Tty", tty);
    String what = "the output of exec " + command;
    Sessions.Resizer resizer = (w, h) -> api.call("POST", "/exec/" + id + "/resize")
        .query("w", w).query("h", h).discard();
    // the end of the output is checked with the engine: a cut connection ends just as an exit does
    java.util.concurrent.atomic.AtomicReference<Integer> exit =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.function.Supplier<String> endCheck = () -> {
      try {
        return Streams.stillRuns(() -> runs(id, exit))
            ? "the connection ended while exec " + command + " still runs" : null;
      } catch (DockerException e) {
        return "the connection ended, and whether exec " + command + " still runs cannot be"
            + " asked: " + e.getMessage();
      }
    };
    java.util.function.IntSupplier exitCode = () -> {
      Integer known = exit.get();
      return known != null ? known : exitCode(id);
    };
    if (withStdin) {
      HttpResponse r = api.call("POST", "/exec/" + id + "/start").jsonBody(start).upgrade().open();
      DuplexConnection c = r.upgraded();
      LogStream output = streams.open(r, c, () -> tty, what, endCheck);
      return new Sessions(id, output, r, c, resizer, exitCode);
    }
    LogStream output = streams.open(api.call("POST", "/exec/" + id + "/start").jsonBody(start)
        .streaming(), () -> tty, what, endCheck);
    return new Sessions(id, output, null, null, resizer, exitCode);
  }

  /** Whether the exec runs now; once it does not, its exit code goes to {@code exit}. */
  private boolean runs(String id, java.util.concurrent.atomic.AtomicReference<Integer> exit) {
    Map<String, Object> json = streams.api().call("GET", "/exec/" + id + "/json").jsonObject();
    if (Fields.bool(json, "Running")) {
      return true;
    }
    exit.set(Fields.integer(json, "ExitCode"));
    return false;
  }

  /** Polls the exec until it is no longer running: its output can end a moment before. */
  private int exitCode(String id) {
    long deadline = System.currentTimeMillis() + EXIT_WAIT_MILLIS;
    long pause = 1;
    while (true) {
      Map<String, Object> json = streams.api().call("GET", "/exec/" + id + "/json").jsonObject();
      if (!Fields.bool(json, "Running")) {
        return Fields.integer(json, "ExitCode");
      }
      if (System.currentTimeMillis() > deadline) {
        throw new DockerException("exec " + command + " still runs " + EXIT_WAIT_MILLIS / 1000
            + " s after its output ended");
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DockerException("interrupted while waiting for exec " + id + " to end", e);
      }
      pause = Math.min(pause * 2, 50);
    }
  }

  /** The answer of {@code GET /exec/{id}/json} as typed values; what is left out reads as empty. */
  public static ExecDetails details(Map<String, Object> m) {
    Map<String, Object> p = Fields.object(m, "ProcessConfig");
    // dockerd writes "ExitCode": null until the exec ended; Podman 0 before it started (no pid
    // yet), which is no exit code. One that failed to start has a pid of 0 and a code (126, 127).
    OptionalInt exit = OptionalInt.empty();
    if (m.get("ExitCode") instanceof Number n && !Fields.bool(m, "Running")
        && (Fields.longValue(m, "Pid") != 0 || n.intValue() != 0)) {
      exit = OptionalInt.of(n.intValue());
    }
    return new ExecDetails(Fields.string(m, "ID"), Fields.string(m, "ContainerID"),
        Fields.bool(m, "Running"), exit, Fields.longValue(m, "Pid"), Fields.bool(m, "OpenStdin"),
        Fields.bool(m, "OpenStdout"), Fields.bool(m, "OpenStderr"),
        new ExecDetails.ProcessConfig(text(p, "entrypoint"), Fields.strings(p, "arguments"),
            Fields.bool(p, "privileged"), text(p, "user"), Fields.bool(p, "tty")), m);
  }

  private static String text(Map<String, Object> json, String key) {
    String s = Fields.string(json, key);
    return s == null ? "" : s;
  }

  /** An exec created by {@link #create()}, started by one of its methods. */
  private final class Created implements Exec {
    private final String id;

    Created(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public ExecResult start() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = start(out, err);
      return new ExecResult(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public int start(OutputStream stdout, OutputStream stderr) {
      return run(open(), stdout, stderr);
    }

    @Override
    public ExecSession open() {
      return ExecCall.this.start(id);
    }

    @Override
    public void startDetached() {
      streams.api().call("POST", "/exec/" + id + "/start")
          .jsonBody(Map.of("Detach", true, "Tty", tty)).discard();
    }

    @Override
    public ExecDetails inspect() {
      return details(streams.api().call("GET", "/exec/" + id + "/json").jsonObject());
    }

    @Override
    public String toString() {
      return "exec " + id.substring(0, Math.min(12, id.length())) + " " + command;
    }
  }
}
