package dev.berth.swarm;

import dev.berth.model.NodeDetails;
import java.util.List;
import java.util.Map;

/**
 * The swarm's nodes ({@code docker node}); only managers can answer.
 *
 * <pre>{@code
 * for (NodeDetails n : docker.swarm().nodes().list(Map.of("role", List.of("manager")))) { … }
 * docker.swarm().nodes().update(id, NodeUpdate.changes().availability("drain").label("zone", "a"));
 * }</pre>
 */
public interface Nodes {
  /** The nodes, filtered as {@code docker node ls --filter} ({@code role}, {@code name}, …). */
  List<NodeDetails> list(Map<String, List<String>> filters);

  /** What {@code docker node inspect} shows; {@code self} names this engine's node. */
  NodeDetails inspect(String idOrName);

  /**
   * Changes a node's availability, role or labels ({@code docker node update}); the node's
   * other settings stay.
   */
  NodeDetails update(String idOrName, NodeUpdate update);

  /** Removes a node from the swarm ({@code docker node rm [-f]}). */
  void remove(String idOrName, boolean force);
}
