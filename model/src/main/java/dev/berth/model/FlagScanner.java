package dev.berth.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the flags of a docker CLI command's arguments up to the first word that is not a flag (the
 * image), the way the CLI's flag parser does: {@code --flag value}, {@code --flag=value}, {@code
 * -p80:80}, {@code -p=80:80}, clustered short flags such as {@code -dit}, switches given {@code
 * =true} or {@code =false}, and {@code --} before the image. What each flag means is left to the
 * caller, which {@link Scan#applyAll applies} the flags once it knows the image.
 */
final class FlagScanner {
  /** One flag as read: its full name, its value (null for a switch given bare), as written. */
  record Flag(String name, String value, String written) {}

  /** Says whether a flag takes a value. */
  @FunctionalInterface
  interface Arity {
    /**
     * @param name the flag's full name, without dashes
     * @return whether the flag takes a value, or null if the command has no such flag
     * @throws IllegalArgumentException if the flag is known but refused; the message says why
     */
    Boolean takesValue(String name);
  }

  /** Applies one flag; an {@link IllegalArgumentException} says what is wrong with it. */
  @FunctionalInterface
  interface Action {
    void apply(String name, String value, String written);
  }

  private final String command;
  private final Map<String, String> shortFlags;
  private final Map<String, String> longAliases;
  private final boolean longWrittenWhole;
  private final Arity arity;

  /**
   * @param command the command as messages name it, such as {@code docker create}
   * @param shortFlags the one-letter flags, by letter, with the full names they stand for
   * @param longAliases other names a long flag may be given by, with the full names
   * @param longWrittenWhole whether a long flag's {@link Flag#written} is the whole word ({@code
   *     --rm=false}) rather than the flag alone ({@code --rm})
   * @param arity which flags take a value
   */
  FlagScanner(String command, Map<String, String> shortFlags, Map<String, String> longAliases,
      boolean longWrittenWhole, Arity arity) {
    this.command = command;
    this.shortFlags = shortFlags;
    this.longAliases = longAliases;
    this.longWrittenWhole = longWrittenWhole;
    this.arity = arity;
  }

  /** Reads the flags at the start of {@code args}; the image, if any, follows them. */
  Scan scan(List<String> args) {
    return new Reader(args).read();
  }

  /** The flags read from a command's arguments, and where the image stands among them. */
  record Scan(List<String> args, List<Flag> flags, int imageIndex) {
    /**
     * Applies the flags named {@code name} alone, such as {@code help}, which must be refused
     * before a missing image is.
     */
    void apply(String name, Action action) {
      for (Flag flag : flags) {
        if (flag.name().equals(name)) {
          FlagScanner.apply(flag, action);
        }
      }
    }

    /** Applies every flag in the order given. */
    void applyAll(Action action) {
      for (Flag flag : flags) {
        FlagScanner.apply(flag, action);
      }
    }

    /**
     * The image word.
     *
     * @param invoked the command as the line gave it, such as {@code docker run}
     * @param usage the command as its usage line names it
     * @throws IllegalArgumentException if no word follows the flags
     */
    String image(String invoked, String usage) {
      if (imageIndex >= args.size()) {
        throw new IllegalArgumentException(invoked + " needs an image after the flags, as in "
            + usage + " [OPTIONS] IMAGE [COMMAND] [ARG...]"
            + (args.isEmpty() ? "" : "; found only \"" + String.join(" ", args) + "\""));
      }
      return args.get(imageIndex);
    }

    /** The words after the image: the command and its arguments. */
    List<String> afterImage() {
      return args.subList(imageIndex + 1, args.size());
    }
  }

  /**
   * Applies one flag; an error that does not quote the flag as written is prefixed with it (and
   * its value).
   */
  static void apply(Flag flag, Action action) {
    String value = flag.value();
    String written = flag.written();
    try {
      action.apply(flag.name(), value, written);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains(written)) {
        throw e;
      }
      throw new IllegalArgumentException(
          "flag " + written + (value == null ? "" : " \"" + value + "\"") + ": " + e.getMessage(),
          e);
    }
  }

  /** One pass over one list of arguments. */
  private final class Reader {
    private final List<String> args;
    private final List<Flag> flags = new ArrayList<>();
    private int i;

    Reader(List<String> args) {
      this.args = args;
    }

    Scan read() {
      while (i < args.size()) {
        String word = args.get(i);
        if (word.equals("--")) {
          i++;
          break;
        }
        if (word.startsWith("--")) {
          readLong(word);
        } else if (word.startsWith("-") && word.length() > 1) {
          readShort(word);
        } else {
          break;
        }
      }
      return new Scan(args, List.copyOf(flags), i);
    }

    private void readLong(String word) {
      String body = word.substring(2);
      String value = null;
      int eq = body.indexOf('=');
      if (eq >= 0) {
        value = body.substring(eq + 1);
        body = body.substring(0, eq);
      }
      String name = longAliases.getOrDefault(body, body);
      i++;
      if (takesValue(name, word) && value == null) {
        value = next(word);
      }
      String written = longWrittenWhole || eq < 0 ? word : word.substring(0, eq + 2);
      flags.add(new Flag(name, value, written));
    }

    private void readShort(String word) {
      i++;
      for (int j = 1; j < word.length(); j++) {
        String letter = String.valueOf(word.charAt(j));
        String name = shortFlags.get(letter);
        if (name == null) {
          throw new IllegalArgumentException("unknown flag \"-" + letter + "\" in \"" + word
              + "\": " + command + " has no such short flag");
        }
        String rest = word.substring(j + 1);
        if (!takesValue(name, word)) {
          String value = null;
          if (rest.startsWith("=")) {
            value = rest.substring(1);
            j = word.length();
          }
          flags.add(new Flag(name, value, "-" + letter));
          continue;
        }
        String value = rest.isEmpty() ? next(word) : rest.startsWith("=") ? rest.substring(1) : rest;
        flags.add(new Flag(name, value, "-" + letter));
        return;
      }
    }

    private boolean takesValue(String name, String word) {
      Boolean valued = arity.takesValue(name);
      if (valued == null) {
        throw new IllegalArgumentException("unknown flag \"" + word + "\": " + command
            + " has no flag --" + name);
      }
      return valued;
    }

    private String next(String flag) {
      if (i >= args.size()) {
        throw new IllegalArgumentException("flag \"" + flag + "\" needs a value");
      }
      return args.get(i++);
    }
  }
}
