package dev.berth.bench;

import java.io.IOException;
import java.io.OutputStream;

/** Counts what is written and passes it on (or drops it). */
final class CountingSink extends OutputStream {
  private final OutputStream next;
  long count;

  CountingSink(OutputStream next) {
    this.next = next;
  }

  CountingSink() {
    this(null);
  }

  @Override
  public void write(int b) throws IOException {
    count++;
    if (next != null) {
      next.write(b);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count += len;
    if (next != null) {
      next.write(b, off, len);
    }
  }
}
