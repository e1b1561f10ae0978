package dev.berth.internal.images;

import dev.berth.images.Build;
import dev.berth.images.BuildException;
import dev.berth.images.BuildResult;
import dev.berth.internal.build.BuildContext;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Json;
import dev.berth.internal.stream.ProgressStream;
import dev.berth.model.Progress;
import dev.berth.model.RegistryCredentials;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link Build}: {@code POST /build} with the context streamed as a tar, and the engine's JSON
 * messages read as they come: {@code stream} lines of output, {@code aux.ID} for the image id,
 * {@code errorDetail} for a failed step.
 */
final class BuildCall implements Build {
  private static final java.util.regex.Pattern ULIMIT =
      java.util.regex.Pattern.compile("[a-z]+=-?\\d+(:-?\\d+)?");

  private final ImageCalls images;
  private final Path context;
  private final InputStream contextTar;
  // set only on a fresh copy (see copy()), so each Build stays immutable to its users
  private List<String> tags = List.of();
  private String dockerfile;
  private Map<String, String> buildArgs = Map.of();
  private Map<String, String> labels = Map.of();
  private String target;
  private boolean noCache;
  private boolean pull;
  private String platform;
  private List<String> cacheFrom = List.of();
  private String networkMode;
  private long shmSize;
  private List<String> ulimits = List.of();
  private List<RegistryCredentials> credentials = List.of();
  private Consumer<Progress> listener = p -> { };

  BuildCall(ImageCalls images, Path context, InputStream contextTar) {
    this.images = images;
    this.context = context;
    this.contextTar = contextTar;
    if (context != null && !Files.isDirectory(context)) {
      throw new IllegalArgumentException("build context \"" + context
          + "\" is not a directory");
    }
  }

  private BuildCall(BuildCall from) {
    this.images = from.images;
    this.context = from.context;
    this.contextTar = from.contextTar;
    this.tags = from.tags;
    this.dockerfile = from.dockerfile;
    this.buildArgs = from.buildArgs;
    this.labels = from.labels;
    this.target = from.target;
    this.noCache = from.noCache;
    this.pull = from.pull;
    this.platform = from.platform;
    this.cacheFrom = from.cacheFrom;
    this.networkMode = from.networkMode;
    this.shmSize = from.shmSize;
    this.ulimits = from.ulimits;
    this.credentials = from.credentials;
    this.listener = from.listener;
  }

  /** A copy to change before handing it out. */
  private BuildCall copy() {
    return new BuildCall(this);
  }

  private static Map<String, String> put(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return List.copyOf(copy);
  }

  @Override
  public Build tag(String name) {
    dev.berth.model.ImageRef.parse(name); // a bad name fails here, quoted, not at the engine
    BuildCall b = copy();
    b.tags = plus(tags, name);
    return b;
  }

  @Override
  public Build dockerfile(String path) {
    BuildCall b = copy();
    b.dockerfile = path;
    return b;
  }

  @Override
  public Build buildArg(String name, String value) {
    BuildCall b = copy();
    b.buildArgs = put(buildArgs, name, value);
    return b;
  }

  @Override
  public Build label(String key, String value) {
    BuildCall b = copy();
    b.labels = put(labels, key, value);
    return b;
  }

  @Override
  public Build label(String key) {
    return label(key, "");
  }

  @Override
  public Build target(String stage) {
    BuildCall b = copy();
    b.target = stage;
    return b;
  }

  @Override
  public Build noCache() {
    BuildCall b = copy();
    b.noCache = true;
    return b;
  }

  @Override
  public Build pull() {
    BuildCall b = copy();
    b.pull = true;
    return b;
  }

  @Override
  public Build platform(String platform) {
    BuildCall b = copy();
    b.platform = platform;
    return b;
  }

  @Override
  public Build cacheFrom(String image) {
    dev.berth.model.ImageRef.parse(image);
    BuildCall b = copy();
    b.cacheFrom = plus(cacheFrom, image);
    return b;
  }

  @Override
  public Build network(String mode) {
    if (mode == null || mode.isBlank()) {
      throw new IllegalArgumentException("build network \"" + mode + "\" is not valid: expected"
          + " default, bridge, host, none or a network's name");
    }
    BuildCall b = copy();
    b.networkMode = mode;
    return b;
  }

  @Override
  public Build shmSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("shm size " + bytes + " is not valid: expected a number"
          + " of bytes above 0");
    }
    BuildCall b = copy();
    b.shmSize = bytes;
    return b;
  }

  @Override
  public Build ulimit(String ulimit) {
    if (ulimit == null || !ULIMIT.matcher(ulimit).matches()) {
      throw new IllegalArgumentException("ulimit \"" + ulimit + "\" is not valid: expected"
          + " NAME=SOFT[:HARD], such as nofile=1024:2048");
    }
    BuildCall b = copy();
    b.ulimits = plus(ulimits, ulimit);
    return b;
  }

  @Override
  public Build credentials(RegistryCredentials credentials) {
    java.util.Objects.requireNonNull(credentials, "credentials");
    BuildCall b = copy();
    b.credentials = plus(this.credentials, credentials);
    return b;
  }

  @Override
  public Build progress(Consumer<Progress> listener) {
    BuildCall b = copy();
    b.listener = java.util.Objects.requireNonNull(listener, "listener");
    return b;
  }

  @Override
  public BuildResult call() {
    ApiClient api = images.api();
    ApiClient.Call call = api.call("POST", "/build")
        .query("dockerfile", dockerfile)
        .query("buildargs", buildArgs.isEmpty() ? null : json(buildArgs))
        .query("labels", labels.isEmpty() ? null : json(labels))
        .query("target", target)
        .query("nocache", noCache ? "1" : null)
        .query("pull", pull ? "1" : null)
        .query("platform", platform)
        .query("cachefrom", cacheFrom.isEmpty() ? null : jsonList(cacheFrom))
        .query("networkmode", networkMode)
        .query("shmsize", shmSize == 0 ? null : Long.toString(shmSize))
        .query("ulimits", ulimits.isEmpty() ? null : ulimitsJson(api.isPodman()))
        .query("rm", "1")
        // a failed step's container is removed too (--force-rm): a failed build leaves nothing
        .query("forcerm", "1");
    for (String t : tags) {
      call.query("t", t);
    }
    String config = credentials.isEmpty() ? images.auth().configHeader()
        : images.auth().configHeader(credentials);
    if (config != null) {
      call.header("X-Registry-Config", config);
    }
    call.body(HttpRequest.Body.streaming("application/x-tar", out -> {
      if (context != null) {
        BuildContext.write(context, dockerfile == null ? "Dockerfile" : dockerfile, out);
      } else {
        contextTar.transferTo(out);
      }
    }));
    StringBuilder output = new StringBuilder();
    String[] step = new String[1];
    String[] imageId = new String[1];
    try (HttpResponse r = call.streaming().open()) {
      ProgressStream.read(r, p -> {
        if (p.stream() != null) {
          output.append(p.stream());
          if (p.stream().startsWith("Step ")) {
            step[0] = p.stream().trim();
          } else if (p.stream().startsWith("STEP ") && p.stream().contains(": ")) {
            // Podman (Buildah) writes "STEP 2/3: RUN x"; step() reads as dockerd's "Step 2/3 : RUN x"
            String line = p.stream().trim();
            int colon = line.indexOf(": ");
            step[0] = "Step " + line.substring(5, colon) + " : " + line.substring(colon + 2);
          }
          String s = p.stream().trim();
          if (s.startsWith("Successfully built ") && imageId[0] == null) {
            imageId[0] = s.substring("Successfully built ".length());
          }
        }
        if (p.aux().get("ID") instanceof String id) {
          imageId[0] = id;
        }
        listener.accept(p);
        if (p.isError()) {
          throw new BuildException(step[0], p.error(), output.toString());
        }
      });
    } catch (IOException e) {
      throw api.failure("POST", "/build", e);
    }
    if (imageId[0] == null) {
      throw new BuildException(step[0], "the engine reported no image id", output.toString());
    }
    return new BuildResult(imageId[0], output.toString());
  }

  private static String json(Map<String, String> map) {
    return new String(Json.write(map), StandardCharsets.UTF_8);
  }

  private static String jsonList(List<String> list) {
    return new String(Json.write(list), StandardCharsets.UTF_8);
  }

  /**
   * The {@code ulimits} parameter: the Engine API's objects ({@code Name}, {@code Hard}, {@code
   * Soft}); Podman 4.3 reads a list of the CLI's {@code nofile=1024:2048} texts instead, and
   * answers the objects with a 400.
   */
  private String ulimitsJson(boolean podman) {
    if (podman) {
      return jsonList(ulimits);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (String u : ulimits) {
      list.add(dev.berth.internal.body.ContainerCreateBody.ulimit(u));
    }
    return new String(Json.write(list), StandardCharsets.UTF_8);
  }
}
