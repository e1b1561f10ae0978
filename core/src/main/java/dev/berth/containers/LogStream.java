package dev.berth.containers;

import dev.berth.model.Frame;
import java.io.Closeable;
import java.io.OutputStream;

/**
 * A container's output as it arrives, from {@code logs}, {@code attach} or a streaming {@code
 * exec}: frames tagged stdout or stderr (a TTY container has only stdout), or whole lines.
 * Reading runs in constant memory whatever the size. Read it from one thread; {@link #close()} may
 * come from any thread and ends a blocked read at once.
 *
 * <pre>{@code
 * try (LogStream logs = web.logs().follow().tail(20).open()) {
 *   for (Frame line; (line = logs.nextLine()) != null; ) System.out.println(line.text());
 * }
 * }</pre>
 *
 * <p>A stream that ends because of {@link #close()} simply ends ({@code null}). A stream cut by the
 * engine, the network or {@link dev.berth.DockerClient#close()} throws {@link
 * dev.berth.StreamCutException} saying how many bytes arrived, never ends as if it were whole: for
 * attach and exec, whose bytes simply stop when the process ends, Berth asks the engine whether
 * the process still runs. Bytes that are not a multiplexed stream are a {@link
 * dev.berth.DockerProtocolException}; an error the engine sends inside the stream a {@link
 * dev.berth.DockerException} with its message.
 */
public interface LogStream extends Closeable {
  /** The next frame as the engine sent it, or null at the end. */
  Frame next();

  /**
   * The next whole line of either stream without its line end ({@code \n} or {@code \r\n}), or
   * null at the end. A last line without a line end is returned too, and a line longer than 1 MiB
   * comes in pieces of about 1 MiB, so that memory stays bounded.
   */
  Frame nextLine();

  /**
   * Copies the rest of the stream: stdout to {@code stdout}, stderr to {@code stderr}, until the
   * end. Returns the number of bytes copied.
   */
  long copyTo(OutputStream stdout, OutputStream stderr);

  /** Ends the stream; from another thread, the reader's next or blocked read ends too. */
  @Override
  void close();
}
