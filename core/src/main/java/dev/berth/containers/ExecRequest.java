package dev.berth.containers;

import dev.berth.model.ExecResult;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A command to run in a running container, as {@code docker exec}. Immutable: each method returns
 * a new request.
 *
 * <pre>{@code
 * ExecResult r = web.exec("sh", "-c", "echo $GREETING").env("GREETING", "hi").call();
 * r.exitCode(); r.stdout();                                   // 0, "hi\n"
 * web.exec("wc", "-c").stdin(new FileInputStream(big)).call(); // stdin, then EOF
 * Exec later = web.exec("sh", "-c", "exit 3").create();       // created, not started
 * later.startDetached();
 * }</pre>
 */
public interface ExecRequest {
  /** With one more environment variable ({@code -e}). */
  ExecRequest env(String name, String value);

  /** In another working directory ({@code -w}). */
  ExecRequest workingDir(String dir);

  /** As another user, {@code name|uid[:group|gid]} ({@code -u}). */
  ExecRequest user(String user);

  /** With extended privileges ({@code --privileged}). */
  ExecRequest privileged();

  /** With a pseudo-TTY ({@code -t}): one output stream, {@code \r\n} line ends. */
  ExecRequest tty();

  /**
   * Feeds {@code input} to the command's stdin, then end-of-file ({@code -i} with a pipe). It is
   * read on a thread of its own while the output is read, so neither side can stall the other.
   */
  ExecRequest stdin(InputStream input);

  /** Keeps stdin open for writing through {@link Attachment#stdin()} ({@code -i}). */
  ExecRequest interactive();

  /**
   * Runs the command to its end and returns its exit code and output, held in memory (use {@link
   * #call(OutputStream, OutputStream)} for large output).
   */
  ExecResult call();

  /** Runs the command to its end, copying its output; returns the exit code. */
  int call(OutputStream stdout, OutputStream stderr);

  /** Starts the command and returns its live streams; the caller closes them. */
  ExecSession open();

  /**
   * Creates the exec without starting it ({@code POST /containers/{id}/exec} only), to be started
   * later, attached or detached, and inspected before and after.
   *
   * @throws dev.berth.ConflictException if the container does not run
   */
  Exec create();
}
