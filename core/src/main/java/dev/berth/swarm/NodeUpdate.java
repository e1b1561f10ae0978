package dev.berth.swarm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to a node ({@code docker node update --availability … --label-add … --label-rm …}).
 * Immutable; what is not set stays as it is.
 */
public final class NodeUpdate {
  private final String availability;
  private final String role;
  private final Map<String, String> labelsAdded;
  private final List<String> labelsRemoved;

  private NodeUpdate(String availability, String role, Map<String, String> labelsAdded,
      List<String> labelsRemoved) {
    this.availability = availability;
    this.role = role;
    this.labelsAdded = labelsAdded;
    this.labelsRemoved = labelsRemoved;
  }

  /** No changes yet. */
  public static NodeUpdate changes() {
    return new NodeUpdate(null, null, Map.of(), List.of());
  }

  /**
   * With the availability: {@code active}, {@code pause} or {@code drain}.
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public NodeUpdate availability(String availability) {
    if (!List.of("active", "pause", "drain").contains(availability)) {
      throw new IllegalArgumentException("availability \"" + availability
          + "\" is not valid: expected active, pause or drain");
    }
    return new NodeUpdate(availability, role, labelsAdded, labelsRemoved);
  }

  /**
   * With the role: {@code manager} or {@code worker} ({@code docker node promote/demote}).
   *
   * @throws IllegalArgumentException for another word; the message quotes it
   */
  public NodeUpdate role(String role) {
    if (!"manager".equals(role) && !"worker".equals(role)) {
      throw new IllegalArgumentException("role \"" + role
          + "\" is not valid: expected manager or worker");
    }
    return new NodeUpdate(availability, role, labelsAdded, labelsRemoved);
  }

  /** Adding or replacing a label ({@code --label-add key=value}). */
  public NodeUpdate label(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(labelsAdded);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return new NodeUpdate(availability, role, Collections.unmodifiableMap(copy), labelsRemoved);
  }

  /** Removing a label ({@code --label-rm key}). */
  public NodeUpdate removeLabel(String key) {
    List<String> copy = new ArrayList<>(labelsRemoved);
    copy.add(Objects.requireNonNull(key, "key"));
    return new NodeUpdate(availability, role, labelsAdded, List.copyOf(copy));
  }

  /** The new availability, or null. */
  public String availability() {
    return availability;
  }

  /** The new role, or null. */
  public String role() {
    return role;
  }

  /** Labels added or replaced. */
  public Map<String, String> labelsAdded() {
    return labelsAdded;
  }

  /** Labels removed. */
  public List<String> labelsRemoved() {
    return labelsRemoved;
  }
}
