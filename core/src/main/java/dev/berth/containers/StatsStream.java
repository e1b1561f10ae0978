package dev.berth.containers;

import dev.berth.model.ContainerStats;
import java.io.Closeable;

/**
 * Readings of a container's resource use as they come, about one a second ({@code docker stats}).
 * {@link #close()} may come from any thread and ends a blocked {@link #next()}.
 */
public interface StatsStream extends Closeable {
  /** The next reading, or null when the stream ended or was closed. */
  ContainerStats next();

  @Override
  void close();
}
