package dev.berth.internal.build;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cleaned {@code .dockerignore} pattern, compiled to a regular expression over whole
 * slash-separated paths, as Docker's pattern matcher (moby/patternmatcher) compiles it: {@code *}
 * is any run of characters but {@code /}, {@code ?} one character but {@code /}, {@code [...]} a
 * character class, {@code \} escapes the next character (ASCII punctuation only), and {@code **}
 * any number of directories.
 */
final class IgnorePattern {
  /** Any run of characters, {@code /} and line breaks included. */
  private static final String ANYTHING = "[\\s\\S]*";

  private final String glob;
  private final boolean exception;
  private final Pattern regex;

  private IgnorePattern(String glob, boolean exception, Pattern regex) {
    this.glob = glob;
    this.exception = exception;
    this.regex = regex;
  }

  /**
   * The pattern {@code glob}, already cleaned and without its {@code !}; {@code exception} if it
   * had one. {@code line} is what the file said, for error messages.
   *
   * @throws IllegalArgumentException if {@code glob} is malformed
   */
  static IgnorePattern compile(String glob, boolean exception, String line) {
    return new IgnorePattern(glob, exception, Pattern.compile(toRegex(glob, line)));
  }

  /** An exception that re-includes exactly {@code path}, whatever characters it holds. */
  static IgnorePattern exactException(String path) {
    StringBuilder escaped = new StringBuilder();
    path.codePoints()
        .forEach(
            c -> {
              if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
              }
              escaped.appendCodePoint(c);
            });
    return compile(escaped.toString(), true, "!" + escaped);
  }

  /** True for a {@code !} pattern, which re-includes what it matches. */
  boolean exception() {
    return exception;
  }

  /** The pattern as {@code .dockerignore} reading leaves it: cleaned, {@code !} kept. */
  String text() {
    return exception ? "!" + glob : glob;
  }

  /**
   * Whether this pattern matches the cleaned relative {@code path} or one of its parent
   * directories; matching a directory is matching everything in it.
   */
  boolean matchesItselfOrParent(String path) {
    if (regex.matcher(path).matches()) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (regex.matcher(path.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some path that starts with {@code prefix} could match: true may be a false alarm,
   * false is certain.
   */
  boolean mayMatchStartingWith(String prefix) {
    Matcher matcher = regex.matcher(prefix);
    // hitEnd: the matcher ran out of input before it could decide, so a longer input might match
    return matcher.matches() || matcher.hitEnd();
  }

  @Override
  public String toString() {
    return text();
  }

  private static String toRegex(String glob, String line) {
    int[] chars = glob.codePoints().toArray();
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < chars.length) {
      int c = chars[i];
      if (c == '*' && i + 1 < chars.length && chars[i + 1] == '*') {
        int next = i + 2;
        boolean slash = next < chars.length && chars[next] == '/';
        if (slash) {
          next++;
        }
        if (next == chars.length) {
          regex.append(ANYTHING);
        } else if (i == 0 && !slash && isLiteral(chars, next)) {
          // Docker tests a leading ** followed by plain text as a suffix of the whole path, so
          // "**.log" matches "a/b/x.log", where "**/" would only give "a/b/.log"
          regex.append(ANYTHING);
        } else {
          regex.append("(?:").append(ANYTHING).append("/)?");
        }
        i = next;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else if (c == '[') {
        i = appendClass(chars, i + 1, regex, line);
      } else if (c == '\\') {
        if (i + 1 == chars.length) {
          throw malformed(line, "it ends with an escaping \\");
        }
        appendLiteral(escaped(chars[i + 1], line), regex);
        i += 2;
      } else {
        appendLiteral(c, regex);
        i++;
      }
    }
    return regex.toString();
  }

  /**
   * Appends the class whose content starts at {@code from} (after its {@code [}) and returns the
   * index after its {@code ]}. The syntax is Go's filepath.Match, whose check Docker applies: a
   * leading {@code ^} negates, items are characters or ranges {@code a-z}, {@code \} escapes, and
   * {@code -} or {@code ]} must be escaped where they could be read as syntax.
   */
  private static int appendClass(int[] chars, int from, StringBuilder regex, String line) {
    int i = from;
    StringBuilder items = new StringBuilder();
    boolean negated = i < chars.length && chars[i] == '^';
    if (negated) {
      i++;
    }
    int count = 0;
    while (true) {
      if (i < chars.length && chars[i] == ']' && count > 0) {
        i++;
        break;
      }
      int[] at = {i};
      int low = classCharacter(chars, at, line);
      int high = low;
      if (chars[at[0]] == '-') {
        at[0]++;
        high = classCharacter(chars, at, line);
      }
      if (high < low) {
        // Go's filepath.Match lets this pass, but Docker's regular expression then fails to
        // compile and every match reports the pattern as bad
        throw malformed(line, "the range " + new String(chars, i, at[0] - i) + " is reversed");
      }
      i = at[0];
      appendClassCharacter(low, items);
      if (high != low) {
        items.append('-');
        appendClassCharacter(high, items);
      }
      count++;
    }
    // a negated class matches "/" too, as in Docker and in Go's filepath.Match
    regex.append('[').append(negated ? "^" : "").append(items).append(']');
    return i;
  }

  /** Reads one class character at {@code at[0]}, unescaped, and moves past it. */
  private static int classCharacter(int[] chars, int[] at, String line) {
    int i = at[0];
    if (i >= chars.length) {
      throw malformed(line, "a [ is not closed");
    }
    if (chars[i] == '-' || chars[i] == ']') {
      throw malformed(line, "a character class has a bare " + (char) chars[i]);
    }
    boolean escape = chars[i] == '\\';
    if (escape) {
      i++;
      if (i >= chars.length) {
        throw malformed(line, "a [ is not closed");
      }
    }
    int c = escape ? escaped(chars[i], line) : chars[i];
    at[0] = i + 1;
    if (at[0] >= chars.length) {
      throw malformed(line, "a [ is not closed");
    }
    return c;
  }

  /**
   * {@code c}, which follows a {@code \}, if Docker takes it literally there. Docker hands the
   * escape to Go's regular expressions, which read {@code \d}, {@code \w} or {@code \b} as
   * classes and assertions and reject most other letters, digits and non-ASCII characters; only
   * ASCII punctuation and space are plain escaped characters in both, so Berth rejects the rest
   * rather than match differently.
   */
  private static int escaped(int c, String line) {
    if (c < 0x80 && !isAsciiLetterOrDigit(c)) {
      return c;
    }
    throw malformed(
        line,
        "\\"
            + new String(Character.toChars(c))
            + " is not an escape Docker reads literally: only ASCII punctuation can be escaped");
  }

  private static boolean isLiteral(int[] chars, int from) {
    for (int i = from; i < chars.length; i++) {
      int c = chars[i];
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static void appendLiteral(int c, StringBuilder regex) {
    if (isAsciiLetterOrDigit(c) || c == '/') {
      regex.append((char) c);
    } else {
      regex.append("\\x{").append(Integer.toHexString(c)).append('}');
    }
  }

  private static void appendClassCharacter(int c, StringBuilder items) {
    if (isAsciiLetterOrDigit(c)) {
      items.append((char) c);
    } else {
      items.append("\\x{").append(Integer.toHexString(c)).append('}');
    }
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static IllegalArgumentException malformed(String line, String problem) {
    return new IllegalArgumentException(
        "bad .dockerignore pattern \"" + line + "\": " + problem);
  }
}
