package dev.berth.internal.networks;

import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Paths;
import dev.berth.model.NetworkDetails;
import dev.berth.model.PruneResult;
import dev.berth.networks.NetworkSpec;
import dev.berth.networks.Networks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Networks} over the Engine API. */
public final class NetworkCalls implements Networks {
  private final ApiClient api;

  /** Network calls over {@code api}. */
  public NetworkCalls(ApiClient api) {
    this.api = api;
  }

  @Override
  public NetworkDetails create(NetworkSpec spec) {
    String id = string(api.call("POST", "/networks/create").jsonBody(spec.toJson()).jsonObject(),
        "Id");
    return inspect(id);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<NetworkDetails> list(Map<String, List<String>> filters) {
    List<NetworkDetails> out = new ArrayList<>();
    for (Object o : api.call("GET", "/networks").filters(filters)
        .jsonArray()) {
      out.add(toDetails((Map<String, Object>) o));
    }
    return out;
  }

  @Override
  public NetworkDetails inspect(String idOrName) {
    return toDetails(api.call("GET", "/networks/" + Paths.segment(idOrName, false)).jsonObject());
  }

  @Override
  public void connect(String network, String container, List<String> aliases,
      String ipv4Address) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    if (aliases != null && !aliases.isEmpty()) {
      endpoint.put("Aliases", aliases);
    }
    if (ipv4Address != null) {
      endpoint.put("IPAMConfig", Map.of("IPv4Address", ipv4Address));
    }
    api.call("POST", "/networks/" + Paths.segment(network, false) + "/connect")
        .jsonBody(Map.of("Container", container, "EndpointConfig", endpoint)).discard();
  }

  @Override
  public void disconnect(String network, String container, boolean force) {
    api.call("POST", "/networks/" + Paths.segment(network, false) + "/disconnect")
        .jsonBody(Map.of("Container", container, "Force", force)).discard();
  }

  @Override
  public void remove(String idOrName) {
    api.call("DELETE", "/networks/" + Paths.segment(idOrName, false)).discard();
  }

  @Override
  public PruneResult prune(Map<String, List<String>> filters) {
    Map<String, Object> answer = api.call("POST", "/networks/prune")
        .filters(filters).jsonObject();
    return new PruneResult(strings(answer, "NetworksDeleted"), longValue(answer, "SpaceReclaimed"));
  }

  @SuppressWarnings("unchecked")
  static NetworkDetails toDetails(Map<String, Object> m) {
    List<String> subnets = new ArrayList<>();
    Object config = object(m, "IPAM").get("Config");
    if (config instanceof List<?> list) {
      for (Object c : list) {
        String subnet = string((Map<String, Object>) c, "Subnet");
        if (subnet != null) {
          subnets.add(subnet);
        }
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    object(m, "Labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
    return new NetworkDetails(string(m, "Id"), string(m, "Name"), string(m, "Driver"),
        string(m, "Scope"), bool(m, "Internal"), bool(m, "Attachable"), subnets,
        new ArrayList<>(object(m, "Containers").keySet()), labels, m);
  }
}
