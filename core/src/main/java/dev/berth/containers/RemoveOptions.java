package dev.berth.containers;

/**
 * How {@code docker rm} removes: {@code -f} (force), {@code -v} (volumes), {@code -l} (link).
 * Immutable; {@code with…} returns a copy.
 *
 * <pre>{@code
 * container.remove(RemoveOptions.force().withVolumes(true));   // docker rm -f -v
 * }</pre>
 */
public final class RemoveOptions {
  private static final RemoveOptions DEFAULTS = new RemoveOptions(false, false, false);

  private final boolean force;
  private final boolean volumes;
  private final boolean link;

  private RemoveOptions(boolean force, boolean volumes, boolean link) {
    this.force = force;
    this.volumes = volumes;
    this.link = link;
  }

  /** No flags: a running container is refused. */
  public static RemoveOptions defaults() {
    return DEFAULTS;
  }

  /** {@code -f}: kill it first if it runs. */
  public static RemoveOptions force() {
    return new RemoveOptions(true, false, false);
  }

  /** {@code -l}: remove a link, named {@code /container/alias}, not a container. */
  public static RemoveOptions link() {
    return new RemoveOptions(false, false, true);
  }

  /** With {@code -f} set or not. */
  public RemoveOptions withForce(boolean force) {
    return new RemoveOptions(force, volumes, link);
  }

  /** With {@code -v} set or not: also remove the container's anonymous volumes. */
  public RemoveOptions withVolumes(boolean volumes) {
    return new RemoveOptions(force, volumes, link);
  }

  /** With {@code -l} set or not. */
  public RemoveOptions withLink(boolean link) {
    return new RemoveOptions(force, volumes, link);
  }

  /** Whether a running container is killed first ({@code -f}). */
  public boolean isForce() {
    return force;
  }

  /** Whether anonymous volumes go too ({@code -v}). */
  public boolean isVolumes() {
    return volumes;
  }

  /** Whether only a link is removed ({@code -l}). */
  public boolean isLink() {
    return link;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RemoveOptions r && r.force == force && r.volumes == volumes
        && r.link == link;
  }

  @Override
  public int hashCode() {
    return (force ? 1 : 0) + (volumes ? 2 : 0) + (link ? 4 : 0);
  }

  @Override
  public String toString() {
    return "RemoveOptions{" + (force ? "-f " : "") + (volumes ? "-v " : "") + (link ? "-l" : "")
        + "}";
  }
}
