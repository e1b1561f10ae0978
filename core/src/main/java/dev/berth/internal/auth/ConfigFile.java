package dev.berth.internal.auth;

import dev.berth.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * Reads and writes the docker CLI's {@code config.json} as a whole: a map in, a map out, so that
 * whatever fields this SDK does not know survive a change to the ones it does.
 */
final class ConfigFile {
  private ConfigFile() {}

  /**
   * The top-level object of {@code file}, frozen; an empty map when the file does not exist.
   *
   * @throws IllegalArgumentException if the file cannot be read or is not a JSON object; the
   *     message names the file and where the JSON breaks, never what is there (it may be a secret)
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    Object json;
    try (InputStream in = Files.newInputStream(file)) {
      json = Json.read(in);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      if (e.getCause() instanceof JacksonException j) {
        // Without the cause: the parser's message quotes the text it choked on
        throw new IllegalArgumentException(
            "Docker config file " + file + " is not valid JSON" + where(j));
      }
      throw new IllegalArgumentException("Docker config file " + file + " cannot be read: "
          + e.getMessage(), e);
    }
    if (!(json instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Docker config file " + file + " is not a JSON object");
    }
    return (Map<String, Object>) json;
  }

  private static String where(JacksonException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
            + ")";
  }

  /**
   * Replaces {@code file} with {@code json}, indented with tabs as the CLI writes it. The new
   * content goes to a temporary file in the same directory, made with mode 0600, which is then
   * moved over the old one, so a reader sees the old file or the new one and never half of one.
   * When {@code file} is a symbolic link, the file it leads to is replaced and the link kept.
   * Missing directories are made with mode 0700.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  static void write(Path file, Map<String, Object> json) {
    byte[] bytes = indent(new String(Json.write(json), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    Path target = file;
    try {
      target = file.toRealPath();
    } catch (NoSuchFileException e) {
      // Not there yet (or a dangling link, written over as the CLI does): write the path itself
    } catch (IOException e) {
      throw new UncheckedIOException("Docker config file " + file + " cannot be written", e);
    }
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir, posix(dir) ? attributes("rwx------") : new FileAttribute<?>[0]);
      temp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp",
          posix(dir) ? attributes("rw-------") : new FileAttribute<?>[0]);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // On disk before the rename, or a crash could leave an empty config.json in its place
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Docker config file " + file + " cannot be written", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // The write failed already; a stray temporary file is the lesser matter
        }
      }
    }
  }

  /** Whether {@code dir}, or the nearest of its parents that exists, has POSIX permissions. */
  private static boolean posix(Path dir) throws IOException {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  private static FileAttribute<?>[] attributes(String permissions) {
    return new FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
  }

  /**
   * Compact JSON laid out as Go's {@code json.MarshalIndent(v, "", "\t")} lays it out, which is
   * how the CLI writes config.json and how people who edit it by hand expect to find it.
   */
  static String indent(String compact) {
    StringBuilder out = new StringBuilder(compact.length() * 2);
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (inString) {
        out.append(c);
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          out.append(c);
        }
        case '{', '[' -> {
          char next = i + 1 < compact.length() ? compact.charAt(i + 1) : 0;
          out.append(c);
          if (next == '}' || next == ']') {
            out.append(next);
            i++;
          } else {
            newline(out, ++depth);
          }
        }
        case '}', ']' -> {
          newline(out, --depth);
          out.append(c);
        }
        case ',' -> {
          out.append(c);
          newline(out, depth);
        }
        case ':' -> out.append(": ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append('\t');
    }
  }
}
