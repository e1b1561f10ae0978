package dev.berth.internal.auth;

import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.model.RegistryCredentials;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Registry headers from the docker CLI's configuration: {@code config.json} and credential
 * helpers, read when a call needs them (never when the client is built). The {@link
 * CredentialStore} itself is made on first use, so a client that never needs credentials (one
 * that only pings) loads none of its classes, nor SLF4J through its logger, and copies no
 * environment.
 */
public final class ConfiguredCredentials implements RegistryAuthSource {
  private final Map<String, String> environment;
  private final Path home;
  private CredentialStore store;

  /** Credentials as the docker CLI finds them under {@code environment} and {@code home}. */
  public ConfiguredCredentials(Map<String, String> environment, Path home) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.home = Objects.requireNonNull(home, "homeDirectory");
  }

  private synchronized CredentialStore store() {
    if (store == null) {
      store = new CredentialStore(environment, home);
    }
    return store;
  }

  @Override
  public String authHeader(String registry) {
    RegistryAuth auth = store().forRegistry(registry);
    return auth == null ? null
        : auth.withServerAddress(CredentialStore.registryKey(registry)).toHeader();
  }

  @Override
  public String configHeader() {
    Map<String, RegistryAuth> all = store().all();
    return all.isEmpty() ? null : RegistryAuth.configHeader(all);
  }

  @Override
  public String configHeader(java.util.List<RegistryCredentials> given) {
    Map<String, RegistryAuth> all = new java.util.LinkedHashMap<>(store().all());
    for (RegistryCredentials c : given) {
      String key = CredentialStore.registryKey(c.serverAddress());
      all.put(key, of(c).withServerAddress(key));
    }
    return all.isEmpty() ? null : RegistryAuth.configHeader(all);
  }

  @Override
  public String authHeader(RegistryCredentials credentials) {
    return of(credentials).toHeader();
  }

  @Override
  public void store(RegistryCredentials credentials) {
    store().store(credentials.serverAddress(), of(credentials));
  }

  @Override
  public void erase(String registry) {
    store().erase(registry);
  }

  private static RegistryAuth of(RegistryCredentials c) {
    return new RegistryAuth(c.username(), c.password(), c.identityToken(), c.serverAddress());
  }
}
