package dev.berth.model;

import java.time.Instant;

/**
 * What a path in a container is, as the archive endpoint describes it ({@code HEAD
 * /containers/{id}/archive}).
 *
 * <pre>{@code
 * PathStat s = container.stat("/etc/hostname");
 * s.size(); s.isDirectory(); Integer.toOctalString(s.permissions());   // 13, false, 644
 * }</pre>
 *
 * @param name the base name
 * @param size the size in bytes
 * @param mode the Go file mode as the engine sends it (type bits and permissions)
 * @param modified when it was last modified
 * @param linkTarget where a symbolic link points, or empty
 */
public record PathStat(String name, long size, long mode, Instant modified, String linkTarget) {
  private static final long DIRECTORY = 1L << 31;
  private static final long SYMLINK = 1L << 27;

  /** True for a directory. */
  public boolean isDirectory() {
    return (mode & DIRECTORY) != 0;
  }

  /** True for a symbolic link. */
  public boolean isSymlink() {
    return (mode & SYMLINK) != 0;
  }

  /** The permission bits, such as {@code 0644}. */
  public int permissions() {
    return (int) (mode & 0777);
  }
}
