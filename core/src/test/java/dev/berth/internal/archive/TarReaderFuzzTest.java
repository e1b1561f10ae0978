package dev.berth.internal.archive;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.berth.fuzz.Fuzz;
import dev.berth.fuzz.Mutate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link TarReader}: only {@link IOException} (its documented type; {@code EOFException}
 * for truncation) comes out. Mutated archives mostly get their header checksums rewritten, so
 * that the mutations reach the fields behind the checksum.
 */
class TarReaderFuzzTest {
  private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");
  private static final List<byte[]> SEEDS = seeds();
  private static final List<byte[]> TOKENS = List.of("ustar\0".getBytes(UTF_8),
      "ustar  \0".getBytes(UTF_8), "77777777777".getBytes(UTF_8), new byte[] {(byte) 0x80},
      new byte[] {(byte) 0xff, (byte) 0xff}, "x".getBytes(UTF_8), "L".getBytes(UTF_8),
      "30 path=".getBytes(UTF_8), "99999999999 size=1\n".getBytes(UTF_8),
      "20 mtime=-1.5\n".getBytes(UTF_8), new byte[512]);

  @Test
  void tarReader() {
    Fuzz.bytes("TarReader", TarReaderFuzzTest::input, bytes -> {
      try (TarReader reader = new TarReader(new ByteArrayInputStream(bytes))) {
        byte[] buffer = new byte[1 + (bytes.length % 700)];
        int entries = 0;
        for (TarEntry e; (e = reader.next()) != null && entries < 10_000; entries++) {
          e.name();
          InputStream content = reader.content();
          if (entries % 3 != 2) {
            while (content.read(buffer) >= 0) {
              content.available();
            }
          }
        }
      }
    }).allowing(IOException.class).run();
  }

  private static byte[] input(Random r, int index) {
    byte[] seed = SEEDS.get(r.nextInt(SEEDS.size()));
    byte[] b = Mutate.mutate(r, seed, TOKENS, 1 + r.nextInt(4));
    if (r.nextInt(4) != 0) {
      b = java.util.Arrays.copyOf(b, b.length);
      fixChecksums(b);
    }
    if (r.nextInt(30) == 0) {
      // many extension headers in a row, each describing the one after
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int n = 1 + r.nextInt(200);
      for (int k = 0; k < n; k++) {
        byte[] data = PaxRecords.format(Map.of("k" + k, "v".repeat(r.nextInt(20_000))));
        out.writeBytes(header("PaxHeaders/x", data.length, TarHeader.TYPE_PAX));
        out.writeBytes(data);
        out.writeBytes(new byte[TarHeader.padding(data.length)]);
      }
      out.writeBytes(b);
      b = out.toByteArray();
    }
    return b;
  }

  /** Rewrites the checksum of every 512-byte block that holds a ustar magic. */
  private static void fixChecksums(byte[] b) {
    for (int at = 0; at + TarHeader.BLOCK <= b.length; at += TarHeader.BLOCK) {
      byte[] block = java.util.Arrays.copyOfRange(b, at, at + TarHeader.BLOCK);
      if (block[TarHeader.MAGIC] == 'u' && block[TarHeader.MAGIC + 1] == 's') {
        String sum = String.format("%06o", TarHeader.checksum(block) & 0777777);
        for (int i = 0; i < 6; i++) {
          b[at + TarHeader.CHECKSUM + i] = (byte) sum.charAt(i);
        }
        b[at + TarHeader.CHECKSUM + 6] = 0;
        b[at + TarHeader.CHECKSUM + 7] = ' ';
      }
    }
  }

  private static byte[] header(String name, long size, byte type) {
    return TarHeader.block(name.getBytes(UTF_8), new byte[0], 0644, size, 0, type, new byte[0]);
  }

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (TarWriter w = new TarWriter(out)) {
        w.writeDirectory("app/", 0755, T);
        w.writeFile("app/hello.txt", 6, 0644, T, new ByteArrayInputStream("hello\n".getBytes()));
        w.writeSymlink("app/link", "hello.txt", T);
        w.writeHardLink("app/hard", "app/hello.txt", 0644, T);
        String longName = "deep/" + "d".repeat(120) + "/" + "\u00e9".repeat(80) + ".txt";
        byte[] data = new byte[1500];
        w.writeFile(longName, data.length, 0600, T, new ByteArrayInputStream(data));
        w.finish();
      }
      seeds.add(out.toByteArray());

      // a GNU long name, a PAX size and mtime, a global header, an old-style file
      ByteArrayOutputStream gnu = new ByteArrayOutputStream();
      byte[] name = ("gnu/" + "n".repeat(150) + "\0").getBytes(UTF_8);
      gnu.writeBytes(header("././@LongLink", name.length, TarHeader.TYPE_GNU_LONG_NAME));
      gnu.writeBytes(name);
      gnu.writeBytes(new byte[TarHeader.padding(name.length)]);
      gnu.writeBytes(header("short", 3, TarHeader.TYPE_FILE));
      gnu.writeBytes("abc".getBytes(UTF_8));
      gnu.writeBytes(new byte[TarHeader.padding(3)]);
      byte[] pax = PaxRecords.format(Map.of("size", "4", "mtime", "1700000000.25",
          "path", "pax/\u00fc.txt"));
      gnu.writeBytes(header("PaxHeaders/p", pax.length, TarHeader.TYPE_PAX));
      gnu.writeBytes(pax);
      gnu.writeBytes(new byte[TarHeader.padding(pax.length)]);
      gnu.writeBytes(header("p", 0, TarHeader.TYPE_FILE));
      gnu.writeBytes("wxyz".getBytes(UTF_8));
      gnu.writeBytes(new byte[TarHeader.padding(4)]);
      byte[] global = PaxRecords.format(Map.of("comment", "abc"));
      gnu.writeBytes(header("pax_global_header", global.length, TarHeader.TYPE_PAX_GLOBAL));
      gnu.writeBytes(global);
      gnu.writeBytes(new byte[TarHeader.padding(global.length)]);
      gnu.writeBytes(header("old/", 0, TarHeader.TYPE_OLD_FILE));
      gnu.writeBytes(new byte[1024]);
      seeds.add(gnu.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seeds;
  }
}
