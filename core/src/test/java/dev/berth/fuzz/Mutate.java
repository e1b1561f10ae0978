package dev.berth.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Input makers for {@link Fuzz}: mutations of valid seeds (bit flips, deletions, truncation,
 * insertion of interesting tokens, repetition for deep nesting and huge values, splicing) and
 * random generation from a target's tokens.
 */
public final class Mutate {
  /** Tokens every string target gets: separators, quotes, escapes, numbers at the edges. */
  public static final List<String> COMMON = List.of("", " ", "\t", "\n", "\r\n", "\0", ":", "::",
      "/", "//", "@", "[", "]", "[]", "=", "==", ",", ";", ".", "..", "-", "--", "_", "\"", "'",
      "\\", "$", "${", "}", "$(", "`", "%", "%00", "*", "**", "?", "!", "#", "~", "0", "-1", "1",
      "65535", "65536", "99999", "2147483647", "2147483648", "9223372036854775807",
      "9223372036854775808", "99999999999999999999999", "1e9", "0x10", "NaN", "\u00e9", "\u0130",
      "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "\uffff", "\u2028", "\u0085", "\u00a0");

  private static final int MAX_LENGTH = 200_000;
  private static final int[] REPEATS = {2, 3, 10, 100, 1_000, 10_000, 50_000};

  private Mutate() {}

  /** Mostly a mutated seed; sometimes a splice of two, sometimes random tokens. */
  public static String string(Random r, List<String> seeds, List<String> tokens) {
    int choice = r.nextInt(20);
    if (choice == 0) {
      return generate(r, tokens);
    }
    String s = seeds.get(r.nextInt(seeds.size()));
    if (choice == 1) {
      String other = seeds.get(r.nextInt(seeds.size()));
      s = s.substring(0, r.nextInt(s.length() + 1)) + other.substring(r.nextInt(other.length() + 1));
    }
    return mutate(r, s, tokens, 1 + r.nextInt(4));
  }

  /** Random tokens and characters. */
  public static String generate(Random r, List<String> tokens) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(24);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(4) == 0) {
        b.append(randomChar(r));
      } else {
        b.append(token(r, tokens));
      }
    }
    return b.toString();
  }

  /** {@code ops} mutations of {@code s}. */
  public static String mutate(Random r, String s, List<String> tokens, int ops) {
    StringBuilder b = new StringBuilder(s);
    for (int k = 0; k < ops; k++) {
      int len = b.length();
      int i = len == 0 ? 0 : r.nextInt(len + 1);
      int j = Math.min(len, i + r.nextInt(8) + 1);
      switch (r.nextInt(10)) {
        case 0 -> {
          if (i < len) {
            b.setCharAt(i, (char) (b.charAt(i) ^ (1 << r.nextInt(r.nextBoolean() ? 7 : 16))));
          }
        }
        case 1 -> b.delete(i, j);
        case 2, 3 -> b.insert(i, token(r, tokens));
        case 4 -> b.replace(i, j, token(r, tokens));
        case 5 -> b.setLength(i);
        case 6 -> {
          String part = b.substring(i, j);
          int times = REPEATS[r.nextInt(REPEATS.length)];
          if (!part.isEmpty() && (long) part.length() * times + len <= MAX_LENGTH) {
            b.insert(i, part.repeat(times));
          }
        }
        case 7 -> {
          String tok = token(r, tokens);
          int times = REPEATS[r.nextInt(REPEATS.length)];
          if (!tok.isEmpty() && (long) tok.length() * times + len <= MAX_LENGTH) {
            b.insert(i, tok.repeat(times));
          }
        }
        case 8 -> b.insert(i, randomChar(r));
        default -> {
          if (i < len) {
            b.setCharAt(i, randomChar(r).charAt(0));
          }
        }
      }
    }
    return b.toString();
  }

  private static String token(Random r, List<String> tokens) {
    return r.nextInt(3) == 0 || tokens.isEmpty()
        ? COMMON.get(r.nextInt(COMMON.size()))
        : tokens.get(r.nextInt(tokens.size()));
  }

  private static String randomChar(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> String.valueOf((char) r.nextInt(0x20));
      case 1 -> String.valueOf((char) (0x20 + r.nextInt(0x5f)));
      case 2 -> String.valueOf((char) r.nextInt(0x10000));
      default -> new String(Character.toChars(r.nextInt(Character.MAX_CODE_POINT + 1)));
    };
  }

  // ------------------------------------------------------------------------------- bytes

  private static final int[] INTERESTING = {0, 1, 0x7f, 0x80, 0xff, '\n', '0', '7', '8', ' '};

  /** A mutated seed or random bytes. */
  public static byte[] bytes(Random r, List<byte[]> seeds, List<byte[]> tokens) {
    if (r.nextInt(20) == 0) {
      byte[] b = new byte[r.nextInt(2048)];
      r.nextBytes(b);
      return b;
    }
    byte[] s = seeds.get(r.nextInt(seeds.size()));
    return mutate(r, s, tokens, 1 + r.nextInt(4));
  }

  /** {@code ops} mutations of {@code s}. */
  public static byte[] mutate(Random r, byte[] s, List<byte[]> tokens, int ops) {
    byte[] b = s.clone();
    for (int k = 0; k < ops; k++) {
      int len = b.length;
      int i = len == 0 ? 0 : r.nextInt(len + 1);
      int j = Math.min(len, i + r.nextInt(16) + 1);
      switch (r.nextInt(9)) {
        case 0 -> {
          if (i < len) {
            b[i] ^= (byte) (1 << r.nextInt(8));
          }
        }
        case 1 -> {
          if (i < len) {
            b[i] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
          }
        }
        case 2 -> {
          if (i < len) {
            b[i] = (byte) r.nextInt(256);
          }
        }
        case 3 -> b = splice(b, i, j, new byte[0]);
        case 4 -> b = java.util.Arrays.copyOf(b, i);
        case 5 -> {
          if (!tokens.isEmpty()) {
            b = splice(b, i, i, tokens.get(r.nextInt(tokens.size())));
          }
        }
        case 6 -> {
          byte[] part = java.util.Arrays.copyOfRange(b, i, j);
          int times = REPEATS[r.nextInt(REPEATS.length)];
          if (part.length > 0 && (long) part.length * times + len <= MAX_LENGTH) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int t = 0; t < times; t++) {
              out.writeBytes(part);
            }
            b = splice(b, i, i, out.toByteArray());
          }
        }
        case 7 -> {
          // a 32-bit big-endian edge value, as in a length field
          int[] values = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x7ffffff7, 1 << 20, 1 << 26};
          int v = values[r.nextInt(values.length)];
          if (i + 4 <= len) {
            b[i] = (byte) (v >>> 24);
            b[i + 1] = (byte) (v >>> 16);
            b[i + 2] = (byte) (v >>> 8);
            b[i + 3] = (byte) v;
          }
        }
        default -> {
          byte[] extra = new byte[1 + r.nextInt(8)];
          r.nextBytes(extra);
          b = splice(b, i, i, extra);
        }
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }
}
