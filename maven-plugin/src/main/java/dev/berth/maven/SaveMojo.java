package dev.berth.maven;

import dev.berth.DockerClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes images to a tar file, as {@code docker save -o}, streamed to disk in constant memory;
 * with {@code attach}, the file becomes an artifact of the project (type {@code tar}) that
 * {@code install} and {@code deploy} carry.
 */
@Mojo(name = "save", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SaveMojo extends AbstractBerthMojo {
  /** The image to save. */
  @Parameter(property = "berth.image")
  String image;

  /** More images to save into the same file. */
  @Parameter
  List<String> images;

  /** Where the tar goes. */
  @Parameter(property = "berth.file",
      defaultValue = "${project.build.directory}/${project.build.finalName}-image.tar")
  File file;

  /** Attaches the file to the project as an artifact of type {@code tar}. */
  @Parameter(property = "berth.attach", defaultValue = "false")
  boolean attach;

  /** The attached artifact's classifier. */
  @Parameter(property = "berth.classifier", defaultValue = "image")
  String classifier;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Component
  MavenProjectHelper projectHelper;

  @Override
  void run(DockerClient client) throws MojoExecutionException {
    List<String> names = Names.required(image, images, "image");
    try {
      Files.createDirectories(file.getAbsoluteFile().toPath().getParent());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot make the directory of " + file + ": " + e, e);
    }
    client.images().save(file.toPath(), names.toArray(new String[0]));
    getLog().info("Saved " + String.join(", ", names) + " to " + file + " (" + file.length()
        + " bytes)");
    if (attach) {
      projectHelper.attachArtifact(project, "tar", classifier, file);
      getLog().info("Attached " + file.getName() + " as " + project.getArtifactId() + ":tar:"
          + classifier);
    }
  }
}
