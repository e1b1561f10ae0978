package dev.berth.internal.archive;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 512-byte header block of a tar stream: where each field sits, how numbers are written (octal
 * text, or GNU base-256 when they do not fit), and the checksum that guards the block.
 */
final class TarHeader {
  /** Size of a header block; entry content is padded to a multiple of it. */
  static final int BLOCK = 512;

  static final int NAME = 0;
  static final int NAME_LENGTH = 100;
  static final int MODE = 100;
  static final int UID = 108;
  static final int GID = 116;
  static final int SIZE = 124;
  static final int MTIME = 136;
  static final int CHECKSUM = 148;
  static final int TYPE = 156;
  static final int LINK_NAME = 157;
  static final int LINK_NAME_LENGTH = 100;
  static final int MAGIC = 257;
  static final int VERSION = 263;
  static final int DEV_MAJOR = 329;
  static final int DEV_MINOR = 337;
  static final int PREFIX = 345;
  static final int PREFIX_LENGTH = 155;

  static final byte TYPE_FILE = '0';
  static final byte TYPE_OLD_FILE = 0;
  static final byte TYPE_HARDLINK = '1';
  static final byte TYPE_SYMLINK = '2';
  static final byte TYPE_DIRECTORY = '5';
  static final byte TYPE_CONTIGUOUS = '7';
  static final byte TYPE_PAX = 'x';
  static final byte TYPE_PAX_GLOBAL = 'g';
  static final byte TYPE_GNU_LONG_NAME = 'L';
  static final byte TYPE_GNU_LONG_LINK = 'K';

  /** The largest number an 11-digit octal field (size, mtime) can hold: 8 GiB - 1. */
  static final long MAX_OCTAL_11 = 077777777777L;

  private static final byte[] USTAR_MAGIC = {'u', 's', 't', 'a', 'r', 0};
  private static final int CHECKSUM_LENGTH = 8;

  private TarHeader() {}

  /**
   * A ustar header block; {@code size} and {@code mtime} must fit their octal fields (callers move
   * larger values into a PAX header and pass 0 here).
   */
  static byte[] block(
      byte[] name, byte[] prefix, int mode, long size, long mtime, byte type, byte[] linkName) {
    byte[] block = new byte[BLOCK];
    System.arraycopy(name, 0, block, NAME, name.length);
    writeOctal(block, MODE, 8, mode & 07777);
    writeOctal(block, UID, 8, 0);
    writeOctal(block, GID, 8, 0);
    writeOctal(block, SIZE, 12, size);
    writeOctal(block, MTIME, 12, mtime);
    block[TYPE] = type;
    System.arraycopy(linkName, 0, block, LINK_NAME, linkName.length);
    System.arraycopy(USTAR_MAGIC, 0, block, MAGIC, USTAR_MAGIC.length);
    block[VERSION] = '0';
    block[VERSION + 1] = '0';
    // uname and gname stay empty: the engine maps ownership by uid/gid, and names of this host's
    // users mean nothing inside a container.
    writeOctal(block, DEV_MAJOR, 8, 0);
    writeOctal(block, DEV_MINOR, 8, 0);
    System.arraycopy(prefix, 0, block, PREFIX, prefix.length);
    // 6 octal digits, NUL, space: the layout every tar since V7 writes
    String sum = String.format("%06o", checksum(block));
    for (int i = 0; i < 6; i++) {
      block[CHECKSUM + i] = (byte) sum.charAt(i);
    }
    block[CHECKSUM + 6] = 0;
    block[CHECKSUM + 7] = ' ';
    return block;
  }

  /** Writes {@code value} as {@code length - 1} zero-padded octal digits and a NUL. */
  static void writeOctal(byte[] block, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    if (value < 0 || digits.length() > length - 1) {
      throw new IllegalArgumentException(value + " does not fit a " + length + "-byte tar field");
    }
    int pad = length - 1 - digits.length();
    Arrays.fill(block, offset, offset + pad, (byte) '0');
    for (int i = 0; i < digits.length(); i++) {
      block[offset + pad + i] = (byte) digits.charAt(i);
    }
    block[offset + length - 1] = 0;
  }

  /**
   * The number in a field: octal text padded with spaces or NULs, or GNU base-256 (first byte 0x80
   * for positive numbers, 0xff for negative ones, the rest big-endian two's complement).
   *
   * @throws IllegalArgumentException if the field holds neither or the number exceeds a long
   */
  static long readNumber(byte[] block, int offset, int length) {
    int first = block[offset] & 0xff;
    if ((first & 0x80) != 0) {
      byte[] raw = Arrays.copyOfRange(block, offset, offset + length);
      BigInteger value;
      if (first == 0xff) {
        value = new BigInteger(raw);
      } else {
        raw[0] &= 0x7f;
        value = new BigInteger(1, raw);
      }
      if (value.bitLength() > 63) {
        throw new IllegalArgumentException("base-256 number too large");
      }
      return value.longValue();
    }
    int i = offset;
    int end = offset + length;
    while (i < end && (block[i] == ' ' || block[i] == 0)) {
      i++;
    }
    long value = 0;
    for (; i < end && block[i] != ' ' && block[i] != 0; i++) {
      int digit = block[i] - '0';
      if (digit < 0 || digit > 7) {
        throw new IllegalArgumentException("'" + (char) (block[i] & 0xff) + "' in an octal field");
      }
      if (value > (Long.MAX_VALUE >> 3)) {
        throw new IllegalArgumentException("octal number too large");
      }
      value = (value << 3) | digit;
    }
    for (; i < end; i++) {
      if (block[i] != ' ' && block[i] != 0) {
        throw new IllegalArgumentException("text after the number in an octal field");
      }
    }
    return value;
  }

  /** The text of a NUL-terminated (or full-width) field, read as UTF-8. */
  static String readString(byte[] block, int offset, int length) {
    int end = offset;
    while (end < offset + length && block[end] != 0) {
      end++;
    }
    return new String(block, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** The checksum of {@code block}: the unsigned sum of its bytes, the checksum field as spaces. */
  static int checksum(byte[] block) {
    int sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      boolean inField = i >= CHECKSUM && i < CHECKSUM + CHECKSUM_LENGTH;
      sum += inField ? ' ' : block[i] & 0xff;
    }
    return sum;
  }

  /** The checksum some old tars wrote, summing bytes as signed values. */
  static int signedChecksum(byte[] block) {
    int sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      boolean inField = i >= CHECKSUM && i < CHECKSUM + CHECKSUM_LENGTH;
      sum += inField ? ' ' : block[i];
    }
    return sum;
  }

  /** The checksum stored in the block, or -1 if the field holds no number. */
  static long storedChecksum(byte[] block) {
    try {
      boolean blank = true;
      for (int i = CHECKSUM; i < CHECKSUM + CHECKSUM_LENGTH; i++) {
        blank &= block[i] == ' ' || block[i] == 0;
      }
      return blank ? -1 : readNumber(block, CHECKSUM, CHECKSUM_LENGTH);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** True if the block holds the ustar magic of POSIX ({@code "ustar\0"}), which has a prefix. */
  static boolean hasPosixPrefix(byte[] block) {
    return Arrays.equals(
        block, MAGIC, MAGIC + USTAR_MAGIC.length, USTAR_MAGIC, 0, USTAR_MAGIC.length);
  }

  /** True if every byte of the block is zero, as in the two blocks that end an archive. */
  static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The number of zero bytes that pad {@code size} bytes of content to a whole block. */
  static int padding(long size) {
    return (int) ((BLOCK - size % BLOCK) % BLOCK);
  }
}
