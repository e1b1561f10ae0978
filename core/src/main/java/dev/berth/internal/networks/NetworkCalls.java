package dev.berth.internal.networks;

import static dev.berth.internal.http.ConfigFields.text;
import static dev.berth.internal.http.ConfigFields.texts;
import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.EngineTimes;
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

  /**
   * An inspect or list answer as typed values; what the engine leaves out reads as empty (Podman
   * 4.3 keeps no {@code IPRange} or {@code AuxiliaryAddresses}, a list answer has no {@code
   * Containers}).
   */
  static NetworkDetails toDetails(Map<String, Object> m) {
    Map<String, Object> ipam = object(m, "IPAM");
    List<NetworkDetails.IpamConfig> pools = new ArrayList<>();
    if (ipam.get("Config") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?>) {
          @SuppressWarnings("unchecked")
          Map<String, Object> c = (Map<String, Object>) o;
          pools.add(new NetworkDetails.IpamConfig(text(c, "Subnet"), text(c, "Gateway"),
              text(c, "IPRange"), texts(c, "AuxiliaryAddresses")));
        }
      }
    }
    Map<String, NetworkDetails.Endpoint> endpoints = new LinkedHashMap<>();
    object(m, "Containers").forEach((id, v) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
      endpoints.put(id, new NetworkDetails.Endpoint(text(e, "Name"), text(e, "EndpointID"),
          text(e, "MacAddress"), text(e, "IPv4Address"), text(e, "IPv6Address")));
    });
    return new NetworkDetails(string(m, "Id"), string(m, "Name"),
        EngineTimes.instant(string(m, "Created")), string(m, "Driver"), string(m, "Scope"),
        bool(m, "Internal"), bool(m, "Attachable"), bool(m, "EnableIPv6"),
        new NetworkDetails.Ipam(text(ipam, "Driver"), texts(ipam, "Options"), pools), endpoints,
        texts(m, "Options"), texts(m, "Labels"), m);
  }
}
