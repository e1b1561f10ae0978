package dev.berth.swarm;

import dev.berth.model.EnvVar;
import dev.berth.model.ImageRef;
import dev.berth.model.ServiceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to a service ({@code docker service update}). Immutable; what is not set stays as the
 * service has it, including settings Berth does not model.
 *
 * <pre>{@code
 * ServiceUpdate.changes().image("127.0.0.1:5000/web:2").replicas(5).env("MODE", "canary");
 * ServiceUpdate.replacing(spec);   // the whole spec, as a new one
 * }</pre>
 */
public final class ServiceUpdate {
  private final ServiceSpec spec;
  private final ImageRef image;
  private final Long replicas;
  private final List<String> args;
  private final List<EnvVar> envAdded;
  private final List<String> envRemoved;
  private final Map<String, String> labelsAdded;
  private final List<String> labelsRemoved;
  private final boolean force;

  private ServiceUpdate(ServiceSpec spec, ImageRef image, Long replicas, List<String> args,
      List<EnvVar> envAdded, List<String> envRemoved, Map<String, String> labelsAdded,
      List<String> labelsRemoved, boolean force) {
    this.spec = spec;
    this.image = image;
    this.replicas = replicas;
    this.args = args;
    this.envAdded = envAdded;
    this.envRemoved = envRemoved;
    this.labelsAdded = labelsAdded;
    this.labelsRemoved = labelsRemoved;
    this.force = force;
  }

  /** No changes yet. */
  public static ServiceUpdate changes() {
    return new ServiceUpdate(null, null, null, null, List.of(), List.of(), Map.of(), List.of(),
        false);
  }

  /** The whole spec replaced by {@code spec}; further changes apply on top of it. */
  public static ServiceUpdate replacing(ServiceSpec spec) {
    return new ServiceUpdate(Objects.requireNonNull(spec, "spec"), null, null, null, List.of(),
        List.of(), Map.of(), List.of(), false);
  }

  private ServiceUpdate with(ImageRef image, Long replicas, List<String> args,
      List<EnvVar> envAdded, List<String> envRemoved, Map<String, String> labelsAdded,
      List<String> labelsRemoved, boolean force) {
    return new ServiceUpdate(spec, image, replicas, args, envAdded, envRemoved, labelsAdded,
        labelsRemoved, force);
  }

  /** With another image ({@code --image}). */
  public ServiceUpdate image(ImageRef image) {
    return with(Objects.requireNonNull(image, "image"), replicas, args, envAdded, envRemoved,
        labelsAdded, labelsRemoved, force);
  }

  /**
   * With the image named {@code image}.
   *
   * @throws IllegalArgumentException if it is not a valid reference
   */
  public ServiceUpdate image(String image) {
    return image(ImageRef.parse(image));
  }

  /**
   * With {@code n} replicas ({@code --replicas}); only for replicated services.
   *
   * @throws IllegalArgumentException if negative
   */
  public ServiceUpdate replicas(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("--replicas " + n + " is not valid: expected 0 or more");
    }
    return with(image, n, args, envAdded, envRemoved, labelsAdded, labelsRemoved, force);
  }

  /** With new command arguments ({@code --args}). */
  public ServiceUpdate args(List<String> args) {
    return with(image, replicas, List.copyOf(args), envAdded, envRemoved, labelsAdded,
        labelsRemoved, force);
  }

  /** Adding or replacing an environment variable ({@code --env-add}). */
  public ServiceUpdate env(String name, String value) {
    List<EnvVar> copy = new ArrayList<>(envAdded);
    copy.add(EnvVar.of(name, value));
    return with(image, replicas, args, List.copyOf(copy), envRemoved, labelsAdded, labelsRemoved,
        force);
  }

  /** Removing an environment variable ({@code --env-rm}). */
  public ServiceUpdate removeEnv(String name) {
    List<String> copy = new ArrayList<>(envRemoved);
    copy.add(Objects.requireNonNull(name, "name"));
    return with(image, replicas, args, envAdded, List.copyOf(copy), labelsAdded, labelsRemoved,
        force);
  }

  /** Adding or replacing a service label ({@code --label-add}). */
  public ServiceUpdate label(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(labelsAdded);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return with(image, replicas, args, envAdded, envRemoved, Collections.unmodifiableMap(copy),
        labelsRemoved, force);
  }

  /** Removing a service label ({@code --label-rm}). */
  public ServiceUpdate removeLabel(String key) {
    List<String> copy = new ArrayList<>(labelsRemoved);
    copy.add(Objects.requireNonNull(key, "key"));
    return with(image, replicas, args, envAdded, envRemoved, labelsAdded, List.copyOf(copy),
        force);
  }

  /** Replacing the tasks even when nothing else changed ({@code --force}). */
  public ServiceUpdate force() {
    return with(image, replicas, args, envAdded, envRemoved, labelsAdded, labelsRemoved, true);
  }

  /** The spec that replaces the service's, or null to change its current one. */
  public ServiceSpec spec() {
    return spec;
  }

  /** The new image, or null. */
  public ImageRef image() {
    return image;
  }

  /** The new replicas, or null. */
  public Long replicas() {
    return replicas;
  }

  /** The new arguments, or null. */
  public List<String> args() {
    return args;
  }

  /** Variables added or replaced. */
  public List<EnvVar> envAdded() {
    return envAdded;
  }

  /** Variables removed. */
  public List<String> envRemoved() {
    return envRemoved;
  }

  /** Labels added or replaced. */
  public Map<String, String> labelsAdded() {
    return labelsAdded;
  }

  /** Labels removed. */
  public List<String> labelsRemoved() {
    return labelsRemoved;
  }

  /** Whether the tasks are replaced regardless. */
  public boolean forced() {
    return force;
  }
}
