package dev.berth.internal.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One cleaned {@code .dockerignore} pattern, compiled as Docker's pattern matcher
 * (moby/patternmatcher) compiles it to a regular expression over whole slash-separated paths:
 * {@code *} is any run of characters but {@code /}, {@code ?} one character but {@code /}, {@code
 * [...]} a character class, {@code \} escapes the next character (ASCII punctuation only), and
 * {@code **} any number of directories.
 *
 * <p>The expression is not handed to {@code java.util.regex}, whose backtracking takes time
 * exponential in the number of {@code *} for a pattern such as {@code *a*a*a*a*a*a*a*a*b} and a
 * long path of {@code a}s; it is run as a set of states over the path's code points (as Go's
 * regular expressions, which Docker uses, run it), in time at most the path's length times the
 * pattern's, and in practice the path's length times the few steps alive at once.
 */
final class IgnorePattern {
  /** What a step of the compiled pattern does. */
  private enum Kind {
    /** The code point {@code low}. */
    LITERAL,
    /** One code point but {@code /} ({@code ?}). */
    ONE,
    /** One code point in (or, negated, not in) the ranges; a negated class matches {@code /}. */
    CLASS,
    /** Any run of code points but {@code /} ({@code *}); stays or moves on. */
    STAR,
    /** Any run of code points, {@code /} included; stays or moves on. */
    ANYTHING,
    /** Moves on without input, either to the next step or to {@code jump}. */
    SPLIT
  }

  /** One step of the compiled pattern. */
  private record Step(Kind kind, int low, boolean negated, int[] ranges, int jump) {
    static Step of(Kind kind) {
      return new Step(kind, 0, false, null, 0);
    }

    boolean accepts(int c) {
      switch (kind) {
        case LITERAL:
          return c == low;
        case ONE:
        case STAR:
          return c != '/';
        case ANYTHING:
          return true;
        case CLASS:
          boolean in = false;
          for (int i = 0; i < ranges.length && !in; i += 2) {
            in = c >= ranges[i] && c <= ranges[i + 1];
          }
          return in != negated;
        default:
          return false;
      }
    }
  }

  private final String glob;
  private final boolean exception;
  private final Step[] steps;

  private IgnorePattern(String glob, boolean exception, Step[] steps) {
    this.glob = glob;
    this.exception = exception;
    this.steps = steps;
  }

  /**
   * The pattern {@code glob}, already cleaned and without its {@code !}; {@code exception} if it
   * had one. {@code line} is what the file said, for error messages.
   *
   * @throws IllegalArgumentException if {@code glob} is malformed
   */
  static IgnorePattern compile(String glob, boolean exception, String line) {
    return new IgnorePattern(glob, exception, compileSteps(glob, line).toArray(new Step[0]));
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
    // one pass: before each "/" the states say whether the parent directory so far matches
    States states = new States();
    for (int i = 0; i < path.length(); ) {
      int c = path.codePointAt(i);
      if (c == '/' && i > 0 && states.accepting) {
        return true;
      }
      if (!states.step(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return states.accepting;
  }

  /**
   * Whether some path that starts with {@code prefix} could match: true may be a false alarm,
   * false is certain.
   */
  boolean mayMatchStartingWith(String prefix) {
    States states = new States();
    for (int i = 0; i < prefix.length(); ) {
      int c = prefix.codePointAt(i);
      if (!states.step(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    // a state still alive can be finished by some longer path
    return true;
  }

  /**
   * The steps a run of the pattern may be at, as a list of the live ones: each code point costs
   * time in the number of live steps, and nothing is allocated per code point.
   */
  private final class States {
    private int[] current = new int[8];
    private int currentCount;
    private int[] next = new int[8];
    private int nextCount;
    /** For each step, the generation in which it was last added to {@link #next}. */
    private final int[] added = new int[steps.length + 1];
    private int generation = 1;
    private int[] pending = new int[8];
    /** Whether the run so far matches the whole pattern. */
    private boolean accepting;

    States() {
      add(0);
      swap();
    }

    /** Moves on by {@code c}; false if no step is left alive. */
    boolean step(int c) {
      for (int k = 0; k < currentCount; k++) {
        int i = current[k];
        if (i < steps.length && steps[i].accepts(c)) {
          Kind kind = steps[i].kind;
          add(kind == Kind.STAR || kind == Kind.ANYTHING ? i : i + 1);
        }
      }
      swap();
      return currentCount > 0;
    }

    private void swap() {
      int[] t = current;
      current = next;
      next = t;
      currentCount = nextCount;
      nextCount = 0;
      accepting = added[steps.length] == generation;
      generation++;
    }

    /** Adds step {@code first} and those it reaches without input (splits may chain). */
    private void add(int first) {
      int count = 0;
      pending[count++] = first;
      while (count > 0) {
        int i = pending[--count];
        while (i <= steps.length && added[i] != generation) {
          added[i] = generation;
          if (nextCount == next.length) {
            next = Arrays.copyOf(next, 2 * nextCount);
          }
          next[nextCount++] = i;
          if (i == steps.length) {
            break;
          }
          Step s = steps[i];
          if (s.kind == Kind.SPLIT) {
            if (count == pending.length) {
              pending = Arrays.copyOf(pending, 2 * count);
            }
            pending[count++] = s.jump;
          } else if (s.kind != Kind.STAR && s.kind != Kind.ANYTHING) {
            break;
          }
          i++;
        }
      }
    }
  }

  private static List<Step> compileSteps(String glob, String line) {
    int[] chars = glob.codePoints().toArray();
    List<Step> steps = new ArrayList<>();
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
          steps.add(Step.of(Kind.ANYTHING));
        } else if (i == 0 && !slash && isLiteral(chars, next)) {
          // Docker tests a leading ** followed by plain text as a suffix of the whole path, so
          // "**.log" matches "a/b/x.log", where "**/" would only give "a/b/.log"
          steps.add(Step.of(Kind.ANYTHING));
        } else {
          // (?:anything/)? : either skip both, or any run and then a slash
          steps.add(new Step(Kind.SPLIT, 0, false, null, steps.size() + 3));
          steps.add(Step.of(Kind.ANYTHING));
          steps.add(literal('/'));
        }
        i = next;
      } else if (c == '*') {
        steps.add(Step.of(Kind.STAR));
        i++;
      } else if (c == '?') {
        steps.add(Step.of(Kind.ONE));
        i++;
      } else if (c == '[') {
        i = appendClass(chars, i + 1, steps, line);
      } else if (c == '\\') {
        if (i + 1 == chars.length) {
          throw malformed(line, "it ends with an escaping \\");
        }
        steps.add(literal(escaped(chars[i + 1], line)));
        i += 2;
      } else {
        steps.add(literal(c));
        i++;
      }
    }
    return steps;
  }

  private static Step literal(int c) {
    return new Step(Kind.LITERAL, c, false, null, 0);
  }

  /**
   * Appends the class whose content starts at {@code from} (after its {@code [}) and returns the
   * index after its {@code ]}. The syntax is Go's filepath.Match, whose check Docker applies: a
   * leading {@code ^} negates, items are characters or ranges {@code a-z}, {@code \} escapes, and
   * {@code -} or {@code ]} must be escaped where they could be read as syntax.
   */
  private static int appendClass(int[] chars, int from, List<Step> steps, String line) {
    int i = from;
    List<Integer> ranges = new ArrayList<>();
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
      ranges.add(low);
      ranges.add(high);
      count++;
    }
    // a negated class matches "/" too, as in Docker and in Go's filepath.Match
    steps.add(new Step(Kind.CLASS, 0, negated,
        ranges.stream().mapToInt(Integer::intValue).toArray(), 0));
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

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static IllegalArgumentException malformed(String line, String problem) {
    return new IllegalArgumentException(
        "bad .dockerignore pattern \"" + line + "\": " + problem);
  }
}
