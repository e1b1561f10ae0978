package dev.berth.internal.auth;

import dev.berth.internal.http.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The credentials for one registry: a username and password, or an identity token (an OAuth
 * refresh token a registry handed out at login, which the engine trades for access tokens), and
 * the registry they are for. Any field may be null.
 *
 * <p>{@link #toString()} shows the username and server address and never the password or token.
 *
 * @param username the user name, or null
 * @param password the password, or null
 * @param identityToken the identity token, or null
 * @param serverAddress the registry, as a key of config.json's {@code auths} ({@code
 *     https://index.docker.io/v1/} for Docker Hub, {@code host[:port]} otherwise), or null
 */
public record RegistryAuth(
    String username, String password, String identityToken, String serverAddress) {

  /** A username and password, for no registry in particular yet. */
  public static RegistryAuth of(String username, String password) {
    return new RegistryAuth(username, password, null, null);
  }

  /** An identity token, for no registry in particular yet. */
  public static RegistryAuth ofIdentityToken(String identityToken) {
    return new RegistryAuth(null, null, identityToken, null);
  }

  /** These credentials, for {@code serverAddress}. */
  public RegistryAuth withServerAddress(String serverAddress) {
    return new RegistryAuth(username, password, identityToken, serverAddress);
  }

  /**
   * The value of the {@code X-Registry-Auth} header: URL-safe base64, with padding as the docker
   * CLI writes it, of {@code {"username":…,"password":…,"serveraddress":…,"identitytoken":…}}
   * with absent fields left out.
   */
  public String toHeader() {
    return encode(Json.write(toJson()));
  }

  /**
   * The value of the {@code X-Registry-Config} header of a build: URL-safe base64, with padding, of
   * a JSON object from registry (as the keys of config.json's {@code auths}) to credentials as
   * {@link #toHeader()} writes them. The engine picks from it the credentials of every registry
   * the Dockerfile pulls from.
   */
  public static String configHeader(Map<String, RegistryAuth> byRegistry) {
    Map<String, Object> json = new LinkedHashMap<>();
    byRegistry.forEach((registry, auth) ->
        json.put(Objects.requireNonNull(registry, "registry"), auth.toJson()));
    return encode(Json.write(json));
  }

  /** The fields of the engine's AuthConfig, in the order the docker CLI writes them. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    putIfPresent(json, "username", username);
    putIfPresent(json, "password", password);
    putIfPresent(json, "serveraddress", serverAddress);
    putIfPresent(json, "identitytoken", identityToken);
    return json;
  }

  private static void putIfPresent(Map<String, Object> json, String key, String value) {
    // As Go's omitempty: the engine reads an absent field and an empty one alike
    if (value != null && !value.isEmpty()) {
      json.put(key, value);
    }
  }

  private static String encode(byte[] json) {
    return Base64.getUrlEncoder().encodeToString(json);
  }

  /** The username and server address; the password and token only as {@code <redacted>}. */
  @Override
  public String toString() {
    return "RegistryAuth[username=" + username
        + ", password=" + redacted(password)
        + ", identityToken=" + redacted(identityToken)
        + ", serverAddress=" + serverAddress + "]";
  }

  private static String redacted(String secret) {
    return secret == null ? "null" : secret.isEmpty() ? "\"\"" : "<redacted>";
  }
}
