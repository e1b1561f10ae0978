package dev.berth.transport.internal.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code -----BEGIN TYPE-----} … {@code -----END TYPE-----} block of a PEM file: its type,
 * the RFC 1421 headers legacy OpenSSL encryption writes ({@code Proc-Type}, {@code DEK-Info})
 * and the decoded bytes. Text outside blocks is ignored, as OpenSSL ignores it ({@code openssl
 * x509 -text} writes a description before the block).
 */
final class PemBlock {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private final String type;
  private final Map<String, String> headers;
  private final byte[] der;
  private final int line;

  private PemBlock(String type, Map<String, String> headers, byte[] der, int line) {
    this.type = type;
    this.headers = headers;
    this.der = der;
    this.line = line;
  }

  /** The type between {@code BEGIN} and the dashes, such as {@code RSA PRIVATE KEY}. */
  String type() {
    return type;
  }

  /** The block's bytes, base64-decoded. */
  byte[] der() {
    return der.clone();
  }

  /** The line of the {@code BEGIN} line, counting from 1. */
  int line() {
    return line;
  }

  /** The value of header {@code name} (case-insensitive), or null. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** How messages name the block: {@code BEGIN RSA PRIVATE KEY}. */
  String label() {
    return "BEGIN " + type;
  }

  /** Every block of {@code text}, in file order. */
  static List<PemBlock> parse(String text) throws PemException {
    List<PemBlock> blocks = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith(BEGIN)) {
        continue;
      }
      if (!line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length() + 1) {
        throw new PemException("line " + (i + 1) + " is not a valid PEM BEGIN line");
      }
      String type = line.substring(BEGIN.length(), line.length() - DASHES.length());
      int beginLine = i + 1;
      Map<String, String> headers = new LinkedHashMap<>();
      StringBuilder base64 = new StringBuilder();
      boolean ended = false;
      for (i++; i < lines.length; i++) {
        String body = lines[i].strip();
        if (body.startsWith(END)) {
          String endType = body.endsWith(DASHES)
              ? body.substring(END.length(), Math.max(END.length(), body.length() - 5))
              : body;
          if (!endType.equals(type)) {
            throw new PemException("BEGIN " + type + " at line " + beginLine + " ends with "
                + body + " at line " + (i + 1));
          }
          ended = true;
          break;
        }
        if (body.startsWith(BEGIN)) {
          break;
        }
        int colon = body.indexOf(':');
        if (colon > 0) {
          // base64 has no colon: this is an RFC 1421 header such as Proc-Type: 4,ENCRYPTED
          headers.put(body.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              body.substring(colon + 1).strip());
        } else {
          base64.append(body);
        }
      }
      if (!ended) {
        throw new PemException("BEGIN " + type + " at line " + beginLine + " has no END line");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(base64.toString());
      } catch (IllegalArgumentException e) {
        throw new PemException("BEGIN " + type + " at line " + beginLine
            + " is not valid base64: " + e.getMessage(), e);
      }
      blocks.add(new PemBlock(type, Map.copyOf(headers), der, beginLine));
    }
    return blocks;
  }
}
