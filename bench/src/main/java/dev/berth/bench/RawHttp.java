package dev.berth.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The floor: one HTTP/1.1 connection, kept alive, over the JDK's own {@link SocketChannel} to a
 * Unix socket. Requests are written by hand; answers are read from one 64 KiB buffer, with
 * {@code Content-Length} and {@code chunked} bodies. Not thread-safe: one per thread.
 *
 * <p>After {@link #send}, the caller reads {@link #body()} to its end before the next request.
 */
final class RawHttp implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;
  /** With -Dbench.raw.batchMicros=N: after a short read, wait N µs so the engine can queue more. */
  private static final long BATCH_NANOS = Long.getLong("bench.raw.batchMicros", 0) * 1000;

  private final Path socket;
  private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
  private final byte[] buf = in.array();
  private final ByteBuffer out = ByteBuffer.allocate(BUFFER);
  private final Body body = new Body();
  private SocketChannel channel;
  private int pos;
  private int limit;
  private int lastRead = BUFFER;

  // the answer being read
  int status;
  String contentType;
  String apiVersion;
  private long contentLength;
  private boolean chunked;
  private boolean close;

  RawHttp(Path socket) {
    this.socket = socket;
  }

  /** Sends a request, reads the answer's head; the body is then {@link #body()}. */
  RawHttp send(String method, String target, byte[] jsonBody) throws IOException {
    if (channel == null) {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
      pos = 0;
      limit = 0;
    }
    out.clear();
    putAscii(method);
    out.put((byte) ' ');
    putAscii(target);
    putAscii(" HTTP/1.1\r\nHost: docker\r\n");
    if (jsonBody != null) {
      putAscii("Content-Type: application/json\r\nContent-Length: ");
      putAscii(Integer.toString(jsonBody.length));
      putAscii("\r\n");
    } else if (method.equals("POST")) {
      putAscii("Content-Length: 0\r\n");
    }
    putAscii("\r\n");
    if (jsonBody != null) {
      out.put(jsonBody);
    }
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    readHead();
    return this;
  }

  /** Sends a request and returns the whole body. */
  byte[] call(String method, String target, byte[] jsonBody) throws IOException {
    send(method, target, jsonBody);
    byte[] b = body.readAll();
    if (status >= 400) {
      throw new IOException(method + " " + target + " answered " + status + ": "
          + new String(b, StandardCharsets.UTF_8).trim());
    }
    return b;
  }

  /** The body of the answer read last; it ends at the end of the body. */
  InputStream body() {
    return body;
  }

  private void putAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      out.put((byte) s.charAt(i));
    }
  }

  private boolean fill() throws IOException {
    if (pos == limit) {
      pos = 0;
      limit = 0;
    }
    if (limit == buf.length) {
      // compact: a head or chunk line spans the end of the buffer
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    in.limit(buf.length).position(limit);
    if (BATCH_NANOS > 0 && lastRead < 16 * 1024) {
      java.util.concurrent.locks.LockSupport.parkNanos(BATCH_NANOS);
    }
    int n = channel.read(in);
    lastRead = n;
    if (n < 0) {
      return false;
    }
    limit += n;
    return true;
  }

  /** One line without its CRLF, as ASCII. */
  private String line() throws IOException {
    while (true) {
      for (int i = pos; i < limit - 1; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          String s = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
          pos = i + 2;
          return s;
        }
      }
      if (!fill()) {
        throw new EOFException("the connection closed inside an answer's head");
      }
    }
  }

  /**
   * The size line of the next chunk, after the CRLF that ends the previous chunk's data; parsed
   * in place, since bulk logs come one line per chunk.
   */
  private long chunkSize() throws IOException {
    while (true) {
      for (int i = pos; i < limit - 1; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          if (i == pos) { // the CRLF after the previous chunk's data
            pos += 2;
            i = pos - 1;
            continue;
          }
          long size = 0;
          for (int j = pos; j < i && buf[j] != ';'; j++) {
            size = (size << 4) + Character.digit(buf[j], 16);
          }
          pos = i + 2;
          return size;
        }
      }
      if (!fill()) {
        throw new EOFException("the connection closed inside a chunked body");
      }
    }
  }

  private void readHead() throws IOException {
    String statusLine = line();
    status = Integer.parseInt(statusLine.substring(9, 12));
    contentLength = -1;
    chunked = false;
    close = false;
    contentType = null;
    apiVersion = null;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon);
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      } else if (name.equalsIgnoreCase("Content-Type")) {
        contentType = value;
      } else if (name.equalsIgnoreCase("Api-Version")) {
        apiVersion = value;
      }
    }
    if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
      contentLength = 0;
      chunked = false;
    }
    body.start();
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  /** The body of the current answer. */
  private final class Body extends InputStream {
    private long left; // in the body (content-length) or in the current chunk
    private boolean done;
    private boolean untilClose;

    void start() {
      done = false;
      untilClose = false;
      if (chunked) {
        left = 0;
      } else if (contentLength >= 0) {
        left = contentLength;
        done = left == 0;
      } else {
        untilClose = true;
        left = Long.MAX_VALUE;
      }
      if (done) {
        finish();
      }
    }

    private void finish() {
      done = true;
      if (close || untilClose) {
        try {
          RawHttp.this.close();
        } catch (IOException ignored) {
          // the next request opens a new connection
        }
      }
    }

    /** Makes sure some body bytes are buffered; false at the end of the body. */
    private boolean ready() throws IOException {
      if (done) {
        return false;
      }
      if (chunked && left == 0) {
        left = chunkSize();
        if (left == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          finish();
          return false;
        }
      }
      if (pos == limit && !fill()) {
        if (untilClose) {
          finish();
          return false;
        }
        throw new EOFException("the connection closed inside a body");
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      if (!ready()) {
        return -1;
      }
      int b = buf[pos++] & 0xff;
      consumed(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!ready()) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, limit - pos), left);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      consumed(n);
      return n;
    }

    /** Writes the rest of the body to {@code sink} straight from the buffer; returns the bytes. */
    long copyTo(OutputStream sink) throws IOException {
      long total = 0;
      while (ready()) {
        int n = (int) Math.min(limit - pos, left);
        sink.write(buf, pos, n);
        pos += n;
        total += n;
        consumed(n);
      }
      return total;
    }

    private void consumed(int n) {
      left -= n;
      if (!chunked && !untilClose && left == 0) {
        finish();
      } else if (chunked && left == 0) {
        // the chunk's CRLF is read with the next size line
      }
    }

    byte[] readAll() throws IOException {
      if (!chunked && contentLength >= 0) {
        byte[] b = new byte[(int) contentLength];
        int n = 0;
        while (n < b.length) {
          int r = read(b, n, b.length - n);
          if (r < 0) {
            throw new EOFException();
          }
          n += r;
        }
        return b;
      }
      return readAllBytes();
    }
  }

  /** Copies the rest of the current body to {@code sink}, straight from the read buffer. */
  long copyBodyTo(OutputStream sink) throws IOException {
    return body.copyTo(sink);
  }
}
