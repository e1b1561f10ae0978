package dev.berth.internal.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerException;
import dev.berth.DockerProtocolException;
import dev.berth.StreamCutException;
import dev.berth.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Decoding Docker's multiplexed ("stdcopy") and raw (TTY) output streams. */
@Timeout(30) // a read that hangs fails its test instead of the whole run
class FrameStreamTest {
  private static final String WHAT = "the logs of web";
  private static final int STDIN = 0;
  private static final int STDOUT = 1;
  private static final int STDERR = 2;
  private static final int ENGINE_ERROR = 3;

  /** One frame: the 8-byte header {@code [type, 0, 0, 0, length big-endian]} and the payload. */
  private static byte[] frame(int type, byte[] payload) {
    byte[] b = new byte[8 + payload.length];
    b[0] = (byte) type;
    int n = payload.length;
    b[4] = (byte) (n >>> 24);
    b[5] = (byte) (n >>> 16);
    b[6] = (byte) (n >>> 8);
    b[7] = (byte) n;
    System.arraycopy(payload, 0, b, 8, n);
    return b;
  }

  private static byte[] frame(int type, String payload) {
    return frame(type, payload.getBytes(UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static FrameStream multiplexed(InputStream in) {
    return new FrameStream(in, true, () -> { }, () -> { }, WHAT);
  }

  private static FrameStream multiplexed(byte[]... frames) {
    return multiplexed(new ByteArrayInputStream(concat(frames)));
  }

  private static FrameStream raw(InputStream in) {
    return new FrameStream(in, false, () -> { }, () -> { }, WHAT);
  }

  private static List<Frame> readAll(FrameStream s) {
    List<Frame> frames = new ArrayList<>();
    for (Frame f; (f = s.next()) != null; ) {
      frames.add(f);
    }
    return frames;
  }

  private static List<Frame> readAllLines(FrameStream s) {
    List<Frame> lines = new ArrayList<>();
    for (Frame f; (f = s.nextLine()) != null; ) {
      lines.add(f);
    }
    return lines;
  }

  private static Frame out(String text) {
    return new Frame(Frame.Stream.STDOUT, text.getBytes(UTF_8));
  }

  private static Frame err(String text) {
    return new Frame(Frame.Stream.STDERR, text.getBytes(UTF_8));
  }

  /** Hands out at most {@code max} bytes per read, as a slow network does. */
  private static InputStream trickling(byte[] bytes, int max) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, max));
      }
    };
  }

  /** A resource that counts how often it was closed. */
  private static final class Resource implements Closeable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  // ---- multiplexed frames ----

  @Test
  void framesOfEachStreamTypeComeWithTheirStreamAndBytes() {
    FrameStream s = multiplexed(frame(STDIN, "typed in"), frame(STDOUT, "to stdout\n"),
        frame(STDERR, "to stderr\n"), frame(STDOUT, "more out"));

    assertThat(readAll(s)).containsExactly(
        new Frame(Frame.Stream.STDIN, "typed in".getBytes(UTF_8)),
        out("to stdout\n"), err("to stderr\n"), out("more out"));
    assertThat(s.next()).isNull();
  }

  @Test
  void frameArrivingOneByteAtATimeDecodesTheSame() {
    byte[] bytes = concat(frame(STDOUT, "hello"), frame(STDERR, "oops"), frame(STDOUT, "bye"));
    AtomicInteger reads = new AtomicInteger();
    InputStream oneByte = new InputStream() {
      private final ByteArrayInputStream in = new ByteArrayInputStream(bytes);

      @Override
      public int read() {
        reads.incrementAndGet();
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        reads.incrementAndGet();
        return len == 0 ? 0 : in.read(b, off, 1);
      }
    };

    assertThat(readAll(multiplexed(oneByte)))
        .containsExactly(out("hello"), err("oops"), out("bye"));
    assertThat(reads.get()).isGreaterThanOrEqualTo(bytes.length);
  }

  @Test
  void zeroLengthFramesAreEmptyFramesAndKeepTheStreamInStep() {
    FrameStream s = multiplexed(frame(STDOUT, ""), frame(STDERR, "e"), frame(STDERR, ""),
        frame(STDOUT, "o"), frame(STDOUT, ""));

    List<Frame> frames = readAll(s);
    assertThat(frames).containsExactly(out(""), err("e"), err(""), out("o"), out(""));
    assertThat(frames.get(0).length()).isZero();
  }

  @Test
  void zeroLengthFrameAtTheEndDoesNotWaitForMoreBytes() throws Exception {
    // A live stream: an empty frame has arrived and nothing more yet. Reading it must not block.
    PipedInputStream in = new PipedInputStream();
    PipedOutputStream writer = new PipedOutputStream(in);
    writer.write(frame(STDOUT, ""));
    FrameStream s = multiplexed(in);

    CompletableFuture<Frame> first = CompletableFuture.supplyAsync(s::next);
    assertThat(first.get(1, TimeUnit.SECONDS)).isEqualTo(out(""));
    writer.close();
    assertThat(s.next()).isNull();
  }

  @Test
  void oneMebibyteFrameComesWholeEvenInSmallReads() {
    byte[] payload = new byte[1 << 20];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31 + i / 251);
    }
    byte[] bytes = concat(frame(STDERR, payload), frame(STDOUT, "after"));
    assertThat(Arrays.copyOf(bytes, 8)).containsExactly(2, 0, 0, 0, 0, 0x10, 0, 0);

    List<Frame> frames = readAll(multiplexed(trickling(bytes, 1500)));

    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).stream()).isEqualTo(Frame.Stream.STDERR);
    assertThat(frames.get(0).length()).isEqualTo(1 << 20);
    assertThat(frames.get(0).bytes()).isEqualTo(payload);
    assertThat(frames.get(1)).isEqualTo(out("after"));
  }

  @Test
  void lengthBytesAreReadUnsigned() {
    // 0x80FF = 33023: both length bytes have the high bit set, which a signed read would garble
    byte[] payload = new byte[0x80FF];
    Arrays.fill(payload, (byte) 'x');
    byte[] bytes = concat(frame(STDOUT, payload), frame(STDERR, "tail"));
    assertThat(Arrays.copyOfRange(bytes, 4, 8)).containsExactly(0, 0, 0x80, 0xFF);

    List<Frame> frames = readAll(multiplexed(bytes));

    assertThat(frames).extracting(Frame::length).containsExactly(33023, 4);
    assertThat(frames.get(1)).isEqualTo(err("tail"));
  }

  @Test
  void framesHandedOutAreNeverOverwrittenByLaterReads() {
    int n = 50;
    byte[][] frames = new byte[n][];
    for (int i = 0; i < n; i++) {
      frames[i] = frame(i % 2 == 0 ? STDOUT : STDERR, ("frame " + i + " ").repeat(i + 1));
    }
    FrameStream s = multiplexed(frames);

    List<byte[]> handedOut = new ArrayList<>();
    List<byte[]> asHandedOut = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] b = s.next().bytes();
      handedOut.add(b);
      asHandedOut.add(b.clone());
    }
    assertThat(readAll(s)).hasSize(n - 10);

    for (int i = 0; i < 10; i++) {
      assertThat(new String(handedOut.get(i), UTF_8)).isEqualTo(("frame " + i + " ").repeat(i + 1));
      assertThat(handedOut.get(i)).isEqualTo(asHandedOut.get(i));
    }
  }

  @Test
  void rawFramesHandedOutAreNeverOverwrittenByLaterReads() {
    // Chunks of 7 bytes each with their own content: "chunk00", "chunk01", …
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(String.format("chunk%02d", i));
    }
    FrameStream s = raw(trickling(text.toString().getBytes(UTF_8), 7));

    List<byte[]> handedOut = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      handedOut.add(s.next().bytes());
    }
    assertThat(readAll(s)).hasSize(30);

    for (int i = 0; i < 10; i++) {
      assertThat(new String(handedOut.get(i), UTF_8)).isEqualTo(String.format("chunk%02d", i));
    }
  }

  @Test
  void linesHandedOutAreNeverOverwrittenByLaterReads() {
    FrameStream s = multiplexed(frame(STDOUT, "line one\nline t"), frame(STDOUT, "wo\nline three"),
        frame(STDOUT, "\nline four\n"));

    Frame first = s.nextLine();
    Frame second = s.nextLine();
    assertThat(readAllLines(s)).containsExactly(out("line three"), out("line four"));

    assertThat(first.text()).isEqualTo("line one");
    assertThat(second.text()).isEqualTo("line two");
  }

  // ---- lines ----

  @Test
  void nextLineJoinsLinesSplitAcrossFrames() {
    FrameStream s = multiplexed(frame(STDOUT, "hel"), frame(STDOUT, "lo wor"),
        frame(STDOUT, "ld\nsecond"), frame(STDOUT, " line\n"), frame(STDOUT, "\n"));

    assertThat(readAllLines(s)).containsExactly(out("hello world"), out("second line"), out(""));
  }

  @Test
  void nextLineKeepsStdoutAndStderrLinesApartWhenInterleaved() {
    FrameStream s = multiplexed(frame(STDOUT, "out-1 par"), frame(STDERR, "err-1\nerr-2 par"),
        frame(STDOUT, "t\nout-2\n"), frame(STDERR, "t\n"));

    assertThat(readAllLines(s)).containsExactly(
        err("err-1"), out("out-1 part"), out("out-2"), err("err-2 part"));
  }

  @Test
  void nextLineStripsCrLfButKeepsCarriageReturnsInsideALine() {
    FrameStream s = multiplexed(frame(STDOUT, "windows\r\nsplit\r"), frame(STDOUT, "\n"),
        frame(STDOUT, "10%\r50%\r100%\r\n"));

    assertThat(readAllLines(s))
        .containsExactly(out("windows"), out("split"), out("10%\r50%\r100%"));
  }

  @Test
  void nextLineReturnsALastLineWithoutNewlineThenEnds() {
    FrameStream s = multiplexed(frame(STDOUT, "first\nno newline"), frame(STDERR, "err tail"));

    assertThat(s.nextLine()).isEqualTo(out("first"));
    assertThat(s.nextLine()).isEqualTo(out("no newline"));
    assertThat(s.nextLine()).isEqualTo(err("err tail"));
    assertThat(s.nextLine()).isNull();
    assertThat(s.nextLine()).isNull();
  }

  @Test
  void nextLineOfRawStreamIsAllStdout() {
    FrameStream s = raw(trickling("a\r\nbb\ncc".getBytes(UTF_8), 2));

    assertThat(readAllLines(s)).containsExactly(out("a"), out("bb"), out("cc"));
  }

  // ---- copyTo ----

  @Test
  void copyToRoutesStdoutAndStderrAndCountsPayloadBytes() {
    Resource resource = new Resource();
    byte[] bytes = concat(frame(STDOUT, "out1\n"), frame(STDERR, "err1\n"), frame(STDOUT, ""),
        frame(STDIN, "in\n"), frame(STDOUT, "out2\n"));
    FrameStream s = new FrameStream(new ByteArrayInputStream(bytes), true, () -> { }, resource,
        WHAT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    long copied = s.copyTo(out, err);

    assertThat(out.toString(UTF_8)).isEqualTo("out1\nin\nout2\n");
    assertThat(err.toString(UTF_8)).isEqualTo("err1\n");
    assertThat(copied).isEqualTo(18);
    assertThat(resource.closes.get()).isEqualTo(1);
    assertThat(s.next()).isNull();
  }

  @Test
  void bulkCopyOfFramesThatMustBeWaitedForCopiesEveryFrameInOrder() throws Exception {
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream feed = new PipedOutputStream(in);
    StringBuilder expectedOut = new StringBuilder();
    StringBuilder expectedErr = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      (i % 3 == 0 ? expectedErr : expectedOut).append("line ").append(i).append('\n');
    }
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (feed) {
        for (int i = 0; i < 300; i++) {
          feed.write(frame(i % 3 == 0 ? STDERR : STDOUT, "line " + i + "\n"));
          if (i % 30 == 0) {
            Thread.sleep(3); // the reader waits for the next frame now and then, and pauses
          }
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    FrameStream s = multiplexed(in).bulk();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    long copied = s.copyTo(out, err);

    writer.get(10, TimeUnit.SECONDS);
    assertThat(out.toString(UTF_8)).isEqualTo(expectedOut.toString());
    assertThat(err.toString(UTF_8)).isEqualTo(expectedErr.toString());
    assertThat(copied).isEqualTo(expectedOut.length() + expectedErr.length());
  }

  @Test
  void liveCopyHandsEachFrameToTheSinkBeforeTheNextOneIsSent() throws Exception {
    // logs --follow, attach and exec: a line reaches the sink while the engine sends nothing more
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream feed = new PipedOutputStream(in);
    CountDownLatch[] seen = {new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1)};
    AtomicInteger lines = new AtomicInteger();
    java.io.OutputStream sink = new java.io.OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
          if (b[i] == '\n') {
            seen[lines.getAndIncrement()].countDown();
          }
        }
      }
    };
    FrameStream s = multiplexed(in);
    CompletableFuture<Long> copy = CompletableFuture.supplyAsync(() -> s.copyTo(sink, sink));
    for (int i = 0; i < 3; i++) {
      feed.write(frame(STDOUT, "line " + i + "\n"));
      feed.flush();
      assertThat(seen[i].await(5, TimeUnit.SECONDS)).as("line %d arrived alone", i).isTrue();
    }
    feed.close();
    assertThat(copy.get(5, TimeUnit.SECONDS)).isEqualTo(21);
  }

  @Test
  void copyToOfABigFrameInSmallReadsCopiesEveryByte() {
    byte[] payload = new byte[1 << 20];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i ^ (i >>> 8));
    }
    FrameStream s = multiplexed(trickling(concat(frame(STDOUT, payload), frame(STDERR, "x")),
        4000));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(s.copyTo(out, err)).isEqualTo((1 << 20) + 1);
    assertThat(out.toByteArray()).isEqualTo(payload);
    assertThat(err.toString(UTF_8)).isEqualTo("x");
  }

  @Test
  void copyToOfRawStreamSendsEverythingToStdoutVerbatim() {
    byte[] bytes = concat(new byte[] {1, 0, 0, 0, 0, 0, 0, 5}, "hello".getBytes(UTF_8),
        new byte[] {2, 0, 0, 0, 0, 0, 0, 1, 'x'});
    FrameStream s = raw(trickling(bytes, 3));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(s.copyTo(out, err)).isEqualTo(bytes.length);
    assertThat(out.toByteArray()).isEqualTo(bytes);
    assertThat(err.size()).isZero();
  }

  // ---- raw (TTY) ----

  @Test
  void rawStreamNeverReadsBytesAsHeaders() {
    byte[] looksLikeAFrame = {1, 0, 0, 0, 0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'};
    FrameStream s = raw(new ByteArrayInputStream(looksLikeAFrame));

    List<Frame> frames = readAll(s);

    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).stream()).isEqualTo(Frame.Stream.STDOUT);
    assertThat(frames.get(0).bytes()).containsExactly(looksLikeAFrame);
  }

  @Test
  void rawStreamWithAStderrLookingHeaderStaysStdout() {
    byte[] looksLikeStderr = {2, 0, 0, 0, 0, 0, 0, 4, 'o', 'o', 'p', 's', '\n'};
    FrameStream s = raw(new ByteArrayInputStream(looksLikeStderr));

    Frame line = s.nextLine();

    assertThat(line.stream()).isEqualTo(Frame.Stream.STDOUT);
    assertThat(line.bytes()).containsExactly(2, 0, 0, 0, 0, 0, 0, 4, 'o', 'o', 'p', 's');
    assertThat(s.nextLine()).isNull();
  }

  // ---- broken streams ----

  @Test
  void streamCutInsideAHeaderThrowsSayingItWasCut() {
    Resource resource = new Resource();
    byte[] bytes = concat(frame(STDOUT, "whole"), new byte[] {1, 0, 0});
    FrameStream s = new FrameStream(new ByteArrayInputStream(bytes), true, () -> { }, resource,
        WHAT);

    assertThat(s.next()).isEqualTo(out("whole"));
    assertThatThrownBy(s::next)
        .isInstanceOf(StreamCutException.class)
        .hasMessage("the logs of web broke off after 16 bytes: the stream was cut inside a frame"
            + " header (3 of 8 bytes)");
    assertThat(resource.closes.get()).isEqualTo(1);
    assertThat(s.next()).isNull();
  }

  @Test
  void streamCutInsideAPayloadThrowsSayingItWasCut() {
    byte[] bytes = concat(frame(STDOUT, "whole"),
        Arrays.copyOf(frame(STDERR, "ten bytes!"), 8 + 4));
    FrameStream s = multiplexed(bytes);

    assertThat(s.next()).isEqualTo(out("whole"));
    assertThatThrownBy(s::next)
        .isInstanceOf(StreamCutException.class)
        .hasMessage("the logs of web broke off after 25 bytes: the stream was cut inside a frame"
            + " (4 of 10 bytes)");
  }

  @Test
  void nextLineOfACutStreamThrowsSayingItWasCut() {
    FrameStream s = multiplexed(frame(STDOUT, "done\npart"), new byte[] {1, 0, 0, 0, 0});

    assertThat(s.nextLine()).isEqualTo(out("done"));
    assertThatThrownBy(s::nextLine)
        .isInstanceOf(DockerException.class)
        .hasMessageContaining("cut inside a frame header (5 of 8 bytes)");
  }

  @Test
  void copyToOfAStreamCutInsideAHeaderThrowsSayingItWasCut() {
    Resource resource = new Resource();
    byte[] bytes = concat(frame(STDOUT, "whole"), new byte[] {2, 0, 0, 0, 0, 0});
    FrameStream s = new FrameStream(new ByteArrayInputStream(bytes), true, () -> { }, resource,
        WHAT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> s.copyTo(out, new ByteArrayOutputStream()))
        .isInstanceOf(StreamCutException.class)
        .hasMessage("the logs of web broke off after 19 bytes: the stream was cut inside a frame"
            + " header (6 of 8 bytes)");
    assertThat(out.toString(UTF_8)).isEqualTo("whole");
    assertThat(resource.closes.get()).isEqualTo(1);
  }

  @Test
  void copyToOfAStreamCutInsideAPayloadThrowsSayingItWasCut() {
    byte[] bytes = concat(frame(STDERR, "whole"),
        Arrays.copyOf(frame(STDOUT, "ten bytes!"), 8 + 4));
    FrameStream s = multiplexed(trickling(bytes, 2));

    assertThatThrownBy(() -> s.copyTo(new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .isInstanceOf(StreamCutException.class)
        .hasMessage("the logs of web broke off after 25 bytes: the stream was cut inside a frame"
            + " (4 of 10 bytes)");
  }

  @Test
  void engineErrorFrameThrowsWithTheEnginesMessage() {
    Resource resource = new Resource();
    byte[] bytes = concat(frame(STDOUT, "before\n"),
        frame(ENGINE_ERROR, "error from daemon in stream: log file is gone\n"),
        frame(STDOUT, "never read\n"));
    FrameStream s = new FrameStream(new ByteArrayInputStream(bytes), true, () -> { }, resource,
        WHAT);

    assertThat(s.next()).isEqualTo(out("before\n"));
    assertThatThrownBy(s::next)
        .isInstanceOf(DockerException.class)
        .hasMessage("the engine ended the logs of web with an error:"
            + " error from daemon in stream: log file is gone");
    assertThat(resource.closes.get()).isEqualTo(1);
    assertThat(s.next()).isNull();
  }

  @Test
  void engineErrorFrameDuringCopyToThrowsWithTheEnginesMessage() {
    byte[] bytes = concat(frame(STDOUT, "before\n"), frame(STDERR, "warn\n"),
        frame(ENGINE_ERROR, "log file is gone"), frame(STDOUT, "never read\n"));
    FrameStream s = multiplexed(bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThatThrownBy(() -> s.copyTo(out, err))
        .isInstanceOf(DockerException.class)
        .hasMessage("the engine ended the logs of web with an error: log file is gone");
    assertThat(out.toString(UTF_8)).isEqualTo("before\n");
    assertThat(err.toString(UTF_8)).isEqualTo("warn\n");
  }

  @Test
  void unknownStreamTypeThrows() {
    FrameStream s = multiplexed(frame(STDOUT, "ok"), frame(7, "what is this"));

    assertThat(s.next()).isEqualTo(out("ok"));
    assertThatThrownBy(s::next)
        .isInstanceOf(DockerProtocolException.class)
        .hasMessage("the logs of web is not a valid stream after 18 bytes: not a frame header:"
            + " 070000000000000c (a multiplexed stream's frames start with 0, 1, 2 or 3 and three"
            + " zero bytes)");
  }

  @Test
  void unknownStreamTypeThrowsDuringCopyToToo() {
    FrameStream s = multiplexed(frame(STDOUT, "ok"), frame(7, "what is this"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> s.copyTo(out, new ByteArrayOutputStream()))
        .isInstanceOf(DockerProtocolException.class)
        .hasMessage("the logs of web is not a valid stream after 18 bytes: not a frame header:"
            + " 070000000000000c (a multiplexed stream's frames start with 0, 1, 2 or 3 and three"
            + " zero bytes)");
    assertThat(out.toString(UTF_8)).isEqualTo("ok");
  }

  @Test
  void frameLongerThanAnArrayCanHoldThrowsInsteadOfAllocating() {
    byte[] fourGigabytes = {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    FrameStream s = multiplexed(concat(fourGigabytes, "short".getBytes(UTF_8)));

    assertThatThrownBy(s::next)
        .isInstanceOf(DockerProtocolException.class)
        .hasMessage("the logs of web is not a valid stream after 8 bytes: a frame of 4294967295"
            + " bytes is larger than a stream can carry");
  }

  @Test
  void copyToStreamsAFrameLongerThanAnArrayCanHoldUntilItIsCut() {
    byte[] fourGigabytes = {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    FrameStream s = multiplexed(concat(fourGigabytes, "short".getBytes(UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> s.copyTo(out, new ByteArrayOutputStream()))
        .isInstanceOf(StreamCutException.class)
        .hasMessage("the logs of web broke off after 13 bytes: the stream was cut inside a frame"
            + " (5 of 4294967295 bytes)");
    assertThat(out.toString(UTF_8)).isEqualTo("short");
  }

  @Test
  void copyToOfAnEngineErrorFrameLongerThanAnArrayCanHoldKeepsWhatArrivedOfIt() {
    byte[] fourGigabytes = {3, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    FrameStream s = multiplexed(concat(fourGigabytes, "short".getBytes(UTF_8)));

    assertThatThrownBy(() -> s.copyTo(new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .isInstanceOf(DockerException.class)
        .hasMessage("the engine ended the logs of web with an error: short");
  }

  // ---- closing ----

  @Test
  void closeFromAnotherThreadEndsABlockedNextWithNull() throws Exception {
    PipedInputStream in = new PipedInputStream();
    PipedOutputStream writer = new PipedOutputStream(in);
    Resource resource = new Resource();
    AtomicInteger aborts = new AtomicInteger();
    FrameStream s = new FrameStream(in, true, () -> {
      aborts.incrementAndGet();
      try {
        writer.close();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }, resource, WHAT);
    writer.write(frame(STDOUT, "first"));

    assertThat(s.next()).isEqualTo(out("first"));
    CompletableFuture<Frame> blocked = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        blocked.complete(s.next());
      } catch (Throwable t) {
        blocked.completeExceptionally(t);
      }
    });
    reader.start();
    awaitBlocked(reader);

    long start = System.nanoTime();
    s.close();
    assertThat(blocked.get(1, TimeUnit.SECONDS)).isNull();
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
    assertThat(aborts.get()).isEqualTo(1);
    assertThat(resource.closes.get()).isGreaterThanOrEqualTo(1);
    assertThat(s.next()).isNull();
    s.close();
    assertThat(aborts.get()).isEqualTo(1);
  }

  @Test
  void closeFromAnotherThreadEndsABlockedReadThatThenFailsWithNull() throws Exception {
    // Like a cancelled HTTP call: the abort makes the blocked read throw, which is no error.
    CountDownLatch aborted = new CountDownLatch(1);
    InputStream socket = new InputStream() {
      @Override
      public int read() throws IOException {
        return read(new byte[1], 0, 1);
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          aborted.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("Socket closed");
      }
    };
    FrameStream s = new FrameStream(socket, true, aborted::countDown, () -> { }, WHAT);

    CompletableFuture<Frame> blocked = CompletableFuture.supplyAsync(s::next);
    Thread.sleep(100);
    assertThat(blocked).isNotDone();
    s.close();

    assertThat(blocked.get(1, TimeUnit.SECONDS)).isNull();
    assertThat(s.next()).isNull();
  }

  @Test
  void closeFromAnotherThreadEndsABlockedCopyToWithWhatWasCopied() throws Exception {
    PipedInputStream in = new PipedInputStream();
    PipedOutputStream writer = new PipedOutputStream(in);
    FrameStream s = new FrameStream(in, true, () -> {
      try {
        writer.close();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }, () -> { }, WHAT);
    writer.write(frame(STDOUT, "so far"));
    writer.flush();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CompletableFuture<Long> copying =
        CompletableFuture.supplyAsync(() -> s.copyTo(out, new ByteArrayOutputStream()));
    Thread.sleep(200);
    assertThat(copying).isNotDone();
    s.close();

    assertThat(copying.get(1, TimeUnit.SECONDS)).isEqualTo(6L);
    assertThat(out.toString(UTF_8)).isEqualTo("so far");
  }

  @Test
  void afterCloseNextAndNextLineReturnNullThoughBytesRemain() {
    Resource resource = new Resource();
    AtomicInteger aborts = new AtomicInteger();
    FrameStream s = new FrameStream(new ByteArrayInputStream(concat(frame(STDOUT, "a\n"),
        frame(STDOUT, "b\n"))), true, aborts::incrementAndGet, resource, WHAT);

    s.close();
    assertThat(aborts.get()).isEqualTo(1);
    assertThat(resource.closes.get()).isEqualTo(1);

    assertThat(s.next()).isNull();
    assertThat(s.nextLine()).isNull();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(s.copyTo(out, new ByteArrayOutputStream())).isZero();
    assertThat(out.size()).isZero();
    s.close();
    assertThat(aborts.get()).isEqualTo(1);
  }

  @Test
  void naturalEndClosesTheResource() {
    Resource resource = new Resource();
    FrameStream s = new FrameStream(new ByteArrayInputStream(frame(STDOUT, "only")), true,
        () -> { }, resource, WHAT);

    assertThat(s.next()).isEqualTo(out("only"));
    assertThat(resource.closes.get()).isZero();
    assertThat(s.next()).isNull();
    assertThat(resource.closes.get()).isEqualTo(1);
  }

  @Test
  void naturalEndOfRawStreamClosesTheResource() {
    Resource resource = new Resource();
    FrameStream s = new FrameStream(new ByteArrayInputStream("tty\n".getBytes(UTF_8)), false,
        () -> { }, resource, WHAT);

    assertThat(s.nextLine()).isEqualTo(out("tty"));
    assertThat(s.nextLine()).isNull();
    assertThat(resource.closes.get()).isEqualTo(1);
  }

  /** Waits until {@code t} is parked in a read (the pipe waits in timed waits of a second). */
  private static void awaitBlocked(Thread t) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the reader never blocked: " + t.getState());
      }
      Thread.sleep(5);
    }
  }
}
