package dev.berth.internal.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.FakeEngine.Answer;
import dev.berth.FakeEngine;
import dev.berth.containers.LogStream;
import dev.berth.model.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the framing of a container's logs is decided, against an engine that labels its answers as
 * told: from API 1.42 by the Content-Type, before it by the container's TTY flag; and what an
 * answer that breaks off mid-frame becomes.
 */
@Timeout(30) // a stream that hangs fails its test instead of the whole run
class StreamsFakeEngineTest {
  private static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  private static final String RAW = "application/vnd.docker.raw-stream";
  private static final String LOGS = "/containers/x/logs?stdout=1&stderr=1";

  /** stdout "out 1\n", stderr "err 1\n", stdout "out 2\n" as the engine frames them. */
  private static final byte[] FRAMED = concat(frame(1, "out 1\n"), frame(2, "err 1\n"),
      frame(1, "out 2\n"));

  private static byte[] frame(int type, String text) {
    byte[] payload = text.getBytes(UTF_8);
    byte[] b = new byte[8 + payload.length];
    b[0] = (byte) type;
    b[4] = (byte) (payload.length >>> 24);
    b[5] = (byte) (payload.length >>> 16);
    b[6] = (byte) (payload.length >>> 8);
    b[7] = (byte) payload.length;
    System.arraycopy(payload, 0, b, 8, payload.length);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** An engine with container x ({@code Tty} as given) whose logs answer is {@code logs}. */
  private static FakeEngine engine(boolean tty, Answer logs) throws IOException {
    return new FakeEngine(line -> {
      if (line.matches("GET /v1\\.\\d+/containers/x/json")) {
        return new Answer(200, Map.of(), "application/json",
            "{\"Id\":\"x\",\"Config\":{\"Tty\":" + tty + "}}");
      }
      if (line.matches("GET /v1\\.\\d+/containers/x/logs\\?.*")) {
        return logs;
      }
      return new Answer(404, Map.of(), "application/json",
          "{\"message\":\"no such thing: " + line + "\"}");
    });
  }

  private static DockerClient client(FakeEngine engine, String apiVersion) {
    return DockerClient.builder().endpoint(engine.endpoint()).apiVersion(apiVersion).build();
  }

  private static List<Frame> frames(DockerClient docker) {
    List<Frame> frames = new ArrayList<>();
    try (LogStream s = docker.containers().get("x").logs().open()) {
      for (Frame f; (f = s.next()) != null; ) {
        frames.add(f);
      }
    }
    return frames;
  }

  private static Frame out(String text) {
    return new Frame(Frame.Stream.STDOUT, text.getBytes(UTF_8));
  }

  private static Frame err(String text) {
    return new Frame(Frame.Stream.STDERR, text.getBytes(UTF_8));
  }

  @Test
  void multiplexedContentTypeAtApi142IsDecodedAsFrames() throws Exception {
    try (FakeEngine engine = engine(false, Answer.bytes(MULTIPLEXED, FRAMED));
        DockerClient docker = client(engine, "1.42")) {
      assertThat(frames(docker)).containsExactly(out("out 1\n"), err("err 1\n"), out("out 2\n"));

      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      assertThat(docker.containers().get("x").logs().copyTo(stdout, stderr)).isEqualTo(18);
      assertThat(stdout.toString(UTF_8)).isEqualTo("out 1\nout 2\n");
      assertThat(stderr.toString(UTF_8)).isEqualTo("err 1\n");
      assertThat(docker.containers().get("x").logs().text()).isEqualTo("out 1\nerr 1\nout 2\n");
    }
  }

  @Test
  void multiplexedContentTypeAtApi142WinsOverATtyFlag() throws Exception {
    try (FakeEngine engine = engine(true, Answer.bytes(MULTIPLEXED, FRAMED));
        DockerClient docker = client(engine, "1.42")) {
      assertThat(frames(docker)).containsExactly(out("out 1\n"), err("err 1\n"), out("out 2\n"));
      // get() inspects once; the framing needed no second look at the TTY flag
      assertThat(engine.requests())
          .containsExactly("GET /v1.42/containers/x/json", "GET /v1.42" + LOGS);
    }
  }

  @Test
  void rawContentTypeAtApi142IsReadAsRawBytes() throws Exception {
    // The container says no TTY, and the bytes look like frames: the Content-Type still decides
    try (FakeEngine engine = engine(false, Answer.bytes(RAW, FRAMED));
        DockerClient docker = client(engine, "1.42")) {
      List<Frame> frames = frames(docker);

      assertThat(frames).extracting(Frame::stream).containsOnly(Frame.Stream.STDOUT);
      assertThat(concat(frames.stream().map(Frame::bytes).toArray(byte[][]::new)))
          .isEqualTo(FRAMED);
      assertThat(engine.requests())
          .containsExactly("GET /v1.42/containers/x/json", "GET /v1.42" + LOGS);
    }
  }

  @Test
  void rawContentTypeAtApi142CopiesEveryByteToStdout() throws Exception {
    try (FakeEngine engine = engine(false, Answer.bytes(RAW, FRAMED));
        DockerClient docker = client(engine, "1.42")) {
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();

      assertThat(docker.containers().get("x").logs().copyTo(stdout, stderr))
          .isEqualTo(FRAMED.length);
      assertThat(stdout.toByteArray()).isEqualTo(FRAMED);
      assertThat(stderr.size()).isZero();
    }
  }

  @Test
  void atApi141TheTtyFlagDecidesDespiteARawContentType() throws Exception {
    // Engines before 1.42 label every stream raw-stream, multiplexed or not
    try (FakeEngine engine = engine(false, Answer.bytes(RAW, FRAMED));
        DockerClient docker = client(engine, "1.41")) {
      assertThat(frames(docker)).containsExactly(out("out 1\n"), err("err 1\n"), out("out 2\n"));
      assertThat(engine.requests()).contains("GET /v1.41" + LOGS)
          .filteredOn(r -> r.equals("GET /v1.41/containers/x/json")).isNotEmpty();
    }
  }

  @Test
  void atApi141TheTtyFlagDecidesDespiteAMultiplexedContentType() throws Exception {
    try (FakeEngine engine = engine(true, Answer.bytes(MULTIPLEXED, FRAMED));
        DockerClient docker = client(engine, "1.41")) {
      List<Frame> frames = frames(docker);

      assertThat(frames).extracting(Frame::stream).containsOnly(Frame.Stream.STDOUT);
      assertThat(concat(frames.stream().map(Frame::bytes).toArray(byte[][]::new)))
          .isEqualTo(FRAMED);
    }
  }

  @Test
  void withoutAContentTypeTheTtyFlagDecidesAtApi142Too() throws Exception {
    try (FakeEngine engine = engine(false, Answer.bytes(null, FRAMED));
        DockerClient docker = client(engine, "1.42")) {
      assertThat(frames(docker)).containsExactly(out("out 1\n"), err("err 1\n"), out("out 2\n"));
    }
  }

  @Test
  void connectionDroppedInTheMiddleOfAFrameIsADockerException() throws Exception {
    byte[] halfAFrame = Arrays.copyOf(frame(1, "never finished\n"), 8 + 5);
    try (FakeEngine engine = engine(false,
        Answer.cutAfter(MULTIPLEXED, concat(frame(1, "whole\n"), halfAFrame)));
        DockerClient docker = client(engine, "1.42")) {
      assertThatThrownBy(() -> docker.containers().get("x").logs().text())
          .isInstanceOf(DockerException.class)
          .hasMessageStartingWith("the logs of x broke off after ")
          .hasCauseInstanceOf(IOException.class);

      List<Frame> read = new ArrayList<>();
      try (LogStream s = docker.containers().get("x").logs().open()) {
        assertThatThrownBy(() -> {
          for (Frame f; (f = s.next()) != null; ) {
            read.add(f);
          }
        }).isInstanceOf(DockerException.class)
            .hasMessageStartingWith("the logs of x broke off after ");
      }
      assertThat(read).containsExactly(out("whole\n"));
    }
  }

  @Test
  void answerEndingInTheMiddleOfAFrameIsADockerExceptionSayingItWasCut() throws Exception {
    byte[] halfAFrame = Arrays.copyOf(frame(2, "never finished\n"), 8 + 5);
    try (FakeEngine engine = engine(false,
        Answer.bytes(MULTIPLEXED, concat(frame(1, "whole\n"), halfAFrame)));
        DockerClient docker = client(engine, "1.42")) {
      assertThatThrownBy(() -> docker.containers().get("x").logs().text())
          .isInstanceOf(dev.berth.StreamCutException.class)
          .hasMessage("the logs of x broke off after 27 bytes: the stream was cut inside a frame"
              + " (5 of 15 bytes)");
    }
  }

  @Test
  void answerEndingInTheMiddleOfAHeaderIsADockerExceptionSayingItWasCut() throws Exception {
    try (FakeEngine engine = engine(false,
        Answer.bytes(MULTIPLEXED, concat(frame(1, "whole\n"), new byte[] {1, 0, 0, 0})));
        DockerClient docker = client(engine, "1.42")) {
      assertThatThrownBy(() -> docker.containers().get("x").logs().text())
          .isInstanceOf(dev.berth.StreamCutException.class)
          .hasMessage("the logs of x broke off after 18 bytes: the stream was cut inside a frame"
              + " header (4 of 8 bytes)");
    }
  }

  @Test
  void engineErrorFrameInALogsAnswerIsADockerExceptionWithItsMessage() throws Exception {
    byte[] body = concat(frame(1, "whole\n"),
        frame(3, "error from daemon in stream: Error grabbing logs"));
    try (FakeEngine engine = engine(false, Answer.bytes(MULTIPLEXED, body));
        DockerClient docker = client(engine, "1.42")) {
      assertThatThrownBy(() -> docker.containers().get("x").logs().text())
          .isInstanceOf(DockerException.class)
          .hasMessage("the engine ended the logs of x with an error:"
              + " error from daemon in stream: Error grabbing logs");
    }
  }
}
