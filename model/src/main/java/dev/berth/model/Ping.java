package dev.berth.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine says about itself in answer to {@code GET /_ping}: the headers of that answer.
 *
 * <pre>{@code
 * Ping ping = docker.system().ping();
 * ping.apiVersion();   // 1.41
 * ping.osType();       // linux
 * }</pre>
 *
 * @param apiVersion the newest API version the engine speaks ({@code Api-Version})
 * @param osType the engine's operating system, {@code linux} or {@code windows} ({@code Ostype}),
 *     or null when not sent
 * @param experimental whether the engine runs with experimental features ({@code
 *     Docker-Experimental})
 * @param builderVersion the default builder, {@code 1} (classic) or {@code 2} (BuildKit), or null
 *     when not sent ({@code Builder-Version})
 * @param swarm the node's swarm status such as {@code inactive} or {@code active/manager}, sent
 *     from API 1.42 on; null when not sent ({@code Swarm})
 * @param raw every header of the answer, by lower-case name, each with its first value
 */
public record Ping(
    ApiVersion apiVersion,
    String osType,
    boolean experimental,
    String builderVersion,
    String swarm,
    Map<String, Object> raw) {

  /** Checks the required parts and makes {@code raw} unmodifiable. */
  public Ping {
    Objects.requireNonNull(apiVersion, "apiVersion");
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
