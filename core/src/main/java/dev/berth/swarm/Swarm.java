package dev.berth.swarm;

import dev.berth.model.SwarmDetails;

/**
 * The swarm this engine belongs to, and its resources: {@code docker swarm}, {@code docker node},
 * {@code docker service}, {@code docker secret}, {@code docker config}.
 *
 * <pre>{@code
 * String nodeId = docker.swarm().init(SwarmInit.advertising("127.0.0.1"));
 * String token = docker.swarm().inspect().workerJoinToken();
 * other.swarm().join(SwarmJoin.to("10.0.0.1:2377", token));
 * }</pre>
 *
 * <p>Turning an engine into a swarm manager changes it for everyone who uses it; {@link
 * #leave(boolean)} undoes it.
 */
public interface Swarm {
  /**
   * Makes this engine the first manager of a new swarm ({@code docker swarm init}).
   *
   * @return the id of this node
   * @throws dev.berth.ServerErrorException if the engine is already in a swarm (503)
   */
  String init(SwarmInit init);

  /** Joins an existing swarm as a worker or manager, as the token says ({@code docker swarm join}). */
  void join(SwarmJoin join);

  /**
   * Leaves the swarm ({@code docker swarm leave}); {@code force} is needed for the last manager.
   */
  void leave(boolean force);

  /**
   * The swarm, with its join tokens ({@code docker swarm inspect}); only managers can answer.
   *
   * @throws dev.berth.ServerErrorException if the engine is not a swarm manager (503)
   */
  SwarmDetails inspect();

  /** Whether this engine is in a swarm (its local node state is {@code active}). */
  boolean isActive();

  /** Changes the swarm's settings or rotates its join tokens ({@code docker swarm update}). */
  void update(SwarmUpdate update);

  /** The key that unlocks an autolocked manager ({@code docker swarm unlock-key}), or null. */
  String unlockKey();

  /** The swarm's nodes ({@code docker node}). */
  Nodes nodes();

  /** Services ({@code docker service}). */
  Services services();

  /** Tasks, the containers services run ({@code docker service ps}). */
  Tasks tasks();

  /** Secrets ({@code docker secret}). */
  Secrets secrets();

  /** Configs ({@code docker config}). */
  Configs configs();
}
