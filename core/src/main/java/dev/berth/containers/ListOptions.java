package dev.berth.containers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which containers {@code docker ps} lists: {@code -a}, {@code -n}, {@code -s} and {@code
 * --filter}. Immutable; {@code with…} returns a copy.
 *
 * <pre>{@code
 * ListOptions.all().withLimit(6);                         // docker ps -a -n 6
 * ListOptions.running().withLabel("dev.berth.test");      // docker ps --filter label=…
 * ListOptions.all().withFilter("status", "exited");
 * }</pre>
 */
public final class ListOptions {
  private final boolean all;
  private final int limit;
  private final boolean size;
  private final Map<String, List<String>> filters;

  private ListOptions(boolean all, int limit, boolean size, Map<String, List<String>> filters) {
    this.all = all;
    this.limit = limit;
    this.size = size;
    this.filters = filters;
  }

  /** Running containers only, as plain {@code docker ps}. */
  public static ListOptions running() {
    return new ListOptions(false, 0, false, Map.of());
  }

  /** Every container, running or not, as {@code docker ps -a}. */
  public static ListOptions all() {
    return new ListOptions(true, 0, false, Map.of());
  }

  /**
   * At most the {@code n} newest containers, running or not, as {@code docker ps -n}.
   *
   * @throws IllegalArgumentException if {@code n} is below 1
   */
  public ListOptions withLimit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit " + n + " is not valid: expected 1 or more");
    }
    return new ListOptions(all, n, size, filters);
  }

  /** With sizes ({@code SizeRw}, {@code SizeRootFs} in {@code raw()}), as {@code docker ps -s}. */
  public ListOptions withSize(boolean size) {
    return new ListOptions(all, limit, size, filters);
  }

  /**
   * With one more filter, as {@code --filter key=value}: {@code label}, {@code name}, {@code
   * status}, {@code id}, {@code ancestor}, {@code network}, {@code volume}, {@code exited}, …
   * Values of one key are alternatives; different keys must all match.
   */
  public ListOptions withFilter(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, key);
    Map<String, List<String>> copy = new LinkedHashMap<>(filters);
    List<String> values = new ArrayList<>(copy.getOrDefault(key, List.of()));
    values.add(value);
    copy.put(key, List.copyOf(values));
    return new ListOptions(all, limit, size, Collections.unmodifiableMap(copy));
  }

  /** Only containers that have the label {@code key}, whatever its value. */
  public ListOptions withLabel(String key) {
    return withFilter("label", key);
  }

  /** Only containers whose label {@code key} is {@code value}. */
  public ListOptions withLabel(String key, String value) {
    return withFilter("label", key + "=" + value);
  }

  /** Whether stopped containers are listed too. */
  public boolean includesStopped() {
    return all;
  }

  /** The most containers listed, 0 for no limit. */
  public int limit() {
    return limit;
  }

  /** Whether sizes are asked for. */
  public boolean size() {
    return size;
  }

  /** The filters, each key with its values. */
  public Map<String, List<String>> filters() {
    return filters;
  }
}
