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
 * @param typeFlag the header's type flag byte as stored ({@code '3'} for a character device, and
 *     so on), which tells {@link Type#OTHER} entries apart
 */
public record TarEntry(
    String name, Type type, int mode, long size, String linkTarget, Instant modified,
    byte typeFlag) {

  /** A description of the entry's kind for messages: "character device", "FIFO", and so on. */
  public String kind() {
    switch (type) {
      case FILE:
        return "file";
      case DIRECTORY:
        return "directory";
      case SYMLINK:
        return "symbolic link";
      case HARDLINK:
        return "hard link";
      default:
        break;
    }
    switch (typeFlag) {
      case '3':
        return "character device";
      case '4':
        return "block device";
      case '6':
        return "FIFO";
      case 'S':
        return "GNU sparse file";
      default:
        return typeFlag >= 0x21 && typeFlag < 0x7f
            ? "entry of unknown type '" + (char) typeFlag + "'"
            : "entry of unknown type " + (typeFlag & 0xff);
    }
  }

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
