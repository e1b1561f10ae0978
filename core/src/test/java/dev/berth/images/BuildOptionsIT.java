package dev.berth.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.PodmanGap;
import dev.berth.TestEngine;
import dev.berth.model.RegistryCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 18's build options, each checked by a {@code RUN} step that fails the build unless the
 * option arrived: {@code --network}, {@code --shm-size}, {@code --ulimit}, {@code --cache-from},
 * {@code --label KEY}, and credentials for this build only ({@code X-Registry-Config}) to pull a
 * base image from the local registry (127.0.0.1:5000, tester / s3cret) with no config.json.
 */
@Timeout(300)
class BuildOptionsIT {
  private static final String REGISTRY = "127.0.0.1:5000";

  @TempDir Path home;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> images = new ArrayList<>();
  private DockerClient docker;

  @BeforeEach
  void connect() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("DOCKER_CONFIG");
    docker = DockerClient.builder().environment(env).homeDirectory(home).build();
  }

  @AfterEach
  void cleanUp() {
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

  private Path context(String dockerfile) throws IOException {
    Path dir = Files.createTempDirectory(home, "ctx");
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    return dir;
  }

  @Test
  void shmSizeUlimitsAndALabelWithoutValueReachTheBuild() throws IOException {
    Path ctx = context("FROM " + TestEngine.IMAGE + "\n"
        + "RUN df -k /dev/shm | tail -1 | awk '{print $2}' | grep -qx 131072\n"
        + "RUN test \"$(ulimit -n)\" = 1024 && test \"$(ulimit -Hn)\" = 2048\n");

    BuildResult r = docker.images().build(ctx).tag(mine("berth-test/options"))
        .label(TestEngine.LABEL, "true").label("dev.berth.flag")
        .shmSize(128L << 20).ulimit("nofile=1024:2048").call();

    assertThat(r.imageId()).startsWith("sha256:");
    assertThat(docker.images().inspect(r.imageId()).labels())
        .containsEntry("dev.berth.flag", "").containsEntry(TestEngine.LABEL, "true");
  }

  @Test
  void theNetworkReachesTheRunSteps() throws IOException {
    TestEngine.assumeNot(PodmanGap.BUILD_NETWORK);
    Path ctx = context("FROM " + TestEngine.IMAGE + "\n"
        + "RUN test \"$(ls /sys/class/net)\" = lo\n");

    BuildResult r = docker.images().build(ctx).tag(mine("berth-test/no-network"))
        .label(TestEngine.LABEL, "true").network("none").call();

    assertThat(r.imageId()).startsWith("sha256:");
  }

  @Test
  void withoutTheOptionsTheSameStepsFail() throws IOException {
    Path ctx = context("FROM " + TestEngine.IMAGE + "\n"
        + "RUN test \"$(ls /sys/class/net)\" = lo\n");

    java.util.Set<String> before = unlabelledContainers();

    assertThatThrownBy(() -> docker.images().build(ctx).label(TestEngine.LABEL, "true").call())
        .isInstanceOf(BuildException.class).hasMessageContaining("RUN test");
    // the failed step's container is gone too (--force-rm): a failed build leaves nothing
    assertThat(unlabelledContainers()).isSubsetOf(before);
  }

  /** Containers without the tests' label: a build's own, which no test here makes. */
  private java.util.Set<String> unlabelledContainers() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (dev.berth.model.ContainerSummary c : docker.containers().list(
        dev.berth.containers.ListOptions.all())) {
      if (!c.labels().containsKey(TestEngine.LABEL)) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  @Test
  void cacheFromNamesAnImageWhoseLayersServe() throws IOException {
    Path ctx = context("FROM " + TestEngine.IMAGE + "\nRUN echo " + run + " > /stamp\n");
    String first = docker.images().build(ctx).tag(mine("berth-test/cached"))
        .label(TestEngine.LABEL, "true").call().imageId();

    BuildResult again = docker.images().build(ctx).tag(mine("berth-test/cached-again"))
        .label(TestEngine.LABEL, "true").cacheFrom("berth-test/cached:" + run).call();

    assertThat(again.output()).contains("Using cache");
    assertThat(again.imageId()).isEqualTo(first);
  }

  @Test
  void credentialsForOneBuildPullAPrivateBaseImage() throws IOException {
    RegistryCredentials tester = RegistryCredentials.of("tester", "s3cret", REGISTRY);
    String base = REGISTRY + "/berth-test/private-base:" + run;
    docker.images().tag(TestEngine.IMAGE, base);
    docker.images().push(base).credentials(tester).call();
    docker.images().remove(base); // only the registry has it now, behind its password
    Path ctx = context("FROM " + base + "\nRUN echo pulled\n");

    assertThatThrownBy(() -> docker.images().build(ctx).label(TestEngine.LABEL, "true").call())
        .isInstanceOf(dev.berth.DockerException.class);

    String built = docker.images().build(ctx).tag(mine("berth-test/from-private"))
        .label(TestEngine.LABEL, "true").credentials(tester).call().imageId();
    images.add(base);
    assertThat(docker.images().inspect(built).id()).isEqualTo(built);
  }

  @Test
  void badOptionsAreRefusedQuoted() throws IOException {
    Build b = docker.images().build(context("FROM scratch\n"));
    assertThatThrownBy(() -> b.ulimit("nofile"))
        .hasMessageContaining("ulimit \"nofile\" is not valid: expected NAME=SOFT[:HARD]");
    assertThatThrownBy(() -> b.shmSize(0)).hasMessageContaining("shm size 0 is not valid");
    assertThatThrownBy(() -> b.cacheFrom("Bad Name")).hasMessageContaining("\"Bad Name\"");
    assertThatThrownBy(() -> docker.images().save())
        .hasMessageContaining("save needs at least one image name or id");
  }
}
