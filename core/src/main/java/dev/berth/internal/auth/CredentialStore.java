package dev.berth.internal.auth;

import dev.berth.internal.discovery.DockerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry credentials where the docker CLI keeps them: {@code config.json} ({@code
 * $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}) and the credential helpers it
 * names. What {@code docker login} stores here, {@link #forRegistry} finds, and the other way
 * round.
 *
 * <p>Registries are keyed as the CLI keys them: {@code https://index.docker.io/v1/} for Docker Hub
 * (whether it is called {@code docker.io}, {@code index.docker.io} or {@code
 * registry-1.docker.io}), {@code host[:port]} for any other. Entries of {@code auths} and {@code
 * credHelpers} match whatever form they are written in ({@code host}, {@code https://host/}, {@code
 * http://host:port/v2/}), the entry written exactly as the key first.
 *
 * <p>Which store holds a registry's credentials, as the CLI decides: the helper {@code
 * credHelpers} names for it (an empty name there means config.json itself), else the {@code
 * credsStore} helper, else config.json's {@code auths}. With a helper in charge, {@code auths}
 * holds no secrets, only the servers logged in to, and is asked no more than that.
 *
 * <p>Helpers are the programs {@code docker-credential-<name>} in the directories of the PATH of
 * the environment given here, run with that environment and killed after 30 seconds. The file is
 * read afresh on every call, so changes made by the CLI meanwhile are seen.
 */
public final class CredentialStore {
  /** The key of Docker Hub's credentials, in {@code auths} and in helpers. */
  public static final String DOCKER_HUB = "https://index.docker.io/v1/";

  /** The names Docker Hub goes by in image references and registry addresses. */
  private static final Set<String> DOCKER_HUB_HOSTS =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);

  /** Fields of an {@code auths} entry that hold (or are) a secret. */
  private static final List<String> SECRET_FIELDS =
      List.of("auth", "username", "password", "identitytoken", "registrytoken");

  /**
   * Serializes the read, change and write of config.json within this JVM, so two logins at once
   * do not lose one of them. (The CLI takes no lock against other processes, and neither do we.)
   */
  private static final Object CONFIG_LOCK = new Object();

  private static final Logger LOG = LoggerFactory.getLogger("dev.berth.auth");

  private final Map<String, String> environment;
  private final Path configFile;
  private final Duration helperTimeout;

  /**
   * The credentials of the user whose environment variables are {@code environment} ({@code
   * DOCKER_CONFIG}, {@code PATH}; helpers get all of it as their environment) and whose home
   * directory is {@code homeDirectory}.
   */
  public CredentialStore(Map<String, String> environment, Path homeDirectory) {
    this(environment, homeDirectory, HELPER_TIMEOUT);
  }

  /** As {@link #CredentialStore(Map, Path)}, with helpers killed after {@code helperTimeout}. */
  CredentialStore(Map<String, String> environment, Path homeDirectory, Duration helperTimeout) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.configFile = DockerConfig.file(this.environment,
        Objects.requireNonNull(homeDirectory, "homeDirectory"));
    this.helperTimeout = Objects.requireNonNull(helperTimeout, "helperTimeout");
  }

  /** The config.json read and written, whether it exists or not. */
  public Path configFile() {
    return configFile;
  }

  /**
   * The key the CLI keeps {@code registry}'s credentials under: {@link #DOCKER_HUB} for Docker Hub
   * (and for an empty name, as {@code docker login} takes no name to mean Docker Hub), else the
   * host and port of {@code registry}, which may be written with a scheme and path.
   */
  public static String registryKey(String registry) {
    String host = hostname(Objects.requireNonNull(registry, "registry").strip());
    return host.isEmpty() || DOCKER_HUB_HOSTS.contains(host.toLowerCase(Locale.ROOT))
        ? DOCKER_HUB : host;
  }

  /**
   * {@code address} without its {@code http://} or {@code https://} and anything from the first
   * slash on, as the CLI's {@code ConvertToHostname}.
   */
  static String hostname(String address) {
    String stripped = address;
    for (String scheme : List.of("http://", "https://")) {
      if (stripped.regionMatches(true, 0, scheme, 0, scheme.length())) {
        stripped = stripped.substring(scheme.length());
        break;
      }
    }
    int slash = stripped.indexOf('/');
    return slash < 0 ? stripped : stripped.substring(0, slash);
  }

  /**
   * The credentials for {@code registry} (any form {@link #registryKey} takes), with {@link
   * RegistryAuth#serverAddress()} its key; null when none are stored.
   *
   * @throws IllegalArgumentException if config.json is malformed; the message names the file
   * @throws CredentialHelperException if the helper in charge is not on the PATH or fails
   */
  public RegistryAuth forRegistry(String registry) {
    String key = registryKey(registry);
    Config config = readConfig();
    return lookUp(config, key, List.of());
  }

  /**
   * Stores {@code auth} for {@code registry}, as {@code docker login} does: through the helper in
   * charge of the registry if there is one, and then in config.json, which gets an {@code auths}
   * entry under the registry's key holding {@code {"auth": base64(user:password)}} (and the
   * identity token, if any), or no secret at all when a helper holds it. The rest of the file is
   * kept as it was; a missing file is made with mode 0600, and the file is always left with that
   * mode.
   *
   * @throws IllegalArgumentException if {@code auth} has neither a username nor an identity token,
   *     or config.json is malformed
   * @throws CredentialHelperException if the helper in charge is not on the PATH or fails
   * @throws java.io.UncheckedIOException if config.json cannot be written
   */
  public void store(String registry, RegistryAuth auth) {
    Objects.requireNonNull(auth, "auth");
    String key = registryKey(registry);
    if (isEmpty(auth.username()) && isEmpty(auth.identityToken())) {
      throw new IllegalArgumentException(
          "credentials for " + key + " need a username or an identity token");
    }
    synchronized (CONFIG_LOCK) {
      Config config = readConfig();
      String helper = helperFor(config, key);
      Map<String, Object> old = config.auths.get(key);
      Map<String, Object> entry = new LinkedHashMap<>(old == null ? Map.of() : old);
      entry.keySet().removeAll(SECRET_FIELDS);
      if (helper != null) {
        findHelper(helper).store(key, auth);
        if (entry.equals(old)) {
          return;
        }
      } else {
        if (!isEmpty(auth.username()) || !isEmpty(auth.password())) {
          String userPassword = nonNull(auth.username()) + ":" + nonNull(auth.password());
          entry.put("auth", Base64.getEncoder().encodeToString(
              userPassword.getBytes(StandardCharsets.UTF_8)));
        }
        if (!isEmpty(auth.identityToken())) {
          entry.put("identitytoken", auth.identityToken());
        }
      }
      Map<String, Object> auths = new LinkedHashMap<>(config.auths);
      auths.put(key, entry);
      writeConfig(config, auths);
    }
  }

  /**
   * Forgets the credentials for {@code registry}, as {@code docker logout} does: the helper in
   * charge erases them under the registry's key and under every other form {@code auths} has it
   * in, and those {@code auths} entries are removed from config.json. Nothing stored is no error.
   *
   * @throws IllegalArgumentException if config.json is malformed
   * @throws CredentialHelperException if the helper in charge is not on the PATH, or fails and
   *     still holds credentials for the registry
   * @throws java.io.UncheckedIOException if config.json cannot be written
   */
  public void erase(String registry) {
    String key = registryKey(registry);
    synchronized (CONFIG_LOCK) {
      Config config = readConfig();
      List<String> written = matchingKeys(config.auths, key);
      String helper = helperFor(config, key);
      if (helper != null) {
        CredentialHelper program = findHelper(helper);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(key);
        forms.addAll(written);
        for (String form : forms) {
          erase(program, form);
        }
      }
      if (!written.isEmpty()) {
        Map<String, Object> auths = new LinkedHashMap<>(config.auths);
        auths.keySet().removeAll(written);
        writeConfig(config, auths);
      }
    }
  }

  private static void erase(CredentialHelper helper, String serverUrl) {
    try {
      helper.erase(serverUrl);
    } catch (CredentialHelperException e) {
      // Some helpers, asked to erase what they never held, fail in words of their own rather
      // than the standard "not found": it is only a failure if something is left
      RegistryAuth left;
      try {
        left = helper.get(serverUrl);
      } catch (CredentialHelperException again) {
        e.addSuppressed(again);
        throw e;
      }
      if (left != null) {
        throw e;
      }
    }
  }

  /**
   * Every credential stored, by registry key, each as {@link #forRegistry} would find it: for
   * the registries in {@code auths}, those the {@code credsStore} helper lists, and those {@code
   * credHelpers} names. What {@code X-Registry-Config} carries to a build.
   *
   * <p>As {@code docker build}, a helper that is missing or fails does not fail the whole: its
   * registries are left out and a warning logged.
   *
   * @throws IllegalArgumentException if config.json is malformed
   */
  public Map<String, RegistryAuth> all() {
    Config config = readConfig();
    // Every registry known, by key, with the forms it is written in besides its key
    Map<String, List<String>> registries = new LinkedHashMap<>();
    for (String written : config.auths.keySet()) {
      registries.computeIfAbsent(registryKey(written), k -> new ArrayList<>()).add(written);
    }
    if (config.credsStore != null) {
      try {
        for (String listed : findHelper(config.credsStore).list().keySet()) {
          registries.computeIfAbsent(registryKey(listed), k -> new ArrayList<>()).add(listed);
        }
      } catch (CredentialHelperException e) {
        LOG.warn("Leaving out the credentials of credsStore {}: {}", config.credsStore,
            e.getMessage());
      }
    }
    for (String written : config.credHelpers.keySet()) {
      registries.computeIfAbsent(registryKey(written), k -> new ArrayList<>());
    }
    Map<String, RegistryAuth> all = new LinkedHashMap<>();
    registries.forEach((key, forms) -> {
      try {
        RegistryAuth auth = lookUp(config, key, forms);
        if (auth != null) {
          all.put(key, auth);
        }
      } catch (CredentialHelperException e) {
        LOG.warn("Leaving out the credentials for {}: {}", key, e.getMessage());
      }
    });
    return all;
  }

  /**
   * The credentials for {@code key}: from the helper in charge, asked under the key, then under
   * the other forms {@code auths} and {@code moreForms} have the registry in; or from the first
   * {@code auths} entry for it that holds any.
   */
  private RegistryAuth lookUp(Config config, String key, List<String> moreForms) {
    String helper = helperFor(config, key);
    List<String> written = matchingKeys(config.auths, key);
    if (helper == null) {
      for (String entry : written) {
        RegistryAuth auth = decode(config, entry, key);
        if (auth != null) {
          return auth;
        }
      }
      return null;
    }
    CredentialHelper program = findHelper(helper);
    Set<String> forms = new LinkedHashSet<>();
    forms.add(key);
    forms.addAll(written);
    forms.addAll(moreForms);
    for (String form : forms) {
      RegistryAuth auth = program.get(form);
      if (auth != null) {
        return auth.withServerAddress(key);
      }
    }
    return null;
  }

  /** The name of the helper in charge of {@code key}, or null when config.json holds it. */
  private static String helperFor(Config config, String key) {
    List<String> configured = matchingKeys(config.credHelpers, key);
    if (!configured.isEmpty()) {
      String helper = config.credHelpers.get(configured.get(0));
      return helper.isEmpty() ? null : helper;
    }
    return config.credsStore;
  }

  /** The keys of {@code map} that are {@code key} in some form, {@code key} itself first. */
  private static List<String> matchingKeys(Map<String, ?> map, String key) {
    List<String> matching = new ArrayList<>();
    if (map.containsKey(key)) {
      matching.add(key);
    }
    for (String written : map.keySet()) {
      if (!written.equals(key) && registryKey(written).equalsIgnoreCase(key)) {
        matching.add(written);
      }
    }
    return matching;
  }

  /**
   * The credentials of the {@code auths} entry {@code written}, for {@code key}: from {@code auth}
   * (base64 of {@code user:password}), else the {@code username} and {@code password} older
   * files have, with any {@code identitytoken}; null when it holds none.
   */
  private static RegistryAuth decode(Config config, String written, String key) {
    Map<String, Object> entry = config.auths.get(written);
    String username = string(config, entry, written, "username");
    String password = string(config, entry, written, "password");
    String identityToken = string(config, entry, written, "identitytoken");
    String auth = string(config, entry, written, "auth");
    if (!isEmpty(auth)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = null;
      }
      int colon = decoded == null ? -1 : decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Docker config file " + config.file + ": the auth of "
            + written + " is not the base64 of user:password");
      }
      username = decoded.substring(0, colon);
      // As the CLI, which trims the NULs some old tools padded the password with
      password = decoded.substring(colon + 1).replaceAll("^\0+|\0+$", "");
    }
    if (isEmpty(username) && isEmpty(password) && isEmpty(identityToken)) {
      return null;
    }
    return new RegistryAuth(emptyToNull(username), emptyToNull(password),
        emptyToNull(identityToken), key);
  }

  private static String string(Config config, Map<String, Object> entry, String written,
      String field) {
    Object value = entry.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException("Docker config file " + config.file + ": the " + field
        + " of " + written + " in auths is not text");
  }

  private CredentialHelper findHelper(String name) {
    return CredentialHelper.find(name, environment, helperTimeout);
  }

  /** What config.json says about credentials, checked, and the whole of it for writing back. */
  private record Config(Path file, Map<String, Object> json,
      Map<String, Map<String, Object>> auths, String credsStore, Map<String, String> credHelpers) {}

  @SuppressWarnings("unchecked")
  private Config readConfig() {
    Map<String, Object> json = ConfigFile.read(configFile);
    Object auths = json.get("auths");
    Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    if (auths != null) {
      if (!(auths instanceof Map<?, ?> map)) {
        throw malformed("auths is not an object");
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        if (e.getValue() != null && !(e.getValue() instanceof Map<?, ?>)) {
          throw malformed("auths entry " + e.getKey() + " is not an object");
        }
        entries.put(e.getKey(),
            e.getValue() == null ? Map.of() : (Map<String, Object>) e.getValue());
      }
    }
    Object credsStore = json.get("credsStore");
    if (credsStore != null && !(credsStore instanceof String)) {
      throw malformed("credsStore is not text");
    }
    if (credsStore != null && !((String) credsStore).isEmpty()) {
      checkHelperName((String) credsStore, "credsStore");
    }
    Object credHelpers = json.get("credHelpers");
    Map<String, String> helpers = new LinkedHashMap<>();
    if (credHelpers != null) {
      if (!(credHelpers instanceof Map<?, ?> map)) {
        throw malformed("credHelpers is not an object");
      }
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        if (!(e.getValue() instanceof String name)) {
          throw malformed("credHelpers entry " + e.getKey() + " is not text");
        }
        if (!name.isEmpty()) {
          checkHelperName(name, "credHelpers entry " + e.getKey());
        }
        helpers.put(e.getKey(), name);
      }
    }
    return new Config(configFile, json, entries,
        credsStore == null || ((String) credsStore).isEmpty() ? null : (String) credsStore,
        helpers);
  }

  /** A helper name becomes a file name: one with a path separator could name any program. */
  private void checkHelperName(String name, String where) {
    if (name.contains("/") || name.contains("\\")) {
      throw malformed(where + " names " + name + ", which is not the name of a credential helper");
    }
  }

  private IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException("Docker config file " + configFile + ": " + what);
  }

  private void writeConfig(Config config, Map<String, Object> auths) {
    Map<String, Object> json = new LinkedHashMap<>(config.json);
    json.put("auths", auths);
    ConfigFile.write(configFile, json);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return isEmpty(s) ? null : s;
  }
}
