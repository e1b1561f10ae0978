package dev.berth.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's version facts, as {@code docker version} shows them for the server ({@code GET
 * /version}).
 *
 * <pre>{@code
 * Version v = docker.system().version();
 * v.version();      // 20.10.24
 * v.apiVersion();   // 1.41
 * }</pre>
 *
 * <p>Any part the engine did not send is null ({@code false} for {@code experimental}).
 *
 * <p>Podman's Docker-compatible service answers the same call; {@link #kind()} tells the two apart
 * (from the components the engine lists), for code that must branch:
 *
 * <pre>{@code
 * if (docker.system().version().kind() == Version.Kind.PODMAN) { ... }
 * }</pre>
 *
 * @param version the engine's release, for example {@code 20.10.24}
 * @param apiVersion the newest API version the engine speaks
 * @param minApiVersion the oldest API version the engine accepts
 * @param platformName the product name, for example {@code Docker Engine - Community}
 * @param gitCommit the commit the engine was built from
 * @param goVersion the Go version the engine was built with
 * @param os the engine's operating system, for example {@code linux}
 * @param arch the engine's architecture, for example {@code amd64}
 * @param kernelVersion the kernel the engine runs on
 * @param buildTime when the engine was built, as the engine writes it
 * @param experimental whether experimental features are on
 * @param raw the whole JSON answer, objects as maps and arrays as lists, unmodifiable
 */
public record Version(
    String version,
    ApiVersion apiVersion,
    ApiVersion minApiVersion,
    String platformName,
    String gitCommit,
    String goVersion,
    String os,
    String arch,
    String kernelVersion,
    String buildTime,
    boolean experimental,
    Map<String, Object> raw) {

  /** Makes {@code raw} unmodifiable. */
  public Version {
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** Which engine answered. */
  public enum Kind {
    /** Docker's engine (dockerd, Moby): a component named {@code Engine}. */
    DOCKER,
    /** Podman's Docker-compatible service: a component named {@code Podman Engine}. */
    PODMAN,
    /** Neither of the two, or an engine that lists no components. */
    OTHER
  }

  /**
   * One part of the engine as {@code docker version} lists it under the server: the engine itself,
   * containerd, runc, conmon…
   *
   * @param name the component's name, for example {@code Engine} or {@code Podman Engine}
   * @param version the component's version as the engine writes it
   */
  public record Component(String name, String version) {}

  /** The components the engine lists ({@code Components}), in its order; empty if none. */
  public List<Component> components() {
    List<Component> out = new ArrayList<>();
    if (raw.get("Components") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m && m.get("Name") instanceof String name) {
          Object v = m.get("Version");
          out.add(new Component(name, v instanceof String s ? s : null));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Docker or Podman, from the components (or, when there are none, the platform name).
   */
  public Kind kind() {
    for (Component c : components()) {
      String name = c.name().toLowerCase(Locale.ROOT);
      if (name.startsWith("podman")) {
        return Kind.PODMAN;
      }
      if (name.equals("engine")) {
        return Kind.DOCKER;
      }
    }
    String platform = platformName == null ? "" : platformName.toLowerCase(Locale.ROOT);
    if (platform.contains("podman")) {
      return Kind.PODMAN;
    }
    return platform.contains("docker") ? Kind.DOCKER : Kind.OTHER;
  }
}
