package dev.berth.transport.internal.socket;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A connection to a Windows named pipe such as {@code \\.\pipe\docker_engine}, opened as a file
 * for reading and writing, as Windows allows. A busy pipe (every instance in use) cannot be
 * opened; the open is retried until the connect timeout passes. The same code runs on Linux
 * against any file that behaves like a pipe (a PTY bridged to the engine's socket), which is how
 * it is tested there. A pipe opened as a file cannot be half-closed.
 */
public final class PipeSocket extends StreamSocket {
  private static final long RETRY_MILLIS = 50;

  private final String path;
  private RandomAccessFile file;

  public PipeSocket(String path) {
    this.path = path;
  }

  /** {@code //./pipe/docker_engine} as Windows names it: {@code \\.\pipe\docker_engine}. */
  static String windowsName(String path) {
    return path.replace('/', '\\');
  }

  @Override
  protected Streams open(int timeoutMillis) throws IOException {
    String name = System.getProperty("os.name", "").startsWith("Windows") ? windowsName(path)
        : path;
    long deadline = System.nanoTime() + Math.max(timeoutMillis, 1) * 1_000_000L;
    while (true) {
      try {
        file = new RandomAccessFile(name, "rw");
        break;
      } catch (FileNotFoundException e) {
        // "All pipe instances are busy" and a pipe that is being created both surface here;
        // a missing pipe on a system without it fails at once.
        if (!System.getProperty("os.name", "").startsWith("Windows")
            && !Files.exists(Path.of(name))) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("named pipe " + name + " stayed busy or absent for "
              + timeoutMillis + " ms: " + e.getMessage(), e);
        }
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for named pipe " + name, interrupted);
        }
      }
    }
    RandomAccessFile f = file;
    // Reading through a FileInputStream on the same handle gives available(), which OkHttp's
    // idle-connection check needs.
    java.io.FileInputStream reader = new java.io.FileInputStream(f.getFD());
    return new Streams(new InputStream() {
      @Override
      public int read() throws IOException {
        return reader.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return reader.read(b, off, len);
      }

      @Override
      public int available() throws IOException {
        return reader.available();
      }

      @Override
      public void close() throws IOException {
        PipeSocket.this.close();
      }
    }, new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        f.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        f.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        PipeSocket.this.close();
      }
    });
  }

  @Override
  protected void closeOutput() {
    // A file handle has no half-close; the output stays open until the connection closes.
  }

  @Override
  protected void release() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
