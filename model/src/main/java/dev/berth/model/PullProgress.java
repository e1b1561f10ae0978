package dev.berth.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The overall progress of a pull or push, from its per-layer messages: bytes done and known in all
 * layers. The fraction only ever moves forward, even when the engine restarts a layer or learns a
 * new layer's size late. Not thread-safe: feed it from the thread that reads the stream.
 *
 * <pre>{@code
 * PullProgress overall = new PullProgress();
 * images.pull(ref).progress(p -> {
 *   overall.add(p);
 *   System.out.printf("%.0f%%%n", overall.fraction() * 100);
 * }).call();
 * }</pre>
 */
public final class PullProgress {
  private final Map<String, long[]> layers = new LinkedHashMap<>();
  private double reported;

  /** Takes one message into account; messages without a layer id or bytes are ignored. */
  public void add(Progress p) {
    if (p.id() == null) {
      return;
    }
    long[] layer = layers.computeIfAbsent(p.id(), k -> new long[2]);
    if (p.total() > 0) {
      layer[1] = Math.max(layer[1], p.total());
    }
    layer[0] = Math.max(layer[0], Math.min(p.current(), layer[1] > 0 ? layer[1] : p.current()));
    String s = p.status() == null ? "" : p.status();
    if (s.equals("Pull complete") || s.equals("Already exists") || s.equals("Pushed")
        || s.equals("Layer already exists") || s.equals("Download complete")) {
      layer[0] = layer[1];
    }
  }

  /** Bytes done over all layers seen. */
  public long current() {
    return layers.values().stream().mapToLong(l -> l[0]).sum();
  }

  /** Bytes known over all layers seen (grows as layers report sizes). */
  public long total() {
    return layers.values().stream().mapToLong(l -> l[1]).sum();
  }

  /** The layers seen so far. */
  public int layers() {
    return layers.size();
  }

  /** Done as a fraction from 0 to 1 that never goes back. */
  public double fraction() {
    long total = total();
    double now = total == 0 ? 0 : Math.min(1.0, (double) current() / total);
    reported = Math.max(reported, now);
    return reported;
  }
}
