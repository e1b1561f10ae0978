package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.DockerClient;
import dev.berth.FakeEngine;
import dev.berth.FakeEngine.Answer;
import dev.berth.internal.archive.RawTar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Container#copyOut} from an engine that serves a hostile archive for {@code GET
 * /containers/{id}/archive}: names with {@code ..}, absolute names, symbolic and hard links that
 * lead outside, devices. Nothing may appear outside the target directory, and the user is told
 * what was refused (an exception quoting the entry) or left out (the returned list).
 */
class CopyOutHostileArchiveTest {
  @TempDir Path temp;
  private Path target;
  private Path outside;

  @BeforeEach
  void directories() throws IOException {
    target = Files.createDirectory(temp.resolve("target"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "untouched\n");
  }

  /** An engine whose container {@code c1} has a directory /evil whose archive is {@code tar}. */
  private static FakeEngine serving(byte[] tar) throws IOException {
    String stat = Base64.getEncoder().encodeToString(("{\"name\":\"evil\",\"size\":4096,"
        + "\"mode\":" + (2147483648L | 0755) + ",\"mtime\":\"2021-03-04T05:06:07Z\","
        + "\"linkTarget\":\"\"}").getBytes(StandardCharsets.UTF_8));
    return new FakeEngine(line -> {
      if (line.endsWith("/_ping")) {
        return new Answer(200, Map.of("Api-Version", "1.41", "Ostype", "linux"), "text/plain",
            "OK");
      }
      if (line.startsWith("GET /v1.41/containers/c1/json")) {
        return new Answer(200, Map.of(), "application/json",
            "{\"Id\":\"c1\",\"Name\":\"/hostile\",\"State\":{\"Status\":\"running\"}}");
      }
      if (line.startsWith("HEAD /v1.41/containers/c1/archive")) {
        return new Answer(200, Map.of("X-Docker-Container-Path-Stat", stat), null, "");
      }
      if (line.startsWith("GET /v1.41/containers/c1/archive")) {
        return Answer.bytes("application/x-tar", tar);
      }
      return new Answer(404, Map.of(), "application/json", "{\"message\":\"no such thing\"}");
    });
  }

  private List<SkippedEntry> copyOut(RawTar tar) throws IOException {
    try (FakeEngine engine = serving(tar.bytes());
        DockerClient docker = DockerClient.builder().endpoint(engine.endpoint()).build()) {
      return docker.containers().get("c1").copyOut("/evil", target);
    }
  }

  private void assertRefused(RawTar tar, String entry, String why) {
    assertThatThrownBy(() -> copyOut(tar))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("copying /evil out of the container to " + target + " failed: "
            + "refusing tar entry '" + entry + "': it would escape the target directory")
        .hasMessageContaining(why);
  }

  /** Only the target and the sibling in the temporary directory; the sibling as it was. */
  private void assertNothingOutside() throws IOException {
    assertThat(list(temp)).containsExactlyInAnyOrder("outside", "target");
    assertThat(list(outside)).containsExactly("secret");
    assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("untouched\n");
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void dotDotNameIsRefused() throws IOException {
    assertRefused(new RawTar().directory("evil/").file("evil/../../outside/pwned", "x"),
        "evil/../../outside/pwned", "its name climbs above it with '..'");
    assertNothingOutside();
  }

  @Test
  void absoluteNameIsRefused() throws IOException {
    Path pwned = outside.resolve("pwned");
    assertRefused(new RawTar().file(pwned.toString(), "x"), pwned.toString(),
        "its name is absolute");
    assertNothingOutside();
  }

  @Test
  void entryThroughAnAbsoluteSymlinkLeadingOutsideIsRefused() throws IOException {
    assertRefused(new RawTar().directory("evil/").symlink("evil/link", outside.toString())
        .file("evil/link/pwned", "x"), "evil/link/pwned",
        "goes through symbolic link 'evil/link' -> '" + outside + "'");
    assertNothingOutside();
    // the link itself is made, as docker cp makes it: harmless, since nothing went through it
    assertThat(Files.readSymbolicLink(target.resolve("evil/link"))).isEqualTo(outside);
  }

  @Test
  void entryThroughARelativeSymlinkClimbingOutIsRefused() throws IOException {
    assertRefused(new RawTar().directory("evil/").symlink("evil/up", "../../outside")
        .file("evil/up/pwned", "x"), "evil/up/pwned",
        "goes through symbolic link 'evil/up' -> '../../outside'");
    assertNothingOutside();
  }

  @Test
  void hardLinkToAFileOutsideIsRefused() throws IOException {
    assertRefused(new RawTar().directory("evil/").hardLink("evil/secret", "../outside/secret"),
        "evil/secret", "hard link to '../outside/secret' climbs above it with '..'");
    assertRefused(new RawTar().hardLink("evil/secret", outside.resolve("secret").toString()),
        "evil/secret", "is absolute");
    assertNothingOutside();
    assertThat(target.resolve("evil/secret")).doesNotExist();
  }

  @Test
  void devicesAndFifosAreLeftOutAndListedTheRestIsCopied() throws IOException {
    List<SkippedEntry> skipped = copyOut(new RawTar().directory("evil/")
        .special("evil/null", '3').special("evil/sda", '4').special("evil/fifo", '6')
        .hardLink("evil/null-again", "evil/null").file("evil/kept", "kept\n"));
    assertThat(skipped).containsExactly(
        new SkippedEntry("evil/null", "a character device"),
        new SkippedEntry("evil/sda", "a block device"),
        new SkippedEntry("evil/fifo", "a FIFO"),
        new SkippedEntry("evil/null-again", "a hard link to 'evil/null', which was skipped"));
    assertThat(skipped.get(0)).hasToString("evil/null (a character device)");
    assertThat(list(target.resolve("evil"))).containsExactly("kept");
    assertThat(Files.readString(target.resolve("evil/kept"))).isEqualTo("kept\n");
    assertNothingOutside();
  }
}
