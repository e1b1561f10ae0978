package dev.berth.internal.http;

import dev.berth.EngineApi;
import java.util.Map;

/** {@link EngineApi} over {@link ApiClient}. */
public final class RawCalls implements EngineApi {
  private final ApiClient api;

  /** Raw calls over {@code api}. */
  public RawCalls(ApiClient api) {
    this.api = api;
  }

  @Override
  public Object get(String path) {
    return api.call("GET", path).userComposed().json();
  }

  @Override
  public Object call(String method, String path, Map<String, ?> query, Object jsonBody) {
    ApiClient.Call call = api.call(method, path).userComposed();
    query.forEach(call::query);
    if (jsonBody != null) {
      call.jsonBody(jsonBody);
    }
    return call.json();
  }
}
