package dev.berth.internal.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a POSIX tar stream entry by entry, straight to an {@link OutputStream}: content is copied
 * through a fixed buffer, so memory use does not depend on entry sizes.
 *
 * <p>Headers are ustar ({@code "ustar\0"}, version {@code "00"}) with uid and gid 0 and empty user
 * and group names. What ustar cannot hold goes into a PAX extended header ({@code x}) before the
 * entry: names and link targets that are too long or not ASCII (written as UTF-8), sizes of 8 GiB
 * and more, and times before 1970 or after 2242. Times are kept to the second.
 *
 * <p>If a write fails halfway through an entry (the content ended early, say), the stream is left
 * mid-entry: later writes and {@link #finish()} throw, and {@link #close()} only closes the stream,
 * so the receiver sees a truncated archive rather than a plausible but wrong one.
 */
public final class TarWriter implements Closeable {
  private static final byte[] ZEROS = new byte[2 * TarHeader.BLOCK];
  private static final byte[] EMPTY = new byte[0];
  private static final int DEFAULT_FILE_MODE = 0644;
  private static final int DEFAULT_DIRECTORY_MODE = 0755;
  private static final int SYMLINK_MODE = 0777;

  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private boolean finished;
  private boolean failed;
  private boolean closed;

  /** A writer that writes to {@code out}; {@link #close()} closes it. */
  public TarWriter(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Adds a regular file whose content is the next {@code size} bytes of {@code content}. The
   * content stream is read to its end but not closed.
   *
   * @throws IOException if {@code content} ends before {@code size} bytes or has more, or writing
   *     fails; the archive is then unusable
   */
  public void writeFile(String name, long size, int mode, Instant mtime, InputStream content)
      throws IOException {
    checkName(name);
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for '" + name + "'");
    }
    Objects.requireNonNull(mtime, "mtime");
    Objects.requireNonNull(content, "content");
    checkWritable();
    boolean done = false;
    try {
      writeHeaders(name, TarHeader.TYPE_FILE, mode, size, mtime, null);
      copy(name, size, content);
      out.write(ZEROS, 0, TarHeader.padding(size));
      done = true;
    } finally {
      failed |= !done;
    }
  }

  /** Adds a directory; a {@code /} is appended to {@code name} if it has none. */
  public void writeDirectory(String name, int mode, Instant mtime) throws IOException {
    checkName(name);
    Objects.requireNonNull(mtime, "mtime");
    String directory = name.endsWith("/") ? name : name + "/";
    writeHeaderOnly(directory, TarHeader.TYPE_DIRECTORY, mode, mtime, null);
  }

  /** Adds a symbolic link to {@code target}, which is stored as given and not checked. */
  public void writeSymlink(String name, String target, Instant mtime) throws IOException {
    checkName(name);
    checkName(target);
    Objects.requireNonNull(mtime, "mtime");
    writeHeaderOnly(name, TarHeader.TYPE_SYMLINK, SYMLINK_MODE, mtime, target);
  }

  /**
   * Adds a hard link to the entry named {@code target}, which should come earlier in the archive.
   */
  public void writeHardLink(String name, String target, int mode, Instant mtime)
      throws IOException {
    checkName(name);
    checkName(target);
    Objects.requireNonNull(mtime, "mtime");
    writeHeaderOnly(name, TarHeader.TYPE_HARDLINK, mode, mtime, target);
  }

  /**
   * Adds what is at {@code source} on this host as {@code nameInArchive}: a regular file, a
   * symbolic link (stored as a link, never followed), or a directory with everything below it,
   * children in name order so that the same tree always gives the same archive. Modes come from the
   * file system's POSIX permissions where it has them, else 0644 for files and 0755 for
   * directories. Sockets, FIFOs and devices are skipped, as {@code docker build} skips sockets:
   * they cannot be copied as data.
   *
   * <p>An empty {@code nameInArchive} adds a directory's content without an entry for the directory
   * itself, which is how a build context is laid out.
   *
   * @throws IOException if reading the host file or writing fails, or a file changes size while it
   *     is copied
   */
  public void writePath(Path source, String nameInArchive) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(nameInArchive, "nameInArchive");
    BasicFileAttributes attributes;
    int mode = -1;
    try {
      PosixFileAttributes posix =
          Files.readAttributes(source, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      attributes = posix;
      mode = FileModes.mode(posix.permissions());
    } catch (UnsupportedOperationException e) {
      attributes =
          Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
    Instant mtime = attributes.lastModifiedTime().toInstant();
    if (attributes.isDirectory()) {
      String prefix = "";
      if (!nameInArchive.isEmpty()) {
        writeDirectory(nameInArchive, mode < 0 ? DEFAULT_DIRECTORY_MODE : mode, mtime);
        prefix = nameInArchive.endsWith("/") ? nameInArchive : nameInArchive + "/";
      }
      List<String> children = new ArrayList<>();
      try (Stream<Path> listing = Files.list(source)) {
        listing.forEach(child -> children.add(child.getFileName().toString()));
      }
      children.sort(null);
      for (String child : children) {
        writePath(source.resolve(child), prefix + child);
      }
      return;
    }
    if (nameInArchive.isEmpty()) {
      throw new IllegalArgumentException(source + " is not a directory and needs a name");
    }
    if (attributes.isSymbolicLink()) {
      String target = Files.readSymbolicLink(source).toString();
      String separator = source.getFileSystem().getSeparator();
      writeSymlink(nameInArchive, target.replace(separator, "/"), mtime);
    } else if (attributes.isRegularFile()) {
      try (InputStream content = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
        writeFile(
            nameInArchive, attributes.size(), mode < 0 ? DEFAULT_FILE_MODE : mode, mtime, content);
      }
    }
  }

  /**
   * Ends the archive with its two zero blocks and flushes, leaving the stream open. Calling it
   * again does nothing.
   *
   * @throws IOException if an earlier write failed halfway, or writing fails
   */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    if (failed) {
      throw new IOException("cannot finish the tar stream: an earlier entry was left incomplete");
    }
    failed = true;
    out.write(ZEROS);
    out.flush();
    failed = false;
    finished = true;
  }

  /** Finishes the archive, unless a write failed halfway, and closes the stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!failed) {
        finish();
      }
    } finally {
      out.close();
    }
  }

  private void writeHeaderOnly(String name, byte type, int mode, Instant mtime, String link)
      throws IOException {
    checkWritable();
    boolean done = false;
    try {
      writeHeaders(name, type, mode, 0, mtime, link);
      done = true;
    } finally {
      failed |= !done;
    }
  }

  private void writeHeaders(String name, byte type, int mode, long size, Instant mtime, String link)
      throws IOException {
    Map<String, String> pax = new LinkedHashMap<>();
    byte[] ustarName;
    byte[] prefix = EMPTY;
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    int split = isPlainAscii(name) ? prefixSplit(nameBytes) : -2;
    if (split == -1) {
      ustarName = nameBytes;
    } else if (split >= 0) {
      prefix = Arrays.copyOfRange(nameBytes, 0, split);
      ustarName = Arrays.copyOfRange(nameBytes, split + 1, nameBytes.length);
    } else {
      pax.put("path", name);
      ustarName = asciiFallback(name, TarHeader.NAME_LENGTH);
    }
    byte[] ustarLink = EMPTY;
    if (link != null) {
      byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
      if (isPlainAscii(link) && linkBytes.length <= TarHeader.LINK_NAME_LENGTH) {
        ustarLink = linkBytes;
      } else {
        pax.put("linkpath", link);
        ustarLink = asciiFallback(link, TarHeader.LINK_NAME_LENGTH);
      }
    }
    long ustarSize = size;
    if (size > TarHeader.MAX_OCTAL_11) {
      // ustar has 11 octal digits for the size; 0 there, as Go's archive/tar writes, keeps readers
      // without PAX from taking a wrapped number for the truth.
      pax.put("size", Long.toString(size));
      ustarSize = 0;
    }
    long seconds = mtime.getEpochSecond();
    long ustarTime = seconds;
    if (seconds < 0 || seconds > TarHeader.MAX_OCTAL_11) {
      pax.put("mtime", Long.toString(seconds));
      ustarTime = 0;
    }
    if (!pax.isEmpty()) {
      byte[] records = PaxRecords.format(pax);
      out.write(
          TarHeader.block(
              paxHeaderName(name),
              EMPTY,
              DEFAULT_FILE_MODE,
              records.length,
              ustarTime,
              TarHeader.TYPE_PAX,
              EMPTY));
      out.write(records);
      out.write(ZEROS, 0, TarHeader.padding(records.length));
    }
    out.write(TarHeader.block(ustarName, prefix, mode, ustarSize, ustarTime, type, ustarLink));
  }

  /**
   * Where to cut an ASCII name into ustar's prefix and name fields: -1 if it fits the name field
   * whole, the index of the {@code /} to cut at, or -2 if no cut fits.
   */
  private static int prefixSplit(byte[] name) {
    if (name.length <= TarHeader.NAME_LENGTH) {
      return -1;
    }
    // the part after the cut must fit 100 bytes and not be empty, the part before 155 and not be
    // empty either (an empty prefix would lose a leading '/')
    int from = Math.max(1, name.length - TarHeader.NAME_LENGTH - 1);
    int to = Math.min(TarHeader.PREFIX_LENGTH, name.length - 2);
    for (int i = from; i <= to; i++) {
      if (name[i] == '/') {
        return i;
      }
    }
    return -2;
  }

  /** The name of the PAX header written for {@code name}, as Go's archive/tar names it. */
  private static byte[] paxHeaderName(String name) {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return asciiFallback("PaxHeaders.0/" + base, TarHeader.NAME_LENGTH);
  }

  /**
   * What readers that do not know PAX see instead of a name they cannot hold: the name in ASCII,
   * other characters as {@code _}, cut to the field.
   */
  private static byte[] asciiFallback(String text, int fieldLength) {
    byte[] out = new byte[Math.min(text.length(), fieldLength)];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      out[i] = (byte) (c > 0 && c < 0x80 ? c : '_');
    }
    return out;
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || c >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void copy(String name, long size, InputStream content) throws IOException {
    long remaining = size;
    while (remaining > 0) {
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException(
            "content of '"
                + name
                + "' ended after "
                + (size - remaining)
                + " of the declared "
                + size
                + " bytes");
      }
      out.write(buffer, 0, n);
      remaining -= n;
    }
    if (content.read() >= 0) {
      throw new IOException(
          "content of '" + name + "' is longer than the declared " + size + " bytes");
    }
  }

  private void checkWritable() throws IOException {
    if (closed || finished) {
      throw new IllegalStateException("the tar stream is already " + (closed ? "closed" : "ended"));
    }
    if (failed) {
      throw new IOException("cannot add to the tar stream: an earlier entry was left incomplete");
    }
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.indexOf(0) >= 0) {
      throw new IllegalArgumentException(
          "an entry name or link target must be non-empty text without NUL, not \""
              + name.replace("\0", "\\0")
              + "\"");
    }
  }
}
