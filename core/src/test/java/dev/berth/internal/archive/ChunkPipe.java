package dev.berth.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pipe between a writing and a reading thread that holds at most {@code capacity} chunks, so that
 * what flows through it is never buffered whole. (The JDK's PipedInputStream polls once a second
 * when it waits, which makes gigabytes crawl.)
 */
final class ChunkPipe {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks;
  private final OutputStream sink = new Sink();
  private final InputStream source = new Source();

  ChunkPipe(int capacity) {
    chunks = new ArrayBlockingQueue<>(capacity);
  }

  /** The writing end; closing it ends the reading end's stream. */
  OutputStream sink() {
    return sink;
  }

  /** The reading end. */
  InputStream source() {
    return source;
  }

  /** The writing end: each write becomes one chunk. */
  private final class Sink extends OutputStream {
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        put(Arrays.copyOfRange(b, off, off + len));
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        put(END);
      }
    }

    private void put(byte[] chunk) throws IOException {
      try {
        chunks.put(chunk);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      }
    }
  }

  /** The reading end: serves chunks in order until the end marker. */
  private final class Source extends InputStream {
    private byte[] chunk = new byte[0];
    private int pos;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (chunk != END && pos == chunk.length) {
        try {
          byte[] next = chunks.poll(60, TimeUnit.SECONDS);
          if (next == null) {
            throw new IOException("the writing thread sent nothing for a minute");
          }
          chunk = next;
          pos = 0;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
      }
      if (chunk == END) {
        return -1;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
