package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvVarTest {
  @TempDir Path dir;

  @Test
  void parsesNameAndValue() {
    EnvVar v = EnvVar.parse("JAVA_OPTS=-Xmx1g");

    assertThat(v.name()).isEqualTo("JAVA_OPTS");
    assertThat(v.value()).isEqualTo("-Xmx1g");
    assertThat(v).hasToString("JAVA_OPTS=-Xmx1g").isEqualTo(EnvVar.of("JAVA_OPTS", "-Xmx1g"));
  }

  @Test
  void keepsEqualsSignsInValue() {
    assertThat(EnvVar.parse("URL=a=b=c").value()).isEqualTo("a=b=c");
  }

  @Test
  void keepsEmptyValueDistinctFromNone() {
    EnvVar empty = EnvVar.parse("EMPTY=");
    EnvVar bare = EnvVar.parse("EMPTY");

    assertThat(empty.value()).isEmpty();
    assertThat(empty).hasToString("EMPTY=");
    assertThat(bare.value()).isNull();
    assertThat(bare).hasToString("EMPTY");
    assertThat(empty).isNotEqualTo(bare);
  }

  @Test
  void fromFlagTakesBareNameFromEnvironment() {
    EnvVar v = EnvVar.fromFlag("HOME", Map.of("HOME", "/home/me"));

    assertThat(v).isEqualTo(EnvVar.of("HOME", "/home/me")).hasToString("HOME=/home/me");
  }

  @Test
  void fromFlagLeavesMissingNameBareToUnsetIt() {
    EnvVar v = EnvVar.fromFlag("NOPE", Map.of());

    assertThat(v.value()).isNull();
    assertThat(v).hasToString("NOPE");
  }

  @Test
  void fromFlagKeepsExplicitValueOverEnvironment() {
    assertThat(EnvVar.fromFlag("HOME=/x", Map.of("HOME", "/home/me")).value()).isEqualTo("/x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"K=V", "K=", "K", "A=b=c", "K= spaced value "})
  void toStringParsesBackToEqualValue(String text) {
    assertThat(EnvVar.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "=V", " K=V", "MY VAR=x", "K\t=1"})
  void rejectsMalformedVariableQuotingIt(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvVar.parse(text))
        .withMessageContaining("environment variable \"" + text + "\" is not valid")
        .withMessageContaining("expected NAME=value or NAME");
  }

  @Test
  void rejectsBadNameInFactory() {
    assertThatIllegalArgumentException().isThrownBy(() -> EnvVar.of("A B", "1"))
        .withMessageContaining("\"A B\"");
  }

  @Test
  void readsEnvFileAsTheCliDoes() throws IOException {
    Path file = dir.resolve("app.env");
    Files.writeString(
        file,
        "\uFEFF# settings\n"
            + "\n"
            + "   \n"
            + "A=1\n"
            + "  B=two words  \n"
            + "C=\"quoted\"\r\n"
            + "D=\n"
            + "FROM_ENV\n"
            + "MISSING\n"
            + "  # indented comment\n"
            + "E=x=y",
        StandardCharsets.UTF_8);

    List<EnvVar> vars = EnvVar.parseEnvFile(file, Map.of("FROM_ENV", "here"));

    assertThat(vars)
        .containsExactly(
            EnvVar.of("A", "1"),
            EnvVar.of("B", "two words  "),
            EnvVar.of("C", "\"quoted\""),
            EnvVar.of("D", ""),
            EnvVar.of("FROM_ENV", "here"),
            EnvVar.of("E", "x=y"));
  }

  @Test
  void readsEmptyEnvFile() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.env"), "");

    assertThat(EnvVar.parseEnvFile(file, Map.of())).isEmpty();
  }

  @Test
  void namesFileAndLineOfBadName() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.env"), "A=1\n# ok\nBAD KEY=1\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvVar.parseEnvFile(file, Map.of()))
        .withMessageContaining("env file \"" + file + "\" line 3")
        .withMessageContaining("\"BAD KEY=1\"")
        .withMessageContaining("white space");
  }

  @Test
  void namesFileAndLineOfEmptyName() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.env"), "A=1\n=value\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvVar.parseEnvFile(file, Map.of()))
        .withMessageContaining("line 2 \"=value\"")
        .withMessageContaining("the name is empty");
  }

  @Test
  void rejectsEnvFileLineThatIsNotUtf8() throws IOException {
    Path file = Files.write(dir.resolve("latin1.env"), new byte[] {'A', '=', 1, '\n', 'B', '=',
        (byte) 0xE9, '\n'});

    assertThatIllegalArgumentException()
        .isThrownBy(() -> EnvVar.parseEnvFile(file, Map.of()))
        .withMessageContaining("line 2 is not valid: it is not UTF-8");
  }
}
