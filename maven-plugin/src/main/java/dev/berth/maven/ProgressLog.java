package dev.berth.maven;

import dev.berth.model.Progress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes a pull's or push's progress to Maven's log as its users expect: one line each time a
 * layer's state changes ({@code Waiting}, {@code Pushing}, {@code Pushed}), never one per byte
 * count; and a build's output line by line, however the engine cut it into messages.
 */
final class ProgressLog implements Consumer<Progress> {
  private final Log log;
  private final Map<String, String> layerStates = new HashMap<>();
  private final StringBuilder partial = new StringBuilder();

  ProgressLog(Log log) {
    this.log = log;
  }

  @Override
  public void accept(Progress p) {
    if (p.stream() != null) {
      text(p.stream());
      return;
    }
    if (p.isError()) {
      return; // the failure is reported once, by the goal
    }
    String status = p.status();
    if (status == null || status.isBlank()) {
      return;
    }
    if (p.id() == null || p.id().isBlank()) {
      log.info(status);
      return;
    }
    if (!status.equals(layerStates.put(p.id(), status))) {
      log.info(p.id() + ": " + status);
    }
  }

  /** Logs each complete line of {@code chunk}; a line's start waits for its end. */
  void text(String chunk) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\n') {
        flush();
      } else if (c != '\r') {
        partial.append(c);
      }
    }
  }

  /** Logs an unfinished last line, if any. */
  void flush() {
    if (partial.length() > 0) {
      log.info(partial.toString());
      partial.setLength(0);
    }
  }
}
