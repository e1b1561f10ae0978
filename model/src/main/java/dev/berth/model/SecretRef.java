package dev.berth.model;

import java.util.Objects;

/**
 * A Swarm secret given to a service's tasks as a file ({@code docker service create --secret}).
 *
 * <pre>{@code
 * SecretRef.of("app_key");                                     // --secret app_key
 * SecretRef.parse("source=app_key,target=key.pem,mode=0400");  // --secret source=…
 * }</pre>
 *
 * @param source the secret's name
 * @param target where the file appears in the task: a file name under {@code /run/secrets} or an absolute path; by default {@code /run/secrets/NAME}
 * @param uid the file's owner
 * @param gid the file's group
 * @param mode the file's permission bits, such as {@code 0444}
 */
public record SecretRef(String source, String target, String uid, String gid, int mode) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the name is empty or the mode is not a file mode
   */
  public SecretRef {
    FileRefs.name("secret", source, source, "expected a secret name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(gid, "gid");
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("secret file mode " + Integer.toOctalString(mode)
          + " is not valid: expected 0 to 07777 (octal)");
    }
  }

  /** The secret {@code source} as {@code /run/secrets/NAME}, owned by root, mode 0444. */
  public static SecretRef of(String source) {
    return new SecretRef(source, source, "0", "0", 0444);
  }

  /**
   * Reads a {@code --secret} value: a name, or {@code source=…,target=…,uid=…,gid=…,mode=…}.
   *
   * @throws IllegalArgumentException if it cannot be read; the message quotes it
   */
  public static SecretRef parse(String spec) {
    FileRefs.Parts p = FileRefs.parse("secret", spec);
    SecretRef r = of(p.source());
    return new SecretRef(r.source, p.target() == null || p.target().isEmpty() ? r.target
        : p.target(), p.uid() == null ? "0" : p.uid(), p.gid() == null ? "0" : p.gid(),
        p.mode() < 0 ? 0444 : p.mode());
  }

  /** With the file at {@code target}. */
  public SecretRef target(String target) {
    return new SecretRef(source, target, uid, gid, mode);
  }

  /** With permission bits {@code mode}, such as {@code 0400}. */
  public SecretRef mode(int mode) {
    return new SecretRef(source, target, uid, gid, mode);
  }

  /** The {@code --secret} value that gives this reference. */
  public String toFlagValue() {
    return FileRefs.format(source, target, uid, gid, mode, of(source).target);
  }
}
