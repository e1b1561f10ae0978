package dev.berth.internal.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a tar stream entry by entry: {@link #next()} returns each entry's header, {@link
 * #content()} its content, read straight from the underlying stream. Memory use does not depend on
 * entry sizes, except that extension headers (PAX, GNU long names) are held while they apply and
 * may be 1 MiB each and 4 MiB in all before one entry.
 *
 * <p>Understood: ustar names with their prefix; PAX extended headers ({@code x}) for {@code path},
 * {@code linkpath}, {@code size} and {@code mtime}; PAX global headers ({@code g}), which are
 * skipped; GNU long names and link targets ({@code L}, {@code K}), which Docker's engine writes in
 * some versions; sizes and times in GNU base-256. Every header's checksum is checked.
 */
public final class TarReader implements Closeable {
  private static final int MAX_EXTENSION_SIZE = 1024 * 1024;
  private static final int MAX_PENDING_EXTENSIONS = 4 * MAX_EXTENSION_SIZE;

  private final InputStream in;
  private final byte[] header = new byte[TarHeader.BLOCK];
  private byte[] skipBuffer;
  private long offset;
  private boolean ended;
  private TarEntry current;
  private Content content;
  private long remaining;
  private int padding;

  /** A reader of the tar stream {@code in}; {@link #close()} closes it. */
  public TarReader(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /**
   * The next entry, skipping whatever of the current entry's content was not read; null at the end
   * of the archive (its zero blocks, or the end of the stream between entries).
   *
   * @throws IOException if the stream ends inside an entry, a header's checksum is wrong or a
   *     header cannot be parsed; the message names the entry
   */
  public TarEntry next() throws IOException {
    if (ended) {
      return null;
    }
    if (current != null) {
      // apart: a PAX size near Long.MAX_VALUE plus the padding would overflow
      skip(remaining, current.name());
      skip(padding, current.name());
      current = null;
      content = null;
    }
    Map<String, String> pax = new HashMap<>();
    String longName = null;
    String longLink = null;
    long extensionBytes = 0;
    while (true) {
      long headerOffset = offset;
      int n = in.readNBytes(header, 0, TarHeader.BLOCK);
      offset += n;
      boolean extensionPending = !pax.isEmpty() || longName != null || longLink != null;
      if (n == 0 && !extensionPending) {
        ended = true;
        return null;
      }
      if (n < TarHeader.BLOCK) {
        throw new EOFException(
            "tar stream truncated in a header at byte "
                + headerOffset
                + " ("
                + n
                + " of 512 bytes)"
                + (extensionPending ? ", after an extension header" : ""));
      }
      if (TarHeader.isZero(header)) {
        if (extensionPending) {
          throw new IOException(
              "tar stream ends at byte "
                  + headerOffset
                  + " after an extension header that describes no entry");
        }
        ended = true;
        // the second of the two end blocks; nothing after the first is archive content any more
        offset += in.readNBytes(header, 0, TarHeader.BLOCK);
        return null;
      }
      String rawName = TarHeader.readString(header, TarHeader.NAME, TarHeader.NAME_LENGTH);
      checkChecksum(rawName, headerOffset);
      byte type = header[TarHeader.TYPE];
      long size = number(TarHeader.SIZE, 12, "size", rawName, headerOffset);
      if (size < 0) {
        throw new IOException(badHeader(rawName, headerOffset, "a negative size"));
      }
      boolean extension = type == TarHeader.TYPE_PAX || type == TarHeader.TYPE_GNU_LONG_NAME
          || type == TarHeader.TYPE_GNU_LONG_LINK;
      if (extension) {
        extensionBytes += Math.min(size, MAX_EXTENSION_SIZE + 1L);
        if (extensionBytes > MAX_PENDING_EXTENSIONS) {
          // each within its limit, but held together until an entry comes: a stream of them
          // would otherwise fill the heap
          throw new IOException(badHeader(rawName, headerOffset, "extension headers of more than "
              + MAX_PENDING_EXTENSIONS + " bytes in all before one entry"));
        }
      }
      switch (type) {
        case TarHeader.TYPE_PAX:
          try {
            pax.putAll(PaxRecords.parse(readExtension(size, rawName, headerOffset)));
          } catch (IllegalArgumentException e) {
            throw new IOException(badHeader(rawName, headerOffset, e.getMessage()), e);
          }
          continue;
        case TarHeader.TYPE_PAX_GLOBAL:
          // defaults for all later entries (git archive writes one holding the commit id); Go's
          // archive/tar, which the engine uses, does not apply them either
          skip(size + TarHeader.padding(size), rawName);
          continue;
        case TarHeader.TYPE_GNU_LONG_NAME:
          longName = cString(readExtension(size, rawName, headerOffset));
          continue;
        case TarHeader.TYPE_GNU_LONG_LINK:
          longLink = cString(readExtension(size, rawName, headerOffset));
          continue;
        default:
          return startEntry(type, size, rawName, headerOffset, pax, longName, longLink);
      }
    }
  }

  /**
   * The content of the entry {@link #next()} returned last: it ends with the entry, and is not
   * readable any more once {@code next()} is called again. Closing it does nothing.
   *
   * @throws IllegalStateException if there is no current entry
   */
  public InputStream content() {
    if (current == null) {
      throw new IllegalStateException("no current tar entry: call next() first");
    }
    return content;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    ended = true;
    current = null;
    content = null;
    in.close();
  }

  private TarEntry startEntry(
      byte type,
      long size,
      String rawName,
      long headerOffset,
      Map<String, String> pax,
      String longName,
      String longLink)
      throws IOException {
    String name = rawName;
    if (TarHeader.hasPosixPrefix(header)) {
      String prefix = TarHeader.readString(header, TarHeader.PREFIX, TarHeader.PREFIX_LENGTH);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    String link = TarHeader.readString(header, TarHeader.LINK_NAME, TarHeader.LINK_NAME_LENGTH);
    long seconds = number(TarHeader.MTIME, 12, "mtime", rawName, headerOffset);
    Instant modified;
    try {
      modified = Instant.ofEpochSecond(seconds);
    } catch (DateTimeException e) {
      throw new IOException(badHeader(rawName, headerOffset, "an mtime out of range"), e);
    }
    int mode = (int) (number(TarHeader.MODE, 8, "mode", rawName, headerOffset) & 07777);
    // an empty PAX value cancels the key, leaving the header's own field
    String paxPath = pax.get("path");
    if (paxPath != null && !paxPath.isEmpty()) {
      name = paxPath;
    }
    String paxLink = pax.get("linkpath");
    if (paxLink != null && !paxLink.isEmpty()) {
      link = paxLink;
    }
    // GNU long names win over PAX, as in Go's archive/tar, which the engine uses
    if (longName != null) {
      name = longName;
    }
    if (longLink != null) {
      link = longLink;
    }
    try {
      String paxSize = pax.get("size");
      if (paxSize != null && !paxSize.isEmpty()) {
        size = Long.parseLong(paxSize);
        if (size < 0) {
          throw new IllegalArgumentException("negative size");
        }
      }
      String paxTime = pax.get("mtime");
      if (paxTime != null && !paxTime.isEmpty()) {
        modified = paxTime(paxTime);
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IOException(badHeader(name, headerOffset, "a bad PAX size or mtime"), e);
    }
    TarEntry.Type kind = kind(type, name);
    boolean headerOnly = type >= '1' && type <= '6';
    long dataSize = headerOnly ? 0 : size;
    boolean isLink = kind == TarEntry.Type.SYMLINK || kind == TarEntry.Type.HARDLINK;
    current = new TarEntry(name, kind, mode, dataSize, isLink ? link : null, modified, type);
    content = new Content(current);
    remaining = dataSize;
    padding = TarHeader.padding(dataSize);
    return current;
  }

  private static TarEntry.Type kind(byte type, String name) {
    switch (type) {
      case TarHeader.TYPE_FILE:
      case TarHeader.TYPE_OLD_FILE:
      case TarHeader.TYPE_CONTIGUOUS:
        // pre-POSIX tars marked directories only by the trailing slash
        return type == TarHeader.TYPE_OLD_FILE && name.endsWith("/")
            ? TarEntry.Type.DIRECTORY
            : TarEntry.Type.FILE;
      case TarHeader.TYPE_DIRECTORY:
        return TarEntry.Type.DIRECTORY;
      case TarHeader.TYPE_SYMLINK:
        return TarEntry.Type.SYMLINK;
      case TarHeader.TYPE_HARDLINK:
        return TarEntry.Type.HARDLINK;
      default:
        return TarEntry.Type.OTHER;
    }
  }

  /** A PAX time: decimal seconds since 1970, maybe negative, maybe with a fraction. */
  private static Instant paxTime(String text) {
    if (!text.matches("-?[0-9]{1,19}(\\.[0-9]*)?")) {
      throw new IllegalArgumentException("not a PAX time: " + text);
    }
    int dot = text.indexOf('.');
    String whole = dot < 0 ? text : text.substring(0, dot);
    String fraction = dot < 0 ? "" : text.substring(dot + 1);
    long seconds = Long.parseLong(whole);
    String nineDigits = (fraction + "000000000").substring(0, 9);
    long nanos = Long.parseLong(nineDigits);
    boolean negative = text.startsWith("-");
    // -1.5 is 1.5 s before 1970: one more whole second back, plus half a second
    return negative && nanos > 0
        ? Instant.ofEpochSecond(seconds - 1, 1_000_000_000L - nanos)
        : Instant.ofEpochSecond(seconds, nanos);
  }

  private void checkChecksum(String rawName, long headerOffset) throws IOException {
    long stored = TarHeader.storedChecksum(header);
    if (stored != TarHeader.checksum(header) && stored != TarHeader.signedChecksum(header)) {
      throw new IOException(
          "bad tar header checksum for entry '"
              + rawName
              + "' at byte "
              + headerOffset
              + " (stored "
              + stored
              + ", computed "
              + TarHeader.checksum(header)
              + ")");
    }
  }

  private long number(int fieldOffset, int length, String field, String rawName, long at)
      throws IOException {
    try {
      return TarHeader.readNumber(header, fieldOffset, length);
    } catch (IllegalArgumentException e) {
      throw new IOException(badHeader(rawName, at, "a bad " + field + " field: " + e.getMessage()));
    }
  }

  private static String badHeader(String name, long at, String problem) {
    return "tar header for entry '" + name + "' at byte " + at + " has " + problem;
  }

  private byte[] readExtension(long size, String rawName, long headerOffset) throws IOException {
    if (size > MAX_EXTENSION_SIZE) {
      throw new IOException(
          badHeader(
              rawName,
              headerOffset,
              "an extension of " + size + " bytes (limit " + MAX_EXTENSION_SIZE + ")"));
    }
    byte[] data = in.readNBytes((int) size);
    offset += data.length;
    if (data.length < size) {
      throw new EOFException(
          "tar stream truncated in the extension header '" + rawName + "' at byte " + headerOffset);
    }
    skip(TarHeader.padding(size), rawName);
    return data;
  }

  private static String cString(byte[] data) {
    int end = data.length;
    while (end > 0 && data[end - 1] == 0) {
      end--;
    }
    return new String(data, 0, end, StandardCharsets.UTF_8);
  }

  /** Reads and drops {@code count} bytes; reading, not skipping, so that truncation shows. */
  private void skip(long count, String entryName) throws IOException {
    if (count > 0 && skipBuffer == null) {
      skipBuffer = new byte[64 * 1024];
    }
    long left = count;
    while (left > 0) {
      int n = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
      if (n < 0) {
        throw new EOFException(
            "tar stream truncated in entry '" + entryName + "': " + left + " bytes missing");
      }
      offset += n;
      left -= n;
    }
  }

  /** The content of one entry, valid while that entry is the reader's current one. */
  private final class Content extends InputStream {
    private final TarEntry entry;

    Content(TarEntry entry) {
      this.entry = entry;
    }

    @Override
    public int read() throws IOException {
      checkCurrent();
      if (remaining == 0) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw truncated();
      }
      offset++;
      remaining--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      checkCurrent();
      if (len == 0) {
        return 0;
      }
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw truncated();
      }
      offset += n;
      remaining -= n;
      return n;
    }

    @Override
    public int available() throws IOException {
      checkCurrent();
      return (int) Math.min(in.available(), remaining);
    }

    private void checkCurrent() throws IOException {
      if (current != entry) {
        throw new IOException(
            "the content of tar entry '" + entry.name() + "' is gone: the reader has moved on");
      }
    }

    private EOFException truncated() {
      return new EOFException(
          "tar stream truncated in the content of entry '"
              + entry.name()
              + "': "
              + (entry.size() - remaining)
              + " of "
              + entry.size()
              + " bytes");
    }
  }
}
