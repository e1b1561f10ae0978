package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image as {@code docker inspect IMAGE} shows it ({@code GET /images/{name}/json}).
 *
 * @param id the image id, {@code sha256:…}
 * @param repoTags the names it has
 * @param repoDigests the digests it is known by in registries, {@code name@sha256:…}
 * @param created when it was built
 * @param author its author, or empty
 * @param comment its commit message, or empty
 * @param command its default command ({@code Config.Cmd})
 * @param entrypoint its entrypoint ({@code Config.Entrypoint})
 * @param env its environment ({@code Config.Env})
 * @param labels its labels ({@code Config.Labels})
 * @param os its operating system
 * @param architecture its architecture
 * @param size its size in bytes
 * @param raw the whole JSON answer, unmodifiable
 */
public record ImageDetails(
    String id,
    List<String> repoTags,
    List<String> repoDigests,
    Instant created,
    String author,
    String comment,
    List<String> command,
    List<String> entrypoint,
    List<String> env,
    Map<String, String> labels,
    String os,
    String architecture,
    long size,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable. */
  public ImageDetails {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
    command = List.copyOf(command);
    entrypoint = List.copyOf(entrypoint);
    env = List.copyOf(env);
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
