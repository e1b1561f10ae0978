package dev.berth.containers;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.model.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A client, unique names, and removal of every container a test made, also when it fails. */
abstract class ContainerTestSupport {
  static DockerClient docker;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> made = new ArrayList<>();

  @BeforeAll
  static void connect() {
    docker = TestEngine.client();
  }

  @AfterAll
  static void disconnect() {
    docker.close();
  }

  @AfterEach
  void removeWhatTheTestMade() {
    for (String id : made) {
      try {
        docker.containers().remove(id, RemoveOptions.force().withVolumes(true));
      } catch (NotFoundException gone) {
        // removed by the test, or by --rm
      }
    }
  }

  /** The test image with {@code command}, labelled as the test's. */
  static ContainerSpec busybox(String... command) {
    return ContainerSpec.of(TestEngine.IMAGE).command(command).label(TestEngine.LABEL, "true");
  }

  String name(String what) {
    return "berth-it-" + run + "-" + what;
  }

  /** Remembers a container to remove after the test. */
  Container track(Container c) {
    made.add(c.id());
    return c;
  }

  Container create(ContainerSpec spec) {
    return track(docker.containers().create(spec.label(TestEngine.LABEL, "true")));
  }

  Container run(ContainerSpec spec) {
    return track(docker.containers().run(spec.label(TestEngine.LABEL, "true"), PullPolicy.NEVER));
  }
}
