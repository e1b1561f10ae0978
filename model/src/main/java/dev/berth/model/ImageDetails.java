package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image as {@code docker inspect IMAGE} shows it ({@code GET /images/{name}/json}).
 *
 * <pre>{@code
 * ImageDetails i = docker.images().inspect("acme/web:1");
 * i.config().exposedPorts();   // [8080]: ExposedPort values, equal to ExposedPort.of(8080)
 * i.config().healthcheck();    // Optional[Healthcheck[test=[CMD-SHELL, curl -f http://x/], retries=3]]
 * i.layers().size();           // 7
 * }</pre>
 *
 * @param id the image id, {@code sha256:…}
 * @param repoTags the names it has
 * @param repoDigests the digests it is known by in registries, {@code name@sha256:…}
 * @param parent the id of the image it was built on, {@code sha256:…}; empty when it has none or
 *     the engine does not say (images pulled from a registry have none)
 * @param created when it was built, or null if the engine does not say
 * @param author its author, or empty
 * @param comment its commit message, or empty
 * @param config how containers of it run by default ({@code Config})
 * @param layers the digests of its root file system's layers, lowest first ({@code RootFS.Layers})
 * @param os its operating system
 * @param architecture its architecture
 * @param variant its architecture's variant, such as {@code v8}, or empty
 * @param dockerVersion the engine version that built it, or empty (Podman leaves it out)
 * @param size its size in bytes
 * @param virtualSize its size in bytes with the layers it shares ({@code VirtualSize}; the same as
 *     {@code size} on engines that no longer tell them apart)
 * @param raw the whole JSON answer, unmodifiable
 */
public record ImageDetails(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    String parent,
    Instant created,
    String author,
    String comment,
    Config config,
    List<String> layers,
    String os,
    String architecture,
    String variant,
    String dockerVersion,
    long size,
    long virtualSize,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable. */
  public ImageDetails {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** Its default command ({@code Config.Cmd}): {@code config().command()}. */
  public List<String> command() {
    return config.command();
  }

  /** Its entrypoint ({@code Config.Entrypoint}): {@code config().entrypoint()}. */
  public List<String> entrypoint() {
    return config.entrypoint();
  }

  /** Its environment ({@code Config.Env}), each {@code NAME=VALUE}: {@code config().env()}. */
  public List<String> env() {
    return config.env();
  }

  /** Its labels ({@code Config.Labels}): {@code config().labels()}. */
  public Map<String, String> labels() {
    return config.labels();
  }

  /**
   * How containers of an image run unless told otherwise ({@code Config}), as a Dockerfile's
   * {@code CMD}, {@code ENTRYPOINT}, {@code ENV}, {@code EXPOSE}, {@code LABEL}, {@code
   * HEALTHCHECK}, {@code USER}, {@code WORKDIR}, {@code VOLUME} and {@code STOPSIGNAL} set it. The
   * values are the write side's types: {@code exposedPorts()} compares with {@code equals} to
   * {@link ContainerSpec#exposedPorts()}, {@code healthcheck()} to {@link
   * ContainerSpec#healthcheck()}.
   *
   * @param command the default command ({@code Cmd})
   * @param entrypoint the entrypoint ({@code Entrypoint})
   * @param env the environment, each {@code NAME=VALUE} ({@code Env})
   * @param exposedPorts the exposed ports, one value per port, in the engine's order ({@code
   *     ExposedPorts}; an exposed range reads back as its single ports)
   * @param labels the labels ({@code Labels})
   * @param healthcheck the health check, or empty when the image declares none (Podman's OCI
   *     images never keep one)
   * @param user the user processes run as, {@code name|uid[:group|gid]}, or empty for root
   * @param workingDir the working directory, or empty for {@code /}
   * @param volumes the paths declared as volumes ({@code Volumes})
   * @param stopSignal the signal that stops it, such as {@code SIGTERM}, or empty for the
   *     engine's default
   */
  public record Config(
      List<String> command,
      List<String> entrypoint,
      List<String> env,
      List<ExposedPort> exposedPorts,
      Map<String, String> labels,
      Optional<Healthcheck> healthcheck,
      String user,
      String workingDir,
      List<String> volumes,
      String stopSignal) {

    /** Makes the lists and maps unmodifiable. */
    public Config {
      command = List.copyOf(command);
      entrypoint = List.copyOf(entrypoint);
      env = List.copyOf(env);
      exposedPorts = List.copyOf(exposedPorts);
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
      Objects.requireNonNull(healthcheck, "healthcheck");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(workingDir, "workingDir");
      volumes = List.copyOf(volumes);
      Objects.requireNonNull(stopSignal, "stopSignal");
    }
  }
}
