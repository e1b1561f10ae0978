package dev.berth.transport.internal.okhttp;

import dev.berth.transport.DuplexConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Socket;

/**
 * A {@link DuplexConnection} over the socket OkHttp hands over after {@code 101}. The source
 * already holds whatever arrived after the answer's headers. Closing the sink half-closes the
 * socket, so the engine sees the end of stdin while output still flows.
 */
final class UpgradedSocket implements DuplexConnection {
  private final Socket socket;
  private final BufferedSource source;
  private final BufferedSink sink;
  private final InputStream input;
  private final OutputStream output;
  private boolean outputClosed;

  UpgradedSocket(Socket socket) {
    this.socket = socket;
    this.source = Okio.buffer(socket.getSource());
    this.sink = Okio.buffer(socket.getSink());
    // Attach and exec streams may stay silent for long: no read timeout.
    source.timeout().clearTimeout().clearDeadline();
    sink.timeout().clearTimeout().clearDeadline();
    this.input = source.inputStream();
    this.output = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        sink.writeByte(b);
        sink.flush();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        sink.write(b, off, len);
        sink.flush();
      }

      @Override
      public void flush() throws IOException {
        sink.flush();
      }

      @Override
      public void close() throws IOException {
        closeOutput();
      }
    };
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public synchronized void closeOutput() throws IOException {
    if (!outputClosed) {
      outputClosed = true;
      sink.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      closeOutput();
    } finally {
      socket.cancel();
      source.close();
    }
  }
}
