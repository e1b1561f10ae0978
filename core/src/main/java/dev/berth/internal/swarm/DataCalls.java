package dev.berth.internal.swarm;

import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.swarm.SwarmJson.dataBody;
import static dev.berth.internal.swarm.SwarmJson.objects;
import static dev.berth.internal.swarm.SwarmJson.segment;

import dev.berth.internal.http.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Create, list, inspect and remove of secrets or configs, which the API treats alike. */
abstract class DataCalls<T> {
  private final ApiClient api;
  private final String what;
  private final Function<Map<String, Object>, T> read;

  DataCalls(ApiClient api, String what, Function<Map<String, Object>, T> read) {
    this.api = api;
    this.what = what;
    this.read = read;
  }

  public T create(String name, byte[] data, Map<String, String> labels) {
    String id = string(api.call("POST", "/" + what + "s/create")
        .jsonBody(dataBody(what, name, data, labels)).jsonObject(), "ID");
    return inspect(id);
  }

  public List<T> list(Map<String, List<String>> filters) {
    List<T> out = new ArrayList<>();
    for (Map<String, Object> m : objects(api.call("GET", "/" + what + "s")
        .filters(filters))) {
      out.add(read.apply(m));
    }
    return out;
  }

  public T inspect(String idOrName) {
    return read.apply(api.call("GET", "/" + what + "s/" + segment(idOrName)).jsonObject());
  }

  public void remove(String idOrName) {
    api.call("DELETE", "/" + what + "s/" + segment(idOrName)).discard();
  }
}
