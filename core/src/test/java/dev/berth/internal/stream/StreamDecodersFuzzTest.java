package dev.berth.internal.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.berth.DockerException;
import dev.berth.fuzz.Fuzz;
import dev.berth.fuzz.Mutate;
import dev.berth.model.Frame;
import dev.berth.transport.DuplexConnection;
import dev.berth.transport.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the stdcopy frame decoder ({@link FrameStream}: only {@link DockerException} comes out,
 * as {@link dev.berth.containers.LogStream} documents) and the JSON-message stream decoder ({@link
 * ProgressStream}: only {@link IOException}), both under the fuzz execution's 64 MiB heap.
 */
class StreamDecodersFuzzTest {
  private static final List<byte[]> FRAME_TOKENS = List.of(header(1, 0), header(2, 5),
      header(3, 4), header(1, 0x7ffffff7), header(2, 1 << 26), header(0, 0xffffffff),
      header(7, 1), "\n".getBytes(UTF_8), "\r\n".getBytes(UTF_8));

  private static final List<byte[]> JSON_SEEDS = List.of(
      ("{\"status\":\"Pulling from library/alpine\",\"id\":\"latest\"}\r\n"
          + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1024,\"total\":3000000},"
          + "\"progress\":\"[>  ]\",\"id\":\"a1b2\"}\r\n"
          + "{\"status\":\"Digest: sha256:abc\"}\n{\"status\":\"Status: Downloaded\"}\n")
          .getBytes(UTF_8),
      "{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}"
          .getBytes(UTF_8),
      "{\"stream\":\"Step 1/2 : FROM alpine\\n\"}{\"aux\":{\"ID\":\"sha256:1\"}}"
          .getBytes(UTF_8),
      "[1,2,{\"a\":null}] \"text\" 12 true null {\"error\":7}".getBytes(UTF_8));
  private static final List<byte[]> JSON_TOKENS = tokens("{", "}", "[", "]", ",", ":", "\"",
      "\\u", "\\ud800", "\"errorDetail\":", "\"error\":", "\"progressDetail\":",
      "{\"current\":", "\"total\":1e999999", "99999999999999999999999999999", "-0", "1.5e-400",
      "null", "true", "NaN", "\u0000", "\uffff", "/*", "//", "\n", "[[[[[[[[[[", "{\"a\":{\"a\":");

  @Test
  void frames() {
    Fuzz.bytes("FrameStream (stdcopy)", StreamDecodersFuzzTest::frameInput, bytes -> {
      // the first byte picks what is read and how, the rest is the stream
      int mode = bytes.length == 0 ? 0 : bytes[0] & 0xff;
      InputStream in = new ByteArrayInputStream(bytes, Math.min(1, bytes.length),
          Math.max(0, bytes.length - 1));
      FrameStream s = new FrameStream(in, mode % 4 != 3, () -> { }, in, "the logs of web");
      switch (mode % 3) {
        case 0 -> {
          for (Frame f; (f = s.next()) != null; ) {
            f.bytes();
          }
        }
        case 1 -> {
          for (Frame f; (f = s.nextLine()) != null; ) {
            f.text();
          }
        }
        default -> s.copyTo(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
      }
      s.close();
    }).allowing(DockerException.class).run();
  }

  @Test
  void jsonMessages() {
    Fuzz.bytes("ProgressStream (JSON messages)", (r, i) -> Mutate.bytes(r, JSON_SEEDS,
        JSON_TOKENS), bytes -> {
          long[] count = {0};
          ProgressStream.read(response(bytes), p -> count[0]++);
        }).allowing(IOException.class).run();
  }

  /** Mostly well-formed frames with lying lengths and odd types, then byte mutations. */
  private static byte[] frameInput(Random r, int index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(r.nextInt(256));
    int frames = r.nextInt(12);
    for (int n = 0; n < frames; n++) {
      int type = r.nextInt(10) == 0 ? r.nextInt(256) : r.nextInt(4);
      byte[] payload = new byte[r.nextInt(r.nextBoolean() ? 16 : 5000)];
      for (int k = 0; k < payload.length; k++) {
        payload[k] = r.nextInt(8) == 0 ? (byte) '\n' : (byte) (32 + r.nextInt(95));
      }
      int length = switch (r.nextInt(12)) {
        case 0 -> r.nextInt();
        case 1 -> payload.length + 1 + r.nextInt(100);
        case 2 -> 0x7ffffff7;
        default -> payload.length;
      };
      out.writeBytes(header(type, length));
      out.writeBytes(payload);
    }
    byte[] b = out.toByteArray();
    return r.nextInt(3) == 0 ? Mutate.mutate(r, b, FRAME_TOKENS, 1 + r.nextInt(3)) : b;
  }

  private static byte[] header(int type, int length) {
    return new byte[] {(byte) type, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16),
        (byte) (length >>> 8), (byte) length};
  }

  private static List<byte[]> tokens(String... s) {
    return java.util.Arrays.stream(s).map(t -> t.getBytes(UTF_8)).toList();
  }

  static HttpResponse response(byte[] body) {
    InputStream in = new ByteArrayInputStream(body);
    return new HttpResponse() {
      @Override
      public int status() {
        return 200;
      }

      @Override
      public String header(String name) {
        return null;
      }

      @Override
      public Map<String, List<String>> headers() {
        return Map.of();
      }

      @Override
      public InputStream body() {
        return in;
      }

      @Override
      public DuplexConnection upgraded() {
        return null;
      }

      @Override
      public void abort() {}

      @Override
      public void close() {}
    };
  }
}
