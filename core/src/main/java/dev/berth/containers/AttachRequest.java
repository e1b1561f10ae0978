package dev.berth.containers;

/**
 * What {@code docker attach} connects to. Immutable: each method returns a new request. By
 * default stdout and stderr, live output only.
 *
 * <pre>{@code
 * try (Attachment a = web.attach().stdin().open()) { … }
 * }</pre>
 */
public interface AttachRequest {
  /** Also connects stdin (the container must have been created with {@code -i}). */
  AttachRequest stdin();

  /** Replays the output so far before the live output. */
  AttachRequest logs();

  /**
   * The keys that detach from a TTY instead of {@code ctrl-p,ctrl-q}, as {@code
   * --detach-keys} takes them.
   */
  AttachRequest detachKeys(String keys);

  /** Connects; the caller closes the attachment, which detaches. */
  Attachment open();
}
