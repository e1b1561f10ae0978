package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A Swarm config, as {@code docker config inspect} shows it.
 *
 * @param id the config id
 * @param version its version index
 * @param name its name
 * @param data its content
 * @param createdAt when it was created
 * @param labels its labels
 * @param raw the whole JSON answer, unmodifiable
 */
public record ConfigDetails(
    String id,
    long version,
    String name,
    byte[] data,
    Instant createdAt,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public ConfigDetails {
    data = data == null ? new byte[0] : data.clone();
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** The content as UTF-8 text. */
  public String text() {
    return new String(data, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A copy of the content. */
  @Override
  public byte[] data() {
    return data.clone();
  }
}
