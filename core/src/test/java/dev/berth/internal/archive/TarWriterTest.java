package dev.berth.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes TarWriter writes: header fields, PAX records, and how it fails. */
class TarWriterTest {
  private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String field(byte[] block, int offset, int length) {
    return new String(block, offset, length, StandardCharsets.US_ASCII);
  }

  @Test
  void headerIsUstarWithOctalFieldsRootOwnerAndAValidChecksum() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile("hello.txt", 5, 0640, T, bytes("hello"));
    }
    byte[] archive = out.toByteArray();
    // header, one content block, two end blocks
    assertThat(archive).hasSize(4 * 512);
    byte[] h = Arrays.copyOf(archive, 512);
    assertThat(field(h, 0, 10)).isEqualTo("hello.txt\0");
    assertThat(field(h, 100, 8)).isEqualTo("0000640\0");
    assertThat(field(h, 108, 8)).isEqualTo("0000000\0");
    assertThat(field(h, 116, 8)).isEqualTo("0000000\0");
    assertThat(field(h, 124, 12)).isEqualTo("00000000005\0");
    assertThat(field(h, 136, 12)).isEqualTo(String.format("%011o", T.getEpochSecond()) + "\0");
    assertThat((char) h[156]).isEqualTo('0');
    assertThat(field(h, 257, 8)).isEqualTo("ustar\0" + "00");
    assertThat(field(h, 265, 64)).isEqualTo("\0".repeat(64)); // uname, gname empty
    int sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : h[i] & 0xff;
    }
    assertThat(field(h, 148, 8)).isEqualTo(String.format("%06o", sum) + "\0 ");
    assertThat(field(archive, 512, 5)).isEqualTo("hello");
    assertThat(Arrays.copyOfRange(archive, 517, archive.length)).containsOnly(0);
  }

  @Test
  void directoryNamesGetATrailingSlashAndTypeFive() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeDirectory("a/b", 0755, T);
      tar.writeDirectory("c/", 0700, T);
    }
    byte[] archive = out.toByteArray();
    assertThat(field(archive, 0, 5)).isEqualTo("a/b/\0");
    assertThat((char) archive[156]).isEqualTo('5');
    assertThat(field(archive, 512, 3)).isEqualTo("c/\0");
    assertThat(field(archive, 512 + 100, 8)).isEqualTo("0000700\0");
  }

  @Test
  void contentShorterThanDeclaredFailsNamingTheEntryAndLeavesTheArchiveUnfinished()
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarWriter tar = new TarWriter(out);
    assertThatThrownBy(() -> tar.writeFile("short.txt", 10, 0644, T, bytes("only7ch")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'short.txt'")
        .hasMessageContaining("ended after 7 of the declared 10 bytes");
    assertThatThrownBy(() -> tar.writeFile("next", 0, 0644, T, bytes("")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("left incomplete");
    assertThatThrownBy(tar::finish).isInstanceOf(IOException.class);
    tar.close();
    // no end blocks: a reader sees a truncated archive, not a complete one
    assertThat(out.size()).isEqualTo(512 + 7);
  }

  @Test
  void contentLongerThanDeclaredFails() {
    TarWriter tar = new TarWriter(new ByteArrayOutputStream());
    assertThatThrownBy(() -> tar.writeFile("long.txt", 3, 0644, T, bytes("four")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'long.txt' is longer than the declared 3 bytes");
  }

  @Test
  void nameThatSplitsAtASlashUsesTheUstarPrefixInsteadOfPax() throws IOException {
    String name = "p".repeat(60) + "/" + "n".repeat(89); // 150 characters
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile(name, 1, 0644, T, bytes("x"));
    }
    byte[] archive = out.toByteArray();
    assertThat(archive).hasSize(4 * 512);
    assertThat(field(archive, 0, 89)).isEqualTo("n".repeat(89));
    assertThat(field(archive, 345, 61)).isEqualTo("p".repeat(60) + "\0");
  }

  @Test
  void nameWithoutAUsableSlashGoesIntoAPaxHeader() throws IOException {
    String name = "x".repeat(150);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile(name, 0, 0644, T, bytes(""));
    }
    byte[] archive = out.toByteArray();
    assertThat((char) archive[156]).isEqualTo('x');
    int recordsLength = (int) TarHeader.readNumber(archive, 124, 12);
    byte[] records = Arrays.copyOfRange(archive, 512, 512 + recordsLength);
    assertThat(new String(records, StandardCharsets.UTF_8)).isEqualTo("160 path=" + name + "\n");
    assertThat((char) archive[1024 + 156]).isEqualTo('0');
  }

  @Test
  void paxRecordLengthCountsItsOwnDigitsAcrossEveryDigitBoundary() {
    for (int n = 0; n < 1100; n++) {
      String value = "v".repeat(n);
      String record = PaxRecords.record("path", value);
      int length = Integer.parseInt(record.substring(0, record.indexOf(' ')));
      assertThat(record.getBytes(StandardCharsets.UTF_8)).hasSize(length);
      assertThat(PaxRecords.parse(record.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(Map.of("path", value));
    }
    // 98 bytes of body: "99 ..." would be 100 long, "100 ..." is 101 and right
    assertThat(PaxRecords.record("path", "v".repeat(91))).startsWith("101 path=");
    // multi-byte characters count as bytes, not chars
    assertThat(PaxRecords.record("path", "é")).isEqualTo("11 path=é\n");
  }

  @Test
  void sizesFromEightGibOnAreWrittenAsPaxSize() throws IOException {
    long size = 8L * 1024 * 1024 * 1024 + 3;
    HeadCapture out = new HeadCapture(4096);
    try (TarWriter tar = new TarWriter(out)) {
      tar.writeFile("big", size, 0644, T, new PatternStream(size));
    }
    byte[] head = out.head();
    assertThat((char) head[156]).isEqualTo('x');
    assertThat(new String(head, 512, 20, StandardCharsets.US_ASCII))
        .startsWith("19 size=8589934595\n");
    // the ustar size field says 0 rather than a wrapped number
    assertThat(field(head, 1024 + 124, 12)).isEqualTo("00000000000\0");
    try (TarReader reader = new TarReader(new ByteArrayInputStream(head))) {
      assertThat(reader.next().size()).isEqualTo(size);
    }
    assertThat(out.count()).isEqualTo(3 * 512 + size + 509 + 1024);
  }

  @Test
  void writesAfterFinishAreRejected() throws IOException {
    TarWriter tar = new TarWriter(new ByteArrayOutputStream());
    tar.finish();
    tar.finish();
    assertThatThrownBy(() -> tar.writeDirectory("d", 0755, T))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void emptyNamesAndNulsAreRejectedBeforeAnythingIsWritten() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarWriter tar = new TarWriter(out);
    assertThatThrownBy(() -> tar.writeDirectory("", 0755, T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tar.writeSymlink("l", "a\0b", T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(out.size()).isZero();
    tar.writeDirectory("ok", 0755, T); // the writer is still usable
  }
}
