package dev.berth;

import dev.berth.containers.Containers;
import dev.berth.images.Images;
import dev.berth.internal.auth.ConfiguredCredentials;
import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.internal.containers.ContainerCalls;
import dev.berth.internal.discovery.Discovery;
import dev.berth.internal.discovery.DockerConfig;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.RawCalls;
import dev.berth.internal.images.ImageCalls;
import dev.berth.internal.networks.NetworkCalls;
import dev.berth.internal.swarm.SwarmCalls;
import dev.berth.internal.system.SystemCalls;
import dev.berth.internal.volumes.VolumeCalls;
import dev.berth.model.ApiVersion;
import dev.berth.networks.Networks;
import dev.berth.swarm.Swarm;
import dev.berth.system.DockerSystem;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
import dev.berth.volumes.Volumes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client of one Docker engine. Thread-safe: share one per engine and close it when done.
 *
 * <pre>{@code
 * try (DockerClient docker = DockerClient.fromEnvironment()) {
 *   System.out.println(docker.system().version().version());
 * }
 * }</pre>
 *
 * <p>The API version is negotiated on the first call that needs it: the engine's newest version,
 * capped at {@link #MAX_API_VERSION}; an engine older than {@link #MIN_API_VERSION} is refused with
 * a message naming both. {@code DOCKER_API_VERSION} (or {@link Builder#apiVersion}) pins the
 * version and turns negotiation off. Every request then goes to {@code /v{version}/…}.
 */
public final class DockerClient implements AutoCloseable {
  /** The oldest Engine API version Berth speaks: 1.40, Docker 19.03. */
  public static final ApiVersion MIN_API_VERSION = ApiClient.MIN_VERSION;

  /** The newest Engine API version Berth speaks: 1.56. */
  public static final ApiVersion MAX_API_VERSION = ApiClient.MAX_VERSION;

  private final ApiClient api;
  private final RegistryAuthSource auth;
  private final Diagnosis diagnosis;
  private final Builder settings;
  private final DockerSystem system;
  // the other groups, made together on first use: a client that only pings loads none of them
  private final Object groupsLock = new Object();
  private volatile Groups groups;

  private DockerClient(ApiClient api, RegistryAuthSource auth, Diagnosis diagnosis,
      Builder settings) {
    this.api = api;
    this.auth = auth;
    this.diagnosis = diagnosis;
    this.settings = settings;
    this.system = new SystemCalls(api, auth);
  }

  /**
   * A client configured the way the docker CLI is: {@code DOCKER_HOST} (default {@code
   * unix:///var/run/docker.sock}) and {@code DOCKER_API_VERSION}. Nothing is sent until the first
   * call.
   *
   * @throws IllegalArgumentException if {@code DOCKER_HOST} or {@code DOCKER_API_VERSION} is not
   *     valid; the message quotes it
   * @throws dev.berth.transport.TlsConfigException if TLS is asked for and a certificate or key
   *     file is missing or unreadable (never a fall back to plain HTTP)
   * @throws DockerConnectionException if nothing is configured and no usual socket answers; the
   *     message lists what was tried
   */
  public static DockerClient fromEnvironment() {
    return builder().build();
  }

  /** A builder; what it is not told it reads from the environment, as {@link #fromEnvironment}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The engine this client talks to. */
  public Endpoint endpoint() {
    return api.endpoint();
  }

  /**
   * The API version requests use: pinned, or negotiated with the engine (which contacts it on the
   * first call).
   *
   * @throws DockerConnectionException if negotiation cannot reach the engine
   * @throws UnsupportedApiVersionException if the engine is older than {@link #MIN_API_VERSION}
   */
  public ApiVersion apiVersion() {
    return api.version();
  }

  /** The engine as a whole: ping, version, info. */
  public DockerSystem system() {
    return system;
  }

  /**
   * How the engine was chosen, as it was decided when the client was built: each candidate in
   * order, and why it was taken or skipped. Configured endpoints are not contacted for it.
   */
  public Diagnosis diagnosis() {
    return diagnosis;
  }

  /**
   * Considers the candidates again, contacting the one taken (and, when nothing is configured,
   * each usual socket): what answers, with its API version range, and why others were skipped.
   */
  public Diagnosis diagnose() {
    return settings.discover(true).diagnosis();
  }

  /** Containers: create, get, list, remove. */
  public Containers containers() {
    return groups().containers;
  }

  /**
   * Docker Swarm: the swarm itself, its nodes, services, tasks, secrets and configs. Calls other
   * than {@link dev.berth.swarm.Swarm#init} and {@link dev.berth.swarm.Swarm#join} need an engine
   * that is a swarm manager.
   */
  public Swarm swarm() {
    return groups().swarm;
  }

  /** Images and registries: pull, push, build, save, load, import, tag, remove, … */
  public Images images() {
    return groups().images;
  }

  /** User-defined networks: create, connect, disconnect, list, remove, prune. */
  public Networks networks() {
    return groups().networks;
  }

  /** Named volumes: create, list, inspect, remove, prune. */
  public Volumes volumes() {
    return groups().volumes;
  }

  /** Any Engine API endpoint, answered as plain maps and lists: for what is not typed yet. */
  public EngineApi api() {
    return groups().raw;
  }

  /**
   * Closes idle connections and ends the streams still open (logs, events, attach, exec, exports,
   * pulls…): their readers get a {@link StreamCutException} (from an {@link java.io.InputStream},
   * a {@link StreamCutIOException}) saying the client was closed, and their sockets are freed.
   * Calls made after this fail with an {@link IllegalStateException}. Closing twice does nothing
   * more.
   */
  @Override
  public void close() {
    api.close();
  }

  private Groups groups() {
    Groups g = groups;
    if (g == null) {
      synchronized (groupsLock) {
        g = groups;
        if (g == null) {
          g = new Groups(api, auth);
          groups = g;
        }
      }
    }
    return g;
  }

  /** The resource groups other than {@link #system()}, wired to one call layer. */
  private static final class Groups {
    final Containers containers;
    final Images images;
    final Networks networks;
    final Volumes volumes;
    final Swarm swarm;
    final EngineApi raw;

    Groups(ApiClient api, RegistryAuthSource auth) {
      containers = new ContainerCalls(api);
      images = new ImageCalls(api, auth);
      networks = new NetworkCalls(api);
      volumes = new VolumeCalls(api);
      swarm = new SwarmCalls(api, auth);
      raw = new RawCalls(api);
    }
  }

  @Override
  public String toString() {
    return "DockerClient{" + endpoint() + "}";
  }

  /**
   * Configures a {@link DockerClient}. What is set here wins over the environment; what is not set
   * is read from it at {@link #build()}.
   *
   * <pre>{@code
   * DockerClient docker = DockerClient.builder()
   *     .endpoint("unix:///run/user/1000/docker.sock")
   *     .apiVersion("1.41")
   *     .connectTimeout(Duration.ofSeconds(2))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Endpoint endpoint;
    private ApiVersion apiVersion;
    private TransportOptions options = TransportOptions.defaults();
    private Map<String, String> environment = System.getenv();
    private Path homeDirectory = Path.of(System.getProperty("user.home"));
    private dev.berth.transport.TlsConfig tls;
    private List<String> probePaths;

    private Builder() {}

    /** The engine's address, as in {@code DOCKER_HOST}: {@code unix:///…}, {@code tcp://…}. */
    public Builder endpoint(String endpoint) {
      this.endpoint = Endpoint.parse(endpoint);
      return this;
    }

    /** The engine's address. */
    public Builder endpoint(Endpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Pins the API version, such as {@code 1.41}, and turns negotiation off. A setting newer than
     * it then fails before its request is sent ({@link UnsupportedApiVersionException}); a field
     * the API removed at or before it is not sent.
     */
    public Builder apiVersion(String version) {
      return apiVersion(ApiVersion.parse(version));
    }

    /** Pins the API version and turns negotiation off. */
    public Builder apiVersion(ApiVersion version) {
      this.apiVersion = checkSupported(Objects.requireNonNull(version, "version"), "");
      return this;
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      options = options.withConnectTimeout(timeout);
      return this;
    }

    /**
     * How long a non-streaming call may wait for bytes (default 60 s; zero means no limit).
     * Streams such as logs and events never time out while idle.
     */
    public Builder readTimeout(Duration timeout) {
      options = options.withReadTimeout(timeout);
      return this;
    }

    /**
     * How many idle connections are kept for reuse (default 16): size it to the number of threads
     * that call the engine at once.
     */
    public Builder maxIdleConnections(int count) {
      options = options.withMaxIdleConnections(count);
      return this;
    }

    /**
     * TLS for a {@code tcp://} or {@code https://} endpoint: a CA, a client certificate and key
     * ({@link dev.berth.transport.TlsConfig}). Without it, {@code DOCKER_TLS_VERIFY} and {@code
     * DOCKER_CERT_PATH} are read as the docker CLI reads them.
     */
    public Builder tls(dev.berth.transport.TlsConfig tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Where to look for an engine when nothing is configured, instead of the usual sockets
     * ({@code /var/run/docker.sock}, {@code $XDG_RUNTIME_DIR/docker.sock}, {@code
     * ~/.docker/run/docker.sock}, {@code ~/.docker/desktop/docker.sock}, Podman's); the first that
     * answers is taken.
     */
    public Builder probePaths(List<String> socketPaths) {
      this.probePaths = List.copyOf(socketPaths);
      return this;
    }

    /**
     * The ssh program and its own options for {@code ssh://} endpoints, such as {@code [ssh, -F,
     * /path/to/config]}; {@code [ssh]} by default.
     */
    public Builder sshCommand(List<String> command) {
      options = options.withSshCommand(command);
      return this;
    }

    /**
     * The environment variables to read ({@code DOCKER_HOST}, {@code DOCKER_API_VERSION}, {@code
     * DOCKER_CONFIG}, {@code PATH}, …) instead of the process's own.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /**
     * The home directory whose {@code .docker/config.json} (contexts, registry credentials) is read
     * when {@code DOCKER_CONFIG} is not set, instead of the process's own. Credential helpers
     * ({@code docker-credential-NAME}) are looked up on the {@code PATH} of {@link #environment}.
     */
    public Builder homeDirectory(Path homeDirectory) {
      this.homeDirectory = Objects.requireNonNull(homeDirectory, "homeDirectory");
      return this;
    }

    /**
     * The client. It does not contact the engine: the first call does.
     *
     * @throws IllegalArgumentException if an environment variable is not valid; the message quotes
     *     it
     * @throws dev.berth.transport.TlsConfigException if TLS is asked for and a file is missing or
     *     unreadable
     * @throws DockerConnectionException if nothing is configured and no usual socket answers
     */
    public DockerClient build() {
      ApiVersion version = apiVersion;
      String pinned = environment.get("DOCKER_API_VERSION");
      if (version == null && pinned != null && !pinned.isBlank()) {
        try {
          version = checkSupported(ApiVersion.parse(pinned), " (from DOCKER_API_VERSION)");
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("DOCKER_API_VERSION=" + pinned + ": " + e.getMessage(),
              e);
        }
      }
      Discovery.Choice choice = discover(false);
      TransportOptions chosen = options;
      dev.berth.transport.TlsConfig chosenTls = tlsFor(choice);
      if (chosenTls != null) {
        chosen = chosen.withTls(chosenTls);
      }
      return new DockerClient(
          new ApiClient(Transport.create(choice.endpoint(), chosen), version),
          new ConfiguredCredentials(environment, homeDirectory), choice.diagnosis(), this);
    }

    Discovery.Choice discover(boolean ping) {
      TransportOptions probing = options;
      if (tls != null) {
        probing = probing.withTls(tls);
      }
      return Discovery.choose(endpoint, environment, homeDirectory, probing, ping, probePaths);
    }

    /** TLS as the docker CLI decides it: the builder's, the context's, or the environment's. */
    private dev.berth.transport.TlsConfig tlsFor(Discovery.Choice choice) {
      if (tls != null) {
        return tls;
      }
      if (choice.context() != null) {
        return choice.context().tls();
      }
      if (!choice.endpoint().isNetwork()) {
        return null;
      }
      String verify = environment.get("DOCKER_TLS_VERIFY");
      String plainTls = environment.get("DOCKER_TLS");
      boolean wantsVerify = verify != null && !verify.isEmpty();
      boolean wantsTls = wantsVerify || (plainTls != null && !plainTls.isEmpty());
      if (!wantsTls && choice.endpoint().scheme() != Endpoint.Scheme.HTTPS) {
        return null;
      }
      String certPath = environment.get("DOCKER_CERT_PATH");
      Path dir = certPath != null && !certPath.isEmpty() ? Path.of(certPath)
          : DockerConfig.file(environment, homeDirectory).getParent();
      return dev.berth.transport.TlsConfig.fromCertPath(dir, wantsVerify);
    }

    private static ApiVersion checkSupported(ApiVersion version, String source) {
      if (version.compareTo(MIN_API_VERSION) < 0 || version.compareTo(MAX_API_VERSION) > 0) {
        throw new IllegalArgumentException("API version " + version + source
            + " is not supported: Berth speaks " + MIN_API_VERSION + " to " + MAX_API_VERSION);
      }
      return version;
    }
  }
}
