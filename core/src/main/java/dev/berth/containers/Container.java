package dev.berth.containers;

import dev.berth.model.ContainerDetails;
import dev.berth.model.ContainerStats;
import dev.berth.model.FileChange;
import dev.berth.model.PathStat;
import dev.berth.model.PortMapping;
import dev.berth.model.ProcessList;
import dev.berth.model.WaitResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One container on the engine, by id: its lifecycle, its streams and what can be read of it.
 *
 * <pre>{@code
 * Container web = docker.containers().run(spec);          // docker run -d
 * web.exec("sh", "-c", "echo hi").call().stdout();        // docker exec
 * web.logs().tail(20).text();                             // docker logs --tail 20
 * web.stop(Duration.ofSeconds(10));
 * web.remove(RemoveOptions.force());
 * }</pre>
 *
 * <p>Every method throws {@link dev.berth.NotFoundException} once the container is gone.
 */
public interface Container {
  /** The full id. */
  String id();

  /** What {@code docker inspect} shows now, without the sizes (they are costly to count). */
  ContainerDetails inspect();

  /**
   * What {@code docker inspect} shows now; with {@code size}, also the sizes of its files ({@code
   * docker inspect --size}: {@link ContainerDetails#sizeRw()}, {@link
   * ContainerDetails#sizeRootFs()}), which the engine counts by walking them.
   */
  ContainerDetails inspect(boolean size);

  /** Starts it ({@code docker start}); starting a running container does nothing. */
  void start();

  /** Stops it, killing it after the container's stop timeout ({@code docker stop}). */
  void stop();

  /**
   * Stops it: the stop signal, then after {@code timeout} a kill ({@code docker stop -t}). Stopping
   * a stopped container does nothing.
   */
  void stop(Duration timeout);

  /** Restarts it, killing it after the container's stop timeout ({@code docker restart}). */
  void restart();

  /** Restarts it, killing it after {@code timeout} ({@code docker restart -t}). */
  void restart(Duration timeout);

  /** Sends SIGKILL ({@code docker kill}). */
  void kill();

  /** Sends {@code signal}, such as {@code KILL}, {@code SIGHUP} or {@code 9} ({@code docker kill -s}). */
  void kill(String signal);

  /** Freezes its processes ({@code docker pause}). */
  void pause();

  /** Thaws its processes ({@code docker unpause}). */
  void unpause();

  /** Renames it ({@code docker rename}). */
  void rename(String newName);

  /** Changes its resources or restart policy while it exists ({@code docker update}). */
  void update(ContainerUpdate update);

  /** Waits until it is not running and returns its exit code ({@code docker wait}). */
  WaitResult waitFor();

  /** Waits for {@code condition} and returns the exit code. */
  WaitResult waitFor(WaitCondition condition);

  /**
   * Waits for {@code condition} at most {@code timeout} and returns the exit code.
   *
   * @throws dev.berth.DockerTimeoutException if it does not happen in time; the wait is given up
   *     (the container goes on as it was)
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  WaitResult waitFor(WaitCondition condition, Duration timeout);

  /**
   * Starts waiting for {@code condition} and returns once the engine has taken the wait in, so
   * that a {@link #start()} right after it cannot be missed, as {@code docker run} waits before it
   * starts. The future completes with the exit code, or exceptionally with a {@link
   * dev.berth.DockerException}; cancelling it gives the wait up.
   *
   * <pre>{@code
   * CompletableFuture<WaitResult> exit = container.waitForAsync(WaitCondition.NEXT_EXIT);
   * container.start();
   * int code = exit.get(30, TimeUnit.SECONDS).exitCode();
   * }</pre>
   */
  java.util.concurrent.CompletableFuture<WaitResult> waitForAsync(WaitCondition condition);

  /** Its output so far or as it comes ({@code docker logs}). */
  LogRequest logs();

  /** Its live streams ({@code docker attach}). */
  AttachRequest attach();

  /** A command to run in it ({@code docker exec}). */
  ExecRequest exec(String... command);

  /** Its processes, with {@code ps} options such as {@code -o pid,comm} ({@code docker top}). */
  ProcessList top(String... psArguments);

  /** What changed in its filesystem against the image ({@code docker diff}). */
  List<FileChange> diff();

  /** Its published ports while it runs ({@code docker port}). */
  List<PortMapping> ports();

  /** The host addresses of one published container port ({@code docker port web 5000}). */
  List<PortMapping> port(int containerPort);

  /** One reading of its resource use ({@code docker stats --no-stream}). */
  ContainerStats stats();

  /** Its resource use as it goes, a reading a second ({@code docker stats}). */
  StatsStream statsStream();

  /**
   * Its filesystem as a tar stream ({@code docker export}); the caller closes it. It streams in
   * constant memory whatever the size. If the stream breaks off, its {@code read} throws {@link
   * dev.berth.StreamCutIOException} rather than ending early, so a cut export never passes for a
   * whole tar.
   */
  InputStream export();

  /**
   * Copies a host file or directory into the container, as {@code docker cp SRC CONTAINER:DEST}:
   * into {@code destination} if it is a directory; under the name {@code destination} if it does
   * not exist (its parent must); over it if both are files. A source ending in {@code /.} copies a
   * directory's contents. Streams in constant memory.
   *
   * @throws IllegalArgumentException if the source is missing, {@code destination} ends in
   *     {@code /} and does not exist, or a directory would replace a file
   */
  void copyIn(Path source, String destination);

  /**
   * Copies a file or directory out of the container, as {@code docker cp CONTAINER:SRC DEST}: into
   * {@code destination} if it is a directory; under the name {@code destination} if it does not
   * exist (its parent must). Symbolic links are created with their targets as they are, even
   * absolute ones or ones leading out (as {@code /etc/mtab -> /proc/mounts}); entries that would
   * land outside the destination, by their name, a hard link or a path through such a link, are
   * refused and nothing is written for them or after them. Devices, FIFOs and other special files
   * (and hard links to them) are never created on the host: they are left out, the rest is
   * copied, and the returned list says what was left out.
   *
   * <pre>{@code
   * for (SkippedEntry s : container.copyOut("/srv", target)) {
   *   log.warn("not copied: {}", s);   // e.g. "srv/run/ctl (a FIFO)"
   * }
   * }</pre>
   *
   * @return the entries left out, in archive order; empty when everything was copied
   * @throws dev.berth.NotFoundException if {@code source} does not exist in the container
   * @throws java.io.UncheckedIOException if an entry was refused, with a message that quotes the
   *     entry and says why ({@code refusing tar entry '../x': it would escape the target directory
   *     … (its name climbs above it with '..')}), or if the archive is malformed or writing fails;
   *     what was extracted before the failure stays, nothing is written outside the destination
   */
  List<SkippedEntry> copyOut(String source, Path destination);

  /**
   * Extracts a tar stream into {@code directory} in the container ({@code PUT …/archive}); the
   * stream is read to its end, not closed.
   */
  void putArchive(String directory, InputStream tar);

  /**
   * A tar stream of {@code path} in the container, its top entry named for the path's base name
   * ({@code GET …/archive}); the caller closes it. A stream that breaks off throws {@link
   * dev.berth.StreamCutIOException} from {@code read}.
   */
  InputStream getArchive(String path);

  /**
   * What {@code path} in the container is ({@code HEAD …/archive}).
   *
   * @throws dev.berth.NotFoundException if it does not exist
   */
  PathStat stat(String path);

  /** An image from its current state ({@code docker commit}); returns the image's id. */
  String commit(CommitOptions options);

  /** Removes it, as {@code docker rm}. */
  void remove(RemoveOptions options);

  /** Removes it, as {@code docker rm} without flags. */
  default void remove() {
    remove(RemoveOptions.defaults());
  }
}
