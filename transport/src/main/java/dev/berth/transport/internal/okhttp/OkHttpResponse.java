package dev.berth.transport.internal.okhttp;

import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Socket;

/** An {@link HttpResponse} over an OkHttp {@link Response}. */
final class OkHttpResponse implements HttpResponse {
  private final Call call;
  private final Response response;
  private DuplexConnection upgraded;

  OkHttpResponse(Call call, Response response) {
    this.call = call;
    this.response = response;
  }

  @Override
  public void abort() {
    call.cancel();
  }

  @Override
  public int status() {
    return response.code();
  }

  @Override
  public String header(String name) {
    return response.header(name);
  }

  @Override
  public Map<String, List<String>> headers() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (int i = 0; i < response.headers().size(); i++) {
      all.computeIfAbsent(response.headers().name(i).toLowerCase(Locale.ROOT),
          k -> new ArrayList<>()).add(response.headers().value(i));
    }
    all.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(all);
  }

  @Override
  public InputStream body() {
    ResponseBody body = response.body();
    return body == null ? InputStream.nullInputStream() : new EndOfStream(body.byteStream());
  }

  @Override
  public synchronized DuplexConnection upgraded() {
    if (upgraded == null) {
      Socket socket = response.code() == 101 ? response.socket() : null;
      if (socket == null) {
        throw new IllegalStateException("the engine answered " + response.code()
            + ", not 101 Switching Protocols: the connection was not upgraded");
      }
      upgraded = new UpgradedSocket(socket);
    }
    return upgraded;
  }

  @Override
  public void close() {
    if (upgraded == null) {
      response.close();
    }
  }

  /**
   * The body, where OkHttp's "unexpected end of stream" (a {@link java.net.ProtocolException}) for
   * an answer shorter than its Content-Length or its chunks becomes the {@link java.io.EOFException}
   * it is: the answer was cut, as Berth's own layer reports it.
   */
  private static final class EndOfStream extends InputStream {
    private final InputStream in;

    EndOfStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws java.io.IOException {
      try {
        return in.read();
      } catch (java.net.ProtocolException e) {
        throw cutShort(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      try {
        return in.read(b, off, len);
      } catch (java.net.ProtocolException e) {
        throw cutShort(e);
      }
    }

    @Override
    public int available() throws java.io.IOException {
      return in.available();
    }

    @Override
    public void close() throws java.io.IOException {
      in.close();
    }

    private java.io.IOException cutShort(java.net.ProtocolException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("unexpected end of stream")) {
        return e;
      }
      java.io.EOFException eof = new java.io.EOFException(
          "the answer ended before the end its head promised (" + e.getMessage() + ")");
      eof.initCause(e);
      return eof;
    }
  }
}
