package dev.berth.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Maven build of a sample project under {@code src/it}, as a user runs it: the Maven that
 * runs this build, a copy of the sample under {@code target/it}, the plugin as installed into
 * {@code target/it-repo} by {@code invoker:install}, and everything else from this build's own
 * local repository (a file URL, so nothing is downloaded that is already here).
 */
final class MavenBuild {
  /** The outcome of one run: Maven's exit code and everything it printed. */
  record Result(int exitCode, String log, Path project) {}

  private static final Path BASE = Path.of(System.getProperty("berth.it.base", "target"));

  private MavenBuild() {}

  /** A fresh copy of sample {@code name}. */
  static Path copy(String name) throws IOException {
    return copy(Path.of("src/it", name), name);
  }

  /** A fresh copy of the project in {@code from}, as {@code target/it/name}. */
  static Path copy(Path from, String name) throws IOException {
    Path to = BASE.resolve("it").resolve(name).toAbsolutePath();
    delete(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }

  /** Runs Maven in {@code project} with {@code args} (goals and -D options). */
  static Result run(Path project, String... args) throws IOException, InterruptedException {
    Path settings = settings();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
    command.add("-B");
    command.add("-s");
    command.add(settings.toString());
    command.add("-Dberth.version=" + System.getProperty("berth.version"));
    command.add("-Djunit.version=" + System.getProperty("junit.version"));
    command.addAll(List.of(args));
    Path log = project.resolveSibling(project.getFileName() + "-" + System.nanoTime() + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("MAVEN_OPTS");
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", args) + " in " + project
          + " ran over 5 minutes; its log: " + log);
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return new Result(p.exitValue(), text, project);
  }

  /** Settings: the test registry's credentials, and this build's local repository as a mirror. */
  private static Path settings() throws IOException {
    Path repo = Path.of(System.getProperty("berth.it.repo")).toAbsolutePath();
    Path cache = Path.of(System.getProperty("berth.it.cache")).toAbsolutePath();
    String remote = "<id>main-cache</id><url>" + cache.toUri() + "</url>"
        + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
        + "<snapshots><enabled>false</enabled></snapshots>";
    String xml = "<settings>\n"
        + "  <localRepository>" + repo + "</localRepository>\n"
        + "  <servers><server><id>local-registry</id><username>tester</username>"
        + "<password>s3cret</password></server></servers>\n"
        + "  <profiles><profile><id>main-cache</id>\n"
        + "    <repositories><repository>" + remote + "</repository></repositories>\n"
        + "    <pluginRepositories><pluginRepository>" + remote
        + "</pluginRepository></pluginRepositories>\n"
        + "  </profile></profiles>\n"
        + "  <activeProfiles><activeProfile>main-cache</activeProfile></activeProfiles>\n"
        + "</settings>\n";
    Path file = BASE.resolve("it-settings.xml").toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.writeString(file, xml, StandardCharsets.UTF_8);
    return file;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
