package dev.berth.images;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which images {@code docker images} lists. Immutable; {@code with…} returns a copy.
 *
 * <pre>{@code
 * ImageListOptions.tagged().withReference("ubuntu:*");   // docker images 'ubuntu:*'
 * ImageListOptions.all().withFilter("dangling", "true");  // docker images -a -f dangling=true
 * }</pre>
 */
public final class ImageListOptions {
  private final boolean all;
  private final Map<String, List<String>> filters;

  private ImageListOptions(boolean all, Map<String, List<String>> filters) {
    this.all = all;
    this.filters = filters;
  }

  /** Top-level images, as plain {@code docker images}. */
  public static ImageListOptions tagged() {
    return new ImageListOptions(false, Map.of());
  }

  /** Intermediate images too, as {@code docker images -a}. */
  public static ImageListOptions all() {
    return new ImageListOptions(true, Map.of());
  }

  /** With a filter: {@code reference}, {@code label}, {@code dangling}, {@code before}, … */
  public ImageListOptions withFilter(String key, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(filters);
    List<String> values = new ArrayList<>(copy.getOrDefault(key, List.of()));
    values.add(value);
    copy.put(key, List.copyOf(values));
    return new ImageListOptions(all, Collections.unmodifiableMap(copy));
  }

  /** Only images whose name matches {@code pattern}, as {@code docker images REPO[:TAG]}. */
  public ImageListOptions withReference(String pattern) {
    return withFilter("reference", pattern);
  }

  /** Only images with label {@code key=value} (or just {@code key}). */
  public ImageListOptions withLabel(String label) {
    return withFilter("label", label);
  }

  /** Whether intermediate images are listed. */
  public boolean includesIntermediate() {
    return all;
  }

  /** The filters. */
  public Map<String, List<String>> filters() {
    return filters;
  }
}
