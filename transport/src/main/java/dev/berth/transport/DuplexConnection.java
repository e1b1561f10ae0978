package dev.berth.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connection the engine has taken over after {@code 101 UPGRADED} (attach, exec): raw bytes in
 * both directions, and a half-close so the process in the container sees the end of its stdin
 * while its output can still be read.
 *
 * <pre>{@code
 * try (DuplexConnection c = response.upgraded()) {
 *   c.output().write("hello\n".getBytes());
 *   c.closeOutput();                 // `cat` sees EOF and exits
 *   c.input().transferTo(System.out);
 * }
 * }</pre>
 */
public interface DuplexConnection extends Closeable {
  /**
   * What the engine sends, starting with any bytes that arrived together with the upgrade answer.
   * It ends when the engine closes its side.
   */
  InputStream input();

  /** What is sent to the engine. Closing it is the same as {@link #closeOutput()}. */
  OutputStream output();

  /** Half-closes the connection: the engine sees the end of input; {@link #input()} stays open. */
  void closeOutput() throws IOException;

  /** Closes both directions; a thread blocked reading {@link #input()} returns or throws. */
  @Override
  void close() throws IOException;
}
