package dev.berth.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network as {@code docker network inspect} shows it ({@code GET /networks/{id}}).
 *
 * <pre>{@code
 * NetworkDetails n = docker.networks().inspect("backend");
 * n.ipam().config().get(0).gateway();              // 172.28.0.1
 * n.endpoints().get(web.id()).ipv4Address();       // 172.28.0.2/16
 * }</pre>
 *
 * @param id the network id
 * @param name its name
 * @param created when it was created, or null if the engine does not say
 * @param driver its driver, such as {@code bridge} or {@code overlay}
 * @param scope {@code local} or {@code swarm}
 * @param internal whether it is cut off from outside networks
 * @param attachable whether standalone containers may join a swarm network
 * @param ipv6 whether IPv6 is enabled on it ({@code EnableIPv6})
 * @param ipam its address management ({@code IPAM})
 * @param endpoints the containers on it, by container id, as far as the answer lists them ({@code
 *     Containers}; a list answers none)
 * @param options its driver options
 * @param labels its labels
 * @param raw the whole JSON answer, unmodifiable
 */
public record NetworkDetails(
    String id,
    String name,
    Instant created,
    String driver,
    String scope,
    boolean internal,
    boolean attachable,
    boolean ipv6,
    Ipam ipam,
    Map<String, Endpoint> endpoints,
    Map<String, String> options,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public NetworkDetails {
    Objects.requireNonNull(ipam, "ipam");
    endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    options = Collections.unmodifiableMap(Objects.requireNonNull(options, "options"));
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** Its subnets in CIDR form, such as {@code 172.28.0.0/16}: each IPAM config's that has one. */
  public List<String> subnets() {
    List<String> subnets = new ArrayList<>();
    for (IpamConfig c : ipam.config()) {
      if (!c.subnet().isEmpty()) {
        subnets.add(c.subnet());
      }
    }
    return List.copyOf(subnets);
  }

  /** The ids of the containers on it: the keys of {@link #endpoints()}. */
  public List<String> containers() {
    return List.copyOf(endpoints.keySet());
  }

  /**
   * A network's address management ({@code IPAM}), as {@code --ipam-driver}, {@code --ipam-opt},
   * {@code --subnet}, {@code --gateway}, {@code --ip-range} and {@code --aux-address} set it.
   *
   * @param driver the IPAM driver, such as {@code default}; empty when the engine does not say
   * @param options the IPAM driver's options
   * @param config the address pools, one per subnet
   */
  public record Ipam(String driver, Map<String, String> options, List<IpamConfig> config) {
    /** Makes the map and list unmodifiable. */
    public Ipam {
      Objects.requireNonNull(driver, "driver");
      options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
      config = List.copyOf(config);
    }
  }

  /**
   * One address pool of a network ({@code IPAM.Config[]}). Addresses are written as the engine
   * writes them; a text the engine left out is empty.
   *
   * @param subnet the subnet in CIDR form ({@code --subnet 172.28.0.0/16})
   * @param gateway the gateway address ({@code --gateway 172.28.0.1})
   * @param ipRange the range containers' addresses come from ({@code --ip-range 172.28.5.0/24})
   * @param auxAddresses addresses the driver must not hand out, by host name ({@code --aux-address
   *     router=172.28.1.5})
   */
  public record IpamConfig(String subnet, String gateway, String ipRange,
      Map<String, String> auxAddresses) {
    /** Makes the map unmodifiable. */
    public IpamConfig {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(ipRange, "ipRange");
      auxAddresses = Collections.unmodifiableMap(new LinkedHashMap<>(auxAddresses));
    }
  }

  /**
   * A container's place on a network ({@code Containers.<id>}): its endpoint and addresses. A text
   * the engine left out is empty.
   *
   * @param name the container's name
   * @param endpointId the endpoint's id ({@code EndpointID})
   * @param macAddress its MAC address, such as {@code 02:42:ac:1c:00:02}
   * @param ipv4Address its IPv4 address with the subnet's prefix length, such as {@code
   *     172.28.0.2/16}
   * @param ipv6Address its IPv6 address with prefix length, empty without IPv6
   */
  public record Endpoint(String name, String endpointId, String macAddress, String ipv4Address,
      String ipv6Address) {
    /** Checks that no text is null. */
    public Endpoint {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(macAddress, "macAddress");
      Objects.requireNonNull(ipv4Address, "ipv4Address");
      Objects.requireNonNull(ipv6Address, "ipv6Address");
    }
  }
}
