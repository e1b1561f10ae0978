package dev.berth.maven;

import dev.berth.DockerClient;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Removes the containers {@code berth:start} made for this project (forced, with their anonymous
 * volumes), whatever the tests did: it runs in {@code post-integration-test}, before failsafe's
 * {@code verify} fails the build.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractBerthMojo {
  /** Leaves the containers running, for a look after the build ({@code -Dberth.keep}). */
  @Parameter(property = "berth.keep", defaultValue = "false")
  boolean keep;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Override
  void run(DockerClient client) throws MojoExecutionException {
    if (keep) {
      getLog().info("Leaving the containers running: berth.keep is set");
      return;
    }
    try {
      int n = new Started(project).removeAll(client, getLog(), "");
      if (n == 0) {
        getLog().info("No containers to remove");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + project.getBuild().getDirectory()
          + "/berth/containers: " + e, e);
    }
  }
}
