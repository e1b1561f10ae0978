package dev.berth.images;

import dev.berth.model.Progress;
import java.util.function.Consumer;

/**
 * A build to set up, then run with {@link #call()}: {@code docker build} with its flags.
 * Immutable: each method returns a new build. The context streams to the engine as a tar without
 * being held in memory; {@code .dockerignore} leaves files out, as the CLI does.
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

  /** The stage to build in a multi-stage Dockerfile ({@code --target}). */
  Build target(String stage);

  /** No cache ({@code --no-cache}). */
  Build noCache();

  /** Always pull newer base images ({@code --pull}). */
  Build pull();

  /** The platform to build for ({@code --platform}). */
  Build platform(String platform);

  /** Called with each message (step output in {@code stream()}) as it arrives. */
  Build progress(Consumer<Progress> listener);

  /**
   * Runs the build; returns the image id and the whole output.
   *
   * @throws BuildException when a step fails: it names the step and carries the output
   */
  BuildResult call();
}
