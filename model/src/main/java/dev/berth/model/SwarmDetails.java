package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The swarm this engine manages, as {@code docker swarm inspect} shows it ({@code GET /swarm}).
 *
 * @param id the swarm's id
 * @param version the version index an update must name
 * @param createdAt when it was created
 * @param workerJoinToken the token workers join with
 * @param managerJoinToken the token managers join with
 * @param autolock whether managers lock their keys
 * @param taskHistoryLimit how many old tasks are kept per slot, or null
 * @param labels its labels
 * @param raw the whole JSON answer, unmodifiable
 */
public record SwarmDetails(
    String id,
    long version,
    Instant createdAt,
    String workerJoinToken,
    String managerJoinToken,
    boolean autolock,
    Long taskHistoryLimit,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public SwarmDetails {
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
