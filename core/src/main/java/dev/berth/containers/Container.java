package dev.berth.containers;

import dev.berth.model.ContainerDetails;

/**
 * One container on the engine, by id.
 *
 * <pre>{@code
 * Container c = docker.containers().create(spec);
 * c.inspect().state().status();   // created
 * c.remove(RemoveOptions.force());
 * }</pre>
 */
public interface Container {
  /** The full id. */
  String id();

  /**
   * What {@code docker inspect} shows now.
   *
   * @throws dev.berth.NotFoundException if the container is gone
   */
  ContainerDetails inspect();

  /**
   * Removes it, as {@code docker rm}.
   *
   * @throws dev.berth.ConflictException if it runs and {@code force} is not set
   */
  void remove(RemoveOptions options);

  /** Removes it, as {@code docker rm} without flags. */
  default void remove() {
    remove(RemoveOptions.defaults());
  }
}
