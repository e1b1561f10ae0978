package dev.berth.images;

import dev.berth.PodmanGap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.ConflictException;
import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.UnauthorizedException;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.ExecResult;
import dev.berth.model.HistoryEntry;
import dev.berth.model.ImageDetails;
import dev.berth.model.Progress;
import dev.berth.model.PruneResult;
import dev.berth.model.PullProgress;
import dev.berth.model.RegistryCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's image commands against the real engine and the local registry that {@code
 * scripts/engine} starts on 127.0.0.1:5000 (user tester, password s3cret). Every client here reads
 * a config.json in a temporary directory: the user's own is never touched.
 */
@Timeout(300)
class ImagesIT {
  private static final String REGISTRY = "127.0.0.1:5000";
  private static final RegistryCredentials TESTER =
      RegistryCredentials.of("tester", "s3cret", REGISTRY);

  @TempDir Path home;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> images = new ArrayList<>();
  private final List<Container> containers = new ArrayList<>();
  private DockerClient docker;

  @BeforeEach
  void connect() {
    docker = client(Map.of());
  }

  /** A client whose config.json lives under the test's own temporary home. */
  private DockerClient client(Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DOCKER_CONFIG");
    env.putAll(extraEnv);
    return DockerClient.builder().environment(env).homeDirectory(home).build();
  }

  @AfterEach
  void cleanUp() {
    for (Container c : containers) {
      try {
        c.remove(RemoveOptions.force().withVolumes(true));
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    for (String image : images) {
      try {
        docker.images().remove(image, true, false);
      } catch (NotFoundException gone) {
        // removed by the test
      }
    }
    docker.close();
  }

  private String mine(String repository) {
    String name = repository + ":" + run;
    images.add(name);
    return name;
  }

  @Test
  void loginGoodStoresCredentialsAndBadIsUnauthorized() throws IOException {
    TestEngine.assumeNot(PodmanGap.LOGIN_PLAIN_HTTP);
    assertThat(docker.system().login(TESTER)).isEqualTo("Login Succeeded");
    String config = Files.readString(home.resolve(".docker/config.json"));
    assertThat(config).contains(REGISTRY).doesNotContain("s3cret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        home.resolve(".docker/config.json")))).isEqualTo("rw-------");

    assertThatThrownBy(() -> docker.system().login(
        RegistryCredentials.of("tester", "wrong", REGISTRY)))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("401 Unauthorized")
        .satisfies(e -> assertThat(((UnauthorizedException) e).status()).isEqualTo(500));

    docker.system().logout(REGISTRY);
    assertThat(Files.readString(home.resolve(".docker/config.json"))).doesNotContain(REGISTRY);
  }

  @Test
  void pushThenRemoveThenPullBackByTagAndByDigest() {
    TestEngine.assumeNot(PodmanGap.LOGIN_PLAIN_HTTP);
    docker.system().login(TESTER);
    String remote = REGISTRY + "/berth-test/busybox:" + run;
    docker.images().tag(TestEngine.IMAGE, remote);
    images.add(remote);
    List<Progress> pushed = new ArrayList<>();
    String last = docker.images().push(remote).progress(pushed::add).call();
    assertThat(last).contains("digest: sha256:");
    String digest = last.substring(last.indexOf("sha256:"), last.indexOf("sha256:") + 71);
    assertThat(pushed).anyMatch(p -> p.id() != null && p.status() != null);

    docker.images().remove(remote);
    assertThatThrownBy(() -> docker.images().inspect(remote)).isInstanceOf(NotFoundException.class);

    PullProgress overall = new PullProgress();
    List<Double> fractions = new ArrayList<>();
    docker.images().pull(remote).progress(p -> {
      overall.add(p);
      fractions.add(overall.fraction());
    }).call();
    ImageDetails pulled = docker.images().inspect(remote);
    assertThat(pulled.repoDigests()).anyMatch(d -> d.endsWith(digest));
    assertThat(fractions).isSorted();

    docker.images().remove(remote);
    String byDigest = REGISTRY + "/berth-test/busybox@" + digest;
    docker.images().pull(byDigest).call();
    images.add(byDigest);
    assertThat(docker.images().inspect(byDigest).id()).isEqualTo(pulled.id());
  }

  @Test
  void pullAllTagsBringsEveryTagOfTheRepository() {
    TestEngine.assumeNot(PodmanGap.LOGIN_PLAIN_HTTP);
    docker.system().login(TESTER);
    String repository = REGISTRY + "/berth-test/alltags-" + run;
    for (String tag : List.of("a", "b")) {
      docker.images().tag(TestEngine.IMAGE, repository + ":" + tag);
      images.add(repository + ":" + tag);
      docker.images().push(repository + ":" + tag).call();
      docker.images().remove(repository + ":" + tag);
    }
    docker.images().pull(repository).allTags().call();
    assertThat(docker.images().list(ImageListOptions.tagged().withReference(repository)))
        .flatExtracting(s -> s.repoTags())
        .containsExactlyInAnyOrder(repository + ":a", repository + ":b");
  }

  @Test
  void pullWithoutCredentialsFailsWithTheEnginesMessage() {
    assertThatThrownBy(() -> docker.images().pull(REGISTRY + "/berth-test/busybox:none").call())
        .isInstanceOf(DockerException.class)
        // dockerd: "no basic auth credentials"; Podman: "unauthorized: authentication required"
        .message().containsAnyOf("no basic auth credentials", "authentication required");
  }

  @Test
  void pullOfAMissingTagFails() {
    TestEngine.assumeNot(PodmanGap.LOGIN_PLAIN_HTTP);
    docker.system().login(TESTER);
    assertThatThrownBy(() -> docker.images().pull(REGISTRY + "/berth-test/busybox:missing-"
        + run).call())
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("missing-" + run);
  }

  @Test
  void credentialHelperOnThePathSuppliesThePassword() throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path helper = bin.resolve("docker-credential-berthfake");
    Files.writeString(helper, "#!/bin/sh\n"
        + "case \"$1\" in\n"
        + "  get) read server; echo '{\"ServerURL\":\"'$server'\",\"Username\":\"tester\","
        + "\"Secret\":\"s3cret\"}' ;;\n"
        + "  list) echo '{\"" + REGISTRY + "\":\"tester\"}' ;;\n"
        + "  *) cat > /dev/null ;;\n"
        + "esac\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"credsStore\":\"berthfake\"}");
    try (DockerClient withHelper = client(Map.of("PATH", bin + ":" + System.getenv("PATH")))) {
      String remote = REGISTRY + "/berth-test/helper:" + run;
      withHelper.images().tag(TestEngine.IMAGE, remote);
      images.add(remote);
      withHelper.images().push(remote).call();
      withHelper.images().remove(remote);
      withHelper.images().pull(remote).call();
      assertThat(withHelper.images().inspect(remote).repoTags()).contains(remote);
    }
  }

  @Test
  void saveRemoveLoadGivesTheSameImage() {
    String name = mine("berth-test/saved");
    String other = mine("berth-test/saved-too");
    docker.images().tag(TestEngine.IMAGE, name);
    docker.images().tag(TestEngine.IMAGE, other);
    String id = docker.images().inspect(name).id();
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    docker.images().save(both, name, other); // docker save of several images: one tar
    assertThat(new String(both.toByteArray(), StandardCharsets.ISO_8859_1))
        .contains(name).contains(other);
    docker.images().remove(other);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    docker.images().save(tar, name);
    docker.images().remove(name);
    List<Progress> messages = new ArrayList<>();
    List<String> loaded = docker.images().load(new ByteArrayInputStream(tar.toByteArray()),
        messages::add);
    assertThat(loaded).containsExactly(name);
    assertThat(messages).anyMatch(p -> p.stream() != null && p.stream().contains(name));
    assertThat(docker.images().inspect(name).id()).isEqualTo(id);
  }

  @Test
  void exportThenImportGivesARunnableImageWithTheCmdChange() throws IOException {
    Container c = docker.containers().run(ContainerSpec.of(TestEngine.IMAGE)
        .command("sh", "-c", "echo imported > /marker").label(TestEngine.LABEL, "true"),
        PullPolicy.NEVER);
    containers.add(c);
    c.waitFor();
    String name = mine("berth-test/imported");
    String id;
    try (InputStream export = c.export()) {
      id = docker.images().importImage(export, name, List.of("CMD [\"cat\", \"/marker\"]",
          "LABEL " + TestEngine.LABEL + "=true"));
    }
    assertThat(docker.images().inspect(name).id()).isEqualTo(id);
    assertThat(docker.images().inspect(name).command()).containsExactly("cat", "/marker");
    // import drops the history: one layer
    assertThat(docker.images().history(name)).hasSize(1);
    ExecResult r = docker.containers().runToExit(ContainerSpec.of(name).autoRemove(true)
        .label(TestEngine.LABEL, "true"));
    assertThat(r.stdout()).isEqualTo("imported\n");
  }

  @Test
  void historyNamesTheTagOnTheNewestLayer() {
    TestEngine.assumeNot(PodmanGap.HISTORY_TAGS);
    String target = mine("berth-test/history");
    docker.images().tag(TestEngine.IMAGE, target);
    List<HistoryEntry> history = docker.images().history(target);
    assertThat(history).isNotEmpty();
    assertThat(history.get(0).tags()).contains(target);
  }

  @Test
  void tagAndHistoryAsInTheSeed() {
    // docker tag ubuntu:15.10 runoob/ubuntu:v3; docker history runoob/ubuntu:v3
    String source = mine("berth-test/ubuntu");
    docker.images().tag(TestEngine.IMAGE, source);
    String target = mine("berth-test/runoob-ubuntu");
    docker.images().tag(source, target);
    assertThat(docker.images().inspect(target).id()).isEqualTo(
        docker.images().inspect(TestEngine.IMAGE).id());
    assertThat(docker.images().list(ImageListOptions.tagged().withReference(target)))
        .singleElement().satisfies(s -> assertThat(s.repoTags()).contains(target));
    assertThat(docker.images().history(target)).isNotEmpty();
    assertThatThrownBy(() -> docker.images().tag(source, "Bad/Name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Bad/Name\"");
  }

  @Test
  void removingAnImageAContainerUsesIsAConflict() {
    String name = mine("berth-test/inuse");
    docker.images().tag(TestEngine.IMAGE, name);
    String built = docker.images().build(contextWith("FROM " + name + "\nLABEL x=" + run + "\n"))
        .tag(mine("berth-test/inuse-child")).call().imageId();
    containers.add(docker.containers().create(ContainerSpec.of(built)
        .label(TestEngine.LABEL, "true")));
    assertThatThrownBy(() -> docker.images().remove(built))
        .isInstanceOf(ConflictException.class)
        .message().containsAnyOf("being used by", "in use by a container");
  }

  private Path contextWith(String dockerfile) {
    try {
      Path dir = Files.createTempDirectory(home, "ctx");
      Files.writeString(dir.resolve("Dockerfile"), dockerfile);
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void buildWithBuildArgsAndDockerignore() throws IOException {
    Path ctx = contextWith("FROM " + TestEngine.IMAGE + "\n"
        + "ARG version\n"
        + "COPY . /ctx\n"
        + "RUN echo $version > /version\n"
        + "LABEL " + TestEngine.LABEL + "=true\n"
        + "CMD [\"sh\", \"-c\", \"cat /version; ls /ctx | sort | tr '\\\\n' ' '\"]\n");
    Files.writeString(ctx.resolve("app.txt"), "app\n");
    Files.writeString(ctx.resolve("secret.txt"), "never sent\n");
    Files.writeString(ctx.resolve("debug.log"), "noise\n");
    Files.writeString(ctx.resolve("keep.log"), "kept\n");
    Files.writeString(ctx.resolve(".dockerignore"), "secret.txt\n*.log\n!keep.log\nDockerfile\n");
    List<String> lines = new ArrayList<>();
    BuildResult r = docker.images().build(ctx).tag(mine("berth-test/built"))
        .buildArg("version", "4.4.0")
        .progress(p -> { if (p.stream() != null) lines.add(p.stream()); })
        .call();
    assertThat(r.imageId()).startsWith("sha256:");
    // dockerd writes "Step 1/6 : FROM x", Podman (Buildah) "STEP 1/6: FROM x"
    assertThat(r.output()).containsAnyOf("Step 1/6 : FROM " + TestEngine.IMAGE,
        "STEP 1/6: FROM " + TestEngine.IMAGE);
    assertThat(String.join("", lines)).isEqualTo(r.output());
    ExecResult out = docker.containers().runToExit(ContainerSpec.of("berth-test/built:" + run)
        .autoRemove(true).label(TestEngine.LABEL, "true"));
    // The Dockerfile is sent even though a pattern matches it (else there would be no build);
    // the engine then leaves it out of COPY, as documented for .dockerignore.
    assertThat(out.stdout()).isEqualTo("4.4.0\napp.txt keep.log ");
  }

  @Test
  void failingStepThrowsWithTheStepAndItsOutput() {
    Path ctx = contextWith("FROM " + TestEngine.IMAGE + "\n"
        + "RUN echo about to fail\n"
        + "RUN echo failing now && exit 3\n");
    Throwable failed = org.assertj.core.api.Assertions.catchThrowable(
        () -> docker.images().build(ctx).call());
    assertThat(failed).isInstanceOf(BuildException.class)
        .hasMessageContaining("Step 3/3 : RUN echo failing now && exit 3")
        .satisfies(e -> assertThat(((BuildException) e).output()).contains("failing now"));
    assertThat(failed.getMessage()) // dockerd's words, then Podman's
        .containsAnyOf("returned a non-zero code: 3", "exit status 3");
  }

  @Test
  void multiStageTargetBuildsOnlyThatStage() {
    Path ctx = contextWith("FROM " + TestEngine.IMAGE + " AS first\n"
        + "RUN echo first > /stage\n"
        + "LABEL " + TestEngine.LABEL + "=true\n"
        + "FROM " + TestEngine.IMAGE + " AS second\n"
        + "RUN echo second > /stage\n");
    String name = mine("berth-test/staged");
    docker.images().build(ctx).target("first").tag(name).call();
    ExecResult r = docker.containers().runToExit(ContainerSpec.of(name).command("cat", "/stage")
        .autoRemove(true).label(TestEngine.LABEL, "true"));
    assertThat(r.stdout()).isEqualTo("first\n");
  }

  @Test
  void pruneRemovesOnlyDanglingImagesWithTheLabel() {
    String label = "dev.berth.test.prune=" + run;
    String name = mine("berth-test/prunable");
    String first = docker.images().build(contextWith("FROM " + TestEngine.IMAGE + "\nLABEL "
        + label + " " + TestEngine.LABEL + "=true\n")).tag(name).call().imageId();
    // Building again under the same name leaves the first image without a name: dangling.
    String second = docker.images().build(contextWith("FROM " + TestEngine.IMAGE + "\nLABEL "
        + label + " " + TestEngine.LABEL + "=true again=yes\n")).tag(name).call().imageId();
    assertThat(second).isNotEqualTo(first);
    PruneResult r = docker.images().prune(false, Map.of("label", List.of(label)));
    assertThat(r.removed()).contains("Deleted: " + first);
    assertThatThrownBy(() -> docker.images().inspect(first)).isInstanceOf(NotFoundException.class);
    assertThat(docker.images().inspect(name).id()).isEqualTo(second);
  }

  @Test
  void buildFromATarStream() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (dev.berth.internal.archive.TarWriter w = new dev.berth.internal.archive.TarWriter(tar)) {
      byte[] dockerfile = ("FROM " + TestEngine.IMAGE + "\nLABEL " + TestEngine.LABEL
          + "=true\nCMD [\"echo\", \"from a tar\"]\n").getBytes(StandardCharsets.UTF_8);
      w.writeFile("Dockerfile", dockerfile.length, 0644, java.time.Instant.now(),
          new ByteArrayInputStream(dockerfile));
    }
    String name = mine("berth-test/from-tar");
    docker.images().build(new ByteArrayInputStream(tar.toByteArray())).tag(name).call();
    assertThat(docker.images().inspect(name).command()).containsExactly("echo", "from a tar");
  }
}
