package dev.berth.internal.stream;

import dev.berth.DockerException;
import dev.berth.DockerProtocolException;
import dev.berth.StreamCutException;
import dev.berth.containers.LogStream;
import dev.berth.model.Frame;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link LogStream} over the bytes of logs, attach or exec. Multiplexed streams (no TTY) come in
 * frames with an 8-byte header {@code [stream, 0, 0, 0, length as uint32 big-endian]}, stream 0
 * stdin, 1 stdout, 2 stderr, 3 an engine error that ends the stream; a TTY's stream is raw bytes.
 * Which one it is was decided by the caller from the TTY flag or the Content-Type, never by
 * looking at the bytes.
 */
final class FrameStream implements LogStream {
  private static final int RAW_CHUNK = 16 * 1024;
  private static final int COPY_BUFFER = 64 * 1024;
  /** {@link #nextLine()} hands out a line longer than this in pieces of about this size. */
  static final int MAX_LINE = 1024 * 1024;
  /** A frame header that took this long to arrive was waited for: nothing was queued. */
  private static final long WAITED_NANOS = 50_000;
  /** Then a bulk copy lets the engine queue this long before reading on. */
  private static final long BATCH_NANOS = 300_000;

  private final InputStream in;
  private final boolean multiplexed;
  private final Runnable abort;
  private final Closeable resource;
  private final String what;
  private final byte[] header = new byte[8];
  private final ByteArrayOutputStream[] partialLines = new ByteArrayOutputStream[3];
  private final Deque<Frame> lines = new ArrayDeque<>();
  private volatile boolean closed;
  private boolean ended;
  private boolean bulk;
  /** Bytes read from {@link #in} so far, frame headers included: how far a cut stream got. */
  private long consumed;
  /** Asked at the end of the bytes whether that was the stream's real end; null if it always is. */
  private java.util.function.Supplier<String> endCheck;

  /**
   * A stream over {@code in}; {@code abort} breaks the connection from any thread, {@code
   * resource} is released at the end; {@code what} names the stream in errors ("logs of web").
   */
  FrameStream(InputStream in, boolean multiplexed, Runnable abort, Closeable resource, String what) {
    this.in = in;
    this.multiplexed = multiplexed;
    this.abort = abort;
    this.resource = resource;
    this.what = what;
  }

  /**
   * Marks this stream as read whole, never live (logs without follow): {@link #copyTo} then reads
   * in batches. dockerd writes one HTTP chunk per log line, and a reader that waits on the socket
   * is woken for every one, which costs the engine and the reader more CPU than the bytes do;
   * when a frame had to be waited for, the copy pauses {@value #BATCH_NANOS} ns so that the
   * following reads find many frames queued. On two cores (dockerd 20.10) this took 210 MB of
   * 70-byte lines from about 11 to about 15 MB/s, with about half the reader's CPU and a sixth
   * less of dockerd's (docs/PERFORMANCE.md). Live streams (follow, attach, exec) never pause.
   */
  FrameStream bulk() {
    this.bulk = true;
    return this;
  }

  /**
   * Asks {@code check} when the bytes end (not after {@link #close()}) whether that was the
   * stream's real end: null if so, else why not (the container still runs), which is then a {@link
   * StreamCutException}. An upgraded connection that is cut between two frames ends just as one
   * whose process exited does; only the engine can tell them apart.
   */
  FrameStream endCheck(java.util.function.Supplier<String> check) {
    this.endCheck = check;
    return this;
  }

  /** The end of the bytes: a real end, or a cut that {@link #endCheck} saw. */
  private void checkEnd() {
    if (endCheck != null && !closed) {
      String cut = endCheck.get();
      if (cut != null && !closed) {
        throw new StreamCutException(what + " broke off after " + consumed + " bytes: " + cut,
            consumed, null);
      }
    }
  }

  @Override
  public Frame next() {
    if (closed || ended) {
      return null;
    }
    try {
      Frame f = multiplexed ? readFrame() : readRaw();
      if (f == null) {
        end();
        checkEnd();
      }
      return f;
    } catch (IOException e) {
      return broken(e);
    }
  }

  private Frame readFrame() throws IOException {
    int n = in.readNBytes(header, 0, 8);
    consumed += n;
    if (n == 0) {
      return null;
    }
    if (n < 8) {
      throw new IOException("the stream was cut inside a frame header (" + n + " of 8 bytes)");
    }
    long length = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16)
        | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
    if (header[0] < 0 || header[0] > 3 || header[1] != 0 || header[2] != 0 || header[3] != 0) {
      throw new java.net.ProtocolException("not a frame header: " + hex(header)
          + " (a multiplexed stream's frames start with 0, 1, 2 or 3 and three zero bytes)");
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new java.net.ProtocolException("a frame of " + length
          + " bytes is larger than a stream can carry");
    }
    byte[] payload = readPayload((int) length);
    return new Frame(stream(header[0], payload), payload);
  }

  /**
   * A frame's payload of {@code length} bytes. Memory grows with the bytes that arrive, not with
   * the length the header claims: a header that promises 2 GiB and a stream that then ends costs
   * what arrived, and fails saying the frame was cut.
   */
  private byte[] readPayload(int length) throws IOException {
    int step = 1 << 20;
    byte[] payload = new byte[Math.min(length, step)];
    int read = 0;
    while (true) {
      read += readFully(payload, read);
      if (read == length) {
        return payload;
      }
      if (read < payload.length) {
        throw new IOException("the stream was cut inside a frame (" + read + " of " + length
            + " bytes)");
      }
      payload = Arrays.copyOf(payload, (int) Math.min(length, (long) payload.length * 2));
    }
  }

  /** Fills {@code b} unless the stream ends first; returns how much was read. */
  private int readFully(byte[] b) throws IOException {
    return readFully(b, 0);
  }

  /**
   * Fills {@code b} from {@code from} unless the stream ends first; returns how much was read.
   * Unlike {@code InputStream.readNBytes(int)} it never asks for zero bytes at the end, which on a
   * live stream would block until the engine sends the next frame.
   */
  private int readFully(byte[] b, int from) throws IOException {
    int n = from;
    while (n < b.length) {
      int count = in.read(b, n, b.length - n);
      if (count < 0) {
        break;
      }
      n += count;
      consumed += count;
    }
    return n - from;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }

  private Frame.Stream stream(byte type, byte[] payload) throws IOException {
    switch (type) {
      case 0:
        return Frame.Stream.STDIN;
      case 1:
        return Frame.Stream.STDOUT;
      case 2:
        return Frame.Stream.STDERR;
      case 3:
        throw new EngineStreamError(new String(payload, StandardCharsets.UTF_8).trim());
      default:
        throw new java.net.ProtocolException("unknown stream type " + type + " in a frame header");
    }
  }

  private Frame readRaw() throws IOException {
    byte[] buffer = new byte[RAW_CHUNK];
    int n = in.read(buffer);
    if (n < 0) {
      return null;
    }
    consumed += n;
    return new Frame(Frame.Stream.STDOUT, n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
  }

  @Override
  public Frame nextLine() {
    while (lines.isEmpty()) {
      Frame f = next();
      if (f == null) {
        for (Frame.Stream s : Frame.Stream.values()) {
          ByteArrayOutputStream partial = partialLines[s.ordinal()];
          if (partial != null && partial.size() > 0) {
            lines.add(line(s, partial.toByteArray(), partial.size()));
            partial.reset();
          }
        }
        return lines.poll();
      }
      split(f);
    }
    return lines.poll();
  }

  private void split(Frame f) {
    byte[] b = f.bytes();
    int s = f.stream().ordinal();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        ByteArrayOutputStream partial = partialLines[s];
        if (partial != null && partial.size() > 0) {
          partial.write(b, start, i - start);
          lines.add(line(f.stream(), partial.toByteArray(), partial.size()));
          partial.reset();
        } else {
          lines.add(line(f.stream(), Arrays.copyOfRange(b, start, i), i - start));
        }
        start = i + 1;
      }
    }
    if (start < b.length) {
      if (partialLines[s] == null) {
        partialLines[s] = new ByteArrayOutputStream();
      }
      ByteArrayOutputStream partial = partialLines[s];
      partial.write(b, start, b.length - start);
      if (partial.size() >= MAX_LINE) {
        // a "line" without end (a binary stream read by lines): handed out in pieces, so memory
        // stays bounded whatever comes
        lines.add(line(f.stream(), partial.toByteArray(), partial.size()));
        partial.reset();
      }
    }
  }

  private static Frame line(Frame.Stream stream, byte[] bytes, int length) {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    return new Frame(stream, end == bytes.length ? bytes : Arrays.copyOf(bytes, end));
  }

  @Override
  public long copyTo(OutputStream stdout, OutputStream stderr) {
    long copied = 0;
    byte[] buffer = new byte[COPY_BUFFER];
    try {
      while (!closed && !ended) {
        if (!multiplexed) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          consumed += n;
          stdout.write(buffer, 0, n);
          copied += n;
          continue;
        }
        long start = bulk ? System.nanoTime() : 0;
        int h = in.readNBytes(header, 0, 8);
        consumed += h;
        if (h == 0) {
          break;
        }
        if (bulk && System.nanoTime() - start > WAITED_NANOS) {
          LockSupport.parkNanos(BATCH_NANOS);
        }
        if (h < 8) {
          throw new IOException("the stream was cut inside a frame header (" + h + " of 8 bytes)");
        }
        long length = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16)
            | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        if (header[0] < 0 || header[0] > 3 || header[1] != 0 || header[2] != 0
            || header[3] != 0) {
          throw new java.net.ProtocolException("not a frame header: " + hex(header)
              + " (a multiplexed stream's frames start with 0, 1, 2 or 3 and three zero bytes)");
        }
        if (header[0] == 3) {
          // the engine's error message: at most 64 KiB of it is kept
          byte[] message = new byte[(int) Math.min(length, 64 * 1024)];
          int read = readFully(message);
          throw new EngineStreamError(new String(message, 0, read, StandardCharsets.UTF_8).trim());
        }
        OutputStream target = header[0] == 2 ? stderr : stdout;
        long left = length;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n > 0) {
            consumed += n;
          }
          if (n < 0) {
            throw new IOException("the stream was cut inside a frame (" + (length - left)
                + " of " + length + " bytes)");
          }
          target.write(buffer, 0, n);
          left -= n;
        }
        copied += length;
      }
      end();
      checkEnd();
      return copied;
    } catch (IOException e) {
      broken(e);
      return copied;
    }
  }

  private Frame broken(IOException e) {
    if (closed) {
      return null; // close() from another thread: a clean end for the reader
    }
    end();
    if (e instanceof EngineStreamError) {
      throw new DockerException("the engine ended " + what + " with an error: " + e.getMessage(),
          e);
    }
    if (e instanceof java.net.ProtocolException) {
      throw new DockerProtocolException(what + " is not a valid stream after " + consumed
          + " bytes: " + e.getMessage(), e);
    }
    String reason = e instanceof dev.berth.internal.http.BodyCut cut ? cut.reason() : e.getMessage();
    throw new StreamCutException(what + " broke off after " + consumed + " bytes: " + reason,
        consumed, e);
  }

  private void end() {
    ended = true;
    try {
      resource.close();
    } catch (IOException ignored) {
      // the stream is over either way
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    abort.run();
    try {
      resource.close();
    } catch (IOException ignored) {
      // closing after an abort may fail; nothing is left to release
    }
  }

  /** A stream-type-3 frame: the engine's own error, sent in the middle of a 200 answer. */
  private static final class EngineStreamError extends IOException {
    private static final long serialVersionUID = 1L;

    EngineStreamError(String message) {
      super(message);
    }
  }
}
