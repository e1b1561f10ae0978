package dev.berth.model;

import java.util.Collections;
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
}
