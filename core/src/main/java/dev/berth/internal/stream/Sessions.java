package dev.berth.internal.stream;

import dev.berth.DockerException;
import dev.berth.containers.ExecSession;
import dev.berth.containers.LogStream;
import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/** {@link ExecSession} (and, without exec, an attachment) over one answer or connection. */
final class Sessions implements ExecSession {
  private final String id;
  private final LogStream output;
  private final DuplexConnection connection;
  private final HttpResponse answer;
  private final Resizer resizer;
  private final IntSupplier exitCode;

  /** Resizes a TTY. */
  interface Resizer {
    void resize(int width, int height);
  }

  Sessions(String id, LogStream output, HttpResponse answer, DuplexConnection connection,
      Resizer resizer, IntSupplier exitCode) {
    this.id = id;
    this.output = output;
    this.answer = answer;
    this.connection = connection;
    this.resizer = resizer;
    this.exitCode = exitCode;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LogStream output() {
    return output;
  }

  @Override
  public OutputStream stdin() {
    if (connection == null) {
      throw new IllegalStateException("stdin was not asked for: use stdin() or interactive() on"
          + " the request");
    }
    return connection.output();
  }

  @Override
  public void closeStdin() {
    if (connection == null) {
      return;
    }
    try {
      connection.closeOutput();
    } catch (IOException e) {
      throw new UncheckedIOException("closing stdin failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void resize(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("TTY size " + width + "x" + height
          + " is not valid: both must be 1 or more");
    }
    resizer.resize(width, height);
  }

  @Override
  public int exitCode() {
    if (exitCode == null) {
      throw new DockerException("an attachment has no exit code; wait for the container");
    }
    return exitCode.getAsInt();
  }

  @Override
  public void close() {
    output.close();
    if (connection != null) {
      Streams.closeQuietly(connection);
    }
    Streams.closeQuietly(answer);
  }
}
