package dev.berth.system;

import dev.berth.model.Event;
import java.io.Closeable;

/**
 * Engine events as they come. Read from one thread; {@link #close()} may come from any thread and
 * ends a blocked {@link #next()}. It never times out while idle; a dropped connection is resumed
 * from the last event seen, without repeating it.
 */
public interface EventStream extends Closeable {
  /** The next event, or null at the end (the window's end, or after {@link #close()}). */
  Event next();

  /** How often the connection was resumed after dropping. */
  int reconnects();

  @Override
  void close();
}
