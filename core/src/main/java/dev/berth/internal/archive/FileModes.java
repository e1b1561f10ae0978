package dev.berth.internal.archive;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Conversions between tar's numeric permission bits and the JDK's permission sets. */
final class FileModes {
  private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values();

  private FileModes() {}

  /** The mode bits ({@code 0777} at most) of {@code permissions}. */
  static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      // the enum runs OWNER_READ (0400) down to OTHERS_EXECUTE (0001)
      mode |= 1 << (BY_BIT.length - 1 - p.ordinal());
    }
    return mode;
  }

  /** The permissions in {@code mode}; set-id and sticky bits have no JDK equivalent and drop. */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : BY_BIT) {
      if ((mode & (1 << (BY_BIT.length - 1 - p.ordinal()))) != 0) {
        permissions.add(p);
      }
    }
    return permissions;
  }
}
