package dev.berth.containers;

import java.util.Objects;

/**
 * An entry of a container's archive that {@link Container#copyOut} left out, because the host
 * cannot get it without privileges: a device, a FIFO or another special file, or a hard link to
 * one. {@code docker cp} run as root would create such entries; Berth never does.
 *
 * @param name the entry's name as the engine sent it: the base name of the copied path, then the
 *     path below it, such as {@code dev/null} for {@code copyOut("/dev", …)}
 * @param reason what it is, such as {@code "a character device"} or {@code "a FIFO"}
 */
public record SkippedEntry(String name, String reason) {
  /** Checks that both parts are there. */
  public SkippedEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code "dev/null (a character device)"}. */
  @Override
  public String toString() {
    return name + " (" + reason + ")";
  }
}
