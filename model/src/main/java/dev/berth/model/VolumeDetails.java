package dev.berth.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * A volume as {@code docker volume inspect} shows it ({@code GET /volumes/{name}}).
 *
 * @param name its name
 * @param driver its driver, such as {@code local}
 * @param mountpoint where its data lives on the host
 * @param scope {@code local} or {@code global}
 * @param labels its labels
 * @param options the driver options it was created with
 * @param raw the whole JSON answer, unmodifiable
 */
public record VolumeDetails(
    String name,
    String driver,
    String mountpoint,
    String scope,
    Map<String, String> labels,
    Map<String, String> options,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public VolumeDetails {
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    options = Collections.unmodifiableMap(Objects.requireNonNull(options, "options"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
