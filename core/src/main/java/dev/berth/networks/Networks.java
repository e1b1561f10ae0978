package dev.berth.networks;

import dev.berth.model.NetworkDetails;
import dev.berth.model.PruneResult;
import java.util.List;
import java.util.Map;

/**
 * The engine's networks.
 *
 * <pre>{@code
 * NetworkDetails net = docker.networks().create(NetworkSpec.named("shop"));
 * docker.networks().connect("shop", "web", List.of("www"), null);   // reachable as web and www
 * }</pre>
 */
public interface Networks {
  /**
   * Creates a network ({@code docker network create}).
   *
   * @throws dev.berth.ConflictException if the name is taken
   */
  NetworkDetails create(NetworkSpec spec);

  /** The networks, filtered as {@code docker network ls --filter} ({@code label}, {@code name}…). */
  List<NetworkDetails> list(Map<String, List<String>> filters);

  /** What {@code docker network inspect} shows. */
  NetworkDetails inspect(String idOrName);

  /**
   * Connects a container, with aliases on this network and an optional fixed IPv4 address
   * ({@code docker network connect --alias … --ip …}).
   */
  void connect(String network, String container, List<String> aliases, String ipv4Address);

  /** Disconnects a container ({@code docker network disconnect [-f]}). */
  void disconnect(String network, String container, boolean force);

  /** Removes a network ({@code docker network rm}). */
  void remove(String idOrName);

  /** Removes unused networks matching {@code filters} ({@code docker network prune}). */
  PruneResult prune(Map<String, List<String>> filters);
}
