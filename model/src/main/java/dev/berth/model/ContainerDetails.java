package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container as {@code docker inspect} shows it ({@code GET /containers/{id}/json}): the common
 * facts typed, the rest in {@link #raw()}.
 *
 * <pre>{@code
 * ContainerDetails d = container.inspect();
 * d.name();              // web
 * d.state().running();   // true
 * d.raw().get("HostConfig");
 * }</pre>
 *
 * @param id the full id
 * @param name the name, without the leading {@code /} the engine writes
 * @param created when it was created
 * @param image the image as given at create time ({@code Config.Image})
 * @param imageId the image's id
 * @param command the entrypoint and command as the engine runs them ({@code Path} + {@code Args})
 * @param state the run state
 * @param restartCount how often the engine restarted it
 * @param labels the labels
 * @param env the environment, each {@code NAME=VALUE}
 * @param raw the whole JSON answer, unmodifiable
 */
public record ContainerDetails(
    String id,
    String name,
    Instant created,
    String image,
    String imageId,
    List<String> command,
    State state,
    int restartCount,
    Map<String, String> labels,
    List<String> env,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable. */
  public ContainerDetails {
    command = List.copyOf(command);
    env = List.copyOf(env);
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /**
   * The run state ({@code State} in the inspect answer).
   *
   * @param status {@code created}, {@code running}, {@code paused}, {@code restarting},
   *     {@code removing}, {@code exited} or {@code dead}
   * @param running whether it runs (also while paused)
   * @param paused whether it is paused
   * @param exitCode the last exit code (0 before the first exit)
   * @param pid the main process's id on the host, 0 when not running
   * @param error the engine's error text from the last start, empty when none
   * @param startedAt when it last started, or null if never
   * @param finishedAt when it last stopped, or null if never
   */
  public record State(
      String status,
      boolean running,
      boolean paused,
      int exitCode,
      long pid,
      String error,
      Instant startedAt,
      Instant finishedAt) {}
}
