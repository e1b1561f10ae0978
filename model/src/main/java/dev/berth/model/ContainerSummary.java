package dev.berth.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code docker ps}: a container as the list endpoint describes it ({@code GET
 * /containers/json}).
 *
 * <pre>{@code
 * for (ContainerSummary c : docker.containers().list(ListOptions.all())) {
 *   System.out.println(c.shortId() + " " + c.name() + " " + c.status());
 * }
 * }</pre>
 *
 * @param id the full id
 * @param names the names, without the leading {@code /} the engine writes
 * @param image the image as given at create time
 * @param imageId the image's id
 * @param command the command line, as {@code docker ps} shows it
 * @param created when it was created
 * @param state {@code created}, {@code running}, {@code paused}, {@code restarting},
 *     {@code removing}, {@code exited} or {@code dead}
 * @param status the human-readable status, such as {@code Up 2 minutes}
 * @param labels the labels
 * @param raw the whole JSON row, unmodifiable
 */
public record ContainerSummary(
    String id,
    List<String> names,
    String image,
    String imageId,
    String command,
    Instant created,
    String state,
    String status,
    Map<String, String> labels,
    Map<String, Object> raw) {

  /** Makes the lists and maps unmodifiable. */
  public ContainerSummary {
    names = List.copyOf(names);
    labels = Collections.unmodifiableMap(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }

  /** The first name, or null when it has none. */
  public String name() {
    return names.isEmpty() ? null : names.get(0);
  }

  /** The first 12 characters of the id, as {@code docker ps} shows it. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
