package dev.berth.transport.internal.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;

/**
 * A {@link Socket} over a pair of byte streams that are not a network socket (an ssh process's
 * stdin and stdout, a named pipe opened as a file), so OkHttp can speak HTTP over them. OkHttp asks
 * its socket factory for an unconnected socket and calls {@link #connect}; that is when the
 * streams are opened.
 */
abstract class StreamSocket extends Socket {
  private InputStream in;
  private OutputStream out;
  private volatile boolean connected;
  private volatile boolean closed;
  private volatile boolean outputShut;
  private volatile boolean inputShut;
  private volatile int soTimeout;

  /** The streams, opened when OkHttp connects; the address OkHttp resolved is ignored. */
  protected abstract Streams open(int timeoutMillis) throws IOException;

  /** Releases what {@link #open} opened. */
  protected abstract void release() throws IOException;

  /** Ends the output only (the peer sees end of input), when the medium can. */
  protected abstract void closeOutput() throws IOException;

  /**
   * Whether the streams from {@link #open} honour {@link #getSoTimeout()} themselves, as a
   * socket does; otherwise only short timeouts are honoured here (see {@link TimedInput}).
   */
  protected boolean timesReadsItself() {
    return false;
  }

  /** The two directions of a connection. */
  record Streams(InputStream in, OutputStream out) {}

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    Streams s = open(timeout);
    this.in = timesReadsItself() ? s.in() : new TimedInput(s.in());
    this.out = s.out();
    connected = true;
  }

  /**
   * Honours short read timeouts. OkHttp checks an idle pooled connection by setting a 1 ms
   * timeout and reading; a pipe read would block, so while the timeout is that short the read
   * waits only as long for bytes to be available. Longer timeouts are okio's watchdog's job,
   * which closes the socket.
   */
  private final class TimedInput extends InputStream {
    private final InputStream inner;

    TimedInput(InputStream inner) {
      this.inner = inner;
    }

    private void awaitData() throws IOException {
      int timeout = soTimeout;
      if (timeout <= 0 || timeout >= 1000 || inner.available() > 0) {
        return;
      }
      long deadline = System.nanoTime() + timeout * 1_000_000L;
      while (inner.available() == 0) {
        if (System.nanoTime() >= deadline) {
          throw new java.net.SocketTimeoutException("no data within " + timeout + " ms");
        }
        Thread.onSpinWait();
      }
    }

    @Override
    public int read() throws IOException {
      awaitData();
      return inner.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      awaitData();
      return inner.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
      return inner.available();
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }

  @Override
  public InputStream getInputStream() throws IOException {
    checkOpen();
    return in;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    checkOpen();
    return out;
  }

  private void checkOpen() throws SocketException {
    if (closed) {
      throw new SocketException("Socket is closed");
    }
    if (!connected) {
      throw new SocketException("Socket is not connected");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    release();
  }

  @Override
  public void shutdownOutput() throws IOException {
    if (!outputShut) {
      outputShut = true;
      closeOutput();
    }
  }

  @Override
  public void shutdownInput() {
    inputShut = true;
  }

  @Override
  public boolean isConnected() {
    return connected;
  }

  @Override
  public boolean isBound() {
    return connected;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isInputShutdown() {
    return inputShut;
  }

  @Override
  public boolean isOutputShutdown() {
    return outputShut;
  }

  // Over a pipe or a process, read timeouts of a second or more are enforced by okio's watchdog,
  // which closes the socket; shorter ones by TimedInput. Streams that time reads themselves
  // (timesReadsItself) read the value on every wait.
  @Override
  public void setSoTimeout(int timeout) {
    soTimeout = timeout;
  }

  @Override
  public int getSoTimeout() {
    return soTimeout;
  }

  @Override
  public void setTcpNoDelay(boolean on) {
    // not a TCP socket
  }

  @Override
  public void setKeepAlive(boolean on) {
    // not a TCP socket
  }

  @Override
  public InetAddress getInetAddress() {
    return InetAddress.getLoopbackAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return InetAddress.getLoopbackAddress();
  }

  @Override
  public int getPort() {
    return 0;
  }

  @Override
  public int getLocalPort() {
    return 0;
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Override
  public SocketChannel getChannel() {
    return null;
  }
}
