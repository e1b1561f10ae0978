package dev.berth.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One piece of a container's output: which stream it came on and its bytes. Each frame owns its
 * bytes: a stream never reuses or overwrites them after handing the frame out.
 *
 * <pre>{@code
 * Frame f = logs.next();
 * if (f.stream() == Frame.Stream.STDERR) System.err.print(f.text());
 * }</pre>
 */
public final class Frame {
  /** The stream a frame came on. */
  public enum Stream {
    /** Input written to the container (echoed by a TTY). */
    STDIN,
    /** Standard output; also everything from a TTY container, which has one stream. */
    STDOUT,
    /** Standard error. */
    STDERR
  }

  private final Stream stream;
  private final byte[] bytes;

  /** A frame of {@code bytes}, which it keeps as they are (not copied). */
  public Frame(Stream stream, byte[] bytes) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** The stream it came on. */
  public Stream stream() {
    return stream;
  }

  /** The bytes, owned by this frame. */
  public byte[] bytes() {
    return bytes;
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The bytes as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && f.stream == stream && Arrays.equals(f.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return stream.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return stream + ":" + text();
  }
}
