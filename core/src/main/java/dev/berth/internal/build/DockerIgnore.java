package dev.berth.internal.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a build context's {@code .dockerignore} file, read as the docker CLI reads them
 * (docker/cli and moby/patternmatcher's {@code ReadAll}) and matched as its pattern matcher
 * matches them.
 *
 * <p>Reading: a UTF-8 byte order mark is dropped; a line whose first character is {@code #} is a
 * comment (an indented {@code #} is not, as in Docker); lines are trimmed and blank ones skipped; a
 * leading {@code !} makes an exception, which re-includes what it matches; each pattern is cleaned
 * like Go's {@code filepath.Clean} ({@code ./a/} is {@code a}, {@code a//b} is {@code a/b}, {@code
 * a/b/..} is {@code a}) and loses a leading {@code /}, so patterns are always relative to the
 * context root.
 *
 * <p>Matching: {@code *} is any run of characters but {@code /}, {@code ?} one character but
 * {@code /}, {@code [a-c]} and {@code [^a-c]} are character classes, {@code \} escapes the next
 * character (it is never a separator), and {@code **} matches any number of directories, none
 * included. A pattern that matches one of a path's parent directories matches the path. The last
 * pattern that matches a path decides: excluded, unless it is an exception.
 *
 * <p>Where Docker's matcher behaves by accident rather than by rule, Berth rejects the pattern
 * instead of matching differently: Docker hands {@code \} and the character after it to Go's
 * regular expressions, so {@code \d} there is a digit and {@code \m} an error; Berth accepts only
 * escaped ASCII punctuation and space. A reversed range such as {@code [c-a]} is an error in both.
 */
public final class DockerIgnore {
  /** The name of the file, at the root of the build context. */
  public static final String FILE_NAME = ".dockerignore";

  private static final DockerIgnore NONE = new DockerIgnore(List.of());

  private final List<IgnorePattern> patterns;

  private DockerIgnore(List<IgnorePattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * The rules in {@code text}, the content of a {@code .dockerignore} file.
   *
   * @throws IllegalArgumentException if a pattern is malformed (an unclosed {@code [}, a lone
   *     {@code !}, a trailing {@code \}); the message quotes it
   */
  public static DockerIgnore parse(String text) {
    Objects.requireNonNull(text, "text");
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<IgnorePattern> patterns = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      // "#" counts only in the first column: Docker checks for comments before trimming
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = trim(line);
      if (pattern.isEmpty()) {
        continue;
      }
      boolean exception = pattern.charAt(0) == '!';
      if (exception) {
        pattern = trim(pattern.substring(1));
        if (pattern.isEmpty()) {
          throw new IllegalArgumentException(
              "bad .dockerignore pattern \"" + trim(line) + "\": a ! needs a pattern after it");
        }
      }
      pattern = clean(pattern);
      if (exception && pattern.equals("/")) {
        // Docker cleans "!" and the pattern together, which leaves a lone "!" for "!/"
        throw new IllegalArgumentException(
            "bad .dockerignore pattern \"" + trim(line) + "\": a ! needs a pattern after it");
      }
      if (pattern.length() > 1 && pattern.startsWith("/")) {
        pattern = pattern.substring(1);
      }
      patterns.add(IgnorePattern.compile(pattern, exception, trim(line)));
    }
    return patterns.isEmpty() ? NONE : new DockerIgnore(patterns);
  }

  /**
   * The rules of {@code contextDir}'s {@code .dockerignore}, or none if it has no such file.
   *
   * @throws IOException if the file exists but cannot be read
   * @throws IllegalArgumentException if a pattern is malformed; the message names the file and
   *     quotes the pattern
   */
  public static DockerIgnore read(Path contextDir) throws IOException {
    Path file = contextDir.resolve(FILE_NAME);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return NONE;
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(new String(content, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the file or directory at {@code relativePath} (slash-separated, relative to the context
   * root; it is cleaned first) is left out of the context. The root itself never is.
   */
  public boolean excludes(String relativePath) {
    String path = relative(relativePath);
    if (path.equals(".")) {
      return false;
    }
    boolean excluded = false;
    for (IgnorePattern pattern : patterns) {
      // a pattern that cannot change the verdict so far need not be matched
      if (pattern.exception() == excluded && pattern.matchesItselfOrParent(path)) {
        excluded = !pattern.exception();
      }
    }
    return excluded;
  }

  /**
   * Whether an exception could re-include something inside the directory {@code directory}
   * (slash-separated, relative to the context root): a walker must then look inside it even when
   * the directory itself is excluded. True may be a false alarm; false is certain.
   *
   * <p>This asks whether an exception can match some path under the directory, wildcards
   * included, so that what is sent is what {@link #excludes} says. Docker's legacy builder only
   * looks inside for exceptions spelled out under the directory ({@code !dir/keep.txt}), and so
   * misses files that {@code !**}{@code /keep.txt} re-includes; BuildKit looks inside every
   * excluded directory once any exception has a wildcard.
   */
  public boolean mayReincludeUnder(String directory) {
    String path = relative(directory);
    String prefix = path.equals(".") ? "" : path + "/";
    for (IgnorePattern pattern : patterns) {
      if (pattern.exception() && pattern.mayMatchStartingWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The patterns in file order, cleaned, exceptions with their {@code !}. */
  public List<String> patterns() {
    List<String> texts = new ArrayList<>(patterns.size());
    for (IgnorePattern pattern : patterns) {
      texts.add(pattern.text());
    }
    return texts;
  }

  /**
   * These rules with an exception after them for exactly {@code path}, which is then never
   * excluded: how {@code docker build} makes sure the Dockerfile and {@code .dockerignore} reach
   * the engine.
   */
  DockerIgnore keeping(String path) {
    List<IgnorePattern> more = new ArrayList<>(patterns);
    more.add(IgnorePattern.exactException(relative(path)));
    return new DockerIgnore(more);
  }

  /** The patterns, one a line. */
  @Override
  public String toString() {
    return String.join("\n", patterns());
  }

  /**
   * {@code path} made as short as Go's {@code filepath.Clean} makes it on Unix: repeated {@code /}
   * collapsed, {@code .} elements dropped, {@code ..} elements eaten with the element before them,
   * a trailing {@code /} dropped; {@code .} if nothing is left.
   */
  static String clean(String path) {
    boolean rooted = path.startsWith("/");
    List<String> elements = new ArrayList<>();
    for (String element : path.split("/")) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!elements.isEmpty() && !elements.get(elements.size() - 1).equals("..")) {
          elements.remove(elements.size() - 1);
        } else if (!rooted) {
          elements.add("..");
        }
        // ".." of the root is the root
        continue;
      }
      elements.add(element);
    }
    String joined = String.join("/", elements);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** A path as this class compares it: cleaned, without a leading {@code /}. */
  private static String relative(String path) {
    Objects.requireNonNull(path, "path");
    String cleaned = clean(path);
    if (cleaned.equals("/")) {
      return ".";
    }
    return cleaned.startsWith("/") ? cleaned.substring(1) : cleaned;
  }

  /** {@code text} without the leading and trailing white space Go's strings.TrimSpace removes. */
  private static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u0085'
        || Character.isSpaceChar(c);
  }
}
