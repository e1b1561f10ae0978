package dev.berth.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments for ids and names that users give. */
public final class Paths {
  private Paths() {}

  /**
   * {@code value} encoded for use as one path segment; with {@code slashesAllowed}, {@code /} is
   * kept, for names that are paths such as a link's {@code /web/db}.
   *
   * @throws IllegalArgumentException if {@code value} is empty
   */
  public static String segment(String value, boolean slashesAllowed) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an id or name is needed, not \"" + value + "\"");
    }
    if (value.startsWith("/") && value.length() > 1) {
      // Inspect writes names as "/web"; the engine takes either, but answers a path with "//"
      // with a redirect to the cleaned path.
      value = value.substring(1);
    }
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    return slashesAllowed ? encoded.replace("%2F", "/") : encoded;
  }
}
