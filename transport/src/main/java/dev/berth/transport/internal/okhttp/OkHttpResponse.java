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
    return body == null ? InputStream.nullInputStream() : body.byteStream();
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
}
