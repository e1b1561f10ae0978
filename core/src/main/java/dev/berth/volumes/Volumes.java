package dev.berth.volumes;

import dev.berth.model.PruneResult;
import dev.berth.model.VolumeDetails;
import java.util.List;
import java.util.Map;

/**
 * The engine's volumes.
 *
 * <pre>{@code
 * docker.volumes().create("data", "local", Map.of(), Map.of("team", "db"));
 * ContainerSpec.of("postgres").mount(Mount.volume("data", "/var/lib/postgresql/data"));
 * }</pre>
 */
public interface Volumes {
  /**
   * Creates a volume ({@code docker volume create --driver --opt --label}); a null name lets the
   * engine choose one.
   */
  VolumeDetails create(String name, String driver, Map<String, String> options,
      Map<String, String> labels);

  /** The volumes, filtered as {@code docker volume ls --filter} ({@code label}, {@code name}…). */
  List<VolumeDetails> list(Map<String, List<String>> filters);

  /** What {@code docker volume inspect} shows. */
  VolumeDetails inspect(String name);

  /**
   * Removes a volume ({@code docker volume rm [-f]}).
   *
   * @throws dev.berth.ConflictException if a container uses it
   */
  void remove(String name, boolean force);

  /** Removes unused volumes matching {@code filters} ({@code docker volume prune}). */
  PruneResult prune(Map<String, List<String>> filters);
}
