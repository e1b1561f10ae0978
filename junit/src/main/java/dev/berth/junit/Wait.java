package dev.berth.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a started container counts as ready. A fixture polls its wait every 100 ms until it holds,
 * the container exits (which fails at once, with its exit code and logs) or the start-up timeout
 * passes (which fails with what was waited for and the last 50 lines of output). Waits are
 * immutable and may be shared between fixtures.
 *
 * <pre>{@code
 * Wait.forLogLine("database system is ready").times(2)
 * Wait.forPort(5432)
 * Wait.forHttp("/health").forPort(8080).forStatus(204)
 * Wait.all(Wait.forPort(9876), Wait.forLogLine("boot success"))
 * }</pre>
 *
 * <p>Each is core's {@link dev.berth.wait.Wait} of the same name, which a fixture hands to a
 * {@link dev.berth.wait.Waiter}: what is documented there holds here.
 */
public sealed interface Wait permits Wait.LogLine, Wait.Http, WaitImpl {
  /** What is waited for, as a timeout message says it. */
  @Override
  String toString();

  /**
   * A line of the container's output (stdout or stderr) that {@code regex} finds ({@link
   * java.util.regex.Matcher#find()}), once; {@link LogLine#times} asks for more.
   *
   * @throws IllegalArgumentException if {@code regex} is not a valid regular expression
   */
  static LogLine forLogLine(String regex) {
    return new LogLine(dev.berth.wait.Wait.forLogLine(regex));
  }

  /**
   * A TCP connection from the test's side to the host port published for {@code containerPort}
   * is accepted by the container. A connection that Docker's port proxy accepts and then drops at
   * once (nothing listens inside yet) does not count.
   *
   * @throws IllegalArgumentException if {@code containerPort} is not between 1 and 65535
   */
  static Wait forPort(int containerPort) {
    return new WaitImpl(dev.berth.wait.Wait.forPort(containerPort));
  }

  /**
   * {@code GET path} on a published port answers 200; {@link Http#forPort}, {@link
   * Http#forStatus} and {@link Http#matching} refine it. Without {@code forPort}, the lowest
   * published TCP port is asked.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}
   */
  static Http forHttp(String path) {
    return new Http(dev.berth.wait.Wait.forHttp(path));
  }

  /**
   * The container's healthcheck (the spec's {@code --health-cmd} or the image's {@code
   * HEALTHCHECK}) reports {@code healthy}. A container without one fails at once.
   */
  static Wait forHealthy() {
    return new WaitImpl(dev.berth.wait.Wait.forHealthy());
  }

  /**
   * {@code command} run in the container ({@code docker exec}) exits with 0.
   *
   * @throws IllegalArgumentException if no command is given
   */
  static Wait forExec(String... command) {
    return new WaitImpl(dev.berth.wait.Wait.forExec(command));
  }

  /**
   * Every one of {@code waits}; each that held once counts as held.
   *
   * @throws IllegalArgumentException if none is given
   */
  static Wait all(Wait... waits) {
    List<dev.berth.wait.Wait> cores = new ArrayList<>();
    for (Wait w : waits) {
      cores.add(WaitImpl.core(Objects.requireNonNull(w, "a wait in Wait.all")));
    }
    return new WaitImpl(dev.berth.wait.Wait.all(cores.toArray(new dev.berth.wait.Wait[0])));
  }

  /** {@link #forLogLine}: a line of output matching a pattern, a number of times. */
  final class LogLine implements Wait {
    final dev.berth.wait.Wait.LogLine core;

    LogLine(dev.berth.wait.Wait.LogLine core) {
      this.core = core;
    }

    /**
     * {@code n} matching lines instead of one.
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public LogLine times(int n) {
      return new LogLine(core.times(n));
    }

    @Override
    public String toString() {
      return core.toString();
    }
  }

  /** {@link #forHttp}: an HTTP answer from a published port. */
  final class Http implements Wait {
    final dev.berth.wait.Wait.Http core;

    Http(dev.berth.wait.Wait.Http core) {
      this.core = core;
    }

    /**
     * Asks the host port published for {@code containerPort}.
     *
     * @throws IllegalArgumentException if {@code containerPort} is not between 1 and 65535
     */
    public Http forPort(int containerPort) {
      return new Http(core.forPort(containerPort));
    }

    /**
     * Waits for status {@code code} instead of 200.
     *
     * @throws IllegalArgumentException if {@code code} is not between 100 and 599
     */
    public Http forStatus(int code) {
      return new Http(core.forStatus(code));
    }

    /** Also needs the answer's body (read as UTF-8) to satisfy {@code predicate}. */
    public Http matching(Predicate<String> predicate) {
      return new Http(core.matching(predicate));
    }

    @Override
    public String toString() {
      return core.toString();
    }
  }
}
