package dev.berth.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Go's duration syntax, which the docker CLI reads for flags such as {@code --health-interval}
 * and the engine prints in its answers.
 *
 * <pre>{@code
 * GoDuration.parse("1m30s");                   // PT1M30S
 * GoDuration.format(Duration.ofMillis(300));   // "300ms"
 * }</pre>
 *
 * <p>Docker durations are never negative, so both methods reject negative values.
 */
public final class GoDuration {
  private static final String EXPECTED =
      "expected a Go duration such as 300ms, 1.5h or 1m30s (units ns, us, ms, s, m, h)";
  private static final long NANOS_PER_MICRO = 1_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /**
   * Parses a Go duration: a sequence of decimal numbers, each with an optional fraction and a
   * unit, such as {@code 300ms}, {@code 1.5h} or {@code 1m30s}; {@code 0} needs no unit. The units
   * are {@code ns}, {@code us} (or {@code µs}), {@code ms}, {@code s}, {@code m} and {@code h}.
   * Fractions below a nanosecond are dropped, as Go drops them.
   *
   * @throws IllegalArgumentException if {@code text} is not a Go duration, is negative, or is
   *     longer than Go can hold (about 292 years)
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("duration is missing: " + EXPECTED);
    }
    String s = text.startsWith("+") ? text.substring(1) : text;
    if (s.startsWith("-")) {
      throw invalid(text, "negative durations are not allowed");
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    BigInteger total = BigInteger.ZERO;
    int i = 0;
    while (i < s.length()) {
      int numberStart = i;
      i = skipDigits(s, i);
      String whole = s.substring(numberStart, i);
      String fraction = "";
      if (i < s.length() && s.charAt(i) == '.') {
        int fractionStart = ++i;
        i = skipDigits(s, i);
        fraction = s.substring(fractionStart, i);
      }
      if (whole.isEmpty() && fraction.isEmpty()) {
        throw invalid(text, "each unit needs a number before it");
      }
      int unitStart = i;
      while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw invalid(text, "the number " + s.substring(numberStart, i) + " has no unit");
      }
      long nanosPerUnit = nanosPerUnit(unit);
      if (nanosPerUnit == 0) {
        throw invalid(text, "unknown unit \"" + unit + "\"");
      }
      BigDecimal number =
          new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + fraction + "0");
      total =
          total.add(
              number
                  .multiply(BigDecimal.valueOf(nanosPerUnit))
                  .setScale(0, RoundingMode.DOWN)
                  .toBigInteger());
      if (total.compareTo(MAX_NANOS) > 0) {
        throw invalid(text, "it is longer than Go can hold (about 292 years)");
      }
    }
    return Duration.ofNanos(total.longValue());
  }

  /**
   * Formats a duration as Go prints one: {@code 1m30s}, {@code 1h0m0s}, {@code 300ms}, {@code
   * 1.5µs}, {@code 0s}.
   *
   * @throws IllegalArgumentException if {@code duration} is negative or longer than Go can hold
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "duration " + duration + " is not valid: Docker durations are never negative");
    }
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "duration " + duration + " is not valid: Go durations end at about 292 years", e);
    }
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < NANOS_PER_MICRO) {
      return nanos + "ns";
    }
    if (nanos < NANOS_PER_MILLI) {
      return decimal(nanos, NANOS_PER_MICRO) + "µs";
    }
    if (nanos < NANOS_PER_SECOND) {
      return decimal(nanos, NANOS_PER_MILLI) + "ms";
    }
    long wholeSeconds = nanos / NANOS_PER_SECOND;
    long minutes = wholeSeconds / 60;
    long hours = minutes / 60;
    String seconds = decimal(wholeSeconds % 60 * NANOS_PER_SECOND + nanos % NANOS_PER_SECOND,
        NANOS_PER_SECOND) + "s";
    if (hours > 0) {
      return hours + "h" + minutes % 60 + "m" + seconds;
    }
    if (minutes > 0) {
      return minutes + "m" + seconds;
    }
    return seconds;
  }

  private static String decimal(long value, long unit) {
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static long nanosPerUnit(String unit) {
    switch (unit) {
      case "ns":
        return 1;
      case "us":
      case "µs": // U+00B5 micro sign, what Go prints
      case "μs": // U+03BC Greek mu, which Go also accepts
        return NANOS_PER_MICRO;
      case "ms":
        return NANOS_PER_MILLI;
      case "s":
        return NANOS_PER_SECOND;
      case "m":
        return 60 * NANOS_PER_SECOND;
      case "h":
        return 3600 * NANOS_PER_SECOND;
      default:
        return 0;
    }
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "duration \"" + text + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
