package dev.berth.model;


/** Reads the {@code --secret} and {@code --config} values of {@code docker service create}. */
final class FileRefs {
  private FileRefs() {}

  /** The parts of one value: source, target, uid, gid, mode (-1 when not given). */
  record Parts(String source, String target, String uid, String gid, int mode) {}

  static Parts parse(String flag, String spec) {
    String expected = "expected a name, or key=value fields such as"
        + " source=NAME,target=FILE,uid=0,gid=0,mode=0400";
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--" + flag + " \"" + spec + "\" is not valid: "
          + expected);
    }
    if (!spec.contains("=")) {
      return new Parts(name(flag, spec, spec, expected), null, null, null, -1);
    }
    String source = null;
    String target = null;
    String uid = null;
    String gid = null;
    int mode = -1;
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      String key = FlagValues.lowerAscii((eq < 0 ? field : field.substring(0, eq)).trim());
      String value = eq < 0 ? "" : field.substring(eq + 1).trim();
      switch (key) {
        case "source", "src" -> source = name(flag, spec, value, expected);
        case "target" -> target = value;
        case "uid" -> uid = id(flag, spec, value, "uid");
        case "gid" -> gid = id(flag, spec, value, "gid");
        case "mode" -> mode = mode(flag, spec, value);
        default -> throw new IllegalArgumentException("--" + flag + " \"" + spec
            + "\" is not valid: field \"" + key + "\" is unknown; " + expected);
      }
    }
    if (source == null) {
      throw new IllegalArgumentException("--" + flag + " \"" + spec
          + "\" is not valid: the source is missing; " + expected);
    }
    return new Parts(source, target, uid, gid, mode);
  }

  static String name(String flag, String spec, String name, String expected) {
    if (name == null || name.isEmpty() || name.contains("/") || name.contains(",")) {
      throw new IllegalArgumentException("--" + flag + " \"" + spec + "\" is not valid: name \""
          + name + "\" must be non-empty without / or ,; " + expected);
    }
    return name;
  }

  private static String id(String flag, String spec, String value, String what) {
    if (!value.matches("\\d+")) {
      throw new IllegalArgumentException("--" + flag + " \"" + spec + "\" is not valid: " + what
          + " \"" + value + "\" is not a number");
    }
    return value;
  }

  static int mode(String flag, String spec, String value) {
    if (!value.matches("0?[0-7]{1,4}")) {
      throw new IllegalArgumentException("--" + flag + " \"" + spec + "\" is not valid: mode \""
          + value + "\" is not an octal file mode such as 0400");
    }
    return Integer.parseInt(value, 8);
  }

  static String format(String source, String target, String uid, String gid, int mode,
      String defaultTarget) {
    StringBuilder b = new StringBuilder("source=").append(source);
    if (target != null && !target.equals(defaultTarget)) {
      b.append(",target=").append(target);
    }
    if (uid != null && !uid.equals("0")) {
      b.append(",uid=").append(uid);
    }
    if (gid != null && !gid.equals("0")) {
      b.append(",gid=").append(gid);
    }
    if (mode != 0444) {
      b.append(",mode=0").append(Integer.toOctalString(mode));
    }
    return b.toString();
  }
}
