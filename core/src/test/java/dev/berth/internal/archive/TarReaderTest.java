package dev.berth.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** TarReader on headers built by hand: extensions, odd encodings, damage. */
class TarReaderTest {
  private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(utf8(s));
  }

  /** An archive built block by block, for headers TarWriter never writes. */
  private static final class RawArchive {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RawArchive header(String name, byte type, long size, String link) {
      byte[] block =
          TarHeader.block(
              utf8(name), new byte[0], 0644, size, T.getEpochSecond(), type, utf8(link));
      out.writeBytes(block);
      return this;
    }

    RawArchive data(byte[] data) {
      out.writeBytes(data);
      out.writeBytes(new byte[TarHeader.padding(data.length)]);
      return this;
    }

    RawArchive raw(byte[] block) {
      out.writeBytes(block);
      return this;
    }

    byte[] end() {
      out.writeBytes(new byte[1024]);
      return out.toByteArray();
    }
  }

  private static TarReader reader(byte[] archive) {
    return new TarReader(new ByteArrayInputStream(archive));
  }

  private static byte[] oneFileArchive(String name, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile(name, utf8(content).length, 0644, T, text(content));
    }
    return out.toByteArray();
  }

  @Test
  void gnuLongNameAndLongLinkHeadersApplyToTheNextEntry() throws IOException {
    String longName = "dir/" + "n".repeat(200);
    String longLink = "t".repeat(150);
    byte[] archive =
        new RawArchive()
            .header("././@LongLink", TarHeader.TYPE_GNU_LONG_NAME, longName.length() + 1, "")
            .data(utf8(longName + "\0"))
            .header("././@LongLink", TarHeader.TYPE_GNU_LONG_LINK, longLink.length() + 1, "")
            .data(utf8(longLink + "\0"))
            .header("dir/nnnn", TarHeader.TYPE_SYMLINK, 0, "tttt")
            .header("plain", TarHeader.TYPE_FILE, 0, "")
            .end();
    try (TarReader reader = reader(archive)) {
      TarEntry link = reader.next();
      assertThat(link.name()).isEqualTo(longName);
      assertThat(link.type()).isEqualTo(TarEntry.Type.SYMLINK);
      assertThat(link.linkTarget()).isEqualTo(longLink);
      // the long names were for that entry only
      assertThat(reader.next().name()).isEqualTo("plain");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void paxHeaderOverridesPathLinkpathSizeAndMtimeAndGlobalHeadersAreSkipped() throws IOException {
    byte[] global = utf8(PaxRecords.record("comment", "ignored"));
    byte[] records =
        utf8(
            PaxRecords.record("path", "ünïcode/" + "p".repeat(120))
                + PaxRecords.record("mtime", "1700000000.25")
                + PaxRecords.record("size", "3")
                + PaxRecords.record("uname", "someone"));
    byte[] archive =
        new RawArchive()
            .header("pax_global_header", TarHeader.TYPE_PAX_GLOBAL, global.length, "")
            .data(global)
            .header("PaxHeaders.0/x", TarHeader.TYPE_PAX, records.length, "")
            .data(records)
            .header("short", TarHeader.TYPE_FILE, 0, "")
            .data(utf8("abc"))
            .end();
    try (TarReader reader = reader(archive)) {
      TarEntry entry = reader.next();
      assertThat(entry.name()).isEqualTo("ünïcode/" + "p".repeat(120));
      assertThat(entry.size()).isEqualTo(3);
      assertThat(entry.modified()).isEqualTo(Instant.ofEpochSecond(1700000000, 250_000_000));
      assertThat(new String(reader.content().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("abc");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void paxTimesBefore1970AndSizesAbove8GibAreRead() throws IOException {
    byte[] records =
        utf8(PaxRecords.record("size", "10000000000") + PaxRecords.record("mtime", "-1.5"));
    // only the headers: the entry's content is never read
    byte[] archive =
        new RawArchive()
            .header("PaxHeaders.0/big", TarHeader.TYPE_PAX, records.length, "")
            .data(records)
            .header("big", TarHeader.TYPE_FILE, 0, "")
            .end();
    try (TarReader reader = reader(archive)) {
      TarEntry entry = reader.next();
      assertThat(entry.size()).isEqualTo(10_000_000_000L);
      assertThat(entry.modified()).isEqualTo(Instant.ofEpochSecond(-2, 500_000_000));
    }
  }

  @Test
  void gnuBase256SizeIsRead() throws IOException {
    byte[] block = TarHeader.block(utf8("b256"), new byte[0], 0644, 0, 0, (byte) '0', new byte[0]);
    long size = 9_000_000_000L;
    Arrays.fill(block, TarHeader.SIZE, TarHeader.SIZE + 12, (byte) 0);
    block[TarHeader.SIZE] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      block[TarHeader.SIZE + 11 - i] = (byte) (size >>> (8 * i));
    }
    rewriteChecksum(block);
    try (TarReader reader = reader(block)) {
      assertThat(reader.next().size()).isEqualTo(size);
    }
  }

  @Test
  void ustarPrefixIsJoinedToTheName() throws IOException {
    byte[] block =
        TarHeader.block(utf8("name.txt"), utf8("some/prefix"), 0644, 0, 0, (byte) '0', new byte[0]);
    try (TarReader reader = reader(block)) {
      assertThat(reader.next().name()).isEqualTo("some/prefix/name.txt");
    }
  }

  @Test
  void unreadContentIsSkippedAndStaleContentStreamsFail() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile("one", 1000, 0644, T, new PatternStream(1000));
      tar.writeFile("two", 3, 0644, T, text("two"));
    }
    try (TarReader reader = reader(out.toByteArray())) {
      reader.next();
      InputStream first = reader.content();
      assertThat(first.read()).isZero();
      assertThat(reader.next().name()).isEqualTo("two");
      assertThatThrownBy(first::read).isInstanceOf(IOException.class).hasMessageContaining("'one'");
      assertThat(reader.content().readAllBytes()).isEqualTo(utf8("two"));
      assertThat(reader.content().read()).isEqualTo(-1);
      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
      assertThatThrownBy(reader::content).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void endOfStreamWithoutEndBlocksEndsTheArchive() throws IOException {
    byte[] archive = oneFileArchive("f", "x");
    byte[] withoutEnd = Arrays.copyOf(archive, 1024);
    try (TarReader reader = reader(withoutEnd)) {
      assertThat(reader.next().name()).isEqualTo("f");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void streamTruncatedInContentFailsNamingTheEntry() throws IOException {
    byte[] archive = oneFileArchive("cut.txt", "0123456789");
    byte[] truncated = Arrays.copyOf(archive, 512 + 4);
    try (TarReader reader = reader(truncated)) {
      assertThat(reader.next().name()).isEqualTo("cut.txt");
      assertThatThrownBy(() -> reader.content().readAllBytes())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("truncated")
          .hasMessageContaining("'cut.txt'")
          .hasMessageContaining("4 of 10 bytes");
    }
    // and when the content is skipped rather than read
    try (TarReader reader = reader(truncated)) {
      reader.next();
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("truncated")
          .hasMessageContaining("'cut.txt'");
    }
  }

  @Test
  void streamTruncatedInAHeaderFails() throws IOException {
    byte[] archive = oneFileArchive("f", "x");
    byte[] truncated = Arrays.copyOf(archive, 1024 + 100);
    // a second entry's header cut short
    System.arraycopy(archive, 0, truncated, 1024, 100);
    try (TarReader reader = reader(truncated)) {
      reader.next();
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("truncated in a header at byte 1024");
    }
  }

  @Test
  void corruptedChecksumFailsNamingTheEntry() throws IOException {
    byte[] archive = oneFileArchive("damaged.txt", "content");
    archive[TarHeader.MODE + 3] ^= 1; // one bit flipped in the mode field
    try (TarReader reader = reader(archive)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("checksum")
          .hasMessageContaining("'damaged.txt'");
    }
  }

  @Test
  void oversizedExtensionHeaderIsRefusedRatherThanBuffered() throws IOException {
    byte[] archive =
        new RawArchive().header("PaxHeaders.0/x", TarHeader.TYPE_PAX, 1L << 32, "").end();
    try (TarReader reader = reader(archive)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("limit");
    }
  }

  @Test
  void malformedPaxRecordFails() throws IOException {
    byte[] records = utf8("99 path=short\n");
    byte[] archive =
        new RawArchive()
            .header("PaxHeaders.0/x", TarHeader.TYPE_PAX, records.length, "")
            .data(records)
            .header("x", TarHeader.TYPE_FILE, 0, "")
            .end();
    try (TarReader reader = reader(archive)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("PaxHeaders.0/x");
    }
  }

  @Test
  void oldStyleDirectoryWithTrailingSlashIsADirectory() throws IOException {
    byte[] archive = new RawArchive().header("old/", (byte) 0, 0, "").end();
    try (TarReader reader = reader(archive)) {
      assertThat(reader.next().type()).isEqualTo(TarEntry.Type.DIRECTORY);
    }
  }

  private static void rewriteChecksum(byte[] block) {
    String sum = String.format("%06o", TarHeader.checksum(block));
    for (int i = 0; i < 6; i++) {
      block[TarHeader.CHECKSUM + i] = (byte) sum.charAt(i);
    }
    block[TarHeader.CHECKSUM + 6] = 0;
    block[TarHeader.CHECKSUM + 7] = ' ';
  }
}
