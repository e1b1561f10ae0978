package dev.berth.internal.archive;

import java.io.OutputStream;
import java.util.Arrays;

/** A sink that counts what is written and keeps only the first bytes, for headers. */
final class HeadCapture extends OutputStream {
  private final byte[] head;
  private long count;

  HeadCapture(int keep) {
    head = new byte[keep];
  }

  @Override
  public void write(int b) {
    if (count < head.length) {
      head[(int) count] = (byte) b;
    }
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (count < head.length) {
      System.arraycopy(b, off, head, (int) count, (int) Math.min(len, head.length - count));
    }
    count += len;
  }

  /** The bytes kept, as many as were written up to the limit. */
  byte[] head() {
    return Arrays.copyOf(head, (int) Math.min(count, head.length));
  }

  /** All bytes written. */
  long count() {
    return count;
  }
}
