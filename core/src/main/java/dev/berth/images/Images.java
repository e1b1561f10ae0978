package dev.berth.images;

import dev.berth.model.HistoryEntry;
import dev.berth.model.ImageDetails;
import dev.berth.model.ImageSummary;
import dev.berth.model.PruneResult;
import dev.berth.model.SearchResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The engine's images.
 *
 * <pre>{@code
 * docker.images().pull("127.0.0.1:5000/test/busybox:1").call();
 * docker.images().tag("ubuntu:15.10", "runoob/ubuntu:v3");
 * String id = docker.images().build(Path.of(".")).tag("mynginx:0.1")
 *     .buildArg("version", "4.4.0").call().imageId();
 * }</pre>
 */
public interface Images {
  /** Tagged images, as {@code docker images}. */
  List<ImageSummary> list();

  /** The images {@code options} select ({@code -a}, {@code --filter}). */
  List<ImageSummary> list(ImageListOptions options);

  /**
   * What {@code docker inspect IMAGE} shows.
   *
   * @throws dev.berth.NotFoundException if there is no such image
   */
  ImageDetails inspect(String nameOrId);

  /** Its layers, newest first, as {@code docker history}. */
  List<HistoryEntry> history(String nameOrId);

  /**
   * Gives an image another name, as {@code docker tag SOURCE TARGET}.
   *
   * @throws IllegalArgumentException if {@code target} is not a valid reference
   */
  void tag(String source, String target);

  /**
   * Removes a name or an image, as {@code docker rmi}; returns what the engine untagged and
   * deleted, each as {@code Untagged: …} or {@code Deleted: …}.
   *
   * @throws dev.berth.ConflictException if a container uses it (and {@code force} is not set)
   */
  List<String> remove(String nameOrId, boolean force, boolean noPrune);

  /** Removes an image without flags, as {@code docker rmi IMAGE}. */
  default List<String> remove(String nameOrId) {
    return remove(nameOrId, false, false);
  }

  /**
   * Removes unused images, as {@code docker image prune [-a] --filter …}: dangling ones only, or
   * with {@code all} every image no container uses.
   */
  PruneResult prune(boolean all, Map<String, List<String>> filters);

  /** Searches Docker Hub, as {@code docker search TERM}; at most {@code limit} results (0: default). */
  List<SearchResult> search(String term, int limit);

  /** A pull to set up and run, as {@code docker pull}. */
  Transfer pull(String image);

  /** A push to set up and run, as {@code docker push}. */
  Transfer push(String image);

  /**
   * The images as one tar stream with their names and history, as {@code docker save}; the caller
   * closes it. If the stream breaks off, its {@code read} throws {@link
   * dev.berth.StreamCutIOException} rather than ending early.
   *
   * @throws IllegalArgumentException if no image is given: as {@code docker save}, Berth refuses
   *     that, although Engine API 1.41 would answer an empty tar
   */
  InputStream save(String... images);

  /**
   * Saves the images into {@code file}, as {@code docker save -o}.
   *
   * @throws dev.berth.StreamCutException if the stream broke off; the file is then removed
   */
  void save(Path file, String... images);

  /**
   * Saves the images into {@code out}.
   *
   * @throws dev.berth.StreamCutException if the stream broke off; what {@code out} got is not a
   *     whole tar
   */
  void save(OutputStream out, String... images);

  /**
   * Loads images from a tar stream made by save, as {@code docker load}; returns the names (or ids)
   * loaded. The stream is read to its end, not closed.
   */
  List<String> load(InputStream tar);

  /** Loads images from a tar stream, calling {@code progress} with each message as it comes. */
  List<String> load(InputStream tar, java.util.function.Consumer<dev.berth.model.Progress> progress);

  /** Loads images from a file, as {@code docker load -i}. */
  List<String> load(Path file);

  /**
   * Makes an image of a filesystem tar (such as a container export), as {@code docker import};
   * returns its id.
   *
   * @param tar the filesystem, read to its end and not closed
   * @param name the image's name such as {@code repo:tag}, or null for none
   * @param changes Dockerfile instructions to apply, such as {@code CMD ["sh"]}
   */
  String importImage(InputStream tar, String name, List<String> changes);

  /** Imports a filesystem tar file, as {@code docker import FILE repo:tag}. */
  String importImage(Path tar, String name, List<String> changes);

  /** Imports a filesystem tar from a URL the engine fetches, as {@code docker import URL repo}. */
  String importImage(java.net.URI source, String name, List<String> changes);

  /** A build of the directory {@code context}, as {@code docker build DIR}. */
  Build build(Path context);

  /** A build of a context that is already a tar stream, as {@code docker build - < context.tar}. */
  Build build(InputStream contextTar);
}
