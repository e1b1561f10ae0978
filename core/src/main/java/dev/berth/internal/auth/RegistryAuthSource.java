package dev.berth.internal.auth;

import dev.berth.model.RegistryCredentials;

/** Where image calls get the registry headers from: config.json and credential helpers. */
public interface RegistryAuthSource {
  /** The {@code X-Registry-Auth} value for {@code registry}, or null when nothing is known. */
  String authHeader(String registry);

  /** The {@code X-Registry-Config} value for a build: every known credential. */
  String configHeader();

  /**
   * The {@code X-Registry-Config} value for a build with {@code given} credentials: every known
   * credential, each of {@code given} in place of what is known for its registry; null when there
   * is none at all.
   */
  String configHeader(java.util.List<RegistryCredentials> given);

  /** {@code X-Registry-Auth} for given credentials. */
  String authHeader(RegistryCredentials credentials);

  /** Keeps credentials as {@code docker login} does. */
  void store(RegistryCredentials credentials);

  /** Forgets a registry's credentials as {@code docker logout} does. */
  void erase(String registry);
}
