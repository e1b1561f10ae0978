package dev.berth.internal.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times as the engine writes them in inspect answers, events and archive stats. */
public final class EngineTimes {
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000, 1_000_000_000};

  private EngineTimes() {}

  /** An engine timestamp, or null for none or Go's zero time (year 1). */
  public static Instant instant(String text) {
    if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) {
      return null;
    }
    Instant utc = utc(text);
    if (utc != null) {
      return utc;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * A time as dockerd writes it ({@code 2016-07-01T10:00:00.123456789Z}: UTC, 0 to 9 fraction
   * digits) read without {@code DateTimeFormatter}, which cost a tenth of an inspect's CPU for its
   * three times; null for any other form, which {@link Instant#parse} then reads.
   */
  static Instant utc(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (s.charAt(19) != '.' || fraction < 1) {
        return null;
      }
      int f = digits(s, 20, n - 1);
      if (f < 0) {
        return null;
      }
      nanos = f * POWERS_OF_TEN[9 - fraction];
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    try {
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    } catch (java.time.DateTimeException e) {
      return null; // such as February 30
    }
  }

  /** The decimal number in {@code s[from, to)}, or -1 if any of it is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
