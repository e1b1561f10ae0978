package dev.berth.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.PodmanGap;
import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.TestEngine;
import dev.berth.model.CommandLine;
import dev.berth.model.DockerRun;
import dev.berth.model.ImageRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docker CLI is the oracle: each line of {@code docker-create-corpus.txt} is created once with
 * the docker CLI that matches the engine and once with {@code DockerRun.parse} + {@code create},
 * and the two {@code Config} and {@code HostConfig} answers of inspect must be equal, but for
 * values the engine assigns itself (listed in {@link #normalize}).
 */
class DockerRunOracleIT {
  /** Debian's CLI, 20.10 like the engine; the first docker on PATH may be a newer client. */
  private static final Path CLI = Path.of("/usr/bin/docker");
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @TempDir static Path pwd;
  private static DockerClient docker;
  private static final Set<String> tagsMade = new LinkedHashSet<>();
  private static final List<String> prerequisites = new ArrayList<>();
  private static final String VOLUME = "berth-oracle-" + RUN;

  @BeforeAll
  static void prepare() throws IOException {
    assumeTrue(Files.isExecutable(CLI), CLI + " (the docker CLI matching the engine) is missing");
    docker = TestEngine.client();
    Files.writeString(pwd.resolve("labels"), "# labels\nfrom.file=yes\n\nowner=ops\n");
    Files.writeString(pwd.resolve("env"), "# env\nFROM_FILE=1\nEMPTY=\n");
    for (Entry e : corpus()) {
      if (!e.refused()) {
        tagTestImageAs(DockerRun.parse(e.words(side("cli"))).spec().image());
      }
    }
    tagTestImageAs(ImageRef.parse("training/postgres"));
    docker.api().call("POST", "/volumes/create", Map.of(),
        Map.of("Name", VOLUME, "Labels", Map.of(TestEngine.LABEL, "true")));
    for (String name : List.of("db", "rmqnamesrv")) {
      String full = "berth-oracle-" + RUN + "-" + name;
      docker.containers().create(DockerRun.parse(List.of("docker", "create", "--name", full,
          "-l", TestEngine.LABEL + "=true", "-v", "/var/lib/data", "training/postgres")).spec());
      prerequisites.add(full);
    }
  }

  @AfterAll
  static void cleanUp() {
    if (docker == null) {
      return;
    }
    for (String name : prerequisites) {
      docker.containers().remove(name, RemoveOptions.force().withVolumes(true));
    }
    ignoreMissing(() -> docker.api().call("DELETE", "/volumes/" + VOLUME, Map.of(), null));
    for (String tag : tagsMade) {
      ignoreMissing(() -> docker.api().call("DELETE", "/images/" + tag, Map.of("noprune", "1"),
          null));
    }
    docker.close();
  }

  static Stream<Entry> lines() throws IOException {
    return corpus().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void berthCreatesWhatTheCliCreates(Entry entry) throws Exception {
    PodmanGap gap = podmanGap(entry.text());
    if (gap != null) {
      TestEngine.assumeNot(gap);
    }
    if (entry.refused()) {
      assertThat(runCli(entry.words(side("cli"))).exitCode).as("CLI exit code").isNotZero();
      assertThatThrownBy(() -> docker.containers().create(
          DockerRun.parse(entry.words(side("berth"))).spec()))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    String cliId = null;
    String berthId = null;
    try {
      CliResult cli = runCli(entry.words(side("cli")));
      assertThat(cli.exitCode).as("docker CLI: %s", cli.output).isZero();
      cliId = cli.output.strip();
      berthId = docker.containers().create(DockerRun.parse(entry.words(side("berth"))).spec())
          .id();

      Map<String, Object> expected = normalize(inspect(cliId), "cli");
      Map<String, Object> actual = normalize(inspect(berthId), "berth");
      List<String> differences = new ArrayList<>();
      diff("", expected, actual, differences);
      assertThat(differences).as("inspect differences for %s", entry.text()).isEmpty();
    } finally {
      for (String id : new String[] {cliId, berthId}) {
        if (id != null && !id.isEmpty()) {
          docker.containers().remove(id, RemoveOptions.force().withVolumes(true));
        }
      }
    }
  }

  /** The Podman behaviour a corpus line runs into, or null. */
  private static PodmanGap podmanGap(String line) {
    if (line.contains("--link ")) {
      return PodmanGap.LINKS;
    }
    if (line.matches(".*-p \\S*:\\d+-\\d+:\\d+( .*|$)")) {
      return PodmanGap.HOST_PORT_RANGE_TO_ONE_PORT;
    }
    if (line.contains("--device")) {
      return PodmanGap.CLI_DEVICE_WITHOUT_OS_TYPE;
    }
    return null;
  }

  /** The variables of one side: a name prefix unique to it, and the shared prerequisites. */
  private static Map<String, String> side(String side) {
    return Map.of(
        "N", "berth-oracle-" + RUN + "-" + side + "-",
        "DB", "berth-oracle-" + RUN + "-db",
        "NS", "berth-oracle-" + RUN + "-rmqnamesrv",
        "PWD", pwd.toString(),
        "VOL", VOLUME);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inspect(String id) {
    return (Map<String, Object>) docker.api().get("/containers/" + id + "/json");
  }

  /**
   * Config and HostConfig, with what is not the spec's made equal: the host name the engine derives
   * from the id, the container's own name (in links), and the order of Binds and Env: the 20.10
   * docker CLI passes -v and -e values through Go maps, so it sends them in no fixed order (seen:
   * "-e A=1 -e B=" arriving as [B=, A=1] in one run and [A=1, B=] in the next).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalize(Map<String, Object> inspect, String side) {
    String id = (String) inspect.get("Id");
    String self = inspect.get("Name") + "/";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Config", replaceAll(inspect.get("Config"), id, self, side));
    out.put("HostConfig", replaceAll(inspect.get("HostConfig"), id, self, side));
    Map<String, Object> host = (Map<String, Object>) out.get("HostConfig");
    if (host.get("Binds") instanceof List<?> binds) {
      // Podman lists anonymous volumes among the binds, under names it makes up
      host.put("Binds", binds.stream().map(String::valueOf)
          .map(b -> b.replaceFirst("^[0-9a-f]{64}:", "<anonymous>:")).sorted().toList());
    }
    if (host.get("PortBindings") instanceof Map<?, ?> ports) {
      // Podman picks the host port of "-p 127.0.0.1::5000" at create time, dockerd at start
      Map<String, Object> copy = new LinkedHashMap<>();
      ports.forEach((k, v) -> copy.put((String) k, v instanceof List<?> list ? list.stream()
          .map(b -> b instanceof Map<?, ?> m && m.get("HostPort") instanceof String p
              && p.matches("\\d+") && Integer.parseInt(p) >= 32768
              ? Map.of("HostIp", String.valueOf(m.get("HostIp")), "HostPort", "<ephemeral>") : b)
          .toList() : v));
      host.put("PortBindings", copy);
    }
    Map<String, Object> config = (Map<String, Object>) out.get("Config");
    if (config.get("Env") instanceof List<?> env) {
      config.put("Env", env.stream().map(String::valueOf).sorted().toList());
    }
    if (id.startsWith(String.valueOf(config.get("Hostname")))) {
      config.put("Hostname", "<derived from the id>");
    }
    // The CLI writes the image as typed; both name the same reference.
    config.put("Image", ImageRef.parse((String) config.get("Image")).normalized());
    return out;
  }

  private static Object replaceAll(Object value, String id, String self, String side) {
    String prefix = "berth-oracle-" + RUN + "-" + side + "-";
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, replaceAll(v, id, self, side)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(replaceAll(v, id, self, side)));
      return copy;
    }
    if (value instanceof String s) {
      return s.replace(self, "<self>/").replace(prefix, "<name>-").replace(id, "<id>");
    }
    return value;
  }

  private static void diff(String path, Object expected, Object actual, List<String> out) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      Set<Object> keys = new LinkedHashSet<>(e.keySet());
      keys.addAll(a.keySet());
      for (Object k : keys) {
        diff(path + "." + k, e.get(k), a.get(k), out);
      }
    } else if (!java.util.Objects.equals(expected, actual)) {
      out.add(path + ": CLI " + expected + ", Berth " + actual);
    }
  }

  private record CliResult(int exitCode, String output) {}

  private static CliResult runCli(List<String> words) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(words);
    command.set(0, CLI.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() == 0) {
      // A create line the CLI takes prints only the new id.
      String[] lines = output.strip().split("\n");
      output = lines[lines.length - 1];
    }
    return new CliResult(p.exitValue(), output);
  }

  private static void tagTestImageAs(ImageRef ref) {
    try {
      docker.api().get("/images/" + ref.familiar() + "/json");
      return; // already there: used as it is, never replaced
    } catch (NotFoundException missing) {
      // tag the test image under this name
    }
    docker.api().call("POST", "/images/" + TestEngine.IMAGE + "/tag",
        Map.of("repo", ref.familiarName(), "tag", ref.tagOrLatest()), null);
    tagsMade.add(ref.familiarName() + ":" + ref.tagOrLatest());
  }

  private static void ignoreMissing(Runnable r) {
    try {
      r.run();
    } catch (NotFoundException | dev.berth.ConflictException e) {
      // already gone, or still used by a container another test holds
    }
  }

  /** One corpus entry. */
  record Entry(String text, boolean refused) {
    /** The words, with -l dev.berth.test=true added so everything is labelled. */
    List<String> words(Map<String, String> variables) {
      List<String> words = new ArrayList<>(CommandLine.split(text, variables));
      words.add(2, "-l");
      words.add(3, TestEngine.LABEL + "=true");
      return words;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static List<Entry> corpus() throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = DockerRunOracleIT.class.getResourceAsStream("/docker-create-corpus.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      StringBuilder current = new StringBuilder();
      String line;
      while ((line = r.readLine()) != null) {
        if (current.length() == 0 && (line.isBlank() || line.startsWith("#"))) {
          continue;
        }
        current.append(line).append('\n');
        if (!line.endsWith("\\")) {
          String text = current.toString().strip();
          boolean refused = text.startsWith("!");
          entries.add(new Entry(refused ? text.substring(1).strip() : text, refused));
          current.setLength(0);
        }
      }
    }
    return entries;
  }
}
