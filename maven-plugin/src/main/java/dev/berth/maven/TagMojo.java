package dev.berth.maven;

import dev.berth.DockerClient;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Gives an image more names, as {@code docker tag SOURCE TARGET}. */
@Mojo(name = "tag", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class TagMojo extends AbstractBerthMojo {
  /** The image to tag: a name or an id; {@code ${berth.imageId}} is the image the build made. */
  @Parameter(property = "berth.image", required = true)
  String image;

  /** The new names, such as {@code 127.0.0.1:5000/app:1.0}. */
  @Parameter(required = true)
  List<String> tags;

  @Override
  void run(DockerClient client) throws MojoExecutionException {
    List<String> targets = Names.list(tags);
    if (targets.isEmpty()) {
      throw new MojoExecutionException("No tags given: set <tags><tag>NAME</tag></tags>");
    }
    for (String t : targets) {
      client.images().tag(image.trim(), t);
      getLog().info("Tagged " + image.trim() + " as " + t);
    }
  }
}
