package dev.berth.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One environment variable of a container, as {@code docker run -e} and {@code --env-file} give
 * it and as the Engine API's {@code Config.Env} holds it: {@code NAME=value}, or a bare {@code
 * NAME}, which the engine reads as "unset".
 *
 * <pre>{@code
 * EnvVar.parse("JAVA_OPTS=-Xmx1g -Dx=y").value();      // "-Xmx1g -Dx=y"
 * EnvVar.fromFlag("HOME", System.getenv()).toString();  // "HOME=/home/me"
 * }</pre>
 *
 * @param name the name, not empty, without white space or {@code =}
 * @param value the value, possibly empty; null for a bare name
 */
public record EnvVar(String name, String value) {
  private static final String EXPECTED = "expected NAME=value or NAME";
  /** The longest line of an env or label file, as the docker CLI reads them. */
  static final int MAX_LINE = 64 * 1024;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * Checks the name.
   *
   * @throws IllegalArgumentException if {@code name} is empty or contains white space or {@code
   *     =}
   */
  public EnvVar {
    Objects.requireNonNull(name, "name");
    String problem = nameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(
          "environment variable name \"" + name + "\" is not valid: " + problem);
    }
  }

  /**
   * The variable {@code name=value}.
   *
   * @throws IllegalArgumentException if {@code name} is empty or contains white space or {@code
   *     =}
   */
  public static EnvVar of(String name, String value) {
    Objects.requireNonNull(value, "value");
    return new EnvVar(name, value);
  }

  /**
   * Parses {@code NAME=value} (the value runs to the end and may hold {@code =} or be empty) or a
   * bare {@code NAME}, which gives a null value. The environment is not consulted; see {@link
   * #fromFlag}.
   *
   * @throws IllegalArgumentException if the name is empty or contains white space
   */
  public static EnvVar parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("environment variable is missing: " + EXPECTED);
    }
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq);
    String problem = nameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(
          "environment variable \"" + text + "\" is not valid: " + problem + "; " + EXPECTED);
    }
    return new EnvVar(name, eq < 0 ? null : text.substring(eq + 1));
  }

  /**
   * Reads a {@code -e} value as the docker CLI does: {@code NAME=value} as it is, and a bare
   * {@code NAME} with its value from {@code environment}; a name {@code environment} lacks gives a
   * null value, which unsets the variable in the container.
   *
   * @throws IllegalArgumentException if the name is empty or contains white space
   */
  public static EnvVar fromFlag(String flag, Map<String, String> environment) {
    EnvVar parsed = parse(flag);
    if (parsed.value != null) {
      return parsed;
    }
    return new EnvVar(parsed.name, environment.get(parsed.name));
  }

  /**
   * Reads an {@code --env-file} as the docker CLI does. Each line is {@code NAME=value} (the
   * value kept exactly, spaces and quotes included), a bare {@code NAME} taken from {@code
   * environment} and left out if {@code environment} lacks it, a blank line, or a comment
   * starting with {@code #}. Leading white space is ignored; a UTF-8 byte-order mark is dropped.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line if a name is empty or contains
   *     white space, or a line is not UTF-8
   */
  public static List<EnvVar> parseEnvFile(Path file, Map<String, String> environment)
      throws IOException {
    List<byte[]> lines = readLines(file, "env file");
    List<EnvVar> vars = new ArrayList<>();
    int lineNumber = 0;
    for (byte[] bytes : lines) {
      lineNumber++;
      int start = lineNumber == 1 && startsWithBom(bytes) ? UTF8_BOM.length : 0;
      int end = bytes.length;
      if (end > start && bytes[end - 1] == '\r') {
        end--;
      }
      String line = decode(bytes, start, end, file, lineNumber).stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq);
      String problem = nameProblem(name);
      if (problem != null) {
        throw new IllegalArgumentException(
            "env file \"" + file + "\" line " + lineNumber + " \"" + line + "\" is not valid: "
                + problem + "; expected NAME=value, NAME, a blank line or a # comment");
      }
      if (eq >= 0) {
        vars.add(new EnvVar(name, line.substring(eq + 1)));
      } else if (environment.containsKey(name)) {
        vars.add(new EnvVar(name, environment.get(name)));
      }
    }
    return List.copyOf(vars);
  }

  /**
   * The lines of {@code file} as bytes, without their {@code \n}, read as they come: a line may
   * be {@value #MAX_LINE} bytes at most, the docker CLI's limit ({@code bufio.Scanner}'s), so that
   * a file such as {@code /dev/zero} ends in an error instead of an OutOfMemoryError.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and line if a line is too long
   */
  static List<byte[]> readLines(Path file, String what) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[8192];
      byte[] line = new byte[256];
      int length = 0;
      boolean pending = false;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            lines.add(Arrays.copyOf(line, length));
            length = 0;
            pending = false;
            continue;
          }
          if (length == MAX_LINE) {
            throw new IllegalArgumentException(what + " \"" + file + "\" line "
                + (lines.size() + 1) + " is not valid: it is longer than " + MAX_LINE
                + " bytes, the docker CLI's limit");
          }
          if (length == line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE, 2 * line.length));
          }
          line[length++] = b;
          pending = true;
        }
      }
      if (pending) {
        lines.add(Arrays.copyOf(line, length));
      }
    }
    return lines;
  }

  /** {@code NAME=value}, or {@code NAME} alone when the value is null. */
  @Override
  public String toString() {
    return value == null ? name : name + "=" + value;
  }

  private static String nameProblem(String name) {
    if (name.isEmpty()) {
      return "the name is empty";
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      return "the name \"" + name + "\" contains white space";
    }
    if (name.indexOf('=') >= 0) {
      return "the name \"" + name + "\" contains =";
    }
    return null;
  }

  private static boolean startsWithBom(byte[] bytes) {
    return bytes.length >= 3
        && bytes[0] == UTF8_BOM[0]
        && bytes[1] == UTF8_BOM[1]
        && bytes[2] == UTF8_BOM[2];
  }

  private static String decode(byte[] bytes, int start, int end, Path file, int lineNumber) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "env file \"" + file + "\" line " + lineNumber + " is not valid: it is not UTF-8", e);
    }
  }
}
