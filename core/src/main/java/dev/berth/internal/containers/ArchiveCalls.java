package dev.berth.internal.containers;

import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.containers.SkippedEntry;
import dev.berth.internal.archive.TarExtractor;
import dev.berth.internal.archive.TarWriter;
import dev.berth.internal.http.ApiClient;
import dev.berth.internal.http.EngineTimes;
import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import dev.berth.internal.stream.Streams;
import dev.berth.model.PathStat;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code docker cp} over the archive endpoints. Tar streams are written into the request and read
 * out of the answer as they go: no temporary files, no whole-archive buffers.
 */
final class ArchiveCalls {
  private final ApiClient api;
  private final String path;

  ArchiveCalls(ApiClient api, String containerId) {
    this.api = api;
    this.path = "/containers/" + containerId + "/archive";
  }

  PathStat stat(String containerPath) {
    try (HttpResponse r = api.call("HEAD", path).query("path", containerPath).open()) {
      String header = r.header("X-Docker-Container-Path-Stat");
      if (header == null) {
        throw new DockerException("the engine sent no stat for " + containerPath);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) Json.read(
          Base64.getDecoder().decode(header.getBytes(StandardCharsets.US_ASCII)));
      String link = Fields.string(json, "linkTarget");
      return new PathStat(Fields.string(json, "name"), Fields.longValue(json, "size"),
          Fields.longValue(json, "mode"), EngineTimes.instant(Fields.string(json, "mtime")),
          link == null ? "" : link);
    } catch (IOException e) {
      throw api.failure("HEAD", path, e);
    }
  }

  InputStream get(String containerPath) {
    return Streams.body(api.call("GET", path).query("path", containerPath).streaming().open());
  }

  void put(String directory, InputStream tar) {
    put(directory, HttpRequest.Body.streaming("application/x-tar", tar::transferTo));
  }

  private void put(String directory, HttpRequest.Body body) {
    api.call("PUT", path).query("path", directory).query("noOverwriteDirNonDir", "true")
        .body(body).streaming().discard();
  }

  void copyIn(Path source, String destination) {
    String sourceText = source.toString();
    boolean contentsOnly = sourceText.endsWith("/.") || sourceText.equals(".");
    if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("cannot copy \"" + source + "\": it does not exist");
    }
    boolean sourceIsDirectory = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS);
    PathStat target = statOrNull(destination);
    String directory;
    String name;
    if (target != null && target.isDirectory()) {
      directory = destination;
      name = contentsOnly ? "" : source.toAbsolutePath().normalize().getFileName().toString();
    } else if (target == null) {
      if (destination.endsWith("/")) {
        throw new IllegalArgumentException("cannot copy to \"" + destination
            + "\": no such directory in the container");
      }
      directory = parent(destination);
      name = baseName(destination);
    } else {
      if (sourceIsDirectory) {
        throw new IllegalArgumentException("cannot copy directory \"" + source + "\" over the file \""
            + destination + "\" in the container");
      }
      directory = parent(destination);
      name = baseName(destination);
    }
    Path from = contentsOnly ? source.normalize() : source;
    put(directory, HttpRequest.Body.streaming("application/x-tar", out -> {
      TarWriter tar = new TarWriter(out);
      tar.writePath(from, name);
      tar.finish();
    }));
  }

  /** {@link dev.berth.containers.Container#copyOut}: the entries left out. */
  List<SkippedEntry> copyOut(String source, Path destination) {
    PathStat stat = stat(source);
    boolean contentsOnly = source.endsWith("/.");
    String top = stat.name();
    UnaryOperator<String> rename;
    Path into;
    if (Files.isDirectory(destination)) {
      into = destination;
      rename = contentsOnly ? replaceTop(top, "") : UnaryOperator.identity();
    } else {
      Path parent = destination.toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        throw new IllegalArgumentException("cannot copy to \"" + destination
            + "\": its parent directory does not exist");
      }
      if (Files.exists(destination) && stat.isDirectory()) {
        throw new IllegalArgumentException("cannot copy directory \"" + source
            + "\" over the file \"" + destination + "\"");
      }
      into = parent;
      rename = replaceTop(top, destination.getFileName().toString());
    }
    try (InputStream tar = get(source)) {
      List<SkippedEntry> skipped = new ArrayList<>();
      for (TarExtractor.Skipped s : TarExtractor.extract(tar, into, rename)) {
        skipped.add(new SkippedEntry(s.name(), s.reason()));
      }
      return List.copyOf(skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("copying " + source + " out of the container to "
          + destination + " failed: " + e.getMessage(), e);
    }
  }

  /** Renames the first path component {@code top} of entry names to {@code to} ("" drops it). */
  private static UnaryOperator<String> replaceTop(String top, String to) {
    return name -> {
      if (name.equals(top) || name.equals(top + "/")) {
        return to.isEmpty() ? "./" : to + name.substring(top.length());
      }
      if (name.startsWith(top + "/")) {
        String rest = name.substring(top.length() + 1);
        return to.isEmpty() ? rest : to + "/" + rest;
      }
      return name;
    };
  }

  private PathStat statOrNull(String containerPath) {
    try {
      return stat(containerPath);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static String parent(String containerPath) {
    String p = trimSlashes(containerPath);
    int slash = p.lastIndexOf('/');
    return slash <= 0 ? "/" : p.substring(0, slash);
  }

  private static String baseName(String containerPath) {
    String p = trimSlashes(containerPath);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String trimSlashes(String p) {
    String t = p;
    while (t.length() > 1 && t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
