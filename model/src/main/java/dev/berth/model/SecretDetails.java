package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A Swarm secret, as {@code docker secret inspect} shows it; its data is never returned.
 *
 * @param id the secret id
 * @param version its version index
 * @param name its name
 * @param createdAt when it was created
 * @param labels its labels
 * @param raw the whole JSON answer, unmodifiable
 */
public record SecretDetails(
    String id,
    long version,
    String name,
    Instant createdAt,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public SecretDetails {
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
