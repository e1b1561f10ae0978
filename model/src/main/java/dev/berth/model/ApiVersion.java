package dev.berth.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker Engine API version such as {@code 1.41}, ordered by major then minor number.
 *
 * <pre>{@code
 * ApiVersion v = ApiVersion.parse("1.41");
 * v.isAtLeast(ApiVersion.of(1, 40)); // true
 * }</pre>
 */
public final class ApiVersion implements Comparable<ApiVersion> {
  private static final Pattern FORM = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})");

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
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "API version \"" + text + "\" is not valid: expected MAJOR.MINOR such as 1.41");
    }
    return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
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
