package dev.berth.containers;

import dev.berth.model.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@code docker commit} makes an image of a container: its name, message, author, Dockerfile
 * changes and whether the container is paused meanwhile. Immutable.
 *
 * <pre>{@code
 * String id = web.commit(CommitOptions.as("ouruser/sinatra:v2")
 *     .message("Added json gem").author("Kate Smith").change("CMD [\"app\"]"));
 * }</pre>
 */
public final class CommitOptions {
  private final ImageRef image;
  private final String message;
  private final String author;
  private final List<String> changes;
  private final boolean pause;

  private CommitOptions(ImageRef image, String message, String author, List<String> changes,
      boolean pause) {
    this.image = image;
    this.message = message;
    this.author = author;
    this.changes = changes;
    this.pause = pause;
  }

  /** An image named {@code repo:tag}; the container is paused while committing. */
  public static CommitOptions as(String image) {
    return as(ImageRef.parse(image));
  }

  /** An image named {@code image}. */
  public static CommitOptions as(ImageRef image) {
    return new CommitOptions(Objects.requireNonNull(image, "image"), null, null, List.of(), true);
  }

  /** An image without a name (only its id). */
  public static CommitOptions unnamed() {
    return new CommitOptions(null, null, null, List.of(), true);
  }

  /** With a commit message ({@code -m}). */
  public CommitOptions message(String message) {
    return new CommitOptions(image, message, author, changes, pause);
  }

  /** With an author ({@code -a}). */
  public CommitOptions author(String author) {
    return new CommitOptions(image, message, author, changes, pause);
  }

  /** With one more Dockerfile instruction such as {@code CMD ["app"]} ({@code -c}). */
  public CommitOptions change(String instruction) {
    List<String> copy = new ArrayList<>(changes);
    copy.add(Objects.requireNonNull(instruction, "instruction"));
    return new CommitOptions(image, message, author, List.copyOf(copy), pause);
  }

  /** Whether the container is paused while committing ({@code --pause}, on by default). */
  public CommitOptions pause(boolean pause) {
    return new CommitOptions(image, message, author, changes, pause);
  }

  /** The image name, or null for none. */
  public ImageRef image() {
    return image;
  }

  /** The message, or null. */
  public String message() {
    return message;
  }

  /** The author, or null. */
  public String author() {
    return author;
  }

  /** The Dockerfile instructions. */
  public List<String> changes() {
    return changes;
  }

  /** Whether the container is paused while committing. */
  public boolean isPause() {
    return pause;
  }
}
