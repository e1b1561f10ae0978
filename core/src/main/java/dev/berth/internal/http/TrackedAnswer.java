package dev.berth.internal.http;

import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A streaming answer (or an upgraded connection) that its {@link ApiClient} keeps track of: it
 * counts the bytes its body gives, turns a break in the middle into a {@link BodyCut} that says
 * how far the stream got, and ends at once, with that said, when the client is closed.
 */
final class TrackedAnswer implements HttpResponse {
  private final HttpResponse answer;
  private final String what;
  private final Set<TrackedAnswer> open;
  private volatile long count;
  private volatile boolean endedByClient;
  private volatile boolean abortedByCaller;
  private InputStream body;
  private Duplex duplex;

  TrackedAnswer(HttpResponse answer, String what, Set<TrackedAnswer> open) {
    this.answer = answer;
    this.what = what;
    this.open = open;
  }

  /** Ends the stream because the client is being closed. */
  void endByClient() {
    endedByClient = true;
    answer.abort();
    Duplex d;
    synchronized (this) {
      d = duplex;
    }
    if (d != null) {
      try {
        d.connection.close();
      } catch (IOException ignored) {
        // closing it is all that was wanted
      }
    }
  }

  @Override
  public int status() {
    return answer.status();
  }

  @Override
  public String header(String name) {
    return answer.header(name);
  }

  @Override
  public Map<String, List<String>> headers() {
    return answer.headers();
  }

  @Override
  public synchronized InputStream body() {
    if (body == null) {
      body = new Counting(answer.body());
    }
    return body;
  }

  @Override
  public synchronized DuplexConnection upgraded() {
    if (duplex == null) {
      duplex = new Duplex(answer.upgraded());
    }
    return duplex;
  }

  @Override
  public void abort() {
    abortedByCaller = true;
    answer.abort();
  }

  @Override
  public void close() throws IOException {
    open.remove(this);
    answer.close();
  }

  private IOException translate(IOException e) {
    if (endedByClient) {
      return new BodyCut(what, count, "the DockerClient was closed", e);
    }
    if (abortedByCaller || e instanceof BodyCut || isTimeoutOrProtocol(e)) {
      return e;
    }
    return new BodyCut(what, count, e.getMessage(), e);
  }

  private static boolean isTimeoutOrProtocol(Throwable e) {
    // an answer shorter than its head promised is a cut, whatever OkHttp wraps in it (its
    // "unexpected end of stream" is a ProtocolException)
    for (Throwable t = e; t != null && !(t instanceof java.io.EOFException); t = t.getCause()) {
      if (t instanceof InterruptedIOException || t instanceof ProtocolException) {
        return true;
      }
    }
    return false;
  }

  /** The body, counted. */
  private final class Counting extends InputStream {
    private final InputStream in;

    Counting(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = in.read();
        if (b >= 0) {
          count++;
        }
        return b;
      } catch (IOException e) {
        throw translate(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          count += n;
        }
        return n;
      } catch (IOException e) {
        throw translate(e);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      open.remove(TrackedAnswer.this);
      in.close();
    }
  }

  /** The upgraded connection, its input counted; closing it stops the tracking. */
  private final class Duplex implements DuplexConnection {
    final DuplexConnection connection;
    private final InputStream input;

    Duplex(DuplexConnection connection) {
      this.connection = connection;
      this.input = new Counting(connection.input());
    }

    @Override
    public InputStream input() {
      return input;
    }

    @Override
    public OutputStream output() {
      return connection.output();
    }

    @Override
    public void closeOutput() throws IOException {
      connection.closeOutput();
    }

    @Override
    public void close() throws IOException {
      open.remove(TrackedAnswer.this);
      connection.close();
    }
  }
}
