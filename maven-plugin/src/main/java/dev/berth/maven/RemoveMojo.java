package dev.berth.maven;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes images, as {@code docker rmi}. An image that is not there is skipped with a log line
 * unless {@code failIfMissing} is set.
 */
@Mojo(name = "remove", threadSafe = true)
public class RemoveMojo extends AbstractBerthMojo {
  /** The image to remove: a name or an id. */
  @Parameter(property = "berth.image")
  String image;

  /** More images to remove. */
  @Parameter
  List<String> images;

  /** Removes an image that containers use, as {@code docker rmi -f}. */
  @Parameter(property = "berth.force", defaultValue = "false")
  boolean force;

  /** Fails the build when an image is not there. */
  @Parameter(property = "berth.failIfMissing", defaultValue = "false")
  boolean failIfMissing;

  @Override
  void run(DockerClient client) throws MojoExecutionException {
    for (String name : Names.required(image, images, "image")) {
      try {
        List<String> gone = client.images().remove(name, force, false);
        getLog().info("Removed " + name + " (" + gone.size()
            + (gone.size() == 1 ? " untagged or deleted layer)" : " untagged or deleted layers)"));
      } catch (NotFoundException e) {
        if (failIfMissing) {
          throw new MojoExecutionException("Image " + name + " is not there to remove: "
              + e.getMessage(), e);
        }
        getLog().info("Image " + name + " is not there; nothing to remove");
      }
    }
  }
}
