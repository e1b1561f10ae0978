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

  /**
   * The image name at {@code key} as the docker CLI shows it: Podman writes names in full
   * ({@code docker.io/library/redis:7}, {@code docker.io/acme/app:1}), dockerd in their familiar
   * form ({@code redis:7}, {@code acme/app:1}). Null when absent.
   */
  public static String imageName(Map<String, Object> json, String key) {
    return familiar(string(json, key));
  }

  /** The image names in the array at {@code key}, each as {@link #imageName} reads it. */
  public static List<String> imageNames(Map<String, Object> json, String key) {
    List<String> names = strings(json, key);
    names.replaceAll(Fields::familiar);
    return names;
  }

  /** {@code name} without the {@code docker.io/} (and {@code library/}) that Podman puts first. */
  public static String familiar(String name) {
    if (name == null || !name.startsWith("docker.io/")) {
      return name;
    }
    String rest = name.substring("docker.io/".length());
    return rest.startsWith("library/") && rest.indexOf('/', "library/".length()) < 0
        ? rest.substring("library/".length()) : rest;
  }

  /**
   * An image id in the engine's {@code sha256:<hex>} form: Podman leaves the algorithm out of some
   * answers (commit, prune, load), dockerd never does.
   */
  public static String imageId(String id) {
    if (id != null && id.length() == 64 && id.chars().allMatch(c -> (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f'))) {
      return "sha256:" + id;
    }
    return id;
  }
}
