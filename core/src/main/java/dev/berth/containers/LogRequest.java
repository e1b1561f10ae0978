package dev.berth.containers;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code docker logs} asks for, to be opened as a stream. Immutable: each method returns a
 * new request. By default both stdout and stderr, everything, not following.
 *
 * <pre>{@code
 * web.logs().timestamps().tail(10).since("2016-07-01").text();   // docker logs -t --tail 10 …
 * try (LogStream s = web.logs().follow().open()) { … }          // docker logs -f
 * }</pre>
 */
public interface LogRequest {
  /** Only stdout, or also it ({@code true} by default). */
  LogRequest stdout(boolean stdout);

  /** Only stderr, or also it ({@code true} by default). */
  LogRequest stderr(boolean stderr);

  /** Keeps the stream open for new output ({@code -f}). */
  LogRequest follow();

  /** Prefixes each line with its RFC 3339 time ({@code -t}). */
  LogRequest timestamps();

  /**
   * Only the last {@code lines} lines ({@code --tail}).
   *
   * @throws IllegalArgumentException if negative
   */
  LogRequest tail(int lines);

  /** Only output from {@code time} on ({@code --since}). */
  LogRequest since(Instant time);

  /**
   * Only output from {@code time} on, as {@code docker logs --since} takes it: an RFC 3339 date
   * or time ({@code 2016-07-01}, {@code 2016-07-01T10:00:00Z}), Unix seconds, or a duration back
   * from now ({@code 10m}, {@code 1h30m}).
   *
   * @throws IllegalArgumentException if {@code time} is none of these; the message quotes it
   */
  LogRequest since(String time);

  /** Only output from {@code ago} before now on. */
  LogRequest since(Duration ago);

  /** Only output before {@code time} ({@code --until}). */
  LogRequest until(Instant time);

  /** Only output before {@code time}, in the forms {@link #since(String)} takes. */
  LogRequest until(String time);

  /** Opens the stream; the caller closes it. */
  LogStream open();

  /** Reads all of it (not following) as UTF-8 text, stdout and stderr in arrival order. */
  String text();

  /** Copies all of it to the two streams; returns the bytes copied. */
  long copyTo(OutputStream stdout, OutputStream stderr);
}
