package dev.berth.examples;

import dev.berth.DockerClient;
import dev.berth.containers.CommitOptions;
import dev.berth.containers.Container;
import dev.berth.containers.LogStream;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.ExecResult;
import dev.berth.model.Frame;
import dev.berth.model.Version;
import dev.berth.networks.NetworkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed's container workflow with Berth: a db and a web container joined by a link, then
 * port, logs, exec, cp, top, diff, commit and export, and everything removed at the end.
 */
final class ContainerTour {
  private static final String LABEL = "dev.berth.example=tour";

  private ContainerTour() {}

  private static final String NETWORK = "berth-tour-net";

  static void run(DockerClient docker, String image) {
    List<Container> made = new ArrayList<>();
    boolean podman = false;
    String committed = "berth-tour/webapp:v2";
    Path work = null;
    try {
      work = Files.createTempDirectory("berth-tour");
      // Podman has no --link: there the two share a network of the tour's own, on which db
      // answers to its alias, the way links are replaced on Docker too.
      podman = docker.system().version().kind() == Version.Kind.PODMAN;
      if (podman) {
        docker.networks().create(NetworkSpec.named(NETWORK).label("dev.berth.example", "tour"));
      }
      // docker run -d --name db training/postgres
      Container db = docker.containers().run(DockerRun.parse("docker run -d --name berth-tour-db"
          + " -l " + LABEL + " -e POSTGRES_USER=seed --expose 5432 "
          + (podman ? "--network " + NETWORK + " --network-alias db " : "") + image
          + " sleep 600").spec());
      made.add(db);
      // docker run -d -P --name web --link db:db training/webapp python app.py
      Container web = docker.containers().run(DockerRun.parse("docker run -d -P --expose 5000"
          + " --name berth-tour-web -l " + LABEL
          + (podman ? " --network " + NETWORK + " " : " --link berth-tour-db:db ") + image
          + " sh -c 'for i in 1 2 3; do echo serving request $i; done; sleep 600'").spec());
      made.add(web);
      System.out.printf("run         db %s, web %s %s%n", db.id().substring(0, 12),
          web.id().substring(0, 12), podman ? "on network " + NETWORK + ", db by its alias"
              : "linked as db");

      // docker port web 5000
      System.out.printf("port        %s%n", web.port(5000));

      // docker logs -t --tail 2 web, then docker logs -f (closed after the first line)
      System.out.printf("logs -t     %s", web.logs().timestamps().tail(2).text()
          .replace("\n", "\n            ").stripTrailing() + "\n");
      try (LogStream follow = web.logs().follow().open()) {
        Frame first = follow.nextLine();
        System.out.printf("logs -f     first line: %s (stream closed)%n", first.text());
      }

      // docker exec web env: the link's variables (on Podman: db's address by its alias)
      ExecResult env = web.exec("sh", "-c", podman ? "nslookup db 2>&1 | grep -A1 '^Name'"
          : "env | grep ^DB_ | sort | head -3").call();
      System.out.printf("exec        exit %d:%n            %s%n", env.exitCode(),
          env.stdout().trim().replace("\n", "\n            "));

      // docker cp index.html web:/www/ and back out
      Path site = Files.createDirectories(work.resolve("www"));
      Files.writeString(site.resolve("index.html"), "<h1>hello from the host</h1>\n");
      web.copyIn(site, "/www");
      Path back = work.resolve("copied-back");
      web.copyOut("/www", back);
      System.out.printf("cp          in and out again: %s", Files.readString(
          back.resolve("index.html")));

      // docker top web; docker diff web
      System.out.printf("top         %s%n", web.top("-o", "pid,comm").column("COMMAND"));
      System.out.printf("diff        %s%n", web.diff());

      // docker commit -m "Added a page" -a "Berth Tour" web berth-tour/webapp:v2
      String id = web.commit(CommitOptions.as(committed).message("Added a page")
          .author("Berth Tour").change("LABEL " + LABEL));
      ExecResult fromImage = docker.containers().runToExit(ContainerSpec.of(committed)
          .command("cat", "/www/index.html").label("dev.berth.example", "tour").autoRemove(true));
      System.out.printf("commit      %s; a container of it prints %s", id.substring(0, 19),
          fromImage.stdout());

      // docker export web > web.tar
      long bytes = 0;
      try (InputStream tar = web.export()) {
        bytes = tar.transferTo(java.io.OutputStream.nullOutputStream());
      }
      System.out.printf("export      %d bytes of tar, streamed%n", bytes);

      web.stop(Duration.ofSeconds(1));
      System.out.printf("stop        web is %s%n", web.inspect().state().status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Container c : made) {
        c.remove(RemoveOptions.force().withVolumes(true));
      }
      if (podman) {
        try {
          docker.networks().remove(NETWORK);
        } catch (RuntimeException notMade) {
          // the tour stopped before the network was made
        }
      }
      try {
        docker.api().call("DELETE", "/images/" + committed, Map.of(), null);
      } catch (RuntimeException notMade) {
        // the tour stopped before the commit
      }
      deleteTree(work);
      System.out.println("rm -f       the tour's containers and image removed");
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory; the system cleans it up eventually
    }
  }
}
