package dev.berth.examples;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.containers.RemoveOptions;
import dev.berth.images.BuildResult;
import dev.berth.model.ContainerSpec;
import dev.berth.model.PullProgress;
import dev.berth.model.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's image workflow with Berth: build with a build argument, tag, push to a registry and
 * pull back, save and load, export and import; everything it made is removed at the end. The push
 * and pull need the registry on 127.0.0.1:5000 that {@code scripts/engine} starts; without it
 * that part is skipped. Credentials are passed to the calls, so no config.json is changed.
 */
final class ImageTour {
  private static final String REGISTRY = "127.0.0.1:5000";

  private ImageTour() {}

  static void run(DockerClient docker, String baseImage) {
    List<String> made = new ArrayList<>();
    Path work = null;
    Container exported = null;
    try {
      work = Files.createTempDirectory("berth-image-tour");
      // docker build -t berth-tour/rocketmq:4.4.0 --build-arg version=4.4.0 .
      Files.writeString(work.resolve("Dockerfile"), "FROM " + baseImage + "\n"
          + "ARG version\n"
          + "RUN echo \"rocketmq $version\" > /version\n"
          + "LABEL dev.berth.example=tour\n"
          + "CMD [\"cat\", \"/version\"]\n");
      Files.writeString(work.resolve(".dockerignore"), "*.log\n");
      Files.writeString(work.resolve("build.log"), "left out by .dockerignore\n");
      String name = "berth-tour/rocketmq:4.4.0";
      BuildResult built = docker.images().build(work).tag(name).buildArg("version", "4.4.0")
          .call();
      made.add(name);
      System.out.printf("build       %s %s, %d steps%n", name, built.imageId().substring(0, 19),
          built.output().lines() // dockerd writes "Step 1/5 : …", Podman "STEP 1/5: …"
              .filter(l -> l.regionMatches(true, 0, "Step ", 0, 5)).count());

      // docker tag berth-tour/rocketmq:4.4.0 127.0.0.1:5000/berth-tour/rocketmq:4.4.0
      String remote = REGISTRY + "/" + name;
      docker.images().tag(name, remote);
      made.add(remote);
      System.out.printf("tag         %s%n", remote);

      // docker push; docker rmi; docker pull
      RegistryCredentials tester = RegistryCredentials.of("tester", "s3cret", REGISTRY);
      try {
        String pushed = docker.images().push(remote).credentials(tester).call();
        System.out.printf("push        %s%n", pushed);
        docker.images().remove(remote);
        PullProgress overall = new PullProgress();
        docker.images().pull(remote).credentials(tester).progress(overall::add).call();
        System.out.printf("pull        %d layers, %d bytes, back as %s%n", overall.layers(),
            overall.total(), docker.images().inspect(remote).id().substring(0, 19));
      } catch (DockerException noRegistry) {
        System.out.printf("push/pull   skipped: %s%n", noRegistry.getMessage());
      }

      // docker save -o rocketmq.tar; docker rmi; docker load -i rocketmq.tar
      Path tar = work.resolve("rocketmq.tar");
      docker.images().save(tar, name);
      docker.images().remove(name);
      List<String> loaded = docker.images().load(tar);
      System.out.printf("save/load   %d bytes; loaded %s, same id: %s%n", Files.size(tar), loaded,
          docker.images().inspect(name).id().equals(built.imageId()));

      // docker export c | docker import - berth-tour/flat:1 --change 'CMD ...'
      exported = docker.containers().run(ContainerSpec.of(name).command("true")
          .label("dev.berth.example", "tour"), PullPolicy.NEVER);
      exported.waitFor();
      String flat = "berth-tour/flat:1";
      try (InputStream filesystem = exported.export()) {
        docker.images().importImage(filesystem, flat, List.of("CMD [\"cat\", \"/version\"]"));
      }
      made.add(flat);
      System.out.printf("import      %s: %d layer(s) where the build had %d; it prints %s",
          flat, docker.images().history(flat).size(), docker.images().history(name).size(),
          docker.containers().runToExit(ContainerSpec.of(flat).autoRemove(true)
              .label("dev.berth.example", "tour")).stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (exported != null) {
        exported.remove(RemoveOptions.force());
      }
      for (String image : made) {
        try {
          docker.images().remove(image, true, false);
        } catch (DockerException gone) {
          // already removed above
        }
      }
      if (work != null) {
        try (var paths = Files.walk(work)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temporary directory
        }
      }
      System.out.println("rmi         the tour's images removed");
    }
  }
}
