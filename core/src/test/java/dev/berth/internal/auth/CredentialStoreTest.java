package dev.berth.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.internal.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store against config.json files and fake helpers in a temporary home. The environment is a
 * map made here: the PATH holds the fake helpers' directory, then the system directories the
 * helper scripts need for sh, sed and sha256sum; the real HOME and PATH are never looked at.
 */
class CredentialStoreTest {
  private static final String SYSTEM_PATH = "/usr/bin:/bin";

  @TempDir Path temp;
  private Path home;
  private Path bin;
  private Path helperStores;
  private Map<String, String> environment;

  @BeforeEach
  void directories() throws IOException {
    home = Files.createDirectory(temp.resolve("home"));
    bin = Files.createDirectory(temp.resolve("bin"));
    helperStores = Files.createDirectory(temp.resolve("helper-stores"));
    environment = new HashMap<>();
    environment.put("PATH", bin + ":" + SYSTEM_PATH);
    environment.put("FAKE_STORE", helperStores.toString());
  }

  private CredentialStore store() {
    return new CredentialStore(environment, home);
  }

  private Path configFile() {
    return home.resolve(".docker").resolve("config.json");
  }

  private void writeConfig(String json) throws IOException {
    Files.createDirectories(configFile().getParent());
    Files.writeString(configFile(), json, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readConfig() throws IOException {
    return (Map<String, Object>) Json.read(Files.readAllBytes(configFile()));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> auths() throws IOException {
    return (Map<String, Object>) readConfig().get("auths");
  }

  private static String basic(String userPassword) {
    return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
  }

  private String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  // --- keys and config.json --------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"docker.io", "index.docker.io", "registry-1.docker.io",
      "https://index.docker.io/v1/", "https://registry-1.docker.io/v2/", "DOCKER.IO", ""})
  void dockerHubNamesAllMapToTheIndexKey(String registry) throws IOException {
    writeConfig("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
        + basic("alice:hub-pw") + "\"}}}");

    assertThat(CredentialStore.registryKey(registry)).isEqualTo("https://index.docker.io/v1/");
    assertThat(store().forRegistry(registry))
        .isEqualTo(new RegistryAuth("alice", "hub-pw", null, "https://index.docker.io/v1/"));
  }

  @Test
  void otherRegistriesAreKeyedByHostAndPort() {
    assertThat(CredentialStore.registryKey("localhost:5000")).isEqualTo("localhost:5000");
    assertThat(CredentialStore.registryKey("https://localhost:5000/v2/"))
        .isEqualTo("localhost:5000");
    assertThat(CredentialStore.registryKey("ghcr.io")).isEqualTo("ghcr.io");
    assertThat(CredentialStore.registryKey("docker.io.example.com"))
        .isEqualTo("docker.io.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%s", "https://%s", "https://%s/", "http://%s/", "http://%s/v2/",
      "https://%s/v1/", "%s/", "%s/v2/"})
  void authsEntriesMatchInEveryWrittenForm(String form) throws IOException {
    for (String registry : List.of("localhost:5000", "127.0.0.1:5000")) {
      writeConfig("{\"auths\":{\"localhost:5001\":{\"auth\":\"" + basic("wrong:port")
          + "\"},\"" + form.formatted(registry) + "\":{\"auth\":\"" + basic("bob:pw") + "\"}}}");

      RegistryAuth expected = new RegistryAuth("bob", "pw", null, registry);
      assertThat(store().forRegistry(registry)).isEqualTo(expected);
      assertThat(store().forRegistry("https://" + registry + "/v2/")).isEqualTo(expected);
      assertThat(store().forRegistry(registry.replace("5000", "5002"))).isNull();
    }
  }

  @Test
  void theEntryWrittenAsTheKeyWinsOverOtherForms() throws IOException {
    writeConfig("{\"auths\":{\"https://localhost:5000\":{\"auth\":\"" + basic("old:pw")
        + "\"},\"localhost:5000\":{\"auth\":\"" + basic("new:pw") + "\"}}}");

    assertThat(store().forRegistry("localhost:5000").username()).isEqualTo("new");
  }

  @Test
  void olderFilesWithUsernameAndPasswordAndIdentityTokensAreRead() throws IOException {
    writeConfig("{\"auths\":{\"old.example.com\":{\"username\":\"carol\",\"password\":\"pw\"},"
        + "\"token.example.com\":{\"auth\":\"" + basic("dave:") + "\","
        + "\"identitytoken\":\"refresh\"}}}");

    assertThat(store().forRegistry("old.example.com"))
        .isEqualTo(new RegistryAuth("carol", "pw", null, "old.example.com"));
    assertThat(store().forRegistry("token.example.com"))
        .isEqualTo(new RegistryAuth("dave", null, "refresh", "token.example.com"));
  }

  @Test
  void nothingKnownIsNull() throws IOException {
    assertThat(store().forRegistry("localhost:5000")).isNull();
    writeConfig("{\"auths\":{\"localhost:5000\":{}},\"currentContext\":\"default\"}");
    assertThat(store().forRegistry("localhost:5000")).isNull();
    assertThat(store().forRegistry("docker.io")).isNull();
  }

  @Test
  void dockerConfigVariableWinsOverTheHomeDirectory() throws IOException {
    Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("config.json"),
        "{\"auths\":{\"localhost:5000\":{\"auth\":\"" + basic("erin:pw") + "\"}}}");
    environment.put("DOCKER_CONFIG", elsewhere.toString());

    assertThat(store().configFile()).isEqualTo(elsewhere.resolve("config.json"));
    assertThat(store().forRegistry("localhost:5000").username()).isEqualTo("erin");
  }

  @Test
  void malformedConfigIsAnIllegalArgumentNamingTheFileButNotItsContent() throws IOException {
    writeConfig("{\"auths\":{\"localhost:5000\":{\"auth\":hunter2}}}");

    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(configFile().toString())
        .hasMessageContaining("not valid JSON (line 1, column ")
        .hasMessageNotContaining("hunter2")
        .hasNoCause();

    writeConfig("{\"auths\":{\"localhost:5000\":{\"auth\":\"hunter2!\"}}}");
    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(configFile().toString())
        .hasMessageContaining("localhost:5000")
        .hasMessageNotContaining("hunter2");

    writeConfig("{\"auths\":[]}");
    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(configFile().toString());

    writeConfig("{\"credsStore\":\"../../tmp/evil\"}");
    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(configFile().toString());
  }

  // --- writing config.json ---------------------------------------------------------------------

  private static final String FULL_CONFIG = """
      {
      \t"auths": {
      \t\t"registry.example.com": {
      \t\t\t"auth": "b3RoZXI6cHc="
      \t\t}
      \t},
      \t"currentContext": "remote",
      \t"proxies": {
      \t\t"default": {
      \t\t\t"httpProxy": "http://proxy:3128",
      \t\t\t"noProxy": "*.test,127.0.0.0/8"
      \t\t}
      \t},
      \t"psFormat": "table {{.ID}}\\t{{.Names}}"
      }""";

  @Test
  void storeAndEraseInConfigJsonKeepEverythingElseAndMode600() throws IOException {
    writeConfig(FULL_CONFIG);
    Files.setPosixFilePermissions(configFile(), PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, Object> before = readConfig();

    store().store("http://localhost:5000/v2/", RegistryAuth.of("alice", "s3cret"));

    Map<String, Object> after = readConfig();
    assertThat(after).containsOnlyKeys("auths", "currentContext", "proxies", "psFormat");
    assertThat(after.get("currentContext")).isEqualTo(before.get("currentContext"));
    assertThat(after.get("proxies")).isEqualTo(before.get("proxies"));
    assertThat(after.get("psFormat")).isEqualTo("table {{.ID}}\t{{.Names}}");
    assertThat(auths()).containsEntry("registry.example.com", Map.of("auth", basic("other:pw")))
        .containsEntry("localhost:5000", Map.of("auth", basic("alice:s3cret")));
    assertThat(mode(configFile())).isEqualTo("rw-------");
    assertThat(store().forRegistry("localhost:5000"))
        .isEqualTo(new RegistryAuth("alice", "s3cret", null, "localhost:5000"));
    // Laid out as the CLI lays it out, for whoever opens it next
    assertThat(Files.readString(configFile())).startsWith("{\n\t\"auths\": {\n\t\t\"");

    store().erase("localhost:5000");

    assertThat(readConfig()).isEqualTo(before);
    assertThat(mode(configFile())).isEqualTo("rw-------");
    assertThat(Files.readString(configFile())).isEqualTo(FULL_CONFIG);
    try (var files = Files.list(configFile().getParent())) {
      assertThat(files).containsExactly(configFile());   // no temporary file left behind
    }
  }

  @Test
  void storeMakesTheDirectoryAndFilePrivate() throws IOException {
    Path dir = temp.resolve("new").resolve("docker");
    environment.put("DOCKER_CONFIG", dir.toString());

    store().store("docker.io", new RegistryAuth("alice", "pw", "tok", null));

    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("config.json"))).isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo("""
        {
        \t"auths": {
        \t\t"https://index.docker.io/v1/": {
        \t\t\t"auth": "%s",
        \t\t\t"identitytoken": "tok"
        \t\t}
        \t}
        }""".formatted(basic("alice:pw")));
  }

  @Test
  void storeReplacesTheFileBehindASymbolicLinkAndKeepsTheLink() throws IOException {
    Path real = Files.createDirectory(temp.resolve("dotfiles")).resolve("docker-config.json");
    Files.writeString(real, "{\"currentContext\":\"x\"}");
    Files.createDirectories(configFile().getParent());
    Files.createSymbolicLink(configFile(), real);

    store().store("localhost:5000", RegistryAuth.of("alice", "pw"));

    assertThat(Files.isSymbolicLink(configFile())).isTrue();
    assertThat(Files.readString(real)).contains("currentContext", basic("alice:pw"));
  }

  @Test
  void eraseRemovesEveryFormOfTheRegistryAndNothingStoredIsNoError() throws IOException {
    assertThatCode(() -> store().erase("localhost:5000")).doesNotThrowAnyException();
    assertThat(configFile()).doesNotExist();

    writeConfig("{\"auths\":{\"https://localhost:5000/\":{\"auth\":\"" + basic("a:b") + "\"},"
        + "\"localhost:5000\":{\"auth\":\"" + basic("c:d") + "\"},"
        + "\"localhost:5001\":{\"auth\":\"" + basic("e:f") + "\"}}}");

    store().erase("localhost:5000");

    assertThat(auths()).containsOnlyKeys("localhost:5001");
    assertThatCode(() -> store().erase("localhost:5000")).doesNotThrowAnyException();
  }

  @Test
  void storeRefusesCredentialsWithoutUsernameOrToken() {
    assertThatThrownBy(() -> store().store("localhost:5000", RegistryAuth.of(null, "pw")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("localhost:5000")
        .hasMessageNotContaining("pw");
  }

  // --- helpers ---------------------------------------------------------------------------------

  @Test
  void credHelpersBeatCredsStoreWhichBeatsAuths() throws IOException {
    FakeCredentialHelper fake = FakeCredentialHelper.install(bin, helperStores, "fake");
    FakeCredentialHelper other = FakeCredentialHelper.install(bin, helperStores, "other");
    writeConfig("{\"auths\":{"
        + "\"one.example.com\":{\"auth\":\"" + basic("file:pw1") + "\"},"
        + "\"two.example.com\":{\"auth\":\"" + basic("file:pw2") + "\"},"
        + "\"three.example.com\":{\"auth\":\"" + basic("file:pw3") + "\"},"
        + "\"four.example.com\":{\"auth\":\"" + basic("file:pw4") + "\"}},"
        + "\"credsStore\":\"fake\","
        + "\"credHelpers\":{\"one.example.com\":\"other\",\"https://four.example.com\":\"\"}}");
    other.put("one.example.com", "helper", "from-other");
    fake.put("one.example.com", "store", "from-fake-1");
    fake.put("two.example.com", "store", "from-fake-2");

    assertThat(store().forRegistry("one.example.com"))
        .isEqualTo(new RegistryAuth("helper", "from-other", null, "one.example.com"));
    assertThat(store().forRegistry("two.example.com"))
        .isEqualTo(new RegistryAuth("store", "from-fake-2", null, "two.example.com"));
    // With a credsStore, auths only says which servers there are: the store is asked, not the file
    assertThat(store().forRegistry("three.example.com")).isNull();
    // An empty helper name in credHelpers sends that registry back to the file
    assertThat(store().forRegistry("four.example.com").password()).isEqualTo("pw4");
    assertThat(fake.calls()).containsExactly("get two.example.com", "get three.example.com");
    assertThat(other.calls()).containsExactly("get one.example.com");
  }

  @Test
  void helperIsAskedUnderEveryFormAuthsHasTheRegistryIn() throws IOException {
    FakeCredentialHelper fake = FakeCredentialHelper.install(bin, helperStores, "fake");
    writeConfig("{\"auths\":{\"https://localhost:5000\":{}},\"credsStore\":\"fake\"}");
    fake.put("https://localhost:5000", "bob", "pw");

    assertThat(store().forRegistry("localhost:5000"))
        .isEqualTo(new RegistryAuth("bob", "pw", null, "localhost:5000"));
    assertThat(fake.calls()).containsExactly("get localhost:5000", "get https://localhost:5000");
  }

  @Test
  void helperTokenUserMeansAnIdentityToken() throws IOException {
    FakeCredentialHelper fake = FakeCredentialHelper.install(bin, helperStores, "fake");
    writeConfig("{\"credHelpers\":{\"quay.io\":\"fake\"}}");
    fake.put("quay.io", "<token>", "refresh");

    assertThat(store().forRegistry("quay.io"))
        .isEqualTo(new RegistryAuth(null, null, "refresh", "quay.io"));
  }

  @Test
  void storeAndEraseGoThroughTheHelperAndKeepSecretsOutOfTheFile() throws IOException {
    FakeCredentialHelper fake = FakeCredentialHelper.install(bin, helperStores, "fake");
    writeConfig("{\"auths\":{\"localhost:5000\":{\"auth\":\"" + basic("stale:old") + "\"}},"
        + "\"credsStore\":\"fake\",\"currentContext\":\"default\"}");

    store().store("localhost:5000", RegistryAuth.of("bob", "s3cret"));
    store().store("docker.io", RegistryAuth.ofIdentityToken("tok3n"));

    assertThat(fake.stored("localhost:5000"))
        .isEqualTo("{\"ServerURL\":\"localhost:5000\",\"Username\":\"bob\",\"Secret\":\"s3cret\"}");
    assertThat(fake.stored("https://index.docker.io/v1/")).contains("\"Username\":\"<token>\"");
    // As docker login: the file remembers the servers, the helper holds the secrets
    assertThat(auths()).containsEntry("localhost:5000", Map.of())
        .containsEntry("https://index.docker.io/v1/", Map.of());
    assertThat(Files.readString(configFile()))
        .doesNotContain("s3cret", "tok3n", basic("stale:old"));
    assertThat(readConfig()).containsEntry("currentContext", "default");
    assertThat(store().forRegistry("localhost:5000"))
        .isEqualTo(new RegistryAuth("bob", "s3cret", null, "localhost:5000"));
    assertThat(store().forRegistry("index.docker.io").identityToken()).isEqualTo("tok3n");

    store().erase("localhost:5000");

    assertThat(fake.stored("localhost:5000")).isNull();
    assertThat(auths()).containsOnlyKeys("https://index.docker.io/v1/");
    assertThat(store().forRegistry("localhost:5000")).isNull();
    assertThatCode(() -> store().erase("localhost:5000")).doesNotThrowAnyException();
  }

  @Test
  void helperMissingFromThePathNamesTheProgramAndThePath() throws IOException {
    environment.put("PATH", bin.toString());
    writeConfig("{\"credsStore\":\"nope\"}");

    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(CredentialHelperException.class)
        .hasMessageContaining("docker-credential-nope")
        .hasMessageContaining(bin.toString());
    assertThatThrownBy(() -> store().store("localhost:5000", RegistryAuth.of("a", "b")))
        .isInstanceOf(CredentialHelperException.class)
        .hasMessageContaining("docker-credential-nope");
  }

  @Test
  void helpersAreOnlyLookedForInTheGivenPath() throws IOException {
    FakeCredentialHelper.install(bin, helperStores, "fake");
    environment.put("PATH", SYSTEM_PATH);
    writeConfig("{\"credsStore\":\"fake\"}");

    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(CredentialHelperException.class)
        .hasMessageContaining("docker-credential-fake is not on the PATH (" + SYSTEM_PATH + ")");
  }

  @Test
  void failingHelperSaysWhatItPrintedButNeverTheSecret() throws IOException {
    FakeCredentialHelper.install(bin, helperStores, "fake");
    writeConfig("{\"credsStore\":\"fake\"}");
    environment.put("FAKE_FAIL", "1");

    assertThatThrownBy(() -> store().store("localhost:5000", RegistryAuth.of("bob", "s3cret")))
        .isInstanceOf(CredentialHelperException.class)
        .hasMessageContaining("docker-credential-fake store for localhost:5000 failed")
        .hasMessageContaining("keychain is locked")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> store().forRegistry("localhost:5000"))
        .isInstanceOf(CredentialHelperException.class)
        .hasMessageContaining("docker-credential-fake get for localhost:5000 failed")
        .hasMessageContaining("keychain is locked");
    assertThat(configFile()).content().doesNotContain("localhost:5000");
  }

  @Test
  void hangingHelperIsKilledAfterTheTimeout() throws IOException {
    FakeCredentialHelper.install(bin, helperStores, "fake");
    writeConfig("{\"credsStore\":\"fake\"}");
    environment.put("FAKE_HANG", "1");
    CredentialStore store = new CredentialStore(environment, home, Duration.ofMillis(500));

    long start = System.nanoTime();
    assertThatThrownBy(() -> store.forRegistry("localhost:5000"))
        .isInstanceOf(CredentialHelperException.class)
        .hasMessageContaining("docker-credential-fake get did not finish");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  // --- all -------------------------------------------------------------------------------------

  @Test
  void allGathersAuthsAndCredHelpers() throws IOException {
    FakeCredentialHelper other = FakeCredentialHelper.install(bin, helperStores, "other");
    writeConfig("{\"auths\":{"
        + "\"https://index.docker.io/v1/\":{\"auth\":\"" + basic("alice:hub") + "\"},"
        + "\"http://localhost:5000/v2/\":{\"auth\":\"" + basic("bob:local") + "\"},"
        + "\"empty.example.com\":{}},"
        + "\"credHelpers\":{\"gcr.io\":\"other\",\"missing.example.com\":\"gone\"}}");
    other.put("gcr.io", "oauth2accesstoken", "ya29");

    Map<String, RegistryAuth> all = store().all();

    assertThat(all).containsExactly(
        Map.entry("https://index.docker.io/v1/",
            new RegistryAuth("alice", "hub", null, "https://index.docker.io/v1/")),
        Map.entry("localhost:5000", new RegistryAuth("bob", "local", null, "localhost:5000")),
        Map.entry("gcr.io", new RegistryAuth("oauth2accesstoken", "ya29", null, "gcr.io")));
  }

  @Test
  void allGathersWhatTheCredsStoreListsAndCredHelpersOverride() throws IOException {
    FakeCredentialHelper fake = FakeCredentialHelper.install(bin, helperStores, "fake");
    FakeCredentialHelper other = FakeCredentialHelper.install(bin, helperStores, "other");
    writeConfig("{\"auths\":{\"https://index.docker.io/v1/\":{},\"ghcr.io\":{}},"
        + "\"credsStore\":\"fake\",\"credHelpers\":{\"gcr.io\":\"other\"}}");
    fake.put("https://index.docker.io/v1/", "alice", "hub");
    fake.put("ghcr.io", "<token>", "gh-token");
    fake.put("https://localhost:5000", "bob", "local");
    fake.put("gcr.io", "stale", "from-the-store");
    other.put("gcr.io", "oauth2accesstoken", "ya29");

    Map<String, RegistryAuth> all = store().all();

    assertThat(all).containsOnly(
        Map.entry("https://index.docker.io/v1/",
            new RegistryAuth("alice", "hub", null, "https://index.docker.io/v1/")),
        Map.entry("ghcr.io", new RegistryAuth(null, null, "gh-token", "ghcr.io")),
        Map.entry("localhost:5000", new RegistryAuth("bob", "local", null, "localhost:5000")),
        Map.entry("gcr.io", new RegistryAuth("oauth2accesstoken", "ya29", null, "gcr.io")));
    assertThat(fake.calls()).contains("list").doesNotContain("get gcr.io");
    String header = RegistryAuth.configHeader(all);
    assertThat(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))
        .contains("\"localhost:5000\":{\"username\":\"bob\",\"password\":\"local\"");
  }
}
