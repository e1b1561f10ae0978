package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's "Berth in your tests" shows ReadmeExampleIT as it is. */
class ReadmeTest {
  static String exampleClass(String text) {
    int start = text.indexOf("@DockerTest\nclass ReadmeExampleIT {");
    assertThat(start).as("the example class").isNotNegative();
    return text.substring(start, text.indexOf("\n}\n", start) + 2);
  }

  @Test
  void theReadmeQuotesTheExampleTestAsItIs() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String source = Files.readString(
        Path.of("src/test/java/dev/berth/junit/ReadmeExampleIT.java"));
    assertThat(exampleClass(readme)).isEqualTo(exampleClass(source));
  }
}
