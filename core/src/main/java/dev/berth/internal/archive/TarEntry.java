package dev.berth.internal.archive;

import java.time.Instant;

/**
 * One entry of a tar stream, as {@link TarReader#next()} returns it, with the long names, long link
 * targets, large sizes and precise times of PAX and GNU extension headers already applied.
 *
 * @param name the name as stored: relative or absolute, {@code /}-separated, directories usually
 *     ending with {@code /}
 * @param type what the entry is
 * @param mode the permission bits, {@code 07777} at most
 * @param size the number of content bytes; 0 for directories and links
 * @param linkTarget what a symbolic or hard link points to, or null for other entries
 * @param modified the modification time
 */
public record TarEntry(
    String name, Type type, int mode, long size, String linkTarget, Instant modified) {

  /** The kinds of entry Berth tells apart. */
  public enum Type {
    /** A regular file, whose content follows the header. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link to {@link TarEntry#linkTarget()}. */
    SYMLINK,
    /** A hard link to the earlier entry named {@link TarEntry#linkTarget()}. */
    HARDLINK,
    /** Anything else: devices, FIFOs, GNU sparse files and such. */
    OTHER
  }
}
