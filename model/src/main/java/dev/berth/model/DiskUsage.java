package dev.berth.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code docker system df} shows: counts and bytes by kind.
 *
 * @param images how many images
 * @param imagesBytes their sizes added up (shared layers counted in each)
 * @param containers how many containers
 * @param containersBytes their writable layers added up
 * @param volumes how many volumes
 * @param volumesBytes their data added up, as far as the engine measured it
 * @param buildCache how many build cache records
 * @param buildCacheBytes their sizes added up
 * @param raw the whole JSON answer, unmodifiable
 */
public record DiskUsage(
    int images,
    long imagesBytes,
    int containers,
    long containersBytes,
    int volumes,
    long volumesBytes,
    int buildCache,
    long buildCacheBytes,
    Map<String, Object> raw) {

  /** Makes {@code raw} unmodifiable. */
  public DiskUsage {
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
