package dev.berth.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A legacy container link as {@code docker run --link name[:alias]} takes it: the other
 * container's name or ID, and the host name it gets inside this container.
 *
 * <pre>{@code
 * Link link = Link.parse("db:database");
 * link.name();      // "db"
 * link.alias();     // "database"
 * Link.parse("db").toString();  // "db:db"
 * }</pre>
 */
public final class Link {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final String EXPECTED =
      "expected name[:alias], each starting with a letter or digit followed by letters, digits,"
          + " _, . or -";

  private final String name;
  private final String alias;

  private Link(String name, String alias) {
    this.name = name;
    this.alias = alias;
  }

  /**
   * Parses a {@code --link} value: {@code name} or {@code name:alias}. A leading {@code /} on the
   * name is dropped, and in the form the engine stores ({@code /db:/web/database}) the alias is
   * the last part of its path.
   *
   * @throws IllegalArgumentException if {@code text} is empty, contains white space or more than
   *     one colon, or a part is not a container name
   */
  public static Link parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("link is missing: " + EXPECTED);
    }
    if (text.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(text, "it must not contain white space");
    }
    String[] parts = text.split(":", -1);
    if (parts.length > 2) {
      throw invalid(text, "it has more than one colon");
    }
    String name = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
    String alias = name;
    if (parts.length == 2) {
      alias = parts[1];
      if (parts[0].startsWith("/")) {
        // the engine stores links as /other:/this/alias
        alias = alias.substring(alias.lastIndexOf('/') + 1);
      }
    }
    if (!NAME.matcher(name).matches()) {
      throw invalid(text, "the name \"" + name + "\" is not a container name");
    }
    if (!NAME.matcher(alias).matches()) {
      throw invalid(text, "the alias \"" + alias + "\" is not a valid alias");
    }
    return new Link(name, alias);
  }

  /**
   * A link to container {@code name} under {@code alias}.
   *
   * @throws IllegalArgumentException if either is not a container name
   */
  public static Link of(String name, String alias) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(alias, "alias");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "link name \"" + name + "\" is not valid: " + EXPECTED);
    }
    if (!NAME.matcher(alias).matches()) {
      throw new IllegalArgumentException(
          "link alias \"" + alias + "\" is not valid: " + EXPECTED);
    }
    return new Link(name, alias);
  }

  /** The linked container's name or ID, without a leading {@code /}. */
  public String name() {
    return name;
  }

  /** The host name of the linked container inside this one; the name unless given. */
  public String alias() {
    return alias;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Link l && l.name.equals(name) && l.alias.equals(alias);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + alias.hashCode();
  }

  /** The {@code name:alias} form, as the Engine API's {@code HostConfig.Links} takes it. */
  @Override
  public String toString() {
    return name + ":" + alias;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "link \"" + text + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
