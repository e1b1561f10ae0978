package dev.berth.internal.archive;

import java.io.InputStream;
import java.util.Arrays;

/**
 * {@code length} bytes of a pattern that depends on the position (byte {@code i} is {@code i %
 * 251}), made as they are read, so that tests can stream gigabytes without holding them.
 */
final class PatternStream extends InputStream {
  private static final int PERIOD = 251;
  private static final byte[] CYCLE = new byte[PERIOD * 512];

  static {
    for (int i = 0; i < CYCLE.length; i++) {
      CYCLE[i] = (byte) (i % PERIOD);
    }
  }

  private final long length;
  private long position;

  PatternStream(long length) {
    this.length = length;
  }

  /** The first {@code length} bytes of the pattern, for small tests. */
  static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new PatternStream(length).read(bytes, 0, length);
    return bytes;
  }

  /** The pattern's byte at {@code position}. */
  static byte at(long position) {
    return (byte) (position % PERIOD);
  }

  /**
   * True if {@code len} bytes of {@code b} from {@code off} are the pattern at {@code position}.
   */
  static boolean matches(long position, byte[] b, int off, int len) {
    // compare against the precomputed cycle in slices, as fast as Arrays.mismatch goes
    int done = 0;
    while (done < len) {
      int start = (int) ((position + done) % PERIOD);
      int n = Math.min(len - done, CYCLE.length - start);
      if (Arrays.mismatch(CYCLE, start, start + n, b, off + done, off + done + n) >= 0) {
        return false;
      }
      done += n;
    }
    return true;
  }

  @Override
  public int read() {
    return position < length ? at(position++) & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int start = (int) (position % PERIOD);
    int n = (int) Math.min(Math.min(len, length - position), CYCLE.length - start);
    System.arraycopy(CYCLE, start, b, off, n);
    position += n;
    return n;
  }
}
