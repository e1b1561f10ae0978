package dev.berth.transport.internal.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough DER (the ASN.1 encoding keys are stored in) to read PKCS#1, PKCS#8, SEC1 and PBES2
 * structures and to write a PKCS#8 wrapper. The JDK reads these only through internal classes, so
 * Berth carries this small reader rather than a dependency.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;
  static final int CONTEXT_0 = 0xA0;
  static final int CONTEXT_1 = 0xA1;

  private Der() {}

  /** One encoded element: its tag, and where its content lies in the buffer. */
  static final class Element {
    private final int tag;
    private final byte[] buffer;
    private final int headerStart;
    private final int contentStart;
    private final int end;

    private Element(int tag, byte[] buffer, int headerStart, int contentStart, int end) {
      this.tag = tag;
      this.buffer = buffer;
      this.headerStart = headerStart;
      this.contentStart = contentStart;
      this.end = end;
    }

    int tag() {
      return tag;
    }

    /** The content octets, without tag and length. */
    byte[] content() {
      return Arrays.copyOfRange(buffer, contentStart, end);
    }

    /** The whole element: tag, length and content. */
    byte[] encoded() {
      return Arrays.copyOfRange(buffer, headerStart, end);
    }

    /** A reader over the content, for constructed elements (SEQUENCE, [0], …). */
    Reader contents() {
      return new Reader(buffer, contentStart, end);
    }
  }

  /** Reads elements one after another from a part of a buffer. */
  static final class Reader {
    private final byte[] buffer;
    private final int end;
    private int position;

    Reader(byte[] der) {
      this(der, 0, der.length);
    }

    private Reader(byte[] buffer, int start, int end) {
      this.buffer = buffer;
      this.position = start;
      this.end = end;
    }

    boolean hasMore() {
      return position < end;
    }

    /** The tag of the next element, without reading it; -1 at the end. */
    int peekTag() {
      return hasMore() ? buffer[position] & 0xFF : -1;
    }

    /** The next element, whatever its tag. */
    Element next(String what) throws PemException {
      if (!hasMore()) {
        throw new PemException(what + " is missing (the structure ends early)");
      }
      int headerStart = position;
      int tag = buffer[position++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new PemException(what + " has a multi-byte tag, which no key structure uses");
      }
      if (!hasMore()) {
        throw new PemException(what + " has no length");
      }
      int first = buffer[position++] & 0xFF;
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int count = first & 0x7F;
        // 0x80 is BER's indefinite length, which DER forbids; more than 4 bytes is no key
        if (count == 0 || count > 4 || end - position < count) {
          throw new PemException(what + " has an invalid length");
        }
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (buffer[position++] & 0xFF);
        }
      }
      if (length > end - position) {
        throw new PemException(what + " is longer than the data holding it");
      }
      int contentStart = position;
      position += (int) length;
      return new Element(tag, buffer, headerStart, contentStart, position);
    }

    /** The next element, which must have {@code tag}. */
    Element next(int tag, String what) throws PemException {
      int found = peekTag();
      if (found != tag) {
        throw new PemException(what + " is missing: expected " + tagName(tag) + ", found "
            + (found < 0 ? "the end of the structure" : tagName(found)));
      }
      return next(what);
    }

    Reader sequence(String what) throws PemException {
      return next(SEQUENCE, what).contents();
    }

    BigInteger integer(String what) throws PemException {
      byte[] content = next(INTEGER, what).content();
      if (content.length == 0) {
        throw new PemException(what + " is an empty INTEGER");
      }
      return new BigInteger(content);
    }

    /** An INTEGER that must fit an int, such as a version or an iteration count. */
    int smallInteger(String what) throws PemException {
      BigInteger value = integer(what);
      if (value.bitLength() > 31) {
        throw new PemException(what + " " + value + " is out of range");
      }
      return value.intValue();
    }

    byte[] octetString(String what) throws PemException {
      return next(OCTET_STRING, what).content();
    }

    String oid(String what) throws PemException {
      return oidToString(next(OID, what).content(), what);
    }
  }

  /** The dotted form of an OBJECT IDENTIFIER's content octets: {@code 1.2.840.10045.2.1}. */
  static String oidToString(byte[] content, String what) throws PemException {
    if (content.length == 0 || (content[content.length - 1] & 0x80) != 0) {
      throw new PemException(what + " is not a valid OBJECT IDENTIFIER");
    }
    StringBuilder dotted = new StringBuilder();
    long value = 0;
    boolean first = true;
    for (byte b : content) {
      if (value > (Long.MAX_VALUE >> 7)) {
        throw new PemException(what + " has an OBJECT IDENTIFIER arc out of range");
      }
      value = (value << 7) | (b & 0x7F);
      if ((b & 0x80) == 0) {
        if (first) {
          // the first octets hold the first two arcs as 40 * x + y
          int x = value < 40 ? 0 : value < 80 ? 1 : 2;
          dotted.append(x).append('.').append(value - 40L * x);
          first = false;
        } else {
          dotted.append('.').append(value);
        }
        value = 0;
      }
    }
    return dotted.toString();
  }

  /** A DER element with {@code tag} whose content is the {@code parts} one after another. */
  static byte[] encode(int tag, byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static String tagName(int tag) {
    return switch (tag) {
      case INTEGER -> "INTEGER";
      case BIT_STRING -> "BIT STRING";
      case OCTET_STRING -> "OCTET STRING";
      case NULL -> "NULL";
      case OID -> "OBJECT IDENTIFIER";
      case SEQUENCE -> "SEQUENCE";
      default -> (tag & 0xC0) == 0x80 ? "[" + (tag & 0x1F) + "]" : String.format("tag 0x%02X", tag);
    };
  }
}
