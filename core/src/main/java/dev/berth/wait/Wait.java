package dev.berth.wait;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a started container counts as ready. A {@link Waiter} polls its waits every 100 ms until
 * they hold, the container exits (which fails at once, with its exit code and last lines of
 * output) or the timeout passes (which fails with what was waited for and the last 50 lines of
 * output). Waits are immutable and may be shared between containers and threads.
 *
 * <pre>{@code
 * Wait.forLogLine("database system is ready").times(2)
 * Wait.forPort(5432)
 * Wait.forHttp("/health").forPort(8080).forStatus(204)
 * Wait.all(Wait.forPort(9876), Wait.forLogLine("boot success"))
 * }</pre>
 */
public sealed interface Wait permits Wait.LogLine, Wait.Http, WaitImpl {
  /** What is waited for, as a timeout message says it. */
  @Override
  String toString();

  /**
   * A line of the container's output (stdout or stderr) that {@code regex} finds ({@link
   * java.util.regex.Matcher#find()}), once; {@link LogLine#times} asks for more. Lines count from
   * the start of the container's output, also those written before the wait began.
   *
   * @throws IllegalArgumentException if {@code regex} is not a valid regular expression
   */
  static LogLine forLogLine(String regex) {
    Objects.requireNonNull(regex, "regex");
    try {
      return new LogLine(Pattern.compile(regex), 1);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("log line pattern \"" + regex + "\" is not a valid"
          + " regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * A TCP connection from this side to the host port published for {@code containerPort} is
   * accepted by the container. A connection that Docker's port proxy accepts and then drops at
   * once (nothing listens inside yet) does not count.
   *
   * @throws IllegalArgumentException if {@code containerPort} is not between 1 and 65535
   */
  static Wait forPort(int containerPort) {
    return new WaitImpl.Port(WaitImpl.checkPort(containerPort));
  }

  /**
   * {@code GET path} on a published port answers 200; {@link Http#forPort}, {@link
   * Http#forStatus} and {@link Http#matching} refine it. Without {@code forPort}, the lowest
   * published TCP port is asked.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  static Http forHttp(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("HTTP path \"" + path + "\" is not valid: expected a"
          + " path starting with /");
    }
    return new Http(path, 0, 200, null);
  }

  /**
   * The container's healthcheck (the spec's {@code --health-cmd} or the image's {@code
   * HEALTHCHECK}) reports {@code healthy}. A container without one fails at once ({@link
   * WaitException.Reason#NO_HEALTHCHECK}). On Podman, whose healthchecks run from systemd timers
   * that may not exist, the wait runs the check itself while the status is {@code starting}.
   */
  static Wait forHealthy() {
    return new WaitImpl.Healthy();
  }

  /**
   * {@code command} run in the container ({@code docker exec}) exits with 0.
   *
   * @throws IllegalArgumentException if no command is given
   */
  static Wait forExec(String... command) {
    if (command.length == 0) {
      throw new IllegalArgumentException("forExec needs a command; got none");
    }
    return new WaitImpl.Exec(List.of(command));
  }

  /**
   * Every one of {@code waits}; each that held once counts as held.
   *
   * @throws IllegalArgumentException if none is given
   */
  static Wait all(Wait... waits) {
    if (waits.length == 0) {
      throw new IllegalArgumentException("Wait.all needs at least one wait; got none");
    }
    return new WaitImpl.All(List.of(waits));
  }

  /** {@link #forLogLine}: a line of output matching a pattern, a number of times. */
  final class LogLine implements Wait {
    private final Pattern pattern;
    private final int times;

    LogLine(Pattern pattern, int times) {
      this.pattern = pattern;
      this.times = times;
    }

    /**
     * {@code n} matching lines instead of one.
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public LogLine times(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("times(" + n + ") is not valid: expected 1 or more");
      }
      return new LogLine(pattern, n);
    }

    Check check(Target target) {
      AtomicInteger seen = new AtomicInteger();
      target.onLine(line -> {
        if (pattern.matcher(line.text()).find()) {
          seen.incrementAndGet();
        }
      });
      return new Check() {
        @Override
        public boolean ready() {
          return seen.get() >= times;
        }

        @Override
        public String progress() {
          return "seen " + seen.get() + " of " + times;
        }
      };
    }

    /** {@code a log line matching "REGEX"}, followed by {@code N times} when more than one. */
    @Override
    public String toString() {
      return "a log line matching \"" + pattern.pattern() + "\""
          + (times == 1 ? "" : " " + times + " times");
    }
  }

  /** {@link #forHttp}: an HTTP answer from a published port. */
  final class Http implements Wait {
    private final String path;
    private final int port;
    private final int status;
    private final Predicate<String> body;

    Http(String path, int port, int status, Predicate<String> body) {
      this.path = path;
      this.port = port;
      this.status = status;
      this.body = body;
    }

    /**
     * Asks the host port published for {@code containerPort}.
     *
     * @throws IllegalArgumentException if {@code containerPort} is not between 1 and 65535
     */
    public Http forPort(int containerPort) {
      return new Http(path, WaitImpl.checkPort(containerPort), status, body);
    }

    /**
     * Waits for status {@code code} instead of 200.
     *
     * @throws IllegalArgumentException if {@code code} is not between 100 and 599
     */
    public Http forStatus(int code) {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("HTTP status " + code + " is not valid: expected 100"
            + " to 599");
      }
      return new Http(path, port, code, body);
    }

    /** Also needs the answer's body (read as UTF-8) to satisfy {@code predicate}. */
    public Http matching(Predicate<String> predicate) {
      return new Http(path, port, status, Objects.requireNonNull(predicate, "predicate"));
    }

    Check check(Target target) {
      String[] last = {""};
      return new Check() {
        @Override
        public boolean ready() throws Exception {
          int p = port != 0 ? port : target.lowestTcpPort();
          URL url = new URL("http", target.host(), target.hostPort(p), path);
          HttpURLConnection c = (HttpURLConnection) url.openConnection();
          c.setConnectTimeout(1000);
          c.setReadTimeout(2000);
          c.setUseCaches(false);
          try {
            int got = c.getResponseCode();
            last[0] = "last answer " + got;
            if (got != status) {
              return false;
            }
            if (body == null) {
              return true;
            }
            try (InputStream in = c.getInputStream()) {
              boolean matches = body.test(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              last[0] = "last answer " + got + (matches ? "" : ", its body not matching");
              return matches;
            }
          } finally {
            c.disconnect();
          }
        }

        @Override
        public String progress() {
          return last[0];
        }
      };
    }

    /** {@code GET PATH [on port N] to answer STATUS [with a matching body]}. */
    @Override
    public String toString() {
      return "GET " + path + (port == 0 ? "" : " on port " + port) + " to answer " + status
          + (body == null ? "" : " with a matching body");
    }
  }
}
