package dev.berth.maven;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the engine to talk to, set as {@link DockerClient#builder()} takes it
 * and defaulting to the environment as the docker CLI reads it ({@code DOCKER_HOST}, {@code
 * DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code DOCKER_CONTEXT}, {@code
 * DOCKER_API_VERSION}, {@code ~/.docker/config.json}), and {@code -Dberth.skip}.
 */
public abstract class AbstractBerthMojo extends AbstractMojo {
  /** The engine's address, as {@code DOCKER_HOST} takes it: {@code unix:///…}, {@code tcp://…}. */
  @Parameter(property = "berth.dockerHost")
  String dockerHost;

  /** A directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem} for TLS. */
  @Parameter(property = "berth.certPath")
  String certPath;

  /**
   * Whether to verify the engine's TLS certificate ({@code DOCKER_TLS_VERIFY}); true by default
   * when {@code certPath} is set, {@code false} keeps TLS but skips the check.
   */
  @Parameter(property = "berth.tlsVerify")
  Boolean tlsVerify;

  /** A docker CLI context to use ({@code docker --context}, {@code DOCKER_CONTEXT}). */
  @Parameter(property = "berth.context")
  String context;

  /** The Engine API version to speak instead of negotiating it, such as {@code 1.41}. */
  @Parameter(property = "berth.apiVersion")
  String apiVersion;

  /**
   * Labels for every image {@code berth:build} makes and every container {@code berth:start}
   * starts, besides their own: {@code key=value} pairs separated by commas, such as a CI job's
   * id ({@code -Dberth.labels=ci.job=1234,team=web}).
   */
  @Parameter(property = "berth.labels")
  String extraLabels;

  /** Skips the goal. */
  @Parameter(property = "berth.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping: berth.skip is set");
      return;
    }
    DockerClient client;
    try {
      client = client();
    } catch (RuntimeException e) {
      throw new MojoExecutionException("Cannot reach the Docker engine: " + e.getMessage(), e);
    }
    try (client) {
      run(client);
    } catch (DockerException | IllegalArgumentException e) {
      // a failed call, or configuration Berth refused (the message quotes it)
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The goal's work, with a client for the configured engine. */
  abstract void run(DockerClient client) throws MojoExecutionException, MojoFailureException;

  /** {@link #extraLabels} read. */
  Map<String, String> extraLabels() throws MojoExecutionException {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (extraLabels == null || extraLabels.isBlank()) {
      return out;
    }
    for (String pair : extraLabels.split(",")) {
      int eq = pair.indexOf('=');
      String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
      if (key.isEmpty()) {
        throw new MojoExecutionException("berth.labels \"" + extraLabels + "\" is not valid:"
            + " expected key=value pairs separated by commas");
      }
      out.put(key, eq < 0 ? "" : pair.substring(eq + 1).trim());
    }
    return out;
  }

  /** A client for the configured engine; what is not configured comes from the environment. */
  DockerClient client() {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (dockerHost != null && !dockerHost.isBlank()) {
      env.put("DOCKER_HOST", dockerHost.trim());
      env.remove("DOCKER_CONTEXT");
    }
    if (context != null && !context.isBlank()) {
      env.put("DOCKER_CONTEXT", context.trim());
      if (dockerHost == null || dockerHost.isBlank()) {
        env.remove("DOCKER_HOST");
      }
    }
    if (certPath != null && !certPath.isBlank()) {
      env.put("DOCKER_CERT_PATH", certPath.trim());
      env.put("DOCKER_TLS", "1");
      env.put("DOCKER_TLS_VERIFY", "1");
    }
    if (tlsVerify != null) {
      if (tlsVerify) {
        env.put("DOCKER_TLS_VERIFY", "1");
      } else {
        env.remove("DOCKER_TLS_VERIFY");
      }
    }
    DockerClient.Builder b = DockerClient.builder().environment(env);
    if (apiVersion != null && !apiVersion.isBlank()) {
      b.apiVersion(apiVersion.trim());
    }
    return b.build();
  }
}
