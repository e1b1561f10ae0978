package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Splits a pasted {@code docker} command line into words the way a POSIX shell would, and joins
 * words back into a line a shell reads the same way.
 *
 * <pre>{@code
 * CommandLine.split("docker run --name=\"a b\" -v \"$DATA\":/data nginx", Map.of("DATA", "/srv"));
 * // [docker, run, --name=a b, -v, /srv:/data, nginx]
 * }</pre>
 *
 * <p>Quotes, backslash escapes and backslash-newline continuations work as in {@code sh}. Anything
 * a shell would have to run or look up to know a word is refused rather than passed through: an
 * unknown {@code $VAR}, command substitution ({@code `pwd`}, {@code $(pwd)}), a leading {@code ~},
 * and operators such as {@code |}, {@code ;}, {@code &&} or {@code >} that would make the line more
 * than one command. Each refusal is an {@link IllegalArgumentException} that quotes the line and
 * the offending text.
 */
public final class CommandLine {
  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final Pattern ASSIGNMENT_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final String OPERATORS = "|&;<>()";
  private static final List<String> TWO_CHAR_OPERATORS =
      List.of("&&", "||", ";;", ">>", "<<", ">&", "<&", "<>", ">|", "|&", "&>");
  private static final String SPECIAL_PARAMETERS = "0123456789@*#?-$!";

  private CommandLine() {}

  /**
   * Splits {@code line} into words. A {@code $VAR} in it is an error, since no variables are
   * given: use {@link #split(String, Map)} to supply them.
   *
   * @throws IllegalArgumentException if the line is null, has an unclosed quote, or needs
   *     something a shell would have to run or look up (see {@link #split(String, Map)})
   */
  public static List<String> split(String line) {
    return new Splitter(line, null).words();
  }

  /**
   * Splits {@code line} into words, taking the value of each {@code $NAME} or {@code ${NAME}} from
   * {@code variables}.
   *
   * <p>The rules are those of {@code sh}: space, tab and newline separate words; single quotes keep
   * everything literally; inside double quotes only {@code \"}, {@code \\}, {@code \$}, {@code \`}
   * and backslash-newline are escapes; outside quotes a backslash keeps the next character, and a
   * backslash at the end of a line joins it to the next (also before CRLF, or before trailing
   * blanks, which pasting often leaves); adjacent parts join into one word; {@code ''} is an empty
   * word; a {@code #} at the start of a word comments out the rest of its line. A variable's value
   * outside double quotes is split at blanks, as {@code sh} does; inside double quotes it stays one
   * word. A carriage return outside quotes counts as a blank, so Windows line endings do no harm.
   * A lone {@code $} (before a blank, at the end, or before a closing {@code "}) is a literal
   * dollar sign. Glob characters ({@code * ? [}) are kept literally.
   *
   * @throws IllegalArgumentException if the line is null or has an unclosed quote; if it uses a
   *     variable that {@code variables} lacks, a positional or special parameter ({@code $1},
   *     {@code $?}), a parameter operator ({@code ${A:-b}}), command substitution, arithmetic,
   *     bash-only {@code $'…'} quoting, a {@code ~} a shell would expand to a home directory, or an
   *     unquoted shell operator ({@code | & ; < > ( )})
   */
  public static List<String> split(String line, Map<String, String> variables) {
    return new Splitter(line, Objects.requireNonNull(variables, "variables")).words();
  }

  /**
   * Joins {@code words} into one line, the inverse of {@link #split(String)}: {@code
   * split(join(words))} equals {@code words} for any words. A word is quoted only when it needs to
   * be, in single quotes, with a {@code '} inside written as {@code '"'"'}.
   *
   * <pre>{@code
   * CommandLine.join(List.of("echo", "it's", "")); // echo 'it'"'"'s' ''
   * }</pre>
   */
  public static String join(List<String> words) {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      if (line.length() > 0) {
        line.append(' ');
      }
      if (SAFE_WORD.matcher(word).matches()) {
        line.append(word);
      } else {
        line.append('\'').append(word.replace("'", "'\"'\"'")).append('\'');
      }
    }
    return line.toString();
  }

  /**
   * Finds which {@code docker} subcommand {@code words} invoke and the arguments that follow it.
   *
   * <p>{@code docker run …}, {@code docker create …}, {@code docker container run …} and {@code
   * docker container create …} are recognised, also with {@code docker} given as a path ending in
   * {@code /docker}, after {@code sudo}, and after a pasted {@code $} prompt. Words that do not
   * start with {@code docker} are taken as the arguments of {@code docker run} or {@code docker
   * create} already (flags, or an image), with no command.
   *
   * <pre>{@code
   * CommandLine.invocation(List.of("docker", "run", "-d", "nginx")); // run, [-d, nginx]
   * CommandLine.invocation(List.of("-d", "nginx"));                   // null, [-d, nginx]
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code words} is empty, or invokes {@code docker} with
   *     anything but {@code run} or {@code create} (another subcommand, or a global option)
   */
  public static Invocation invocation(List<String> words) {
    List<String> all = List.copyOf(words);
    int i = 0;
    if (!all.isEmpty() && all.get(0).equals("$")) {
      i++; // a shell prompt copied along with the command
    }
    if (i < all.size() && all.get(i).equals("sudo")) {
      i++;
    }
    if (i < all.size() && isDocker(all.get(i))) {
      int start = i++;
      if (i < all.size() && all.get(i).equals("container")) {
        i++;
      }
      if (i < all.size() && (all.get(i).equals("run") || all.get(i).equals("create"))) {
        return new Invocation(all.get(i), all.subList(i + 1, all.size()));
      }
      if (i < all.size() && all.get(i).startsWith("-")) {
        throw notRunOrCreate(all, "docker's global option \"" + all.get(i) + "\" is not supported");
      }
      String found = join(all.subList(start, Math.min(i + 1, all.size())));
      throw notRunOrCreate(all, "it is \"" + found + "\"");
    }
    if (i > 0) {
      String found = i < all.size() ? "\"" + all.get(i) + "\"" : "nothing";
      throw notRunOrCreate(
          all, "\"" + join(all.subList(0, i)) + "\" is followed by " + found + ", not docker");
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException(
          "Command line is empty: expected a docker run or docker create line, or its arguments");
    }
    return new Invocation(null, all);
  }

  private static boolean isDocker(String word) {
    return word.equals("docker") || word.endsWith("/docker");
  }

  private static IllegalArgumentException notRunOrCreate(List<String> words, String found) {
    return new IllegalArgumentException(
        "Command line \"" + join(words) + "\" is not docker run or docker create: " + found
            + "; expected a docker run or docker create line, or its arguments");
  }

  /**
   * The {@code docker} subcommand a command line invokes and the words after it.
   *
   * @param command {@code "run"} or {@code "create"}, or null when the words did not start with
   *     {@code docker} and so are arguments only
   * @param arguments the flags, image and container command after the subcommand, unmodifiable
   */
  public record Invocation(String command, List<String> arguments) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if {@code command} is neither null, {@code "run"} nor
     *     {@code "create"}
     */
    public Invocation {
      if (command != null && !command.equals("run") && !command.equals("create")) {
        throw new IllegalArgumentException(
            "Docker command \"" + command + "\" is not valid: expected run, create or none");
      }
      arguments = List.copyOf(arguments);
    }
  }

  /** One pass over one line; not reusable. */
  private static final class Splitter {
    private final String line;
    private final Map<String, String> variables; // null when the caller gave none
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private int pos;
    // a token is what sh reads before expansions; field splitting may make it several words
    private int tokenStart = -1;
    // true once the current word exists, even if empty (as after '')
    private boolean inWord;

    Splitter(String line, Map<String, String> variables) {
      if (line == null) {
        throw new IllegalArgumentException("Docker command line is missing");
      }
      this.line = line;
      this.variables = variables;
    }

    List<String> words() {
      while (pos < line.length()) {
        char c = line.charAt(pos);
        if (isSeparator(c)) {
          endToken();
          pos++;
        } else if (c == '#' && tokenStart < 0) {
          int newline = line.indexOf('\n', pos);
          pos = newline < 0 ? line.length() : newline;
        } else {
          if (tokenStart < 0) {
            tokenStart = pos;
          }
          unquoted(c);
        }
      }
      endToken();
      return List.copyOf(words);
    }

    private void unquoted(char c) {
      switch (c) {
        case '\'' -> singleQuoted();
        case '"' -> doubleQuoted();
        case '\\' -> unquotedBackslash();
        case '$' -> dollar(false);
        case '`' -> throw backquote();
        case '~' -> {
          if (tildeExpands()) {
            throw fail(
                "uses \"" + rawToken() + "\", in which a shell would expand ~ to a home "
                    + "directory: write the absolute path instead (docker would take ~ literally, "
                    + "and -v would make a named volume of it)");
          }
          literal(c);
        }
        default -> {
          if (OPERATORS.indexOf(c) >= 0) {
            throw operator();
          }
          literal(c);
        }
      }
    }

    private void literal(char c) {
      word.append(c);
      inWord = true;
      pos++;
    }

    private void singleQuoted() {
      int close = line.indexOf('\'', pos + 1);
      if (close < 0) {
        throw unclosed("single quote (')");
      }
      word.append(line, pos + 1, close);
      inWord = true;
      pos = close + 1;
    }

    private void doubleQuoted() {
      int open = pos++;
      inWord = true;
      while (true) {
        if (pos >= line.length()) {
          pos = open;
          throw unclosed("double quote (\")");
        }
        char c = line.charAt(pos);
        if (c == '"') {
          pos++;
          return;
        } else if (c == '\\') {
          int end = lineBreakEnd(pos + 1);
          if (end >= 0) {
            pos = end;
          } else if (pos + 1 < line.length() && "\"\\$`".indexOf(line.charAt(pos + 1)) >= 0) {
            word.append(line.charAt(pos + 1));
            pos += 2;
          } else {
            word.append(c);
            pos++;
          }
        } else if (c == '$') {
          dollar(true);
        } else if (c == '`') {
          throw backquote();
        } else {
          word.append(c);
          pos++;
        }
      }
    }

    private void unquotedBackslash() {
      int next = pos + 1;
      while (next < line.length() && (line.charAt(next) == ' ' || line.charAt(next) == '\t')) {
        next++;
      }
      int end = next == line.length() ? next : lineBreakEnd(next);
      if (end < 0) {
        word.append(line.charAt(pos + 1));
        inWord = true;
        pos += 2;
        return;
      }
      // A continuation. Blanks after the backslash are almost always left over from pasting (sh
      // would keep one in the word and then end the command at the newline): they separate words.
      boolean blanks = next > pos + 1;
      pos = end;
      if (blanks) {
        endToken();
      }
    }

    /** Where the line break at {@code at} ends, or -1 if there is none there (LF or CRLF). */
    private int lineBreakEnd(int at) {
      if (line.startsWith("\n", at)) {
        return at + 1;
      }
      return line.startsWith("\r\n", at) ? at + 2 : -1;
    }

    private void dollar(boolean inDoubleQuotes) {
      int next = pos + 1;
      char c = next < line.length() ? line.charAt(next) : ' ';
      if (isSeparator(c) || (inDoubleQuotes && (c == '"' || c == '\''))) {
        literal('$');
      } else if (c == '{') {
        braced(inDoubleQuotes);
      } else if (c == '(') {
        int close = closingParenthesis(next);
        String text = line.substring(pos, close);
        if (line.startsWith("$((", pos)) {
          throw fail("uses the arithmetic expansion \"" + text + "\", which Berth does not "
              + "evaluate: write the result in its place");
        }
        throw commandSubstitution(text);
      } else if (c == '[') {
        throw fail("uses the arithmetic expansion \"" + text(pos, line.indexOf(']', pos) + 1)
            + "\", which Berth does not evaluate: write the result in its place");
      } else if (c == '\'' || c == '"') {
        throw fail("uses bash's $" + c + "…" + c + " quoting, which Berth does not read: "
            + "use plain quotes");
      } else if (SPECIAL_PARAMETERS.indexOf(c) >= 0) {
        throw specialParameter("$" + c);
      } else if (isNameStart(c)) {
        int end = next + 1;
        while (end < line.length() && isNamePart(line.charAt(end))) {
          end++;
        }
        expand(line.substring(next, end), line.substring(pos, end), inDoubleQuotes);
        pos = end;
      } else {
        literal('$'); // as in sh: $/ or $: is just a dollar sign
      }
    }

    private void braced(boolean inDoubleQuotes) {
      int close = line.indexOf('}', pos);
      if (close < 0) {
        throw fail("has \"${\" that is never closed with }: \"" + text(pos, -1) + "\"");
      }
      String text = line.substring(pos, close + 1);
      String name = line.substring(pos + 2, close);
      if (!name.isEmpty() && name.chars().allMatch(ch -> SPECIAL_PARAMETERS.indexOf(ch) >= 0)) {
        throw specialParameter(text);
      }
      if (name.isEmpty() || !isNameStart(name.charAt(0))
          || !name.chars().allMatch(ch -> isNamePart((char) ch))) {
        throw fail("uses the parameter expansion \"" + text + "\", which Berth does not "
            + "evaluate: only ${NAME} is read; write the value in its place");
      }
      expand(name, text, inDoubleQuotes);
      pos = close + 1;
    }

    private void expand(String name, String text, boolean inDoubleQuotes) {
      String value = variables == null ? null : variables.get(name);
      if (value == null) {
        String remedy = variables == null
            ? "write its value in its place, or supply variables with a value for " + name
            : "variables has no value for " + name + ": add one, or write the value in its place";
        throw fail("uses the variable " + text + ", which a shell would expand: " + remedy);
      }
      if (inDoubleQuotes) {
        word.append(value);
        return;
      }
      // Outside double quotes sh splits the value into fields at blanks.
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (isBlank(c)) {
          endWord();
        } else {
          word.append(c);
          inWord = true;
        }
      }
    }

    private boolean tildeExpands() {
      if (tokenStart == pos) {
        return true;
      }
      // sh also expands ~ after = or : in an assignment such as HOME=~/x
      String before = line.substring(tokenStart, pos);
      char previous = before.charAt(before.length() - 1);
      return (previous == '=' || previous == ':') && ASSIGNMENT_PREFIX.matcher(before).matches();
    }

    private int closingParenthesis(int open) {
      int depth = 0;
      for (int i = open; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return i + 1;
        }
      }
      return line.length();
    }

    private void endWord() {
      if (inWord) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
    }

    private void endToken() {
      endWord();
      tokenStart = -1;
    }

    /** The current token as written, up to the next unquoted-looking blank. */
    private String rawToken() {
      int end = pos;
      while (end < line.length() && !isSeparator(line.charAt(end))) {
        end++;
      }
      return line.substring(tokenStart, end);
    }

    /** Up to 40 characters of the line from {@code from}, to {@code end} if that is not -1. */
    private String text(int from, int end) {
      int stop = end <= from ? line.length() : end;
      return stop - from > 40 ? line.substring(from, from + 40) + "…" : line.substring(from, stop);
    }

    private IllegalArgumentException backquote() {
      int close = line.indexOf('`', pos + 1);
      return commandSubstitution(text(pos, close < 0 ? -1 : close + 1));
    }

    private IllegalArgumentException commandSubstitution(String text) {
      return fail("uses the command substitution \"" + text + "\", which Berth cannot run: run "
          + "the command yourself and pass its output literally in its place");
    }

    private IllegalArgumentException specialParameter(String text) {
      return fail("uses " + text + ", a positional or special shell parameter, which has no "
          + "value here: write the value in its place");
    }

    private IllegalArgumentException operator() {
      String op = line.substring(pos, Math.min(pos + 2, line.length()));
      if (!TWO_CHAR_OPERATORS.contains(op)) {
        op = op.substring(0, 1);
      }
      return fail("contains the shell operator \"" + op + "\": only one command can be parsed, "
          + "without pipes, lists, redirections or subshells; remove it, or quote it if it is "
          + "part of a value");
    }

    private IllegalArgumentException unclosed(String quote) {
      return fail("has a " + quote + " that is never closed: \"" + text(pos, -1) + "\"");
    }

    private IllegalArgumentException fail(String problem) {
      return new IllegalArgumentException(
          visible("Docker command line \"" + line + "\" " + problem));
    }

    /** The text with line breaks and tabs shown as escapes, so a message stays on one line. */
    private static String visible(String text) {
      return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** The blanks at which sh splits words and the values of variables. */
    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\n';
    }

    /** A blank, or a carriage return, which separates words too so CRLF lines do no harm. */
    private static boolean isSeparator(char c) {
      return isBlank(c) || c == '\r';
    }

    private static boolean isNameStart(char c) {
      return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
      return isNameStart(c) || (c >= '0' && c <= '9');
    }
  }
}
