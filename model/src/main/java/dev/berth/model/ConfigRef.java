package dev.berth.model;

import java.util.Objects;

/**
 * A Swarm config given to a service's tasks as a file ({@code docker service create --config}).
 *
 * <pre>{@code
 * ConfigRef.of("app_key");                                     // --config app_key
 * ConfigRef.parse("source=app_key,target=key.pem,mode=0400");  // --config source=…
 * }</pre>
 *
 * @param source the config's name
 * @param target where the file appears in the task: an absolute path, or by default the name,
 *     which the engine places at {@code /NAME}
 * @param uid the file's owner
 * @param gid the file's group
 * @param mode the file's permission bits, such as {@code 0444}
 */
public record ConfigRef(String source, String target, String uid, String gid, int mode) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the name is empty or the mode is not a file mode
   */
  public ConfigRef {
    FileRefs.name("config", source, source, "expected a config name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(gid, "gid");
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("config file mode " + Integer.toOctalString(mode)
          + " is not valid: expected 0 to 07777 (octal)");
    }
  }

  /** The config {@code source} at {@code /NAME}, owned by root, mode 0444. */
  public static ConfigRef of(String source) {
    return new ConfigRef(source, source, "0", "0", 0444);
  }

  /**
   * Reads a {@code --config} value: a name, or {@code source=…,target=…,uid=…,gid=…,mode=…}.
   *
   * @throws IllegalArgumentException if it cannot be read; the message quotes it
   */
  public static ConfigRef parse(String spec) {
    FileRefs.Parts p = FileRefs.parse("config", spec);
    ConfigRef r = of(p.source());
    return new ConfigRef(r.source, p.target() == null || p.target().isEmpty() ? r.target
        : p.target(), p.uid() == null ? "0" : p.uid(), p.gid() == null ? "0" : p.gid(),
        p.mode() < 0 ? 0444 : p.mode());
  }

  /** With the file at {@code target}. */
  public ConfigRef target(String target) {
    return new ConfigRef(source, target, uid, gid, mode);
  }

  /** With permission bits {@code mode}, such as {@code 0400}. */
  public ConfigRef mode(int mode) {
    return new ConfigRef(source, target, uid, gid, mode);
  }

  /** The {@code --config} value that gives this reference. */
  public String toFlagValue() {
    return FileRefs.format(source, target, uid, gid, mode, of(source).target);
  }
}
