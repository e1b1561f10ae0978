package dev.berth.transport.internal.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A connection to a Unix socket file over the JDK's own {@link SocketChannel} ({@link
 * StandardProtocolFamily#UNIX}, Java 16+), as a {@link java.net.Socket} OkHttp can use: no native
 * library to extract and load, which is most of what junixsocket costs at start-up.
 *
 * <p>A Unix {@code SocketChannel} has no {@link SocketChannel#socket() socket adaptor} and its
 * blocking reads cannot time out, so the channel is non-blocking: a read or write that cannot
 * proceed waits on a selector of its own direction for at most {@link #getSoTimeout()} (0 waits
 * as long as it takes), then fails with {@link SocketTimeoutException}, as a socket's {@code
 * SO_TIMEOUT} does; OkHttp's 1 ms idle-connection check works the same way. Reads and writes may
 * wait at the same time from two threads (attach, exec). {@link #close()} from any thread wakes a
 * waiting read or write, which then fails with "Socket closed". {@link #shutdownOutput()} is the
 * channel's half-close.
 */
final class UnixChannelSocket extends StreamSocket {
  private final Path path;
  private SocketChannel channel;
  private final Object selectorLock = new Object();
  private Selector readable;
  private Selector writable;

  UnixChannelSocket(Path path) {
    this.path = path;
  }

  @Override
  protected Streams open(int timeoutMillis) throws IOException {
    // connecting to a Unix socket does not wait: it succeeds or fails at once
    SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      c.connect(UnixDomainSocketAddress.of(path));
      c.configureBlocking(false);
    } catch (IOException e) {
      c.close();
      // A SocketException, not a ConnectException, as junixsocket throws: OkHttp would wrap a
      // ConnectException into one saying "Failed to connect to localhost/127.0.0.1:80".
      SocketException failed = new SocketException(e.getMessage() + ": " + path);
      failed.initCause(e);
      throw failed;
    }
    channel = c;
    return new Streams(new Input(), new Output());
  }

  @Override
  protected boolean timesReadsItself() {
    return true;
  }

  @Override
  protected void closeOutput() throws IOException {
    try {
      channel.shutdownOutput();
    } catch (ClosedChannelException e) {
      throw closed(e);
    }
  }

  @Override
  protected void release() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      synchronized (selectorLock) {
        // a read or write waiting on a selector wakes, sees the socket closed and fails
        closeSelector(readable);
        closeSelector(writable);
      }
    }
  }

  private static void closeSelector(Selector s) throws IOException {
    if (s != null) {
      s.wakeup();
      s.close();
    }
  }

  /**
   * Waits until the channel can be read ({@code reading}) or written, or the deadline ({@code
   * System.nanoTime()}; 0: none) passes.
   */
  private void await(boolean reading, long deadline) throws IOException {
    Selector selector;
    synchronized (selectorLock) {
      if (isClosed()) {
        throw new SocketException("Socket closed");
      }
      selector = reading ? readable : writable;
      if (selector == null) {
        selector = Selector.open();
        channel.register(selector, reading ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
        if (reading) {
          readable = selector;
        } else {
          writable = selector;
        }
      }
    }
    long timeoutMillis = 0;
    if (deadline != 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException((reading ? "Read" : "Write") + " timed out");
      }
      timeoutMillis = Math.max(1, (left + 999_999) / 1_000_000);
    }
    try {
      selector.select(timeoutMillis);
      selector.selectedKeys().clear();
    } catch (java.nio.channels.ClosedSelectorException e) {
      throw new SocketException("Socket closed");
    }
    if (isClosed()) {
      throw new SocketException("Socket closed");
    }
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting on " + path);
    }
  }

  private long deadline() {
    int timeout = getSoTimeout();
    return timeout > 0 ? System.nanoTime() + timeout * 1_000_000L : 0;
  }

  private IOException closed(ClosedChannelException e) {
    SocketException s = new SocketException("Socket closed");
    s.initCause(e);
    return s;
  }

  /**
   * Bytes go through a direct buffer of each direction's own: the JDK copies a heap buffer
   * through a temporary direct one anyway, and wrapping the caller's array allocated an object
   * per read (okio reads a segment, at most 8 KiB, at a time). Reads take up to 64 KiB at once,
   * so a large stream (export, save) costs few system calls.
   */
  private static final int BUFFER = 16 * 1024;
  private static final int READ_BUFFER = 64 * 1024;

  private final class Input extends InputStream {
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      buffer.clear().limit(Math.min(len, READ_BUFFER));
      long deadline = -1;
      try {
        while (true) {
          int n = channel.read(buffer);
          if (n > 0) {
            buffer.flip().get(b, off, n);
            return n;
          }
          if (n < 0) {
            return -1;
          }
          if (deadline == -1) {
            deadline = deadline();
          }
          await(true, deadline);
        }
      } catch (ClosedChannelException e) {
        throw closed(e);
      }
    }

    @Override
    public void close() throws IOException {
      UnixChannelSocket.this.close();
    }
  }

  private final class Output extends OutputStream {
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      long deadline = -1;
      try {
        while (len > 0) {
          int chunk = Math.min(len, BUFFER);
          buffer.clear();
          buffer.put(b, off, chunk).flip();
          off += chunk;
          len -= chunk;
          while (buffer.hasRemaining()) {
            if (channel.write(buffer) > 0) {
              deadline = -1; // the timeout is for a write that makes no progress
              continue;
            }
            if (deadline == -1) {
              deadline = deadline();
            }
            await(false, deadline);
          }
        }
      } catch (ClosedChannelException e) {
        throw closed(e);
      }
    }

    @Override
    public void close() throws IOException {
      UnixChannelSocket.this.close();
    }
  }
}
