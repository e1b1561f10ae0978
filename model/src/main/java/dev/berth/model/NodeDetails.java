package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A node of the swarm, as {@code docker node inspect} shows it ({@code GET /nodes/{id}}).
 *
 * @param id the node id
 * @param version the version index an update must name
 * @param hostname its host name
 * @param role {@code manager} or {@code worker}
 * @param availability {@code active}, {@code pause} or {@code drain}
 * @param state {@code ready}, {@code down}, {@code disconnected} or {@code unknown}
 * @param address its address
 * @param leader whether it leads the managers
 * @param engineVersion its engine's version
 * @param labels its labels (set with {@code docker node update --label-add})
 * @param raw the whole JSON answer, unmodifiable
 */
public record NodeDetails(
    String id,
    long version,
    String hostname,
    String role,
    String availability,
    String state,
    String address,
    boolean leader,
    String engineVersion,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public NodeDetails {
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
