package dev.berth.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to an image, such as {@code ubuntu:22.04} or {@code
 * localhost:5000/team/app@sha256:...}, read by the grammar of Docker's distribution/reference
 * package and normalized as the docker CLI normalizes it.
 *
 * <pre>{@code
 * ImageRef ref = ImageRef.parse("ubuntu:22.04");
 * ref.name();        // "docker.io/library/ubuntu"
 * ref.normalized();  // "docker.io/library/ubuntu:22.04"
 * ref.familiar();    // "ubuntu:22.04"
 * }</pre>
 *
 * <p>The first {@code /}-separated component is a registry only if it is {@code localhost}, or
 * contains a {@code .} or a {@code :} (a port, or a bracketed IPv6 address such as {@code
 * [::1]:5000}); otherwise the image is on Docker Hub ({@code docker.io}), where a one-component
 * name lives under {@code library/}.
 */
public final class ImageRef {
  /** The registry of every reference that names none. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int MAX_NAME_LENGTH = 255;
  private static final int MAX_TAG_LENGTH = 128;
  private static final String EXPECTED =
      "expected [registry[:port]/]path[:tag][@algorithm:hex], such as ubuntu:22.04 or"
          + " localhost:5000/team/app:1.0";

  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final String HOST_COMPONENT = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
  private static final Pattern REGISTRY =
      Pattern.compile(
          "(?:" + HOST_COMPONENT + "(?:\\." + HOST_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])"
              + "(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("\\w[\\w.-]*");
  private static final int MIN_DIGEST_HEX = 32;
  private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern ID_TEXT = Pattern.compile("(sha256:)?[a-f0-9]{1,64}");

  private final String registry;
  private final String repository;
  private final String tag;
  private final String digest;
  /** The image id, {@code sha256:<hex>} or a short hex prefix, when this refers to an id. */
  private final String id;

  private ImageRef(String registry, String repository, String tag, String digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
    this.id = null;
  }

  private ImageRef(String id) {
    this.registry = "";
    this.repository = id;
    this.tag = null;
    this.digest = null;
    this.id = id;
  }

  /**
   * A reference to an image by its id: a full id ({@code sha256:<64 hex>} or the 64 hex digits
   * alone) or a short one ({@code 833a869ff953}, with or without {@code sha256:}), as {@code docker
   * run} and {@code docker inspect} take them. The engine resolves a short id to the one image it
   * begins. An id is never pulled.
   *
   * @throws IllegalArgumentException if {@code id} is not up to 64 lower-case hex digits, with or
   *     without {@code sha256:}
   */
  public static ImageRef ofId(String id) {
    if (id == null || !ID_TEXT.matcher(id).matches()) {
      throw new IllegalArgumentException("image id \"" + id + "\" is not valid: expected up to 64"
          + " lower-case hex digits, with or without sha256:, such as sha256:833a869ff953…");
    }
    return new ImageRef(IMAGE_ID.matcher(id).matches() ? "sha256:" + id : id);
  }

  /**
   * Parses an image reference as {@code docker pull} and {@code docker run} read one.
   *
   * <p>{@code ubuntu} becomes {@code docker.io/library/ubuntu}, {@code index.docker.io/x}
   * becomes {@code docker.io/library/x}, and a tag and a digest may both be given ({@code
   * name:tag@digest}). No tag is added; see {@link #normalized()} and {@link #tagOrLatest()}.
   *
   * <p>A full image id, {@code sha256:<64 hex>} or the 64 hex digits alone, is read as an id
   * ({@link #isId()}), as the docker CLI reads it, and not as a repository named {@code sha256}.
   * A short id such as {@code 833a869ff953} reads as a name, as in the CLI (the engine still finds
   * the image by it); {@link #ofId} says it is an id.
   *
   * @throws IllegalArgumentException if {@code text} is empty, contains white space, has an
   *     upper-case or empty path component, a bad registry, a tag that is not valid or longer than
   *     128 characters, a bad digest, or a name over 255 characters
   */
  public static ImageRef parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("image reference is missing: " + EXPECTED);
    }
    if (text.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(text, "it must not contain white space");
    }
    if (IMAGE_ID.matcher(text).matches()) {
      return new ImageRef("sha256:" + text);
    }
    if (text.startsWith("sha256:") && IMAGE_ID.matcher(text.substring(7)).matches()) {
      return new ImageRef(text);
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      String problem = digestProblem(digest);
      if (problem != null) {
        throw invalid(text, problem);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      String problem = tagProblem(tag);
      if (problem != null) {
        throw invalid(text, problem);
      }
    }
    if (rest.isEmpty()) {
      throw invalid(text, "the name before the tag or digest is empty");
    }

    String registry = DOCKER_HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash > 0 && looksLikeRegistry(rest.substring(0, slash))) {
      registry = rest.substring(0, slash);
      path = rest.substring(slash + 1);
    }
    String givenRegistry = registry;
    if (registry.equals(LEGACY_DOCKER_HUB)) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0 && !path.isEmpty()) {
      path = OFFICIAL_PREFIX + path;
    }
    // the length first: the patterns below recurse once per repetition, and a name of some
    // thousands of components would overflow the stack
    int nameLength = registry.length() + 1 + path.length();
    if (nameLength > MAX_NAME_LENGTH) {
      throw invalid(
          text,
          "the name is " + nameLength + " characters with its registry; at most "
              + MAX_NAME_LENGTH + " are allowed");
    }
    if (!REGISTRY.matcher(givenRegistry).matches()) {
      throw invalid(
          text,
          "registry \"" + givenRegistry + "\" is not a valid host[:port]; host names are letters,"
              + " digits and - separated by dots, and an IPv6 address goes in brackets");
    }
    for (String component : path.split("/", -1)) {
      if (component.isEmpty()) {
        throw invalid(text, "path components must not be empty (as in a//b or a trailing /)");
      }
      if (!PATH_COMPONENT.matcher(component).matches()) {
        if (PATH_COMPONENT.matcher(component.toLowerCase(Locale.ROOT)).matches()) {
          throw invalid(text, "repository name must be lowercase");
        }
        throw invalid(
            text,
            "path component \"" + component + "\" may hold only lower-case letters and digits,"
                + " joined by single separators . _ __ or -");
      }
    }
    return new ImageRef(registry, path, tag, digest);
  }

  /** Whether this refers to an image by its id ({@link #ofId}) rather than by a name. */
  public boolean isId() {
    return id != null;
  }

  /**
   * The image id this refers to, such as {@code sha256:833a…} or a short {@code 833a869ff953}.
   *
   * @throws IllegalStateException if this refers to a name ({@link #isId()} is false)
   */
  public String id() {
    if (id == null) {
      throw new IllegalStateException(familiar() + " is an image name, not an id");
    }
    return id;
  }

  /**
   * The registry: {@code docker.io}, {@code localhost:5000}, {@code [::1]:5000}, {@code
   * ghcr.io}; empty for an {@linkplain #isId() id}.
   */
  public String registry() {
    return registry;
  }

  /**
   * The path within the registry, such as {@code library/ubuntu} or {@code team/app}; the id for
   * an {@linkplain #isId() id}.
   */
  public String repository() {
    return repository;
  }

  /**
   * The full name without tag or digest, such as {@code docker.io/library/ubuntu}; the id for an
   * {@linkplain #isId() id}.
   */
  public String name() {
    return id != null ? id : registry + "/" + repository;
  }

  /** The tag as given, such as {@code 22.04}, or null if none was given. */
  public String tag() {
    return tag;
  }

  /** The digest as given, such as {@code sha256:...}, or null if none was given. */
  public String digest() {
    return digest;
  }

  /** The tag, or {@code latest} when none was given (even if a digest was). */
  public String tagOrLatest() {
    return tag != null ? tag : "latest";
  }

  /**
   * The fully qualified form, such as {@code docker.io/library/ubuntu:latest}; {@code latest} is
   * added only when the reference has neither a tag nor a digest.
   */
  public String normalized() {
    if (id != null) {
      return id;
    }
    if (tag == null && digest == null) {
      return name() + ":latest";
    }
    return name() + suffix();
  }

  /**
   * The short form the docker CLI shows, such as {@code ubuntu:14.04}, {@code ouruser/sinatra:v2}
   * or {@code localhost:5000/x:1}: {@code docker.io/} and {@code library/} are dropped for Docker
   * Hub, the tag and digest are kept as given, and no tag is added.
   */
  public String familiar() {
    return familiarName() + suffix();
  }

  /** The short name without tag or digest, such as {@code ubuntu} or {@code ouruser/sinatra}. */
  public String familiarName() {
    if (id != null) {
      return id;
    }
    if (!registry.equals(DOCKER_HUB)) {
      return name();
    }
    String path = repository;
    if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
      String shortName = path.substring(OFFICIAL_PREFIX.length());
      // 64 hex digits alone would read back as an image id: keep library/ to stay a name
      return IMAGE_ID.matcher(shortName).matches() ? path : shortName;
    }
    int slash = path.indexOf('/');
    if (slash > 0 && looksLikeRegistry(path.substring(0, slash))) {
      // without its registry, docker.io/example.com/x would read back as registry example.com
      return name();
    }
    return path;
  }

  /**
   * Returns this reference with {@code tag} instead of its tag; the digest is kept. A null
   * {@code tag} removes the tag.
   *
   * @throws IllegalArgumentException if {@code tag} is not a valid tag
   * @throws IllegalStateException if this is an {@linkplain #isId() id}
   */
  public ImageRef withTag(String tag) {
    requireName("a tag");
    if (tag != null) {
      String problem = tagProblem(tag);
      if (problem != null) {
        throw new IllegalArgumentException(
            "tag \"" + tag + "\" is not valid: " + problem
                + "; expected up to 128 letters, digits, _, . or -, not starting with . or -");
      }
    }
    return new ImageRef(registry, repository, tag, digest);
  }

  /**
   * Returns this reference with {@code digest} instead of its digest; the tag is kept. A null
   * {@code digest} removes the digest.
   *
   * @throws IllegalArgumentException if {@code digest} is not {@code algorithm:hex}
   * @throws IllegalStateException if this is an {@linkplain #isId() id}
   */
  public ImageRef withDigest(String digest) {
    requireName("a digest");
    if (digest != null) {
      String problem = digestProblem(digest);
      if (problem != null) {
        throw new IllegalArgumentException(
            "digest \"" + digest + "\" is not valid: " + problem);
      }
    }
    return new ImageRef(registry, repository, tag, digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageRef r
        && r.registry.equals(registry)
        && r.repository.equals(repository)
        && Objects.equals(r.tag, tag)
        && Objects.equals(r.digest, digest)
        && Objects.equals(r.id, id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(registry, repository, tag, digest, id);
  }

  private void requireName(String what) {
    if (id != null) {
      throw new IllegalStateException("image id " + id + " cannot take " + what + ": only a name"
          + " can");
    }
  }

  /** The {@linkplain #familiar() familiar} form, which {@link #parse} reads back as this value. */
  @Override
  public String toString() {
    return familiar();
  }

  private String suffix() {
    return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  private static boolean looksLikeRegistry(String component) {
    return component.equals("localhost")
        || component.indexOf('.') >= 0
        || component.indexOf(':') >= 0;
  }

  private static String tagProblem(String tag) {
    if (tag.isEmpty()) {
      return "the tag after : is empty";
    }
    if (!TAG.matcher(tag).matches()) {
      return "tag \"" + tag + "\" may hold only letters, digits, _, . and -, and must not start"
          + " with . or -";
    }
    if (tag.length() > MAX_TAG_LENGTH) {
      return "the tag is " + tag.length() + " characters; at most " + MAX_TAG_LENGTH
          + " are allowed";
    }
    return null;
  }

  private static String digestProblem(String digest) {
    if (digest.isEmpty()) {
      return "the digest after @ is empty";
    }
    if (!isDigest(digest)) {
      return "digest \"" + digest + "\" must be algorithm:hex with at least 32 hex digits,"
          + " such as sha256:<64 hex digits>";
    }
    String algorithm = digest.substring(0, digest.indexOf(':'));
    String hex = digest.substring(digest.indexOf(':') + 1);
    int expected = switch (algorithm) {
      case "sha256" -> 64;
      case "sha384" -> 96;
      case "sha512" -> 128;
      default -> 0;
    };
    if (expected != 0 && hex.length() != expected) {
      return "a " + algorithm + " digest must have exactly " + expected + " hex digits, not "
          + hex.length();
    }
    if (expected != 0 && !hex.equals(hex.toLowerCase(Locale.ROOT))) {
      return "the hex digits of a " + algorithm + " digest must be lower-case";
    }
    return null;
  }

  /**
   * Whether {@code digest} is {@code algorithm:hex} as the reference grammar has it: algorithm
   * components of letters and digits, starting with a letter, joined by one of {@code -_+.}; at
   * least 32 hex digits. Checked by hand rather than by a pattern, whose repetition of components
   * would recurse once per component.
   */
  private static boolean isDigest(String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0 || digest.length() - colon - 1 < MIN_DIGEST_HEX) {
      return false;
    }
    boolean componentStart = true;
    for (int i = 0; i < colon; i++) {
      char c = digest.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (componentStart) {
        if (!letter) {
          return false;
        }
        componentStart = false;
      } else if (c == '-' || c == '_' || c == '+' || c == '.') {
        componentStart = true;
      } else if (!letter && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    if (componentStart) {
      return false;
    }
    for (int i = colon + 1; i < digest.length(); i++) {
      char c = digest.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "image reference \"" + text + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
