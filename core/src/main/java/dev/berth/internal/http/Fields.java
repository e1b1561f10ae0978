package dev.berth.internal.http;

import dev.berth.model.ApiVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from the engine's JSON objects. A field that is absent, null or of another type reads
 * as null (text), 0 (numbers), false or an empty list: the schema grows every release and older
 * engines leave fields out.
 */
public final class Fields {
  private Fields() {}

  /** The text at {@code key}, or null. */
  public static String string(Map<String, Object> json, String key) {
    Object v = json.get(key);
    return v instanceof String s ? s : null;
  }

  /** The number at {@code key} as an int, or 0. */
  public static int integer(Map<String, Object> json, String key) {
    Object v = json.get(key);
    return v instanceof Number n ? n.intValue() : 0;
  }

  /** The number at {@code key} as a long, or 0. */
  public static long longValue(Map<String, Object> json, String key) {
    Object v = json.get(key);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  /** The boolean at {@code key}, or false. */
  public static boolean bool(Map<String, Object> json, String key) {
    return Boolean.TRUE.equals(json.get(key));
  }

  /** The object at {@code key}, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> json, String key) {
    Object v = json.get(key);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The strings in the array at {@code key}, or an empty list. */
  public static List<String> strings(Map<String, Object> json, String key) {
    Object v = json.get(key);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The API version written at {@code key}, or null when absent or malformed. */
  public static ApiVersion apiVersion(Map<String, Object> json, String key) {
    String text = string(json, key);
    try {
      return text == null ? null : ApiVersion.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An object's values as text (a null value stays null), in the engine's order. */
  public static Map<String, String> stringMap(Map<String, Object> json) {
    Map<String, String> out = new LinkedHashMap<>();
    json.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }
}
