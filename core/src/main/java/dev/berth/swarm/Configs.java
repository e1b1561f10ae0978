package dev.berth.swarm;

import dev.berth.model.ConfigDetails;
import java.util.List;
import java.util.Map;

/**
 * Swarm configs ({@code docker config}), given to services as files with {@link
 * dev.berth.model.ServiceSpec#config(dev.berth.model.ConfigRef)}.
 *
 * <pre>{@code
 * docker.swarm().configs().create("app_key", bytes, Map.of("team", "web"));
 * }</pre>
 */
public interface Configs {
  /**
   * Creates a config ({@code docker config create}).
   *
   * @throws dev.berth.ConflictException if the name is taken
   * @throws IllegalArgumentException if the name is empty or has characters Swarm refuses
   */
  ConfigDetails create(String name, byte[] data, Map<String, String> labels);

  /** The configs, filtered as {@code docker config ls --filter} ({@code name}, {@code label}, …). */
  List<ConfigDetails> list(Map<String, List<String>> filters);

  /** What {@code docker config inspect} shows. */
  ConfigDetails inspect(String idOrName);

  /**
   * Removes a config ({@code docker config rm}).
   *
   * @throws dev.berth.DockerApiException if a service still uses it
   */
  void remove(String idOrName);
}
