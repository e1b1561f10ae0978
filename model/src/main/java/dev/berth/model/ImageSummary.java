package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code docker images} ({@code GET /images/json}).
 *
 * @param id the image id, {@code sha256:…}
 * @param repoTags the names it has, such as {@code ubuntu:14.04}; empty for a dangling image
 * @param repoDigests the digests it is known by in registries
 * @param created when it was built
 * @param size its size in bytes, with the layers it shares
 * @param labels its labels
 * @param raw the whole JSON row, unmodifiable
 */
public record ImageSummary(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    Instant created,
    long size,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable. */
  public ImageSummary {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** The first 12 hex digits of the id, as {@code docker images} shows it. */
  public String shortId() {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
