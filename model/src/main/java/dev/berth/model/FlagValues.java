package dev.berth.model;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Flag values read and written as the docker CLI reads and writes them. */
final class FlagValues {
  private FlagValues() {}

  /**
   * {@code text} with ASCII letters in lower case, the rest as it is: for keys and keywords, which
   * are ASCII. Unlike {@code String.toLowerCase}, linear in the length whatever the characters
   * (JDK 17 takes quadratic time over a long run of {@code \u0130}, which lower-cases to two
   * characters).
   */
  static String lowerAscii(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = (char) (c + ('a' - 'A'));
      }
    }
    return out == null ? text : new String(out);
  }

  /** A switch's value: true when given bare, else one of Go's boolean spellings. */
  static boolean bool(String value, String written) {
    if (value == null) {
      return true;
    }
    switch (value) {
      case "1": case "t": case "T": case "true": case "TRUE": case "True":
        return true;
      case "0": case "f": case "F": case "false": case "FALSE": case "False":
        return false;
      default:
        throw new IllegalArgumentException("flag " + written + " takes true or false, not \""
            + value + "\"");
    }
  }

  /**
   * The path of a file given in a flag.
   *
   * @throws IllegalArgumentException quoting it if no path can say it (a NUL character)
   */
  static Path path(String file) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("file \"" + file + "\" cannot be read: it is not a valid"
          + " path (" + e.getReason() + ")", e);
    }
  }

  static long number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + value + "\" is not a whole number");
    }
  }

  static String nonEmpty(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an empty value is not valid");
    }
    return value;
  }

  /** A number of CPUs such as {@code 1.5}, in billionths of a CPU. */
  static long nanoCpus(String value) {
    try {
      BigDecimal cpus = new BigDecimal(value);
      if (cpus.signum() < 0) {
        throw new NumberFormatException();
      }
      return cpus.movePointRight(9).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("\"" + value
          + "\" is not a valid number of CPUs: expected a decimal such as 1.5");
    }
  }

  /** Billionths of a CPU as {@link #nanoCpus} reads them: {@code 1.5}, {@code 2}. */
  static String cpus(long nanoCpus) {
    return BigDecimal.valueOf(nanoCpus, 9).stripTrailingZeros().toPlainString();
  }

  /** An {@code -e} value: {@code NAME=value}, or {@code NAME} taking its value from there. */
  static EnvVar env(String value, Map<String, String> environment) {
    return value.contains("=") ? EnvVar.parse(value) : EnvVar.fromFlag(value, environment);
  }

  /** The variables of an {@code --env-file}. */
  static List<EnvVar> envFile(String file, Map<String, String> environment) {
    try {
      return EnvVar.parseEnvFile(path(file), environment);
    } catch (IOException e) {
      throw new IllegalArgumentException("file \"" + file + "\" cannot be read: " + e.getMessage(),
          e);
    }
  }
}
