package dev.berth.wait;

/** One run of a {@link Wait}, for one {@link Waiter#await} of one container. */
interface Check {
  /**
   * Whether the container is ready now. A {@link WaitException} ends the wait at once; any other
   * exception counts as not yet, and is the timeout's last error.
   */
  boolean ready() throws Exception;

  /** What has been seen so far, for the timeout's message; empty when nothing to say. */
  default String progress() {
    return "";
  }

  /** The check of any wait, its listeners registered with {@code target}. */
  static Check of(Wait wait, Target target) {
    if (wait instanceof Wait.LogLine l) {
      return l.check(target);
    }
    if (wait instanceof Wait.Http h) {
      return h.check(target);
    }
    return ((WaitImpl) wait).check(target);
  }
}
