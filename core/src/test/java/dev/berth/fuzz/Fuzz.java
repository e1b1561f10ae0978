package dev.berth.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small, deterministic fuzz harness for Berth's parsers and decoders: each target gets a time
 * budget and a fixed seed, runs generated inputs one by one on a worker thread with a timeout
 * (hang detection), and fails with the seed, the input's index and the input itself (escaped)
 * when anything but the target's documented exception types comes out.
 *
 * <p>Properties: {@code berth.fuzz.seed} (default {@value #DEFAULT_SEED}), {@code
 * berth.fuzz.seconds} per target (default {@value #DEFAULT_SECONDS}), {@code
 * berth.fuzz.inputTimeoutMillis} (default {@value #DEFAULT_INPUT_TIMEOUT_MILLIS}). Input {@code i}
 * of a target depends only on the seed, the target's name and {@code i}, so a longer run repeats
 * a shorter one's inputs and goes on.
 */
public final class Fuzz {
  public static final long DEFAULT_SEED = 20261207L;
  public static final String DEFAULT_SECONDS = "4";
  public static final long DEFAULT_INPUT_TIMEOUT_MILLIS = 5_000;
  private static final int MAX_FAILURES = 5;
  private static final int MAX_SHOWN = 600;

  private Fuzz() {}

  /** The seed of this run. */
  public static long seed() {
    return Long.getLong("berth.fuzz.seed", DEFAULT_SEED);
  }

  /** Seconds per target. */
  public static double seconds() {
    return Double.parseDouble(System.getProperty("berth.fuzz.seconds", DEFAULT_SECONDS));
  }

  /** Makes input {@code index} of a target. */
  public interface Generator<T> {
    T next(Random random, int index);
  }

  /** Runs one input; returns normally when the input was accepted. */
  public interface Body<T> {
    void run(T input) throws Throwable;
  }

  /** What a target did in its budget. */
  public record Result(String target, long inputs, long accepted, long rejected, double seconds,
      long seed) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "fuzz %s: %d inputs (%d accepted, %d rejected) in %.1f s, seed %d, max heap %d MiB",
          target, inputs, accepted, rejected, seconds, seed,
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
  }

  /** A fuzz target: a name, a generator, how to show an input, the body and what may come out. */
  public static final class Target<T> {
    private final String name;
    private final Generator<T> generator;
    private final java.util.function.Function<T, String> show;
    private final Body<T> body;
    private final List<Class<? extends Throwable>> allowed = new ArrayList<>();

    private Target(String name, Generator<T> generator, java.util.function.Function<T, String> show,
        Body<T> body) {
      this.name = name;
      this.generator = generator;
      this.show = show;
      this.body = body;
    }

    /** Exception types the target documents; anything else is a failure. */
    @SafeVarargs
    public final Target<T> allowing(Class<? extends Throwable>... types) {
      allowed.addAll(List.of(types));
      return this;
    }

    /** Runs the target for its budget; throws AssertionError with the failing inputs. */
    public Result run() {
      long seed = seed();
      long budgetNanos = (long) (seconds() * 1e9);
      long timeout = Long.getLong("berth.fuzz.inputTimeoutMillis", DEFAULT_INPUT_TIMEOUT_MILLIS);
      ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "fuzz-" + name, 0);
        t.setDaemon(true);
        return t;
      });
      List<String> failures = new ArrayList<>();
      long start = System.nanoTime();
      long accepted = 0;
      long rejected = 0;
      int index = 0;
      try {
        for (; System.nanoTime() - start < budgetNanos && failures.size() < MAX_FAILURES;
            index++) {
          Random random = new Random(mix(seed, name, index));
          T input = generator.next(random, index);
          Future<Throwable> outcome = worker.submit(() -> {
            try {
              body.run(input);
              return null;
            } catch (Throwable t) {
              return t;
            }
          });
          Throwable thrown;
          try {
            thrown = outcome.get(timeout, TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            outcome.cancel(true);
            failures.add(describe(seed, index, input, "no answer within " + timeout + " ms (hang)",
                null));
            // the worker may never come back; later inputs need a thread of their own
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor(r -> {
              Thread t = new Thread(null, r, "fuzz-" + name, 0);
              t.setDaemon(true);
              return t;
            });
            break;
          } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
          }
          if (thrown == null) {
            accepted++;
          } else if (allowed.stream().anyMatch(c -> c.isInstance(thrown))
              && thrown.getMessage() != null && !thrown.getMessage().isBlank()) {
            rejected++;
          } else {
            failures.add(describe(seed, index, input, "threw " + clip(thrown.toString()), thrown));
          }
        }
      } finally {
        worker.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Result result = new Result(name, index, accepted, rejected, seconds, seed);
      System.out.println(result);
      record(result);
      if (!failures.isEmpty()) {
        throw new AssertionError(failures.size() + " failing input(s) for " + name + " (allowed: "
            + allowed.stream().map(Class::getSimpleName).toList() + "):\n"
            + String.join("\n", failures));
      }
      return result;
    }

    private String describe(long seed, int index, T input, String what, Throwable thrown) {
      String shown = show.apply(input);
      StringBuilder out = new StringBuilder();
      out.append("  ").append(name).append(" seed=").append(seed).append(" input #").append(index)
          .append(": ").append(what).append("\n    input: ")
          .append(shown.length() > MAX_SHOWN
              ? shown.substring(0, MAX_SHOWN) + "... (" + shown.length() + " chars shown form)"
              : shown);
      if (thrown != null) {
        StackTraceElement[] trace = thrown.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
          out.append("\n      at ").append(trace[i]);
        }
      }
      return out.toString();
    }
  }

  /** A target over strings. */
  public static Target<String> strings(String name, Generator<String> generator,
      Body<String> body) {
    return new Target<>(name, generator, Fuzz::escape, body);
  }

  /** A target over bytes. */
  public static Target<byte[]> bytes(String name, Generator<byte[]> generator,
      Body<byte[]> body) {
    return new Target<>(name, generator, Fuzz::hex, body);
  }

  /** A target over any input, shown with {@code show}. */
  public static <T> Target<T> of(String name, Generator<T> generator,
      java.util.function.Function<T, String> show, Body<T> body) {
    return new Target<>(name, generator, show, body);
  }

  private static String clip(String s) {
    return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "... (" + s.length() + " chars)" : s;
  }

  static long mix(long seed, String name, int index) {
    long h = seed * 0x9E3779B97F4A7C15L + name.hashCode();
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + index;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** The string as a Java literal, every non-printable-ASCII character escaped. */
  public static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }

  /** Bytes as hex, with their length. */
  public static String hex(byte[] b) {
    StringBuilder out = new StringBuilder(b.length + " bytes: ");
    for (byte x : b) {
      out.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return out.toString();
  }

  /** Appends the figures to target/fuzz-counts.txt, for the docs. */
  private static void record(Result result) {
    try {
      Path file = Path.of("target", "fuzz-counts.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, result + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
