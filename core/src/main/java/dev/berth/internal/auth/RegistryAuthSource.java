package dev.berth.internal.auth;

import dev.berth.model.RegistryCredentials;

/** Where image calls get the registry headers from: config.json and credential helpers. */
public interface RegistryAuthSource {
  /** The {@code X-Registry-Auth} value for {@code registry}, or null when nothing is known. */
  String authHeader(String registry);

  /** The {@code X-Registry-Config} value for a build: every known credential. */
  String configHeader();

  /** {@code X-Registry-Auth} for given credentials. */
  String authHeader(RegistryCredentials credentials);

  /** Keeps credentials as {@code docker login} does. */
  void store(RegistryCredentials credentials);

  /** Forgets a registry's credentials as {@code docker logout} does. */
  void erase(String registry);
}
