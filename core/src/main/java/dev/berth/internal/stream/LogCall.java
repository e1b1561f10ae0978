package dev.berth.internal.stream;

import dev.berth.containers.LogRequest;
import dev.berth.containers.LogStream;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Paths;
import dev.berth.model.GoDuration;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;

/** {@link LogRequest} for one container or service: {@code GET /containers/{id}/logs}. */
public final class LogCall implements LogRequest {
  private final Streams streams;
  private final String resource;
  private final String id;
  private final BooleanSupplier tty;
  private final boolean stdout;
  private final boolean stderr;
  private final boolean follow;
  private final boolean timestamps;
  private final int tail;
  private final String since;
  private final String until;

  public LogCall(Streams streams, String id, BooleanSupplier tty) {
    this(streams, "containers", id, tty);
  }

  /** Logs of {@code resource} ({@code containers} or {@code services}) {@code id}. */
  public LogCall(Streams streams, String resource, String id, BooleanSupplier tty) {
    this(streams, resource, id, tty, true, true, false, false, -1, null, null);
  }

  private LogCall(Streams streams, String resource, String id, BooleanSupplier tty,
      boolean stdout, boolean stderr,
      boolean follow, boolean timestamps, int tail, String since, String until) {
    this.streams = streams;
    this.resource = resource;
    this.id = id;
    this.tty = tty;
    this.stdout = stdout;
    this.stderr = stderr;
    this.follow = follow;
    this.timestamps = timestamps;
    this.tail = tail;
    this.since = since;
    this.until = until;
  }

  private LogCall copy(boolean stdout, boolean stderr, boolean follow, boolean timestamps,
      int tail, String since, String until) {
    return new LogCall(streams, resource, id, tty, stdout, stderr, follow, timestamps, tail,
        since, until);
  }

  @Override
  public LogRequest stdout(boolean stdout) {
    return copy(stdout, stderr, follow, timestamps, tail, since, until);
  }

  @Override
  public LogRequest stderr(boolean stderr) {
    return copy(stdout, stderr, follow, timestamps, tail, since, until);
  }

  @Override
  public LogRequest follow() {
    return copy(stdout, stderr, true, timestamps, tail, since, until);
  }

  @Override
  public LogRequest timestamps() {
    return copy(stdout, stderr, follow, true, tail, since, until);
  }

  @Override
  public LogRequest tail(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("tail " + lines + " is not valid: expected 0 or more");
    }
    return copy(stdout, stderr, follow, timestamps, lines, since, until);
  }

  @Override
  public LogRequest since(Instant time) {
    return copy(stdout, stderr, follow, timestamps, tail, seconds(time), until);
  }

  @Override
  public LogRequest since(String time) {
    return since(instant(time, "since"));
  }

  @Override
  public LogRequest since(Duration ago) {
    return since(Instant.now().minus(ago));
  }

  @Override
  public LogRequest until(Instant time) {
    return copy(stdout, stderr, follow, timestamps, tail, since, seconds(time));
  }

  @Override
  public LogRequest until(String time) {
    return until(instant(time, "until"));
  }

  @Override
  public LogStream open() {
    if (!stdout && !stderr) {
      throw new IllegalStateException("logs with neither stdout nor stderr would be empty;"
          + " ask for at least one");
    }
    ApiClient.Call call = streams.api().call("GET", "/" + resource + "/" + Paths.segment(id, false)
        + "/logs")
        .query("stdout", stdout ? "1" : null)
        .query("stderr", stderr ? "1" : null)
        .query("follow", follow ? "1" : null)
        .query("timestamps", timestamps ? "1" : null)
        .query("tail", tail >= 0 ? String.valueOf(tail) : null)
        .query("since", since)
        .query("until", until);
    if (follow) {
      call.streaming();
    }
    return streams.open(call, tty, "the logs of " + id, !follow);
  }

  @Override
  public String text() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LogStream s = open()) {
      s.copyTo(out, out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public long copyTo(OutputStream stdoutSink, OutputStream stderrSink) {
    try (LogStream s = open()) {
      return s.copyTo(stdoutSink, stderrSink);
    }
  }

  /** Seconds since the epoch with nanoseconds, as the engine takes {@code since}. */
  private static String seconds(Instant time) {
    return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
  }

  /**
   * A time as {@code docker logs --since} takes it. Dates and times without a zone are read in the
   * local zone, as the docker CLI reads them.
   */
  static Instant instant(String text, String flag) {
    String t = text == null ? "" : text.trim();
    try {
      if (t.matches("\\d+(\\.\\d{1,9})?")) {
        String[] parts = t.split("\\.");
        long nanos = parts.length == 2 ? Long.parseLong((parts[1] + "000000000").substring(0, 9))
            : 0;
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
        try {
          return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException noZone) {
          return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
        }
      }
      return Instant.now().minus(GoDuration.parse(t));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalArgumentException("--" + flag + " \"" + text + "\" is not valid: expected"
          + " a date (2016-07-01), a time (2016-07-01T10:00:00Z), Unix seconds (1467331200)"
          + " or a duration back from now (10m, 1h30m)", e);
    }
  }
}
