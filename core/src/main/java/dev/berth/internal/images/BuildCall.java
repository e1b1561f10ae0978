package dev.berth.internal.images;

import dev.berth.images.Build;
import dev.berth.images.BuildException;
import dev.berth.images.BuildResult;
import dev.berth.internal.build.BuildContext;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.Json;
import dev.berth.internal.stream.ProgressStream;
import dev.berth.model.Progress;
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
  private final ImageCalls images;
  private final Path context;
  private final InputStream contextTar;
  private final List<String> tags;
  private final String dockerfile;
  private final Map<String, String> buildArgs;
  private final Map<String, String> labels;
  private final String target;
  private final boolean noCache;
  private final boolean pull;
  private final String platform;
  private final Consumer<Progress> listener;

  BuildCall(ImageCalls images, Path context, InputStream contextTar) {
    this(images, context, contextTar, List.of(), null, Map.of(), Map.of(), null, false, false,
        null, p -> { });
    if (context != null && !Files.isDirectory(context)) {
      throw new IllegalArgumentException("build context \"" + context
          + "\" is not a directory");
    }
  }

  private BuildCall(ImageCalls images, Path context, InputStream contextTar, List<String> tags,
      String dockerfile, Map<String, String> buildArgs, Map<String, String> labels, String target,
      boolean noCache, boolean pull, String platform, Consumer<Progress> listener) {
    this.images = images;
    this.context = context;
    this.contextTar = contextTar;
    this.tags = tags;
    this.dockerfile = dockerfile;
    this.buildArgs = buildArgs;
    this.labels = labels;
    this.target = target;
    this.noCache = noCache;
    this.pull = pull;
    this.platform = platform;
    this.listener = listener;
  }

  private BuildCall with(List<String> tags, String dockerfile, Map<String, String> buildArgs,
      Map<String, String> labels, String target, boolean noCache, boolean pull, String platform,
      Consumer<Progress> listener) {
    return new BuildCall(images, context, contextTar, tags, dockerfile, buildArgs, labels, target,
        noCache, pull, platform, listener);
  }

  private static Map<String, String> put(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }

  @Override
  public Build tag(String name) {
    dev.berth.model.ImageRef.parse(name); // a bad name fails here, quoted, not at the engine
    List<String> copy = new ArrayList<>(tags);
    copy.add(name);
    return with(List.copyOf(copy), dockerfile, buildArgs, labels, target, noCache, pull, platform,
        listener);
  }

  @Override
  public Build dockerfile(String path) {
    return with(tags, path, buildArgs, labels, target, noCache, pull, platform, listener);
  }

  @Override
  public Build buildArg(String name, String value) {
    return with(tags, dockerfile, put(buildArgs, name, value), labels, target, noCache, pull,
        platform, listener);
  }

  @Override
  public Build label(String key, String value) {
    return with(tags, dockerfile, buildArgs, put(labels, key, value), target, noCache, pull,
        platform, listener);
  }

  @Override
  public Build target(String stage) {
    return with(tags, dockerfile, buildArgs, labels, stage, noCache, pull, platform, listener);
  }

  @Override
  public Build noCache() {
    return with(tags, dockerfile, buildArgs, labels, target, true, pull, platform, listener);
  }

  @Override
  public Build pull() {
    return with(tags, dockerfile, buildArgs, labels, target, noCache, true, platform, listener);
  }

  @Override
  public Build platform(String platform) {
    return with(tags, dockerfile, buildArgs, labels, target, noCache, pull, platform, listener);
  }

  @Override
  public Build progress(Consumer<Progress> listener) {
    return with(tags, dockerfile, buildArgs, labels, target, noCache, pull, platform, listener);
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
        .query("rm", "1");
    for (String t : tags) {
      call.query("t", t);
    }
    String config = images.auth().configHeader();
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
}
