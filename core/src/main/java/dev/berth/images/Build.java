package dev.berth.images;

import dev.berth.model.Progress;
import java.util.function.Consumer;

/**
 * A build to set up, then run with {@link #call()}: {@code docker build} with its flags.
 * Immutable: each method returns a new build. The context streams to the engine as a tar without
 * being held in memory; {@code .dockerignore} leaves files out, as the CLI does. Intermediate
 * containers are removed, also those of a failed step ({@code --force-rm}, unlike the CLI's
 * default), so a failed build leaves no container behind.
 *
 * <pre>{@code
 * BuildResult r = docker.images().build(Path.of("app"))
 *     .tag("rocketmqinc/rocketmq:4.4.0").buildArg("version", "4.4.0")
 *     .progress(p -> { if (p.stream() != null) System.out.print(p.stream()); })
 *     .call();
 * }</pre>
 */
public interface Build {
  /** Names the result ({@code -t}); may repeat. */
  Build tag(String name);

  /** The Dockerfile's path inside the context ({@code -f}); {@code Dockerfile} by default. */
  Build dockerfile(String path);

  /** A build argument ({@code --build-arg NAME=VALUE}). */
  Build buildArg(String name, String value);

  /** A label on the image ({@code --label}). */
  Build label(String key, String value);

  /** A label without a value ({@code --label KEY}). */
  Build label(String key);

  /** The stage to build in a multi-stage Dockerfile ({@code --target}). */
  Build target(String stage);

  /** No cache ({@code --no-cache}). */
  Build noCache();

  /** Always pull newer base images ({@code --pull}). */
  Build pull();

  /** The platform to build for ({@code --platform}). */
  Build platform(String platform);

  /**
   * An image whose layers may serve as cache ({@code --cache-from}); may repeat.
   *
   * @throws IllegalArgumentException if {@code image} is not a valid image name
   */
  Build cacheFrom(String image);

  /**
   * The network the {@code RUN} steps use ({@code --network}): {@code default}, {@code bridge},
   * {@code host}, {@code none} or a network's name.
   *
   * @throws IllegalArgumentException if {@code mode} is empty
   */
  Build network(String mode);

  /**
   * The size of {@code /dev/shm} for the {@code RUN} steps, in bytes ({@code --shm-size}).
   *
   * @throws IllegalArgumentException if {@code bytes} is not above 0
   */
  Build shmSize(long bytes);

  /**
   * A resource limit for the {@code RUN} steps, as {@code --ulimit} takes it: {@code
   * nofile=1024:2048} ({@code NAME=SOFT[:HARD]}); may repeat.
   *
   * @throws IllegalArgumentException if {@code ulimit} is not of that form
   */
  Build ulimit(String ulimit);

  /**
   * Credentials for a registry the Dockerfile pulls from, sent with this build only ({@code
   * X-Registry-Config}) in place of what {@code config.json} holds for that registry; the other
   * registries' credentials from {@code config.json} are sent as well. May repeat.
   */
  Build credentials(dev.berth.model.RegistryCredentials credentials);

  /** Called with each message (step output in {@code stream()}) as it arrives. */
  Build progress(Consumer<Progress> listener);

  /**
   * Runs the build; returns the image id and the whole output.
   *
   * @throws BuildException when a step fails: it names the step and carries the output
   */
  BuildResult call();
}
