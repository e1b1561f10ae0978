package dev.berth.maven;

import dev.berth.containers.PullPolicy;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.EnvVar;
import dev.berth.model.Mount;
import dev.berth.model.PortBinding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One container for {@code berth:start}, in a {@code <container>} element: a pasted {@code docker
 * run} line, typed fields, or both (the typed fields add to the line).
 *
 * <pre>{@code
 * <container>
 *   <alias>db</alias>                      <!-- properties berth.db.port, berth.db.host, … -->
 *   <run>docker run -d -p 5432 -e POSTGRES_PASSWORD=secret postgres:16</run>
 *   <wait><log>ready to accept connections</log><logTimes>2</logTimes></wait>
 * </container>
 * <container>
 *   <alias>web</alias>
 *   <image>127.0.0.1:5000/web:1.0</image>
 *   <ports><port>8080</port></ports>
 *   <env><MODE>test</MODE></env>
 *   <wait><http>/health</http></wait>
 * </container>
 * }</pre>
 */
public class ContainerConfig {
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /**
   * The name of its Maven properties ({@code berth.ALIAS.port}) and of the container in log
   * lines; its name ({@code name} or the run line's {@code --name}), or else the image's name,
   * when not set.
   */
  String alias;

  /** A {@code docker run} line, as {@link DockerRun#parse(String)} reads it. */
  String run;

  /** The image, when there is no {@code run} line. */
  String image;

  /** The container's name ({@code --name}). */
  String name;

  /** The command and its arguments, one element each. */
  List<String> command;

  /** Ports to publish, as {@code -p} takes them: {@code 8080}, {@code 127.0.0.1:8080:80}. */
  List<String> ports;

  /** Publishes every exposed port to a random host port ({@code -P}). */
  boolean publishAll;

  /** Environment variables, one element per name. */
  Map<String, String> env;

  /** Labels, one element per key. */
  Map<String, String> labels;

  /** Volumes and binds, as {@code -v} takes them: {@code /host/dir:/data:ro}. */
  List<String> volumes;

  /** The network to join ({@code --network}). */
  String network;

  /** When its image is pulled: {@code missing} (the default), {@code always} or {@code never}. */
  String pull;

  /** When it counts as ready. */
  WaitConfig wait;

  /** The alias, checked. */
  String alias() {
    String a = alias;
    if (a == null || a.isBlank()) {
      ContainerSpec s = spec();
      a = s.name() != null && !s.name().isBlank() ? s.name() : s.image().name();
      a = a.substring(a.lastIndexOf('/') + 1);
    }
    a = a.trim();
    if (!ALIAS.matcher(a).matches()) {
      throw new IllegalArgumentException("container alias \"" + a + "\" is not valid: expected"
          + " letters, digits, '_', '.' or '-', starting with a letter or digit");
    }
    return a;
  }

  /** The container as a spec: the run line's, with the typed fields added. */
  ContainerSpec spec() {
    boolean hasRun = run != null && !run.isBlank();
    boolean hasImage = image != null && !image.isBlank();
    if (hasRun == hasImage) {
      throw new IllegalArgumentException("a <container> needs either <run> (a docker run line) or"
          + " <image>, not " + (hasRun ? "both" : "neither"));
    }
    ContainerSpec s;
    if (hasRun) {
      s = DockerRun.parse(run.trim(), System.getenv()).spec();
    } else {
      s = ContainerSpec.of(image.trim());
    }
    if (name != null && !name.isBlank()) {
      s = s.name(name.trim());
    }
    List<String> cmd = Names.list(command);
    if (!cmd.isEmpty()) {
      s = s.command(cmd);
    }
    for (String p : Names.list(ports)) {
      s = s.publish(PortBinding.parse(p));
    }
    if (publishAll) {
      s = s.publishAllPorts(true);
    }
    for (Map.Entry<String, String> e : Names.map(env).entrySet()) {
      s = s.env(EnvVar.of(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, String> l : Names.map(labels).entrySet()) {
      s = s.label(l.getKey(), l.getValue());
    }
    for (String v : Names.list(volumes)) {
      s = s.mount(Mount.parseVolumeFlag(v));
    }
    if (network != null && !network.isBlank()) {
      s = s.networkMode(network.trim());
    }
    return s;
  }

  PullPolicy pullPolicy() {
    String p = pull;
    if ((p == null || p.isBlank()) && run != null && !run.isBlank()) {
      p = DockerRun.parse(run.trim(), System.getenv()).pullPolicy();
    }
    if (p == null || p.isBlank()) {
      return PullPolicy.MISSING;
    }
    try {
      return PullPolicy.valueOf(p.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pull \"" + p + "\" is not valid: expected missing,"
          + " always or never");
    }
  }

  WaitConfig waitConfig() {
    return wait != null ? wait : new WaitConfig();
  }
}
