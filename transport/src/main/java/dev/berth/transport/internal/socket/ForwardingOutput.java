package dev.berth.transport.internal.socket;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes and flushes go to a target stream; closing does what the connection means by it (a
 * half-close, as a rule) instead of closing the target.
 */
public final class ForwardingOutput extends OutputStream {
  private final OutputStream target;
  private final Closeable onClose;

  public ForwardingOutput(OutputStream target, Closeable onClose) {
    this.target = target;
    this.onClose = onClose;
  }

  @Override
  public void write(int b) throws IOException {
    target.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    target.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public void close() throws IOException {
    onClose.close();
  }
}
