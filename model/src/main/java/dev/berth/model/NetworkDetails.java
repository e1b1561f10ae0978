package dev.berth.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network as {@code docker network inspect} shows it ({@code GET /networks/{id}}).
 *
 * @param id the network id
 * @param name its name
 * @param driver its driver, such as {@code bridge} or {@code overlay}
 * @param scope {@code local} or {@code swarm}
 * @param internal whether it is cut off from outside networks
 * @param attachable whether standalone containers may join a swarm network
 * @param subnets its subnets, such as {@code 172.28.0.0/16}
 * @param containers the ids of the containers on it, as far as the answer lists them
 * @param labels its labels
 * @param raw the whole JSON answer, unmodifiable
 */
public record NetworkDetails(
    String id,
    String name,
    String driver,
    String scope,
    boolean internal,
    boolean attachable,
    List<String> subnets,
    List<String> containers,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable. */
  public NetworkDetails {
    subnets = List.copyOf(subnets);
    containers = List.copyOf(containers);
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
