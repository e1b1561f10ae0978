package dev.berth.containers;

/** What {@code docker wait} waits for. */
public enum WaitCondition {
  /** The container is not running (returns at once if it is not). The default. */
  NOT_RUNNING("not-running"),
  /** The container's next exit, even if it is not running now. */
  NEXT_EXIT("next-exit"),
  /** The container is removed. */
  REMOVED("removed");

  private final String text;

  WaitCondition(String text) {
    this.text = text;
  }

  /** The engine's word for it. */
  public String text() {
    return text;
  }
}
