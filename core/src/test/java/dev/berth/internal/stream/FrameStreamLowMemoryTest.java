package dev.berth.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerException;
import dev.berth.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * Frame headers that claim more than the stream holds, read with a 64 MiB heap (the fuzz
 * execution): the payload buffer grows with the bytes that arrive, not with the claim.
 */
class FrameStreamLowMemoryTest {
  private static final String WHAT = "the logs of web";

  /** A header claiming {@code length} bytes of {@code type}, then {@code sent} bytes. */
  private static byte[] lyingFrame(int type, int length, int sent) {
    byte[] b = new byte[8 + sent];
    b[0] = (byte) type;
    b[4] = (byte) (length >>> 24);
    b[5] = (byte) (length >>> 16);
    b[6] = (byte) (length >>> 8);
    b[7] = (byte) length;
    for (int i = 8; i < b.length; i++) {
      b[i] = 'x';
    }
    return b;
  }

  private static FrameStream stream(byte[] bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return new FrameStream(in, true, () -> { }, in, WHAT);
  }

  @Test
  void aFrameClaimingTwoGibibytesIsACutStreamNotAnOutOfMemoryError() {
    // it allocated the 2 GiB the header claimed before reading a byte
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(256L * 1024 * 1024);
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> stream(lyingFrame(1, 0x7ffffff7, 10)).next())
          .isInstanceOf(dev.berth.StreamCutException.class)
          .hasMessage(WHAT + " broke off after 18 bytes: the stream was cut inside a frame"
              + " (10 of 2147483639 bytes)");
    }
  }

  @Test
  void anEngineErrorClaimingTwoGibibytesIsReadAsFarAsItGoes() {
    assertThatThrownBy(() -> stream(lyingFrame(3, 0x7ffffff7, 5)).copyTo(
        OutputStream.nullOutputStream(), OutputStream.nullOutputStream()))
        .isInstanceOf(DockerException.class)
        .hasMessage("the engine ended " + WHAT + " with an error: xxxxx");
  }

  @Test
  void framesLargerThanTheFirstBufferStillArriveWhole() {
    byte[] payload = new byte[1_000_000];
    java.util.Arrays.fill(payload, (byte) 'y');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(lyingFrame(2, payload.length, 0));
    out.writeBytes(payload);
    Frame f = stream(out.toByteArray()).next();
    assertThat(f.stream()).isEqualTo(Frame.Stream.STDERR);
    assertThat(f.bytes()).isEqualTo(payload);
  }
}
