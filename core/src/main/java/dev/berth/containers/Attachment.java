package dev.berth.containers;

import java.io.Closeable;
import java.io.OutputStream;

/**
 * A live connection to a container's or an exec's streams ({@code docker attach}, {@code docker
 * exec -i}): its output, and its stdin when asked for.
 *
 * <pre>{@code
 * try (Attachment a = container.attach().stdin().open()) {
 *   a.stdin().write("hello\n".getBytes());
 *   a.closeStdin();                       // cat sees EOF and exits
 *   a.output().copyTo(System.out, System.err);
 * }
 * }</pre>
 */
public interface Attachment extends Closeable {
  /** What the process writes. */
  LogStream output();

  /**
   * What the process reads; closing it is {@link #closeStdin()}.
   *
   * @throws IllegalStateException if stdin was not asked for
   */
  OutputStream stdin();

  /**
   * Ends the stdin sent: output goes on. The process reads end-of-file when its stdin is attached
   * once, as after {@code docker run -i} or {@code docker create -i} (the spec's {@code -a stdin}):
   * the engine then closes it when the attached client does. A container made with {@code -d -i}
   * keeps its stdin open for the next attach, as with the docker CLI.
   */
  void closeStdin();

  /** Sets the TTY's size, in characters. */
  void resize(int width, int height);

  /**
   * Disconnects. For {@code attach} this detaches: the container keeps running. From another
   * thread it ends a blocked read of {@link #output()} at once.
   */
  @Override
  void close();
}
