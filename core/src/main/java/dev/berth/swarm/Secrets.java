package dev.berth.swarm;

import dev.berth.model.SecretDetails;
import java.util.List;
import java.util.Map;

/**
 * Swarm secrets ({@code docker secret}), given to services as files with {@link
 * dev.berth.model.ServiceSpec#secret(dev.berth.model.SecretRef)}.
 *
 * <pre>{@code
 * docker.swarm().secrets().create("app_key", bytes, Map.of("team", "web"));
 * }</pre>
 */
public interface Secrets {
  /**
   * Creates a secret ({@code docker secret create}).
   *
   * @throws dev.berth.ConflictException if the name is taken
   * @throws IllegalArgumentException if the name is empty or has characters Swarm refuses
   */
  SecretDetails create(String name, byte[] data, Map<String, String> labels);

  /** The secrets, filtered as {@code docker secret ls --filter} ({@code name}, {@code label}, …). */
  List<SecretDetails> list(Map<String, List<String>> filters);

  /** What {@code docker secret inspect} shows. */
  SecretDetails inspect(String idOrName);

  /**
   * Removes a secret ({@code docker secret rm}).
   *
   * @throws dev.berth.DockerApiException if a service still uses it
   */
  void remove(String idOrName);
}
