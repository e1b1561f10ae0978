package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A Swarm service, as {@code docker service inspect} shows it ({@code GET /services/{id}}).
 *
 * @param id the service id
 * @param version the version index an update must name
 * @param name its name
 * @param image the image its tasks run, as the spec names it
 * @param mode {@code replicated}, {@code global}, {@code replicated-job} or {@code global-job}
 * @param replicas the replicas asked for, or null when not replicated
 * @param updateState the state of the last update or rollback ({@code updating}, {@code completed}, {@code paused}, {@code rollback_started}, {@code rollback_completed}, …), or null
 * @param updateMessage the message of the last update, or null
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param labels its labels
 * @param spec its spec as JSON, unmodifiable
 * @param raw the whole JSON answer, unmodifiable
 */
public record ServiceDetails(
    String id,
    long version,
    String name,
    String image,
    String mode,
    Long replicas,
    String updateState,
    String updateMessage,
    Instant createdAt,
    Instant updatedAt,
    Map<String, String> labels,
    Map<String, Object> spec,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public ServiceDetails {
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    spec = Collections.unmodifiableMap(Objects.requireNonNull(spec, "spec"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
