package dev.berth.model;

/**
 * A Docker Engine API version such as {@code 1.41}, ordered by major then minor number.
 *
 * <pre>{@code
 * ApiVersion v = ApiVersion.parse("1.41");
 * v.isAtLeast(ApiVersion.of(1, 40)); // true
 * }</pre>
 */
public final class ApiVersion implements Comparable<ApiVersion> {
  private final int major;
  private final int minor;

  private ApiVersion(int major, int minor) {
    this.major = major;
    this.minor = minor;
  }

  /**
   * Returns the version {@code major.minor}.
   *
   * @throws IllegalArgumentException if either number is negative
   */
  public static ApiVersion of(int major, int minor) {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException(
          "API version " + major + "." + minor + " is not valid: both numbers must be 0 or more");
    }
    return new ApiVersion(major, minor);
  }

  /**
   * Parses a version written as Docker writes it: {@code 1.41} (a leading {@code v}, as in request
   * paths, is accepted).
   *
   * @throws IllegalArgumentException if {@code text} is not of the form {@code MAJOR.MINOR}
   */
  public static ApiVersion parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("API version is missing: expected MAJOR.MINOR such as 1.41");
    }
    // v?[0-9]{1,4}\.[0-9]{1,4}, by hand: a client parses one at start-up, where the first regex
    // costs milliseconds
    String t = text.trim();
    int start = t.startsWith("v") ? 1 : 0;
    int dot = t.indexOf('.', start);
    if (dot < 0 || !digits(t, start, dot) || !digits(t, dot + 1, t.length())) {
      throw new IllegalArgumentException(
          "API version \"" + text + "\" is not valid: expected MAJOR.MINOR such as 1.41");
    }
    return new ApiVersion(Integer.parseInt(t, start, dot, 10),
        Integer.parseInt(t, dot + 1, t.length(), 10));
  }

  private static boolean digits(String s, int from, int to) {
    if (to - from < 1 || to - from > 4) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The major number, {@code 1} for every Engine API so far. */
  public int major() {
    return major;
  }

  /** The minor number, {@code 41} in {@code 1.41}. */
  public int minor() {
    return minor;
  }

  /** True when this version is {@code other} or newer. */
  public boolean isAtLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /** The older of the two versions. */
  public static ApiVersion min(ApiVersion a, ApiVersion b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public int compareTo(ApiVersion other) {
    int byMajor = Integer.compare(major, other.major);
    return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiVersion v && v.major == major && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return major * 31 + minor;
  }

  /** The version as Docker writes it, for example {@code 1.41}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
