package dev.berth.model;

import java.util.Objects;

/**
 * A user name and password (or identity token) for a registry, as {@code docker login} takes
 * them. {@link #toString()} never shows the secret.
 *
 * <pre>{@code
 * docker.system().login(RegistryCredentials.of("tester", "s3cret", "127.0.0.1:5000"));
 * }</pre>
 *
 * @param username the user name, or null with an identity token
 * @param password the password, or null with an identity token
 * @param identityToken an OAuth identity token, or null
 * @param serverAddress the registry, such as {@code 127.0.0.1:5000} or {@code docker.io}
 */
public record RegistryCredentials(
    String username, String password, String identityToken, String serverAddress) {

  /** Checks that there is something to log in with and a server. */
  public RegistryCredentials {
    Objects.requireNonNull(serverAddress, "serverAddress");
    if (identityToken == null && (username == null || password == null)) {
      throw new IllegalArgumentException("credentials for \"" + serverAddress
          + "\" need a user name and password, or an identity token");
    }
  }

  /** A user name and password for {@code serverAddress}. */
  public static RegistryCredentials of(String username, String password, String serverAddress) {
    return new RegistryCredentials(username, password, null, serverAddress);
  }

  /** The credentials with the secret left out. */
  @Override
  public String toString() {
    return "RegistryCredentials{" + (username == null ? "token" : username) + "@" + serverAddress
        + ", secret redacted}";
  }
}
