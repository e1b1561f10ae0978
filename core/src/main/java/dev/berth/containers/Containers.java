package dev.berth.containers;

import dev.berth.model.ContainerSpec;
import dev.berth.model.ContainerSummary;
import dev.berth.model.ExecDetails;
import dev.berth.model.PruneResult;
import dev.berth.model.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * The engine's containers.
 *
 * <pre>{@code
 * Container web = docker.containers().create(ContainerSpec.of("nginx").name("web"));
 * docker.containers().list(ListOptions.all().withLabel("app", "shop"));
 * docker.containers().get("web").remove(RemoveOptions.force());
 * }</pre>
 */
public interface Containers {
  /**
   * Creates a container from {@code spec}, as {@code docker create} does; it is not started.
   *
   * @throws dev.berth.NotFoundException if the image is not on the engine
   * @throws dev.berth.ConflictException if the name is taken
   * @throws dev.berth.UnsupportedApiVersionException if the spec sets something the negotiated API
   *     version lacks; nothing is sent then
   */
  Container create(ContainerSpec spec);

  /**
   * Creates and starts a container, as {@code docker run -d}; a missing image is pulled first.
   * If the start fails, the container is removed again: nothing half-made is left.
   */
  Container run(ContainerSpec spec);

  /** Creates and starts a container, pulling its image as {@code policy} says. */
  Container run(ContainerSpec spec, PullPolicy policy);

  /**
   * Runs a container in the foreground to its end, as {@code docker run IMAGE COMMAND} without
   * {@code -d}: returns its exit code and output. The container is removed afterwards when the
   * spec has {@code --rm}; otherwise it stays, as with the CLI.
   */
  ExecResult runToExit(ContainerSpec spec);

  /**
   * Removes stopped containers that match {@code filters} ({@code docker container prune
   * --filter}), such as {@code label=dev.berth.test} or {@code until=24h}; returns the removed
   * ids and the space reclaimed.
   */
  PruneResult prune(Map<String, List<String>> filters);

  /**
   * The existing container with this id, id prefix or name.
   *
   * @throws dev.berth.NotFoundException if there is none
   */
  Container get(String idOrName);

  /**
   * What {@code GET /exec/{id}/json} shows of the exec with this id, such as an {@link
   * ExecSession#id()} or {@link Exec#id()}.
   *
   * @throws dev.berth.NotFoundException if the engine does not know it (exec ids go with their
   *     container)
   */
  ExecDetails inspectExec(String execId);

  /** The running containers, as {@code docker ps}. */
  List<ContainerSummary> list();

  /** The containers {@code options} select, as {@code docker ps -a -n 6 --filter …}. */
  List<ContainerSummary> list(ListOptions options);

  /** Only the ids of the containers {@code options} select, as {@code docker ps -q}. */
  List<String> ids(ListOptions options);

  /**
   * Removes a container, as {@code docker rm}; with {@link RemoveOptions#link()}, {@code
   * idOrName} is a link's name such as {@code /web/db} and only the link is removed ({@code docker
   * rm -l}).
   *
   * @throws dev.berth.NotFoundException if there is no such container
   * @throws dev.berth.ConflictException if it runs and {@code force} is not set
   */
  void remove(String idOrName, RemoveOptions options);
}
