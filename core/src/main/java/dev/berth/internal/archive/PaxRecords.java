package dev.berth.internal.archive;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a PAX extended header: records {@code "<length> <key>=<value>\n"}, where the
 * length counts the whole record in bytes, its own digits included, and values are UTF-8.
 */
final class PaxRecords {
  private PaxRecords() {}

  /** The records for {@code values}, in their iteration order. */
  static byte[] format(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((key, value) -> text.append(record(key, value)));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One record, its length prefix counting itself. */
  static String record(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
    // The prefix's own digits count, and adding them may add a digit (98 + 2 = 100 needs 3), so
    // settle on the first length that describes itself.
    int length = bodyLength + 1;
    while (length != bodyLength + Integer.toString(length).length()) {
      length = bodyLength + Integer.toString(length).length();
    }
    return length + body;
  }

  /**
   * The key/value pairs in {@code data}; a later record for a key replaces an earlier one, and an
   * empty value is kept (it cancels the key, which the caller applies).
   *
   * @throws IllegalArgumentException if a record is malformed
   */
  static Map<String, String> parse(byte[] data) {
    Map<String, String> values = new LinkedHashMap<>();
    int pos = 0;
    while (pos < data.length) {
      if (data[pos] == 0) {
        // some writers pad the header content with NULs
        break;
      }
      int space = pos;
      long length = 0;
      while (space < data.length && data[space] >= '0' && data[space] <= '9') {
        length = length * 10 + (data[space] - '0');
        if (length > data.length) {
          throw new IllegalArgumentException("record length runs past the header");
        }
        space++;
      }
      if (space == pos || space >= data.length || data[space] != ' ') {
        throw new IllegalArgumentException("record at byte " + pos + " has no length");
      }
      int end = pos + (int) length;
      if (end > data.length || end <= space + 1 || data[end - 1] != '\n') {
        throw new IllegalArgumentException("record at byte " + pos + " has a wrong length");
      }
      int equals = space + 1;
      while (equals < end - 1 && data[equals] != '=') {
        equals++;
      }
      if (equals >= end - 1 || equals == space + 1) {
        throw new IllegalArgumentException("record at byte " + pos + " has no key=value");
      }
      String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      String value = new String(data, equals + 1, end - 1 - equals - 1, StandardCharsets.UTF_8);
      values.put(key, value);
      pos = end;
    }
    return values;
  }
}
