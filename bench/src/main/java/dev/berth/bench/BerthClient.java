package dev.berth.bench;

import dev.berth.DockerClient;
import dev.berth.containers.Container;
import dev.berth.containers.RemoveOptions;
import dev.berth.model.ContainerSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This repository's Berth, as a user writes it. */
final class BerthClient implements Client {
  static final String NAME = "berth";

  private final DockerClient docker;
  private final Map<String, Container> handles = new ConcurrentHashMap<>();

  BerthClient(String socket) {
    docker = DockerClient.builder().endpoint("unix://" + socket).build();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** A handle got once, as a user keeps it ({@code get} itself inspects). */
  private Container container(String id) {
    return handles.computeIfAbsent(id, docker.containers()::get);
  }

  @Override
  public void ping() {
    docker.system().ping();
  }

  @Override
  public Object inspect(String id) {
    return container(id).inspect();
  }

  @Override
  public void lifecycle(String image) {
    Container c = docker.containers().create(ContainerSpec.of(image).command("true")
        .label(TEST_LABEL, "true").label(BENCH_LABEL, "true"));
    try {
      c.start();
      c.waitFor();
    } finally {
      c.remove(RemoveOptions.force());
    }
  }

  @Override
  public long logs(String id, OutputStream stdout, OutputStream stderr) {
    return container(id).logs().copyTo(stdout, stderr);
  }

  @Override
  public long export(String id, OutputStream sink) throws Exception {
    try (InputStream in = container(id).export()) {
      return Client.copy(in, sink);
    }
  }

  @Override
  public long save(String image, OutputStream sink) {
    CountingSink counted = new CountingSink(sink);
    docker.images().save(counted, image);
    return counted.count;
  }

  @Override
  public void close() {
    docker.close();
  }

  /** The start-up measure: a client, one ping. */
  static void startup(String socket) {
    try (DockerClient docker = DockerClient.builder().endpoint("unix://" + socket).build()) {
      docker.system().ping();
    }
  }
}
