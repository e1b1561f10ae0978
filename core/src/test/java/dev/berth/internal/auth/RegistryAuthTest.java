package dev.berth.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryAuthTest {
  private static String decode(String header) {
    return new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
  }

  @Test
  void headerIsUrlSafeBase64WithPaddingOfTheExactJson() {
    RegistryAuth auth = new RegistryAuth("alice", "??>>~~", null, "localhost:5000");
    String json = "{\"username\":\"alice\",\"password\":\"??>>~~\","
        + "\"serveraddress\":\"localhost:5000\"}";
    // The password was picked so the standard alphabet needs '+' and '/', and padding is needed
    String standard = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    assertThat(standard).contains("+", "/").endsWith("==");

    String header = auth.toHeader();

    assertThat(header).isEqualTo(standard.replace('+', '-').replace('/', '_'));
    assertThat(decode(header)).isEqualTo(json);
  }

  @Test
  void identityTokenHeaderLeavesOutWhatIsAbsent() {
    RegistryAuth auth = RegistryAuth.ofIdentityToken("refresh-me").withServerAddress("quay.io");

    assertThat(decode(auth.toHeader()))
        .isEqualTo("{\"serveraddress\":\"quay.io\",\"identitytoken\":\"refresh-me\"}");
  }

  @Test
  void noCredentialsIsAnEmptyObject() {
    assertThat(decode(new RegistryAuth(null, "", null, null).toHeader())).isEqualTo("{}");
  }

  @Test
  void configHeaderMapsEachRegistryToItsAuthConfig() {
    Map<String, RegistryAuth> auths = new LinkedHashMap<>();
    auths.put(CredentialStore.DOCKER_HUB,
        RegistryAuth.of("alice", "hub-pw").withServerAddress(CredentialStore.DOCKER_HUB));
    auths.put("localhost:5000", RegistryAuth.ofIdentityToken("tok"));

    String header = RegistryAuth.configHeader(auths);

    assertThat(header).doesNotContain("+", "/");
    assertThat(decode(header)).isEqualTo("{\"https://index.docker.io/v1/\":{\"username\":\"alice\","
        + "\"password\":\"hub-pw\",\"serveraddress\":\"https://index.docker.io/v1/\"},"
        + "\"localhost:5000\":{\"identitytoken\":\"tok\"}}");
  }

  @Test
  void toStringRedactsPasswordAndIdentityToken() {
    String text = new RegistryAuth("alice", "hunter2", "tok-secret", "localhost:5000").toString();

    assertThat(text).contains("alice", "localhost:5000", "<redacted>")
        .doesNotContain("hunter2", "tok-secret");
    assertThat(RegistryAuth.of("bob", null).toString()).contains("password=null");
  }
}
