package dev.berth.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.Progress;
import org.junit.jupiter.api.Test;

class ProgressLogTest {
  private final RecordingLog log = new RecordingLog();
  private final ProgressLog progress = new ProgressLog(log);

  private static Progress layer(String id, String status, long current) {
    return new Progress(status, id, current, 1000, null, null, null);
  }

  @Test
  void logsOneLinePerLayerStateChangeNotPerByteCount() {
    progress.accept(new Progress("The push refers to repository [127.0.0.1:5000/app]", null, 0,
        0, null, null, null));
    progress.accept(layer("aaa", "Preparing", 0));
    progress.accept(layer("aaa", "Pushing", 10));
    progress.accept(layer("aaa", "Pushing", 500));
    progress.accept(layer("bbb", "Pushing", 20));
    progress.accept(layer("aaa", "Pushing", 999));
    progress.accept(layer("aaa", "Pushed", 0));
    progress.accept(layer("bbb", "Pushed", 0));

    assertThat(log.lines).containsExactly("The push refers to repository [127.0.0.1:5000/app]",
        "aaa: Preparing", "aaa: Pushing", "bbb: Pushing", "aaa: Pushed", "bbb: Pushed");
  }

  @Test
  void buildOutputIsLoggedLineByLineWhateverTheChunks() {
    progress.accept(new Progress(null, null, 0, 0, "Step 1/2 : FROM busy", null, null));
    progress.accept(new Progress(null, null, 0, 0, "box\n ---> 1234\nStep 2/2", null, null));
    progress.accept(new Progress(null, null, 0, 0, " : RUN true\r\n", null, null));
    progress.accept(new Progress(null, null, 0, 0, "unfinished", null, null));
    progress.flush();

    assertThat(log.lines).containsExactly("Step 1/2 : FROM busybox", " ---> 1234",
        "Step 2/2 : RUN true", "unfinished");
  }

  @Test
  void errorsAreLeftToTheGoalsFailure() {
    progress.accept(new Progress(null, null, 0, 0, null, "denied: requested access", null));

    assertThat(log.lines).isEmpty();
  }
}
