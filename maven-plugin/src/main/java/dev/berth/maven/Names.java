package dev.berth.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/** Plugin configuration read null-safely: absent lists and maps are empty, blanks left out. */
final class Names {
  private Names() {}

  static List<String> list(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          out.add(v.trim());
        }
      }
    }
    return out;
  }

  static Map<String, String> map(Map<String, String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    if (values != null) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        out.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
      }
    }
    return out;
  }

  /** {@code values} with {@code one} in front when set; at least one is needed. */
  static List<String> required(String one, List<String> values, String what)
      throws MojoExecutionException {
    List<String> out = new ArrayList<>();
    if (one != null && !one.isBlank()) {
      out.add(one.trim());
    }
    out.addAll(list(values));
    if (out.isEmpty()) {
      throw new MojoExecutionException("No " + what + " given: set <" + what + "> or <" + what
          + "s>");
    }
    return out;
  }
}
