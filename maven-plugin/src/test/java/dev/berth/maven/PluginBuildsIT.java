package dev.berth.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.containers.Container;
import dev.berth.containers.ListOptions;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ExecResult;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Maven builds of the sample projects under {@code src/it}, with the plugin as a user's POM
 * names it, against the real engine and the local registry that {@code scripts/engine} starts
 * (127.0.0.1:5000, user tester, password s3cret). Each test checks what a user would: the build's
 * outcome, its log, the image, the registry, the file, and that no container is left.
 */
class PluginBuildsIT {
  private static final String LABEL = "dev.berth.test";
  private static final String IMAGE = "berth-test/busybox:latest";
  private static final String REGISTRY = "127.0.0.1:5000";
  /** A RUN step's exit code 3 as dockerd and as Podman word it. */
  private static final String EXIT_3 = "(returned a non-zero code: 3|exit status 3)";

  private static DockerClient docker;
  private static final List<String> images = new ArrayList<>();

  @BeforeAll
  static void connect() {
    docker = DockerClient.fromEnvironment();
  }

  @AfterAll
  static void cleanUp() {
    for (String image : images) {
      try {
        docker.images().remove(image, true, false);
      } catch (NotFoundException gone) {
        // not made, or removed already
      }
    }
    docker.close();
  }

  @Test
  void buildsWithArgsAndDockerignoreThenTagsSavesAndPushesWithCredentials() throws Exception {
    String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    String image = "berth-it/app:" + tag;
    String pushed = REGISTRY + "/berth-it/app:" + tag;
    images.add(image);
    images.add(pushed);
    Path project = MavenBuild.copy("build-push");

    MavenBuild.Result r = MavenBuild.run(project, "-Dit.tag=" + tag, "deploy");

    assertThat(r.exitCode()).as(r.log()).isZero();
    // the build's output, line by line, in Maven's log
    // dockerd writes "Step 1/6 : FROM x", Podman (Buildah) "STEP 1/6: FROM x"
    assertThat(r.log()).containsPattern("\\[INFO] (Step|STEP) 1/\\d ?: FROM " + IMAGE)
        .containsPattern("\\[INFO] (Step|STEP) \\d/\\d ?: RUN echo \"\\$GREETING\" > /greeting")
        .contains("[INFO] Built image sha256:")
        .contains("Tagged " + image + " as " + pushed)
        .contains("Pushing " + pushed + " as tester (server local-registry)")
        // credentials are never printed
        .doesNotContain("s3cret");
    // the build argument reached the image, .dockerignore kept secret.txt and target/ out
    ExecResult greeting = docker.containers().runToExit(ContainerSpec.of(image)
        .label(LABEL, "true").autoRemove(true));
    assertThat(greeting.stdout().trim()).isEqualTo("hello from a build arg");
    ExecResult listing = docker.containers().runToExit(ContainerSpec.of(image)
        .command("ls", "-a", "/app").label(LABEL, "true").autoRemove(true));
    assertThat(listing.stdout().lines()).contains("Dockerfile", "pom.xml", ".dockerignore")
        .doesNotContain("secret.txt", "target");
    assertThat(docker.images().inspect(image).labels()).containsEntry(LABEL, "true");
    // push: one line per layer state change, not one per byte count
    long pushedLines = r.log().lines().filter(l -> l.endsWith(": Pushed")
        || l.endsWith(": Layer already exists") || l.contains(": Mounted from ")).count();
    long pushingLines = r.log().lines().filter(l -> l.endsWith(": Pushing")).count();
    if (!podman()) { // Podman's compat push reports no layers, only the digest
      assertThat(pushedLines).isPositive();
    }
    assertThat(pushingLines).isLessThanOrEqualTo(pushedLines);
    assertThat(registryTags("berth-it/app")).contains("\"" + tag + "\"");
    // save: a docker save tar, attached and installed as project artifact
    Path tar = project.resolve("target/build-push-1.0-image.tar");
    assertThat(tar).isRegularFile();
    assertThat(tarEntries(tar)).contains("manifest.json");
    assertThat(Files.readString(tar, StandardCharsets.ISO_8859_1)).contains(image);
    Path installed = Path.of(System.getProperty("berth.it.repo"),
        "dev/berth/it/build-push/1.0/build-push-1.0-image.tar");
    assertThat(installed).isRegularFile().hasSameBinaryContentAs(tar);
  }

  @Test
  void aFailingStepFailsTheBuildNamingTheStepAndTheEngineMessage() throws Exception {
    Path project = MavenBuild.copy("failing-step");

    MavenBuild.Result r = MavenBuild.run(project, "package");

    assertThat(r.exitCode()).as(r.log()).isNotZero();
    assertThat(r.log()).contains("[INFO] about to fail")
        .containsPattern("Image build failed at step \"Step 2/\\d : RUN echo \"about to fail\""
            + " && exit 3\": .*" + EXIT_3)
        .doesNotContain("never reached")
        .contains("BUILD FAILURE");

    MavenBuild.Result quiet = MavenBuild.run(project, "package", "-q");

    assertThat(quiet.exitCode()).isNotZero();
    assertThat(quiet.log()).doesNotContain("[INFO]").contains("[ERROR]")
        .containsPattern(EXIT_3);
  }

  @Test
  void startsAFixtureForFailsafeAndRemovesItAfterwardsAndWhatAKilledBuildLeft() throws Exception {
    Path project = MavenBuild.copy("httpd-fixture");
    // what a build killed between start and stop leaves: a container labelled for the project
    Container leftover = docker.containers().run(ContainerSpec.of(IMAGE)
        .command("sleep", "600").label(LABEL, "true")
        .label(Started.PROJECT_LABEL, "dev.berth.it:httpd-fixture")
        .label(Started.BASEDIR_LABEL, project.toString()));

    MavenBuild.Result r = MavenBuild.run(project, "verify");

    assertThat(r.exitCode()).as(r.log()).isZero();
    assertThat(r.log())
        .contains("Removed container " + Started.shortId(leftover.id())
            + ", left by an earlier build")
        .containsPattern("Started web \\([0-9a-f]{12}\\): berth\\.web\\.port\\.80=\\d+")
        .contains("Tests run: 1, Failures: 0, Errors: 0")
        .containsPattern("GET http://localhost:(\\d+)/ answered 200")
        .contains("Starting web from berth-test/busybox:latest")
        .doesNotContain("t0ken-not-for-logs"); // a run line's -e values may be secrets
    Matcher exported = Pattern.compile("berth\\.web\\.port\\.80=(\\d+)").matcher(r.log());
    Matcher asked = Pattern.compile("GET http://localhost:(\\d+)/").matcher(r.log());
    assertThat(exported.find() && asked.find()).isTrue();
    assertThat(asked.group(1)).isEqualTo(exported.group(1));
    assertThat(containersOf(project)).isEmpty();
  }

  @Test
  void aFailingTestStillHasItsContainerRemoved() throws Exception {
    Path project = MavenBuild.copy("httpd-fixture");

    MavenBuild.Result r = MavenBuild.run(project, "verify", "-Dweb.expect=something else");

    assertThat(r.exitCode()).as(r.log()).isNotZero();
    assertThat(r.log()).contains("Tests run: 1, Failures: 1")
        .containsPattern("Removed container [0-9a-f]{12}\\n")
        .contains("BUILD FAILURE");
    assertThat(containersOf(project)).isEmpty();
  }

  @Test
  void aWaitThatTimesOutFailsWithTheContainersOutputAndLeavesNothing() throws Exception {
    Path project = MavenBuild.copy("wait-timeout");

    MavenBuild.Result r = MavenBuild.run(project, "verify");

    assertThat(r.exitCode()).as(r.log()).isNotZero();
    assertThat(r.log()).contains("container slow was not ready after 3.0 s: waited for a log line"
            + " matching \"ready to serve\"")
        .contains("its last 2 lines of output:")
        .contains("  booting slowly").contains("  still booting")
        .contains(", as the start failed");
    assertThat(containersOf(project)).isEmpty();
  }

  @Test
  void theExampleProjectBuildsStartsTestsAndStopsItsImage() throws Exception {
    images.add("greeting-site:1.0.0");
    Path project = MavenBuild.copy(Path.of("../examples/maven-plugin"), "greeting-site");

    MavenBuild.Result r = MavenBuild.run(project, "verify", "-Dbase.image=" + IMAGE,
        "-Dberth.labels=" + LABEL + "=true");

    assertThat(r.exitCode()).as(r.log()).isZero();
    assertThat(r.log()).contains("Successfully tagged greeting-site:1.0.0")
        .containsPattern("Started site \\([0-9a-f]{12}\\): berth\\.site\\.port\\.8080=\\d+")
        .contains("Tests run: 1, Failures: 0, Errors: 0");
    assertThat(docker.images().inspect("greeting-site:1.0.0").labels())
        .containsEntry("org.opencontainers.image.version", "1.0.0").containsEntry(LABEL, "true");
    assertThat(containersOf(project)).isEmpty();
  }

  @Test
  void skipMeansNothingRuns() throws Exception {
    Path project = MavenBuild.copy("failing-step");

    MavenBuild.Result r = MavenBuild.run(project, "package", "-Dberth.skip=true");

    assertThat(r.exitCode()).as(r.log()).isZero();
    assertThat(r.log()).contains("Skipping: berth.skip is set").doesNotContain("about to fail");
  }

  @Test
  void helpDescribeListsTheGoals() throws Exception {
    Path project = MavenBuild.copy("failing-step");

    MavenBuild.Result r = MavenBuild.run(project,
        "org.apache.maven.plugins:maven-help-plugin:3.5.1:describe",
        "-Dplugin=dev.berth:berth-maven-plugin:" + System.getProperty("berth.version"),
        "-Ddetail=true");

    assertThat(r.exitCode()).as(r.log()).isZero();
    assertThat(r.log()).contains("Goal Prefix: berth")
        // parameter docs come from the Javadoc of the mojos' fields
        .contains("serverId").contains("The id of a server in settings.xml")
        .contains("berth.dockerHost");
    for (String goal : List.of("build", "tag", "push", "remove", "start", "stop", "save")) {
      assertThat(r.log()).containsPattern("(?m)^berth:" + goal + "$");
    }
  }

  private static boolean podman() {
    return docker.system().version().kind() == dev.berth.model.Version.Kind.PODMAN;
  }

  private static List<String> containersOf(Path project) {
    return docker.containers().ids(ListOptions.all()
        .withLabel(Started.BASEDIR_LABEL, project.toString()));
  }

  private static String registryTags(String repository) throws Exception {
    String auth = Base64.getEncoder().encodeToString("tester:s3cret".getBytes(
        StandardCharsets.UTF_8));
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + REGISTRY + "/v2/" + repository + "/tags/list"))
        .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The names in a tar, read header by header. */
  private static List<String> tarEntries(Path tar) throws Exception {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(tar)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        int end = 0;
        while (end < 100 && header[end] != 0) {
          end++;
        }
        names.add(new String(header, 0, end, StandardCharsets.UTF_8));
        long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(),
            8);
        in.skipNBytes((size + 511) / 512 * 512);
      }
    }
    return names;
  }
}
