package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One task of a Swarm service, as {@code docker service ps} and {@code GET /tasks/{id}} show it.
 *
 * @param id the task id
 * @param serviceId its service's id
 * @param nodeId the node it was given to, or null
 * @param slot its replica slot (1, 2, …), or null for a global service
 * @param desiredState what the swarm wants: {@code running}, {@code shutdown}, …
 * @param state what it is: {@code new}, {@code pending}, {@code running}, {@code complete}, {@code failed}, {@code shutdown}, {@code rejected}, …
 * @param message the message of its state
 * @param error why it failed, or null
 * @param containerId its container's id, or null before it has one
 * @param image the image it runs
 * @param timestamp when it entered its state
 * @param raw the whole JSON answer, unmodifiable
 */
public record TaskDetails(
    String id,
    String serviceId,
    String nodeId,
    Long slot,
    String desiredState,
    String state,
    String message,
    String error,
    String containerId,
    String image,
    Instant timestamp,
    Map<String, Object> raw) {

  /** Makes the maps unmodifiable. */
  public TaskDetails {
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
