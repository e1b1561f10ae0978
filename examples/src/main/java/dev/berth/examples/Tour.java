package dev.berth.examples;

import dev.berth.DockerClient;
import dev.berth.containers.Container;
import dev.berth.containers.ListOptions;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.Mount;
import dev.berth.model.Ping;
import dev.berth.model.PortBinding;
import dev.berth.model.RestartPolicy;
import dev.berth.model.SystemInfo;
import dev.berth.model.Version;

/**
 * A quick tour of Berth against the engine in {@code DOCKER_HOST} (or the default socket): the
 * seed's {@code docker version} and {@code docker info}, then its gitlab {@code docker run} line
 * both pasted and typed, created, listed, inspected and removed, then its container workflow (web
 * and db linked, port, logs, exec, cp, top, diff, commit, export: {@link ContainerTour}), then
 * its image workflow (build, tag, push, pull, save, load, import: {@link ImageTour}).
 *
 * <p>Run it with {@code ./scripts/engine && mvn -B -q -pl examples -am package exec:java
 * -DskipTests}. It uses the image {@code berth-test/busybox:latest} that {@code scripts/engine}
 * makes; give another as the first argument.
 */
public final class Tour {
  private Tour() {}

  /** Runs the tour; the optional argument is the image to create containers from. */
  public static void main(String[] args) {
    String image = args.length > 0 ? args[0] : "berth-test/busybox:latest";
    try (DockerClient docker = DockerClient.fromEnvironment()) {
      Ping ping = docker.system().ping();
      System.out.printf("ping        %s answers: API %s, %s%n",
          docker.endpoint(), ping.apiVersion(), ping.osType());
      System.out.printf("negotiated  API %s (Berth speaks %s to %s)%n",
          docker.apiVersion(), DockerClient.MIN_API_VERSION, DockerClient.MAX_API_VERSION);

      // docker version
      Version v = docker.system().version();
      System.out.printf("version     Docker %s, API %s (oldest %s), %s/%s, Go %s%n",
          v.version(), v.apiVersion(), v.minApiVersion(), v.os(), v.arch(), v.goVersion());

      // docker info
      SystemInfo info = docker.system().info();
      System.out.printf("info        %s on %s, %d CPUs, %d MiB, storage %s%n",
          info.name(), info.operatingSystem(), info.cpus(), info.memoryBytes() >> 20,
          info.storageDriver());
      System.out.printf("            containers %d (%d running, %d paused, %d stopped), images %d%n",
          info.containers(), info.containersRunning(), info.containersPaused(),
          info.containersStopped(), info.images());

      // The seed's gitlab line, pasted as it is (image and name changed) ...
      DockerRun pasted = DockerRun.parse("docker run \\\n-d \\\n-p 20180:80 \\\n-p 20122:22 \\\n"
          + "--restart always \\\n-v /data/gitlab/config:/etc/gitlab \\\n"
          + "--name berth-tour-gitlab \\\n" + image);
      // ... and said in typed Java: the two specs are equal.
      ContainerSpec typed = ContainerSpec.of(image)
          .name("berth-tour-gitlab")
          .publish(PortBinding.of(20180, 80))
          .publish(PortBinding.of(20122, 22))
          .restart(RestartPolicy.always())
          .mount(Mount.bind("/data/gitlab/config", "/etc/gitlab"));
      System.out.printf("run line    detached=%s, typed spec equal: %s%n",
          pasted.detached(), typed.equals(pasted.spec()));
      System.out.printf("            written back: %s%n", typed.toCommandLine());

      Container gitlab = docker.containers().create(typed.label("dev.berth.example", "tour"));
      try {
        ContainerDetails d = gitlab.inspect();
        System.out.printf("create      %s %s (%s), restart %s, binds %s%n", d.id().substring(0, 12),
            d.name(), d.state().status(),
            d.hostConfig().restartPolicy(), d.hostConfig().binds());
        // docker ps -a --filter label=dev.berth.example
        docker.containers().list(ListOptions.all().withLabel("dev.berth.example"))
            .forEach(c -> System.out.printf("ps -a       %s %-20s %s%n", c.shortId(), c.name(),
                c.status()));
      } finally {
        gitlab.remove(RemoveOptions.force());
        System.out.println("rm -f       berth-tour-gitlab removed");
      }

      System.out.println();
      ContainerTour.run(docker, image);
      System.out.println();
      ImageTour.run(docker, image);
    }
  }
}
