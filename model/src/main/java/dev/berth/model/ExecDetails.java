package dev.berth.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An exec as {@code GET /exec/{id}/json} shows it: a command created in a container with {@code
 * docker exec}'s settings, started or not.
 *
 * <pre>{@code
 * Exec e = web.exec("sh", "-c", "sleep 1; exit 3").create();
 * e.inspect().running();       // false: created, not started
 * e.startDetached();
 * // ... once it ended:
 * e.inspect().exitCode();      // OptionalInt[3]
 * }</pre>
 *
 * @param id the exec's id
 * @param containerId the id of the container it runs in
 * @param running whether it runs now
 * @param exitCode its exit code once it ended; empty before it started and while it runs
 * @param pid its process id on the host, 0 before it started
 * @param openStdin whether its stdin is attached ({@code -i})
 * @param openStdout whether its stdout is attached
 * @param openStderr whether its stderr is attached
 * @param processConfig what it runs and how
 * @param raw the whole JSON answer, unmodifiable
 */
public record ExecDetails(
    String id,
    String containerId,
    boolean running,
    OptionalInt exitCode,
    long pid,
    boolean openStdin,
    boolean openStdout,
    boolean openStderr,
    ProcessConfig processConfig,
    Map<String, Object> raw) {

  /** Makes the map unmodifiable. */
  public ExecDetails {
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(processConfig, "processConfig");
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /**
   * What an exec runs and how ({@code ProcessConfig}).
   *
   * @param entrypoint the program, the command's first word
   * @param arguments the command's other words
   * @param privileged whether it runs with extended privileges ({@code --privileged})
   * @param user the user it runs as ({@code -u}), or empty for the container's
   * @param tty whether it has a pseudo-TTY ({@code -t})
   */
  public record ProcessConfig(String entrypoint, List<String> arguments, boolean privileged,
      String user, boolean tty) {
    /** Makes the list unmodifiable. */
    public ProcessConfig {
      Objects.requireNonNull(entrypoint, "entrypoint");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(user, "user");
    }

    /** The whole command: {@code entrypoint} and then {@code arguments}. */
    public List<String> command() {
      List<String> command = new ArrayList<>();
      command.add(entrypoint);
      command.addAll(arguments);
      return List.copyOf(command);
    }
  }
}
