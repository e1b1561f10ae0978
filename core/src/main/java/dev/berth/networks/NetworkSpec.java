package dev.berth.networks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code docker network create} makes. Immutable; each method returns a new spec.
 *
 * <pre>{@code
 * docker.networks().create(NetworkSpec.named("backend").subnet("172.28.0.0/16")
 *     .label("team", "web").internal(true));
 * }</pre>
 */
public final class NetworkSpec {
  private final String name;
  private final String driver;
  private final String subnet;
  private final String gateway;
  private final String ipRange;
  private final boolean internal;
  private final boolean attachable;
  private final boolean ipv6;
  private final Map<String, String> labels;
  private final Map<String, String> options;
  private final Map<String, String> auxAddresses;

  private NetworkSpec(String name, String driver, String subnet, String gateway, String ipRange,
      boolean internal, boolean attachable, boolean ipv6, Map<String, String> labels,
      Map<String, String> options, Map<String, String> auxAddresses) {
    this.name = name;
    this.driver = driver;
    this.subnet = subnet;
    this.gateway = gateway;
    this.ipRange = ipRange;
    this.internal = internal;
    this.attachable = attachable;
    this.ipv6 = ipv6;
    this.labels = labels;
    this.options = options;
    this.auxAddresses = auxAddresses;
  }

  /**
   * A bridge network named {@code name}.
   *
   * @throws IllegalArgumentException if the name is empty or has characters Docker refuses
   */
  public static NetworkSpec named(String name) {
    if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new IllegalArgumentException("network name \"" + name
          + "\" is not valid: expected [a-zA-Z0-9][a-zA-Z0-9_.-]*");
    }
    return new NetworkSpec(name, "bridge", null, null, null, false, false, false, Map.of(),
        Map.of(), Map.of());
  }

  private static Map<String, String> put(Map<String, String> m, String k, String v) {
    Map<String, String> copy = new LinkedHashMap<>(m);
    copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k));
    return Collections.unmodifiableMap(copy);
  }

  /** With another driver ({@code --driver}), such as {@code overlay}. */
  public NetworkSpec driver(String driver) {
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** With a subnet in CIDR form ({@code --subnet 172.28.0.0/16}). */
  public NetworkSpec subnet(String cidr) {
    return new NetworkSpec(name, driver, cidr, gateway, ipRange, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** With a gateway address ({@code --gateway}). */
  public NetworkSpec gateway(String address) {
    return new NetworkSpec(name, driver, subnet, address, ipRange, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** With a range containers' addresses come from ({@code --ip-range}). */
  public NetworkSpec ipRange(String cidr) {
    return new NetworkSpec(name, driver, subnet, gateway, cidr, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** Cut off from outside networks, or not ({@code --internal}). */
  public NetworkSpec internal(boolean internal) {
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** Joinable by standalone containers, for swarm networks ({@code --attachable}). */
  public NetworkSpec attachable(boolean attachable) {
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** With IPv6, or not ({@code --ipv6}). */
  public NetworkSpec ipv6(boolean ipv6) {
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        labels, options, auxAddresses);
  }

  /** With one more label ({@code --label}). */
  public NetworkSpec label(String key, String value) {
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        put(labels, key, value), options, auxAddresses);
  }

  /** With one more driver option ({@code --opt}). */
  public NetworkSpec option(String key, String value) {
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        labels, put(options, key, value), auxAddresses);
  }

  /**
   * With an address the IPAM driver must not hand out, kept for {@code host} ({@code --aux-address
   * router=172.28.1.5}); it belongs to the subnet.
   *
   * @throws IllegalArgumentException if {@code host} is empty or {@code address} is not an IP
   *     address
   */
  public NetworkSpec auxAddress(String host, String address) {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("aux address host \"" + host
          + "\" is not valid: expected a name, as in auxAddress(\"router\", \"172.28.1.5\")");
    }
    if (address == null || !(address.matches("[0-9.]+") || address.contains(":"))
        || address.contains("/")) {
      throw new IllegalArgumentException("aux address \"" + address + "\" for " + host
          + " is not valid: expected an IPv4 or IPv6 address without a prefix length");
    }
    return new NetworkSpec(name, driver, subnet, gateway, ipRange, internal, attachable, ipv6,
        labels, options, put(auxAddresses, host, address));
  }

  /** The Engine API body of {@code POST /networks/create}. */
  public Map<String, Object> toJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    body.put("CheckDuplicate", true);
    body.put("Driver", driver);
    body.put("Internal", internal);
    body.put("Attachable", attachable);
    body.put("EnableIPv6", ipv6);
    if (subnet != null || gateway != null || ipRange != null || !auxAddresses.isEmpty()) {
      Map<String, Object> pool = new LinkedHashMap<>();
      if (subnet != null) {
        pool.put("Subnet", subnet);
      }
      if (gateway != null) {
        pool.put("Gateway", gateway);
      }
      if (ipRange != null) {
        pool.put("IPRange", ipRange);
      }
      if (!auxAddresses.isEmpty()) {
        pool.put("AuxiliaryAddresses", auxAddresses);
      }
      body.put("IPAM", Map.of("Driver", "default", "Config", java.util.List.of(pool)));
    }
    body.put("Labels", labels);
    body.put("Options", options);
    return body;
  }

  /** The name. */
  public String name() {
    return name;
  }
}
