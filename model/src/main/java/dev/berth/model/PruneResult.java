package dev.berth.model;

import java.util.List;

/**
 * What a prune removed.
 *
 * @param removed the ids removed
 * @param spaceReclaimed the bytes freed
 */
public record PruneResult(List<String> removed, long spaceReclaimed) {
  /** Makes the list unmodifiable. */
  public PruneResult {
    removed = List.copyOf(removed);
  }
}
