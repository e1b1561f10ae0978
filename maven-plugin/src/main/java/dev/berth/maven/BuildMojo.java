package dev.berth.maven;

import dev.berth.DockerClient;
import dev.berth.images.Build;
import dev.berth.images.BuildException;
import dev.berth.images.BuildResult;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Builds an image from a Dockerfile, as {@code docker build}: the context directory streams to
 * the engine with what {@code .dockerignore} excludes left out, the build's output goes to
 * Maven's log line by line, and a failed step fails the build naming the step and the engine's
 * message. The image id is set as the project property {@code berth.imageId}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractBerthMojo {
  /** The build context: the directory sent to the engine. */
  @Parameter(property = "berth.contextDir", defaultValue = "${project.basedir}")
  File contextDir;

  /** The Dockerfile's path, relative to the context directory ({@code -f}). */
  @Parameter(property = "berth.dockerfile", defaultValue = "Dockerfile")
  String dockerfile;

  /** The names to tag the image with ({@code -t}), such as {@code 127.0.0.1:5000/app:1.0}. */
  @Parameter
  List<String> tags;

  /** Build arguments ({@code --build-arg NAME=VALUE}), one element per name. */
  @Parameter
  Map<String, String> buildArgs;

  /** Labels on the image ({@code --label}), one element per key. */
  @Parameter
  Map<String, String> labels;

  /** The stage of a multi-stage Dockerfile to build ({@code --target}). */
  @Parameter(property = "berth.target")
  String target;

  /**
   * When the base images are pulled: {@code missing} (only those the engine lacks, the default)
   * or {@code always} ({@code --pull}).
   */
  @Parameter(property = "berth.pull", defaultValue = "missing")
  String pull;

  /** Builds without the cache ({@code --no-cache}). */
  @Parameter(property = "berth.noCache", defaultValue = "false")
  boolean noCache;

  /** The platform to build for ({@code --platform}), such as {@code linux/amd64}. */
  @Parameter(property = "berth.platform")
  String platform;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Override
  void run(DockerClient client) throws MojoExecutionException, MojoFailureException {
    if (!contextDir.isDirectory()) {
      throw new MojoExecutionException("Build context " + contextDir + " is not a directory");
    }
    if (!Files.isRegularFile(contextDir.toPath().resolve(dockerfile))) {
      throw new MojoExecutionException("Dockerfile \"" + dockerfile + "\" is not a file in the"
          + " build context " + contextDir + ": set <dockerfile> to its path in the context");
    }
    boolean alwaysPull = switch (pull.trim().toLowerCase(Locale.ROOT)) {
      case "missing" -> false;
      case "always" -> true;
      default -> throw new MojoExecutionException("pull \"" + pull + "\" is not valid: expected"
          + " missing or always");
    };
    Build build = client.images().build(contextDir.toPath()).dockerfile(dockerfile);
    for (String tag : Names.list(tags)) {
      build = build.tag(tag);
    }
    for (Map.Entry<String, String> a : Names.map(buildArgs).entrySet()) {
      build = build.buildArg(a.getKey(), a.getValue());
    }
    Map<String, String> allLabels = Names.map(labels);
    allLabels.putAll(extraLabels());
    for (Map.Entry<String, String> l : allLabels.entrySet()) {
      build = build.label(l.getKey(), l.getValue());
    }
    if (target != null && !target.isBlank()) {
      build = build.target(target.trim());
    }
    if (alwaysPull) {
      build = build.pull();
    }
    if (noCache) {
      build = build.noCache();
    }
    if (platform != null && !platform.isBlank()) {
      build = build.platform(platform.trim());
    }
    ProgressLog out = new ProgressLog(getLog());
    getLog().info("Building " + contextDir + (Names.list(tags).isEmpty() ? ""
        : " as " + String.join(", ", Names.list(tags))));
    BuildResult result;
    try {
      result = build.progress(out).call();
    } catch (BuildException e) {
      out.flush();
      throw new MojoFailureException("Image build failed at "
          + (e.step() == null ? "its start" : "step \"" + e.step() + "\"") + ": "
          + e.error());
    }
    out.flush();
    getLog().info("Built image " + result.imageId());
    if (project != null) {
      project.getProperties().setProperty("berth.imageId", result.imageId());
    }
  }
}
