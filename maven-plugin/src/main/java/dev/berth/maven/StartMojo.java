package dev.berth.maven;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.containers.Container;
import dev.berth.containers.PullPolicy;
import dev.berth.model.ContainerSpec;
import dev.berth.model.PortMapping;
import dev.berth.wait.Waiter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts the containers the integration tests need, in order, each waited for until it is ready
 * (an image is pulled first as its {@code pull} policy says, with one log line per layer state
 * change), and sets their addresses as project properties for failsafe to hand to the tests:
 * {@code berth.ALIAS.host}, {@code berth.ALIAS.port} (the host port of its lowest published TCP
 * port), {@code berth.ALIAS.port.N} (that of TCP port N) and {@code berth.ALIAS.id}.
 *
 * <p>Containers are labelled for the project. Before starting, whatever an earlier start of the
 * same project left (a build killed before {@code berth:stop}) is removed. If a container cannot
 * be started or is not ready in time, those this start made are removed and the build fails with
 * the container's last lines of output.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractBerthMojo {
  /** The containers to start. */
  @Parameter
  List<ContainerConfig> containers;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Override
  void run(DockerClient client) throws MojoExecutionException {
    if (containers == null || containers.isEmpty()) {
      getLog().info("No containers to start");
      return;
    }
    Started started = new Started(project);
    try {
      started.removeAll(client, getLog(), ", left by an earlier build");
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + project.getBuild().getDirectory()
          + "/berth/containers: " + e, e);
    }
    List<String> aliases = new ArrayList<>();
    Map<String, String> extra = extraLabels();
    try {
      for (ContainerConfig c : containers) {
        start(client, c, started, aliases, extra);
      }
    } catch (IllegalArgumentException | DockerException | IOException e) {
      try {
        started.removeAll(client, getLog(), ", as the start failed");
      } catch (IOException | DockerException again) {
        e.addSuppressed(again);
      }
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private void start(DockerClient client, ContainerConfig c, Started started,
      List<String> aliases, Map<String, String> extra) throws IOException {
    ContainerSpec spec = c.spec();
    String alias = c.alias();
    if (aliases.contains(alias)) {
      throw new IllegalArgumentException("container alias \"" + alias + "\" is used twice: give"
          + " each <container> an <alias> of its own");
    }
    aliases.add(alias);
    Map<String, String> labels = new java.util.LinkedHashMap<>(extra);
    labels.putAll(started.labels());
    for (Map.Entry<String, String> l : labels.entrySet()) {
      spec = spec.label(l.getKey(), l.getValue());
    }
    WaitConfig w = c.waitConfig();
    List<dev.berth.wait.Wait> waits = w.waits();
    // the image only: the whole line would print its -e values, which may be secrets
    getLog().info("Starting " + alias + " from " + spec.image());
    PullPolicy policy = c.pullPolicy();
    if (policy == PullPolicy.ALWAYS || (policy == PullPolicy.MISSING && !present(client, spec))) {
      getLog().info("Pulling " + spec.image());
      client.images().pull(spec.image().toString()).progress(new ProgressLog(getLog())).call();
    }
    Container container = client.containers().run(spec, PullPolicy.NEVER);
    started.add(alias, container.id());
    Waiter.of(client, container).describedAs("container " + alias).timeout(w.timeout())
        .await(waits);
    exportProperties(client, alias, container);
  }

  private static boolean present(DockerClient client, ContainerSpec spec) {
    try {
      client.images().inspect(spec.image().toString());
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private void exportProperties(DockerClient client, String alias, Container container) {
    Properties props = project.getProperties();
    String prefix = "berth." + alias + ".";
    String host = Waiter.publishedHost(client);
    props.setProperty(prefix + "id", container.id());
    props.setProperty(prefix + "host", host);
    Map<Integer, Integer> tcp = new TreeMap<>();
    for (PortMapping p : container.ports()) {
      if ("tcp".equals(p.protocol()) && !p.hostIp().contains(":")) {
        tcp.putIfAbsent(p.containerPort(), p.hostPort());
      }
    }
    for (PortMapping p : container.ports()) {
      if ("tcp".equals(p.protocol())) {
        tcp.putIfAbsent(p.containerPort(), p.hostPort());
      }
    }
    List<String> exported = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : tcp.entrySet()) {
      props.setProperty(prefix + "port." + e.getKey(), Integer.toString(e.getValue()));
      exported.add(prefix + "port." + e.getKey() + "=" + e.getValue());
    }
    if (!tcp.isEmpty()) {
      props.setProperty(prefix + "port", Integer.toString(tcp.values().iterator().next()));
    }
    getLog().info("Started " + alias + " (" + Started.shortId(container.id()) + ")"
        + (exported.isEmpty() ? "" : ": " + String.join(", ", exported)));
  }
}
