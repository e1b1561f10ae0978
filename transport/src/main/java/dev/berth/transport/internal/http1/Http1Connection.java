package dev.berth.transport.internal.http1;

import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.internal.socket.ForwardingOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection of {@link Http1Transport}: writes a request, reads the answer's head
 * and hands out its body, whose end gives the connection back to the pool. Used by one exchange
 * at a time; only {@link Answer#abort()} comes from other threads.
 */
final class Http1Connection {
  /** Request heads and small bodies are gathered in a buffer of this size. */
  private static final int BUFFER = 16 * 1024;
  /** Bytes read ahead: as much as a read may bring, so a large answer costs few system calls. */
  private static final int READ_BUFFER = 64 * 1024;
  /** The longest answer head accepted (status line and headers). */
  private static final int MAX_HEAD = 256 * 1024;
  /** How long closing an answer not read to its end may wait for the rest, to keep the socket. */
  private static final int DISCARD_MILLIS = 100;
  /** How many unread bytes closing an answer reads to keep the socket. */
  private static final long DISCARD_BYTES = 256 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final Http1Transport pool;
  private final byte[] buf = new byte[READ_BUFFER];
  private int pos;
  private int lim;
  private final Gather gather = new Gather();
  private int timeout = -1;
  private long idleSince;
  /** Whether any byte of the current answer has arrived. */
  private boolean answerStarted;

  Http1Connection(Socket socket, Http1Transport pool) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.pool = pool;
  }

  long idleSince() {
    return idleSince;
  }

  void idleSince(long nanos) {
    idleSince = nanos;
  }

  boolean answerStarted() {
    return answerStarted;
  }

  /** The read timeout of the next exchange; 0 for none. */
  void timeout(int millis) throws IOException {
    if (millis != timeout) {
      socket.setSoTimeout(millis);
      timeout = millis;
    }
  }

  void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  // ---- the request

  void writeRequest(String method, String target, String host, Map<String, List<String>> headers,
      HttpRequest.Body body, boolean upgrade) throws IOException {
    answerStarted = false;
    Gather g = gather;
    g.reset();
    g.ascii(method).ascii(" ").text(target).ascii(" HTTP/1.1\r\nHost: ").text(host).crlf();
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      for (String value : h.getValue()) {
        checkHeader(h.getKey(), value);
        g.text(h.getKey()).ascii(": ").text(value).crlf();
      }
    }
    if (upgrade) {
      g.ascii("Connection: Upgrade\r\nUpgrade: tcp\r\n");
    }
    long length = body == null ? -2 : body.length();
    if (body != null) {
      g.ascii("Content-Type: ").text(body.contentType()).crlf();
    }
    if (length >= 0) {
      g.ascii("Content-Length: ").ascii(Long.toString(length)).crlf();
    } else if (length == -1) {
      g.ascii("Transfer-Encoding: chunked\r\n");
    } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      g.ascii("Content-Length: 0\r\n");
    }
    g.crlf();
    if (body == null) {
      g.flushTo(out);
    } else if (length >= 0) {
      // counted, so a body that writes other than it promised fails here, not on the engine
      Counted counted = new Counted(g);
      body.writeTo(counted);
      if (counted.count != length) {
        throw new ProtocolException("the request body wrote " + counted.count
            + " bytes but promised " + length);
      }
      g.flushTo(out);
    } else {
      Chunked chunked = new Chunked(g);
      body.writeTo(chunked);
      chunked.finish();
      g.flushTo(out);
    }
  }

  /** A line break in a header would end it early and let its value write headers of its own. */
  private static void checkHeader(String name, String value) {
    if (name.isEmpty() || hasLineBreakOrColon(name, true) || hasLineBreakOrColon(value, false)) {
      throw new IllegalArgumentException("request header \"" + name + "\" with value \""
          + value + "\" is not valid: a name must not be empty or hold a colon, and neither may"
          + " hold a line break");
    }
  }

  private static boolean hasLineBreakOrColon(String s, boolean colon) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || colon && c == ':') {
        return true;
      }
    }
    return false;
  }

  /**
   * The request's bytes, gathered so that a head and a small body leave in one write; past the
   * buffer's size they go out as they come.
   */
  private final class Gather extends OutputStream {
    private byte[] bytes = new byte[BUFFER];
    private int size;

    void reset() {
      size = 0;
    }

    Gather ascii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) {
        bytes[size++] = (byte) s.charAt(i);
      }
      return this;
    }

    /** Text that may be other than ASCII (a path, a header value) as UTF-8. */
    Gather text(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 0x80) {
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          ensure(utf8.length);
          System.arraycopy(utf8, 0, bytes, size, utf8.length);
          size += utf8.length;
          return this;
        }
      }
      return ascii(s);
    }

    Gather crlf() {
      ensure(2);
      bytes[size++] = '\r';
      bytes[size++] = '\n';
      return this;
    }

    private void ensure(int n) {
      if (size + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }

    @Override
    public void write(int b) throws IOException {
      if (size == bytes.length) {
        flushTo(out);
      }
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len >= BUFFER) {
        flushTo(out);
        out.write(b, off, len);
        return;
      }
      if (size + len > BUFFER) {
        flushTo(out);
      }
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    void flushTo(OutputStream target) throws IOException {
      if (size > 0) {
        target.write(bytes, 0, size);
        size = 0;
      }
      target.flush();
    }

    @Override
    public void flush() {
      // the body's flushes do not break the gathering; the request ends with one
    }

    @Override
    public void close() {
      // a body closing its stream does not close the connection
    }
  }

  /** A body of known length: counts what it writes. */
  private static final class Counted extends OutputStream {
    private final OutputStream target;
    long count;

    Counted(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      count += len;
    }
  }

  /** A body of unknown length, sent in chunks of up to {@link #BUFFER} bytes. */
  private final class Chunked extends OutputStream {
    private final Gather target;
    private final byte[] chunk = new byte[BUFFER];
    private int size;

    Chunked(Gather target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      if (size == chunk.length) {
        emit();
      }
      chunk[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (size == chunk.length) {
          emit();
        }
        int n = Math.min(len, chunk.length - size);
        System.arraycopy(b, off, chunk, size, n);
        size += n;
        off += n;
        len -= n;
      }
    }

    @Override
    public void flush() throws IOException {
      // a body that flushes wants its bytes on their way (a stream fed as it is produced)
      emit();
      target.flushTo(out);
    }

    private void emit() throws IOException {
      if (size > 0) {
        target.write(Integer.toHexString(size).getBytes(StandardCharsets.US_ASCII));
        target.write(CRLF);
        target.write(chunk, 0, size);
        target.write(CRLF);
        size = 0;
      }
    }

    void finish() throws IOException {
      emit();
      target.write(new byte[] {'0', '\r', '\n', '\r', '\n'});
    }
  }

  // ---- the answer

  /** Reads the answer's head; its body streams from the returned answer. */
  Answer readResponse(String method, boolean upgrade, boolean streaming) throws IOException {
    int status;
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    boolean http10;
    int headBytes = 0;
    while (true) {
      String statusLine = readLine();
      answerStarted = true;
      headBytes += statusLine.length();
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12
          || statusLine.charAt(8) != ' ') {
        throw new ProtocolException("not an HTTP/1.1 answer: \"" + printable(statusLine) + "\"");
      }
      http10 = statusLine.charAt(7) == '0';
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new ProtocolException("no status code in \"" + printable(statusLine) + "\"");
      }
      names.clear();
      values.clear();
      for (String line = readLine(); !line.isEmpty(); line = readLine()) {
        headBytes += line.length();
        if (headBytes > MAX_HEAD) {
          throw new ProtocolException("the answer's head is longer than " + MAX_HEAD + " bytes");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new ProtocolException("not a header line: \"" + printable(line) + "\"");
        }
        names.add(line.substring(0, colon).trim());
        values.add(line.substring(colon + 1).trim());
      }
      if (status >= 100 && status < 200 && !(status == 101 && upgrade)) {
        continue; // 100 Continue and other interim answers: the real one follows
      }
      break;
    }
    Answer answer = new Answer(status, names, values);
    String connection = answer.header("Connection");
    boolean keepAlive = !http10 && !upgrade
        && (connection == null || !connection.equalsIgnoreCase("close"));
    if (status == 101) {
      answer.upgrade();
    } else if (method.equals("HEAD") || status == 204 || status == 304) {
      answer.body(Body.EMPTY, 0, keepAlive);
    } else if ("chunked".equalsIgnoreCase(answer.header("Transfer-Encoding"))) {
      answer.body(Body.CHUNKED, 0, keepAlive);
    } else if (answer.header("Content-Length") != null) {
      long length;
      try {
        length = Long.parseLong(answer.header("Content-Length"));
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length < 0) {
        throw new ProtocolException("Content-Length \"" + answer.header("Content-Length")
            + "\" is not a length");
      }
      answer.body(length == 0 ? Body.EMPTY : Body.FIXED, length, keepAlive);
    } else {
      answer.body(Body.UNTIL_CLOSE, 0, false);
    }
    answer.streaming = streaming;
    return answer;
  }

  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      sb.append(c < ' ' || c == 127 ? '?' : c);
    }
    return sb.toString();
  }

  /** One line of the head or of chunk framing, without its CRLF (or bare LF), as ISO-8859-1. */
  private String readLine() throws IOException {
    StringBuilder sb = null;
    while (true) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          String part = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          String line = sb == null ? part : sb.append(part).toString();
          return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
      if (sb.length() > MAX_HEAD) {
        throw new ProtocolException("a line of the answer is longer than " + MAX_HEAD + " bytes");
      }
      if (fill() < 0) {
        throw new EOFException(sb.length() == 0 && !answerStarted
            ? "the engine closed the connection without answering"
            : "the answer ended in the middle of a line");
      }
    }
  }

  /** Reads more into the empty buffer; the count, or -1 at the end of the stream. */
  private int fill() throws IOException {
    pos = 0;
    lim = 0;
    int n = in.read(buf, 0, buf.length);
    if (n > 0) {
      lim = n;
    }
    return n;
  }

  /** One byte of {@code in} through its array read, using {@code one} as the array. */
  private static int readByte(InputStream in, byte[] one) throws IOException {
    int n;
    do {
      n = in.read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  /** The kinds of answer body. */
  enum Body { EMPTY, FIXED, CHUNKED, UNTIL_CLOSE }

  /** The answer to one exchange on this connection. */
  final class Answer implements HttpResponse {
    private final int status;
    private final List<String> names;
    private final List<String> values;
    private Map<String, List<String>> headers;
    private Body kind;
    private boolean keepAlive;
    private boolean streaming;
    /** Bytes left in the body (fixed) or in the current chunk (chunked; -1 before the first). */
    private long left;
    private volatile boolean done;
    private volatile boolean aborted;
    private boolean closed;
    private Upgraded upgraded;
    private final InputStream stream = new Stream();

    Answer(int status, List<String> names, List<String> values) {
      this.status = status;
      this.names = List.copyOf(names);
      this.values = List.copyOf(values);
    }

    void body(Body kind, long length, boolean keepAlive) {
      this.kind = kind;
      this.keepAlive = keepAlive;
      this.left = kind == Body.CHUNKED ? -1 : length;
      if (kind == Body.EMPTY) {
        end();
      }
    }

    void upgrade() {
      kind = Body.EMPTY;
      keepAlive = false;
      done = true;
      upgraded = new Upgraded();
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public String header(String name) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          return values.get(i);
        }
      }
      return null;
    }

    @Override
    public Map<String, List<String>> headers() {
      if (headers == null) {
        // loops, not lambdas: the first call of a process would bootstrap them
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(i).toLowerCase(Locale.ROOT);
          List<String> same = all.get(name);
          if (same == null) {
            same = new ArrayList<>();
            all.put(name, same);
          }
          same.add(values.get(i));
        }
        for (Map.Entry<String, List<String>> e : all.entrySet()) {
          e.setValue(List.copyOf(e.getValue()));
        }
        headers = Collections.unmodifiableMap(all);
      }
      return headers;
    }

    @Override
    public InputStream body() {
      return stream;
    }

    @Override
    public synchronized DuplexConnection upgraded() {
      if (upgraded == null) {
        throw new IllegalStateException("the engine answered " + status
            + ", not 101 Switching Protocols: the connection was not upgraded");
      }
      return upgraded;
    }

    @Override
    public void abort() {
      if (!done || upgraded != null) { // once done, the connection may serve another request
        aborted = true;
        closeQuietly();
      }
    }

    @Override
    public void close() throws IOException {
      if (closed || upgraded != null) {
        return;
      }
      closed = true;
      if (done) {
        return;
      }
      if (!aborted && !streaming && discardRest()) {
        return;
      }
      done = true;
      closeQuietly();
    }

    /** Reads what is left of a body not read to its end, briefly, to keep the connection. */
    private boolean discardRest() {
      try {
        timeout(DISCARD_MILLIS);
        byte[] skip = new byte[8192];
        long read = 0;
        while (!done && read <= DISCARD_BYTES) {
          int n = readBody(skip, 0, skip.length);
          if (n < 0) {
            return true;
          }
          read += n;
        }
        return done;
      } catch (IOException e) {
        return false;
      }
    }

    /** The body has been read to its end: the connection takes the next request, or closes. */
    private void end() {
      if (done) {
        return;
      }
      done = true;
      if (keepAlive && !aborted) {
        pool.release(Http1Connection.this);
      } else {
        closeQuietly();
      }
    }

    private int readBody(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (aborted) {
        throw new java.net.SocketException("Socket closed");
      }
      if (len == 0) {
        return 0;
      }
      switch (kind) {
        case FIXED: {
          int n = readSome(b, off, (int) Math.min(len, left));
          if (n < 0) {
            throw new EOFException("the answer ended " + left + " bytes before its"
                + " Content-Length");
          }
          left -= n;
          if (left == 0) {
            end();
          }
          return n;
        }
        case CHUNKED: {
          if (left <= 0) {
            left = chunkSize(left == 0);
            if (left == 0) {
              while (!readLine().isEmpty()) {
                // trailers: none that matter here
              }
              end();
              return -1;
            }
          }
          int n = readSome(b, off, (int) Math.min(len, left));
          if (n < 0) {
            throw new EOFException("the answer ended in the middle of a chunk");
          }
          left -= n;
          return n;
        }
        case UNTIL_CLOSE: {
          int n = readSome(b, off, len);
          if (n < 0) {
            end();
          }
          return n;
        }
        default:
          end();
          return -1;
      }
    }

    /**
     * Reads a chunk's size line, after the CRLF that ends the previous chunk's data ({@code
     * afterData}); byte by byte from the buffer, as dockerd sends a chunk per log line and a
     * string per chunk would cost more than the line.
     */
    private long chunkSize(boolean afterData) throws IOException {
      int b = nextByte();
      if (afterData) {
        if (b == '\r') {
          b = nextByte();
        }
        if (b != '\n') {
          throw new ProtocolException("a chunk ran past its size");
        }
        b = nextByte();
      }
      long size = 0;
      int digits = 0;
      for (int d; (d = Character.digit(b, 16)) >= 0; b = nextByte()) {
        if (++digits > 15) {
          throw new ProtocolException("a chunk size with more than 15 hex digits");
        }
        size = size * 16 + d;
      }
      if (digits == 0 || !(b == ';' || b == ' ' || b == '\t' || b == '\r' || b == '\n')) {
        throw new ProtocolException("not a chunk size: byte 0x" + Integer.toHexString(b)
            + " where hex digits were expected");
      }
      while (b != '\n') { // extensions are ignored
        b = nextByte();
      }
      return size;
    }

    private int nextByte() throws IOException {
      if (pos == lim && fill() < 0) {
        throw new EOFException("the answer ended in the middle of a chunk");
      }
      return buf[pos++] & 0xff;
    }

    /** Reads up to {@code len} bytes: buffered ones first, large reads straight into {@code b}. */
    private int readSome(byte[] b, int off, int len) throws IOException {
      if (pos < lim) {
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
      }
      if (len >= buf.length) {
        return in.read(b, off, len);
      }
      int n = fill();
      if (n <= 0) {
        return n == 0 ? 0 : -1;
      }
      int m = Math.min(len, lim);
      System.arraycopy(buf, 0, b, off, m);
      pos = m;
      return m;
    }

    /** The body as the caller reads it. */
    private final class Stream extends InputStream {
      private final byte[] one = new byte[1];

      @Override
      public int read() throws IOException {
        return readByte(this, one);
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        try {
          return readBody(b, off, len);
        } catch (IOException e) {
          if (aborted) { // whatever the closed socket said: the caller ended it
            throw new java.net.SocketException("Socket closed");
          }
          throw e;
        }
      }

      @Override
      public int available() {
        if (done || kind == Body.EMPTY) {
          return 0;
        }
        int buffered = lim - pos;
        return kind == Body.FIXED ? (int) Math.min(buffered, left)
            : kind == Body.CHUNKED ? (int) Math.min(buffered, Math.max(0, left)) : buffered;
      }

      @Override
      public void close() throws IOException {
        Answer.this.close();
      }
    }

    /** The connection after {@code 101}: the caller's until it closes it. */
    private final class Upgraded implements DuplexConnection {
      private final InputStream input = new InputStream() {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
          return readByte(this, one);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          java.util.Objects.checkFromIndexSize(off, len, b.length);
          if (len == 0) {
            return 0;
          }
          if (pos < lim) {
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
          }
          return in.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
          return pos < lim ? lim - pos : in.available();
        }

        @Override
        public void close() throws IOException {
          Upgraded.this.close();
        }
      };
      private final OutputStream output = new ForwardingOutput(out, this::closeOutput);

      @Override
      public InputStream input() {
        return input;
      }

      @Override
      public OutputStream output() {
        return output;
      }

      @Override
      public void closeOutput() throws IOException {
        if (!socket.isClosed() && !socket.isOutputShutdown()) {
          out.flush();
          socket.shutdownOutput();
        }
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    }
  }
}
