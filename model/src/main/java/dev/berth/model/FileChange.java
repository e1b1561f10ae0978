package dev.berth.model;

/**
 * One line of {@code docker diff}: a path in the container's filesystem and how it changed
 * against the image.
 *
 * <pre>{@code
 * for (FileChange c : container.diff()) System.out.println(c);   // "A /tmp/hello"
 * }</pre>
 *
 * @param kind how it changed
 * @param path the absolute path in the container
 */
public record FileChange(Kind kind, String path) {
  /** How a path changed, with the letter {@code docker diff} shows. */
  public enum Kind {
    /** {@code C}: changed. */
    CHANGED,
    /** {@code A}: added. */
    ADDED,
    /** {@code D}: deleted. */
    DELETED;

    /** The engine's number for it (0, 1, 2), or an error for another number. */
    public static Kind of(int engineKind) {
      if (engineKind < 0 || engineKind > 2) {
        throw new IllegalArgumentException("change kind " + engineKind
            + " is not valid: expected 0 (changed), 1 (added) or 2 (deleted)");
      }
      return values()[engineKind];
    }

    /** The letter {@code docker diff} shows: C, A or D. */
    public char letter() {
      return "CAD".charAt(ordinal());
    }
  }

  /** As {@code docker diff} prints it, for example {@code A /tmp/hello}. */
  @Override
  public String toString() {
    return kind.letter() + " " + path;
  }
}
