package dev.berth.swarm;

import dev.berth.containers.LogRequest;
import dev.berth.model.RegistryCredentials;
import dev.berth.model.ServiceDetails;
import dev.berth.model.ServiceSpec;
import dev.berth.model.TaskDetails;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Swarm services ({@code docker service}).
 *
 * <pre>{@code
 * Services services = docker.swarm().services();
 * services.create(ServiceSpec.of("127.0.0.1:5000/web:1").name("web").replicas(3));
 * services.awaitConverged("web", Duration.ofMinutes(1));
 * services.update("web", ServiceUpdate.changes().image("127.0.0.1:5000/web:2"));
 * services.rollback("web");
 * services.logs("web").text();
 * services.remove("web");
 * }</pre>
 */
public interface Services {
  /**
   * Creates a service ({@code docker service create}); secrets and configs are named in the spec
   * and looked up here. The tasks start in the background: see {@link #awaitConverged}.
   *
   * @throws dev.berth.ConflictException if the name is taken
   * @throws dev.berth.NotFoundException if a secret or config the spec names does not exist
   * @throws dev.berth.UnsupportedApiVersionException if the spec sets something the negotiated
   *     API version lacks (capabilities, ulimits, pids limit and jobs need 1.41)
   */
  ServiceDetails create(ServiceSpec spec);

  /**
   * Creates a service whose nodes pull its image with {@code credentials} ({@code docker service
   * create --with-registry-auth}); the swarm keeps them for the service's lifetime.
   */
  ServiceDetails create(ServiceSpec spec, RegistryCredentials credentials);

  /** The services, filtered as {@code docker service ls --filter} ({@code name}, {@code label}…). */
  List<ServiceDetails> list(Map<String, List<String>> filters);

  /** What {@code docker service inspect} shows. */
  ServiceDetails inspect(String idOrName);

  /**
   * Changes a service ({@code docker service update}): the changes apply to its current spec, so
   * settings Berth does not model are kept.
   */
  ServiceDetails update(String idOrName, ServiceUpdate update);

  /** Sets the replicas of a replicated service ({@code docker service scale name=n}). */
  ServiceDetails scale(String idOrName, long replicas);

  /** Goes back to the spec before the last update ({@code docker service rollback}). */
  ServiceDetails rollback(String idOrName);

  /** Removes a service and its tasks ({@code docker service rm}). */
  void remove(String idOrName);

  /**
   * The service's logs, every task's lines together ({@code docker service logs}); the options
   * are those of container logs.
   */
  LogRequest logs(String idOrName);

  /** The service's tasks, old and current ({@code docker service ps}). */
  List<TaskDetails> tasks(String idOrName);

  /**
   * Waits until the service has converged: its last update or rollback is finished and, for a
   * replicated service, as many tasks run as it asks for, each of its current spec (for a global
   * service: every task it wants running runs).
   *
   * @return the service as it then is
   * @throws dev.berth.DockerException if {@code timeout} passes first; the message lists the
   *     tasks' states and errors
   */
  ServiceDetails awaitConverged(String idOrName, Duration timeout);
}
