package dev.berth.model;

import java.time.Instant;
import java.util.List;

/**
 * One layer of {@code docker history} ({@code GET /images/{name}/history}), newest first.
 *
 * @param id the image id of this step, or {@code <missing>} for steps built elsewhere
 * @param created when the step ran
 * @param createdBy the instruction, such as {@code /bin/sh -c #(nop) CMD ["sh"]}
 * @param tags the names this step's image has
 * @param size the bytes this step added
 * @param comment the step's comment
 */
public record HistoryEntry(
    String id, Instant created, String createdBy, List<String> tags, long size, String comment) {
  /** Makes the list unmodifiable. */
  public HistoryEntry {
    tags = List.copyOf(tags);
  }
}
