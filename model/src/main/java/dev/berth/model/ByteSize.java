package dev.berth.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes written as the docker CLI reads {@code --memory}, {@code --shm-size} or {@code
 * tmpfs-size}: binary units, so {@code 1k} is 1024 bytes.
 *
 * <pre>{@code
 * ByteSize.parse("512m");        // 536870912
 * ByteSize.parse("1.5g");        // 1610612736
 * ByteSize.format(536870912L);   // "512m"
 * }</pre>
 */
public final class ByteSize {
  private static final String EXPECTED =
      "expected a number of bytes with an optional binary unit b, k, m, g, t or p (also kb or"
          + " kib, and so on), such as 512m or 1.5g";
  private static final Pattern FORM =
      Pattern.compile(
          "(\\d+(?:\\.\\d*)?|\\.\\d+) ?(b|[kmgtp](?:b|ib)?)?", Pattern.CASE_INSENSITIVE);
  private static final String UNITS = "kmgtp";
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private ByteSize() {}

  /**
   * Parses a size by Docker's rules ({@code RAMInBytes}): a decimal number, an optional space and
   * an optional case-insensitive unit {@code b}, {@code k}, {@code m}, {@code g}, {@code t} or
   * {@code p}, each of the last five optionally followed by {@code b} or {@code ib}. Units are
   * powers of 1024. A fraction of a byte is dropped, as Docker drops it.
   *
   * @throws IllegalArgumentException if {@code text} is not such a size or is more than {@code
   *     Long.MAX_VALUE} bytes
   */
  public static long parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("size is missing: " + EXPECTED);
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      String reason = text.isEmpty() ? "it is empty"
          : text.startsWith("-") ? "sizes cannot be negative"
          : "it is not a number with a known unit";
      throw invalid(text, reason);
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int power = UNITS.indexOf(unit.charAt(0)) + 1;
    BigDecimal bytes =
        new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1))
            .multiply(BigDecimal.valueOf(1024).pow(power))
            .setScale(0, RoundingMode.DOWN);
    if (bytes.compareTo(MAX) > 0) {
      throw invalid(text, "it is more than " + Long.MAX_VALUE + " bytes");
    }
    return bytes.longValueExact();
  }

  /**
   * Formats a number of bytes in the shortest form that {@link #parse} reads back exactly: {@code
   * 536870912} gives {@code 512m}, {@code 1610612736} gives {@code 1.5g}, {@code 1000} gives
   * {@code 1000}. When two forms are as short, the one without a fraction wins.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static String format(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException(
          "size " + bytes + " is not valid: sizes cannot be negative");
    }
    String best = Long.toString(bytes);
    for (int power = 1; power <= UNITS.length(); power++) {
      // a power of 1024 always divides into a terminating decimal, so this is exact
      String number = new BigDecimal(bytes)
          .divide(BigDecimal.valueOf(1024).pow(power))
          .stripTrailingZeros()
          .toPlainString();
      String candidate = number + UNITS.charAt(power - 1);
      boolean shorter = candidate.length() < best.length();
      boolean asShortWithoutFraction =
          candidate.length() == best.length() && !number.contains(".");
      if (bytes != 0 && (shorter || asShortWithoutFraction)) {
        best = candidate;
      }
    }
    return best;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "size \"" + text + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
