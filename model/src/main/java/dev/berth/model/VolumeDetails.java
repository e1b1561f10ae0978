package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume as {@code docker volume inspect} shows it ({@code GET /volumes/{name}}).
 *
 * <pre>{@code
 * VolumeDetails v = docker.volumes().inspect("pgdata");
 * v.options().get("type");   // tmpfs
 * v.created();               // 2024-05-01T10:00:00Z
 * }</pre>
 *
 * @param name its name
 * @param driver its driver, such as {@code local}
 * @param mountpoint where its data lives on the host
 * @param created when it was created ({@code CreatedAt}), or null if the engine does not say
 * @param scope {@code local} or {@code global}
 * @param labels its labels
 * @param options the driver options it was created with
 * @param status what the driver reports about it ({@code Status}), as the engine sent it; empty
 *     for most drivers
 * @param usage its size and how many containers use it ({@code UsageData}), present only where the
 *     engine gives it, as {@code docker system df -v} does
 * @param raw the whole JSON answer, unmodifiable
 */
public record VolumeDetails(
    String name,
    String driver,
    String mountpoint,
    Instant created,
    String scope,
    Map<String, String> labels,
    Map<String, String> options,
    Map<String, Object> status,
    Optional<Usage> usage,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public VolumeDetails {
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    options = Collections.unmodifiableMap(Objects.requireNonNull(options, "options"));
    status = Collections.unmodifiableMap(new LinkedHashMap<>(status));
    Objects.requireNonNull(usage, "usage");
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /**
   * A volume's disk use ({@code UsageData}).
   *
   * @param size the bytes it takes, or -1 when the engine could not tell
   * @param refCount how many containers refer to it, or -1 when the engine could not tell
   */
  public record Usage(long size, long refCount) {}
}
