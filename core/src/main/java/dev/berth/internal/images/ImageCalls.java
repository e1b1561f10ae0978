package dev.berth.internal.images;

import static dev.berth.internal.http.EngineTimes.instant;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.stringMap;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.DockerException;
import dev.berth.images.Build;
import dev.berth.images.ImageListOptions;
import dev.berth.images.Images;
import dev.berth.images.Transfer;
import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.ConfigFields;
import dev.berth.internal.http.EngineTimes;
import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Paths;
import dev.berth.internal.stream.ProgressStream;
import dev.berth.internal.stream.Streams;
import dev.berth.model.HistoryEntry;
import dev.berth.model.ImageDetails;
import dev.berth.model.ImageRef;
import dev.berth.model.ImageSummary;
import dev.berth.model.Progress;
import dev.berth.model.PruneResult;
import dev.berth.model.RegistryCredentials;
import dev.berth.model.SearchResult;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link Images} over the Engine API. */
public final class ImageCalls implements Images {
  /** Push needs an auth header even when there are no credentials: an empty config. */
  static final String EMPTY_AUTH = Base64.getUrlEncoder()
      .encodeToString("{}".getBytes(StandardCharsets.UTF_8));

  private final ApiClient api;
  private final RegistryAuthSource auth;

  /** Image calls over {@code api}, with credentials from {@code auth}. */
  public ImageCalls(ApiClient api, RegistryAuthSource auth) {
    this.api = api;
    this.auth = auth;
  }

  private static String name(String nameOrId) {
    return Paths.segment(nameOrId, true);
  }

  @Override
  public List<ImageSummary> list() {
    return list(ImageListOptions.tagged());
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ImageSummary> list(ImageListOptions options) {
    List<ImageSummary> out = new ArrayList<>();
    for (Object o : api.call("GET", "/images/json")
        .query("all", options.includesIntermediate() ? "1" : null)
        .filters(options.filters())
        .jsonArray()) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(new ImageSummary(string(m, "Id"), nonDangling(Fields.imageNames(m, "RepoTags")),
          nonDangling(Fields.imageNames(m, "RepoDigests")), Instant.ofEpochSecond(longValue(m, "Created")),
          longValue(m, "Size"), stringMap(object(m, "Labels")), m));
    }
    return out;
  }

  /** The engine writes {@code <none>:<none>} for images without a name. */
  private static List<String> nonDangling(List<String> names) {
    return names.stream().filter(n -> !n.startsWith("<none>")).toList();
  }


  @Override
  public ImageDetails inspect(String nameOrId) {
    return toDetails(api.call("GET", "/images/" + name(nameOrId) + "/json").jsonObject());
  }

  /**
   * An inspect answer as typed values; what the engine leaves out reads as empty (Podman writes no
   * {@code DockerVersion}, its OCI images no {@code Healthcheck}, and its {@code Parent} without
   * {@code sha256:}).
   */
  static ImageDetails toDetails(Map<String, Object> m) {
    Map<String, Object> c = object(m, "Config");
    ImageDetails.Config config = new ImageDetails.Config(strings(c, "Cmd"),
        strings(c, "Entrypoint"), strings(c, "Env"), ConfigFields.exposedPorts(c, "ExposedPorts"),
        ConfigFields.texts(c, "Labels"), ConfigFields.healthcheck(c, "Healthcheck"),
        ConfigFields.text(c, "User"), ConfigFields.text(c, "WorkingDir"),
        new ArrayList<>(object(c, "Volumes").keySet()), ConfigFields.text(c, "StopSignal"));
    String parent = ConfigFields.text(m, "Parent");
    return new ImageDetails(string(m, "Id"), Fields.imageNames(m, "RepoTags"),
        Fields.imageNames(m, "RepoDigests"), parent.isEmpty() ? "" : Fields.imageId(parent),
        EngineTimes.instant(string(m, "Created")), ConfigFields.text(m, "Author"),
        ConfigFields.text(m, "Comment"), config, strings(object(m, "RootFS"), "Layers"),
        ConfigFields.text(m, "Os"), ConfigFields.text(m, "Architecture"),
        ConfigFields.text(m, "Variant"), ConfigFields.text(m, "DockerVersion"),
        longValue(m, "Size"), m.containsKey("VirtualSize") ? longValue(m, "VirtualSize")
            : longValue(m, "Size"), m);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<HistoryEntry> history(String nameOrId) {
    List<HistoryEntry> out = new ArrayList<>();
    for (Object o : api.call("GET", "/images/" + name(nameOrId) + "/history").jsonArray()) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(new HistoryEntry(string(m, "Id"), Instant.ofEpochSecond(longValue(m, "Created")),
          orEmpty(string(m, "CreatedBy")), Fields.imageNames(m, "Tags"), longValue(m, "Size"),
          orEmpty(string(m, "Comment"))));
    }
    return out;
  }

  @Override
  public void tag(String source, String target) {
    ImageRef ref = ImageRef.parse(target);
    if (ref.digest() != null) {
      throw new IllegalArgumentException("cannot tag with \"" + target
          + "\": a tag target has a tag, not a digest");
    }
    api.call("POST", "/images/" + name(source) + "/tag")
        .query("repo", ref.familiarName())
        .query("tag", ref.tagOrLatest())
        .discard();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> remove(String nameOrId, boolean force, boolean noPrune) {
    List<String> out = new ArrayList<>();
    for (Object o : api.call("DELETE", "/images/" + name(nameOrId))
        .query("force", force ? "1" : null)
        .query("noprune", noPrune ? "1" : null)
        .jsonArray()) {
      ((Map<String, Object>) o).forEach((k, v) -> out.add(k + ": " + v));
    }
    return out;
  }

  @Override
  @SuppressWarnings("unchecked")
  public PruneResult prune(boolean all, Map<String, List<String>> filters) {
    Map<String, List<String>> f = new LinkedHashMap<>(filters);
    if (all) {
      f.put("dangling", List.of("false"));
    }
    Map<String, Object> answer = api.call("POST", "/images/prune")
        .filters(f).jsonObject();
    List<String> removed = new ArrayList<>();
    Object deleted = answer.get("ImagesDeleted");
    if (deleted instanceof List<?> list) {
      for (Object o : list) {
        ((Map<String, Object>) o).forEach((k, v) -> removed.add(k + ": "
            + (k.equals("Deleted") ? Fields.imageId(String.valueOf(v))
                : Fields.familiar(String.valueOf(v)))));
      }
    }
    return new PruneResult(removed, longValue(answer, "SpaceReclaimed"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<SearchResult> search(String term, int limit) {
    if (term == null || term.isBlank()) {
      throw new IllegalArgumentException("search term \"" + term + "\" is empty");
    }
    List<SearchResult> out = new ArrayList<>();
    for (Object o : api.call("GET", "/images/search").query("term", term)
        .query("limit", limit > 0 ? limit : null).jsonArray()) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(new SearchResult(string(m, "name"), orEmpty(string(m, "description")),
          Fields.integer(m, "star_count"), Fields.bool(m, "is_official"),
          Fields.bool(m, "is_automated")));
    }
    return out;
  }

  @Override
  public Transfer pull(String image) {
    return new TransferCall(true, named(image, "pulled"), false, null, null, p -> { });
  }

  @Override
  public Transfer push(String image) {
    return new TransferCall(false, named(image, "pushed"), false, null, null, p -> { });
  }

  @Override
  public InputStream save(String... images) {
    if (images.length == 0) {
      throw new IllegalArgumentException("save needs at least one image name or id, as docker"
          + " save does; got none");
    }
    ApiClient.Call call = api.call("GET", "/images/get").streaming();
    for (String image : images) {
      call.query("names", image);
    }
    return Streams.body(call.open());
  }

  @Override
  public void save(Path file, String... images) {
    boolean written = false;
    try (InputStream in = save(images); OutputStream out = Files.newOutputStream(file)) {
      written = true;
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      if (written) { // half a tar is no save: nothing is left behind
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the failure below says what happened
        }
      }
      if (e instanceof dev.berth.StreamCutIOException cut) {
        throw new dev.berth.StreamCutException("saving " + String.join(", ", images) + " to "
            + file + " failed, and the file was removed: " + cut.getMessage(), cut.bytesRead(),
            cut);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("saving to " + file + " failed: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public void save(OutputStream out, String... images) {
    try (InputStream in = save(images)) {
      in.transferTo(out);
    } catch (dev.berth.StreamCutIOException cut) {
      throw new dev.berth.StreamCutException("saving " + String.join(", ", images)
          + " failed: " + cut.getMessage(), cut.bytesRead(), cut);
    } catch (IOException e) {
      throw new UncheckedIOException("saving " + String.join(", ", images) + " failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<String> load(InputStream tar) {
    return load(tar, p -> { });
  }

  @Override
  public List<String> load(InputStream tar, Consumer<Progress> progress) {
    List<String> loaded = new ArrayList<>();
    run(api.call("POST", "/images/load").query("quiet", "0").body(tarBody(tar)), "load", p -> {
      progress.accept(p);
      String s = p.stream();
      if (s != null) {
        for (String prefix : new String[] {"Loaded image: ", "Loaded image ID: "}) {
          if (s.startsWith(prefix)) {
            loaded.add(Fields.familiar(s.substring(prefix.length()).trim()));
          }
        }
      }
    });
    return loaded;
  }

  @Override
  public List<String> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("loading " + file + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String importImage(InputStream tar, String name, List<String> changes) {
    return importFrom("-", tarBody(tar), name, changes);
  }

  @Override
  public String importImage(Path tar, String name, List<String> changes) {
    try (InputStream in = Files.newInputStream(tar)) {
      return importImage(in, name, changes);
    } catch (IOException e) {
      throw new UncheckedIOException("importing " + tar + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String importImage(URI source, String name, List<String> changes) {
    return importFrom(source.toString(), null, name, changes);
  }

  private String importFrom(String source, HttpRequest.Body body, String name,
      List<String> changes) {
    ApiClient.Call call = api.call("POST", "/images/create").query("fromSrc", source);
    if (name != null) {
      ImageRef ref = ImageRef.parse(name);
      if (api.isPodman()) { // Podman 4.3 reads no tag parameter on import, only a tag in repo
        call.query("repo", ref.familiarName() + ":" + ref.tagOrLatest());
      } else {
        call.query("repo", ref.familiarName()).query("tag", ref.tagOrLatest());
      }
    }
    for (String change : changes) {
      call.query("changes", change);
    }
    if (body != null) {
      call.body(body);
    }
    String[] id = new String[1];
    run(call, "import", p -> {
      if (p.status() != null && p.status().startsWith("sha256:")) {
        id[0] = p.status().trim();
      }
    });
    if (id[0] == null) {
      throw new DockerException("import answered without an image id");
    }
    return id[0];
  }

  @Override
  public Build build(Path context) {
    return new BuildCall(this, context, null);
  }

  @Override
  public Build build(InputStream contextTar) {
    return new BuildCall(this, null, contextTar);
  }

  ApiClient api() {
    return api;
  }

  /** {@code image} as a name: an id cannot be pulled or pushed, registries serve names. */
  static ImageRef named(String image, String what) {
    ImageRef ref = ImageRef.parse(image);
    if (ref.isId()) {
      throw new IllegalArgumentException("image \"" + image + "\" is an image id, which cannot be "
          + what + ": a registry knows images by name, such as 127.0.0.1:5000/app:1.0");
    }
    return ref;
  }

  RegistryAuthSource auth() {
    return auth;
  }

  /** Sends {@code call} and reads its progress stream to the end, throwing on an error message. */
  String run(ApiClient.Call call, String what, Consumer<Progress> listener) {
    String[] last = new String[1];
    try (HttpResponse r = call.streaming().open()) {
      ProgressStream.read(r, p -> {
        if (p.isError()) {
          throw new DockerException(what + " failed: " + p.error());
        }
        if (p.status() != null) {
          last[0] = p.status();
        }
        listener.accept(p);
      });
    } catch (IOException e) {
      throw api.failure("POST", what, e);
    }
    return last[0];
  }

  static HttpRequest.Body tarBody(InputStream tar) {
    return HttpRequest.Body.streaming("application/x-tar", tar::transferTo);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }


  /** A pull or a push. */
  private final class TransferCall implements Transfer {
    private final boolean pull;
    private final ImageRef image;
    private final boolean allTags;
    private final String platform;
    private final RegistryCredentials credentials;
    private final Consumer<Progress> listener;

    TransferCall(boolean pull, ImageRef image, boolean allTags, String platform,
        RegistryCredentials credentials, Consumer<Progress> listener) {
      this.pull = pull;
      this.image = image;
      this.allTags = allTags;
      this.platform = platform;
      this.credentials = credentials;
      this.listener = listener;
    }

    @Override
    public Transfer allTags() {
      if (!pull) {
        throw new UnsupportedOperationException("all tags is a pull option (docker pull -a)");
      }
      return new TransferCall(pull, image, true, platform, credentials, listener);
    }

    @Override
    public Transfer platform(String platform) {
      return new TransferCall(pull, image, allTags, platform, credentials, listener);
    }

    @Override
    public Transfer credentials(RegistryCredentials credentials) {
      return new TransferCall(pull, image, allTags, platform, credentials, listener);
    }

    @Override
    public Transfer progress(Consumer<Progress> listener) {
      return new TransferCall(pull, image, allTags, platform, credentials, listener);
    }

    @Override
    public String call() {
      String header = credentials != null ? auth.authHeader(credentials)
          : auth.authHeader(image.registry());
      ApiClient.Call call;
      String reference = image.digest() != null ? image.digest() : image.tagOrLatest();
      if (pull) {
        call = api.call("POST", "/images/create")
            .query("fromImage", image.name())
            .query("tag", allTags ? null : reference)
            .query("platform", platform);
      } else {
        call = api.call("POST", "/images/" + Paths.segment(image.name(), true) + "/push")
            .query("tag", image.tag());
      }
      call.header("X-Registry-Auth", header != null ? header : EMPTY_AUTH);
      return run(call, (pull ? "pulling " : "pushing ") + image.familiar(), listener);
    }
  }
}
