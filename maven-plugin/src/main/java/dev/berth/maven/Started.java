package dev.berth.maven;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.containers.ListOptions;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSummary;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The containers {@code berth:start} made for one project: labelled with the project's
 * coordinates and directory, and listed in {@code target/berth/containers} as soon as each is
 * created, so that {@code berth:stop} finds them after failed tests and a later {@code
 * berth:start} finds what a killed build left.
 */
final class Started {
  /** The label naming the project ({@code groupId:artifactId}). */
  static final String PROJECT_LABEL = "dev.berth.maven.project";
  /** The label naming the project's directory. */
  static final String BASEDIR_LABEL = "dev.berth.maven.basedir";

  private final MavenProject project;
  private final Path file;

  Started(MavenProject project) {
    this.project = project;
    this.file = new File(project.getBuild().getDirectory(), "berth/containers").toPath();
  }

  /** The labels every started container gets. */
  Map<String, String> labels() {
    return Map.of(PROJECT_LABEL, project.getGroupId() + ":" + project.getArtifactId(),
        BASEDIR_LABEL, project.getBasedir().getAbsolutePath());
  }

  /** Notes a container the moment it exists. */
  void add(String alias, String id) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, alias + " " + id + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Removes (forced, with anonymous volumes) every container this project's starts made: those
   * listed, and those labelled for it, which a killed build may have left unlisted; then forgets
   * them. Returns how many were removed.
   */
  int removeAll(DockerClient client, Log log, String why) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ", 2);
        if (parts.length == 2) {
          ids.add(parts[1]);
        }
      }
    }
    ListOptions labelled = ListOptions.all();
    for (Map.Entry<String, String> l : labels().entrySet()) {
      labelled = labelled.withLabel(l.getKey(), l.getValue());
    }
    for (ContainerSummary c : client.containers().list(labelled)) {
      ids.add(c.id());
    }
    int removed = 0;
    for (String id : ids) {
      try {
        client.containers().remove(id, RemoveOptions.force().withVolumes(true));
        log.info("Removed container " + shortId(id) + why);
        removed++;
      } catch (NotFoundException gone) {
        // removed already (--rm, or by hand)
      }
    }
    Files.deleteIfExists(file);
    return removed;
  }

  static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
