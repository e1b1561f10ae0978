package dev.berth;

import dev.berth.containers.Containers;
import dev.berth.internal.ApiClient;
import dev.berth.internal.ContainerCalls;
import dev.berth.internal.ImageCalls;
import dev.berth.internal.RegistryAuthSource;
import dev.berth.internal.auth.ConfiguredCredentials;
import dev.berth.images.Images;
import dev.berth.internal.DockerConfig;
import dev.berth.internal.RawCalls;
import dev.berth.internal.SystemCalls;
import dev.berth.model.ApiVersion;
import dev.berth.system.DockerSystem;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
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
  private final DockerSystem system;
  private final Containers containers;
  private final Images images;
  private final EngineApi raw;

  private DockerClient(ApiClient api, RegistryAuthSource auth) {
    this.api = api;
    this.system = new SystemCalls(api, auth);
    this.containers = new ContainerCalls(api);
    this.images = new ImageCalls(api, auth);
    this.raw = new RawCalls(api);
  }

  /**
   * A client configured the way the docker CLI is: {@code DOCKER_HOST} (default {@code
   * unix:///var/run/docker.sock}) and {@code DOCKER_API_VERSION}. Nothing is sent until the first
   * call.
   *
   * @throws IllegalArgumentException if {@code DOCKER_HOST} or {@code DOCKER_API_VERSION} is not
   *     valid; the message quotes it
   * @throws UnsupportedOperationException if the environment asks for something this version
   *     cannot do yet (TLS, a Docker context, an ssh or npipe host) rather than quietly ignoring it
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

  /** Containers: create, get, list, remove. */
  public Containers containers() {
    return containers;
  }

  /** Images and registries: pull, push, build, save, load, import, tag, remove, … */
  public Images images() {
    return images;
  }

  /** Any Engine API endpoint, answered as plain maps and lists: for what is not typed yet. */
  public EngineApi api() {
    return raw;
  }

  /** Closes idle connections; streams still open stay usable until closed. */
  @Override
  public void close() {
    api.close();
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

    /** Pins the API version, such as {@code 1.41}, and turns negotiation off. */
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
     * @throws UnsupportedOperationException if the configuration asks for what this version cannot
     *     do yet, rather than quietly doing something else
     */
    public DockerClient build() {
      Endpoint target = endpoint != null ? endpoint : endpointFromEnvironment();
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
      String tlsVerify = environment.get("DOCKER_TLS_VERIFY");
      if (target.isNetwork() && tlsVerify != null && !tlsVerify.isEmpty()) {
        throw new UnsupportedOperationException("DOCKER_TLS_VERIFY=" + tlsVerify
            + " asks for TLS to " + target + ", which this version of Berth cannot do yet;"
            + " it will not fall back to plain HTTP");
      }
      return new DockerClient(new ApiClient(Transport.create(target, options), version),
          new ConfiguredCredentials(environment, homeDirectory));
    }

    private Endpoint endpointFromEnvironment() {
      String host = environment.get("DOCKER_HOST");
      if (host != null && !host.isEmpty()) {
        try {
          return Endpoint.parse(host);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("DOCKER_HOST: " + e.getMessage(), e);
        }
      }
      String context = environment.get("DOCKER_CONTEXT");
      String source = "DOCKER_CONTEXT";
      if (context == null || context.isEmpty()) {
        context = DockerConfig.currentContext(environment, homeDirectory);
        source = "currentContext in " + DockerConfig.file(environment, homeDirectory);
      }
      if (context != null && !context.isEmpty() && !context.equals("default")) {
        throw new UnsupportedOperationException("the Docker context \"" + context + "\" ("
            + source + ") cannot be read by this version of Berth yet; set DOCKER_HOST"
            + " or give the endpoint to DockerClient.builder()");
      }
      return Endpoint.DEFAULT;
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
