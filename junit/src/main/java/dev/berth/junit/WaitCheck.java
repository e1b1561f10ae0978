package dev.berth.junit;

/** One run of a {@link Wait}, for one start of one fixture. */
interface WaitCheck {
  /** Whether the container is ready now; an exception counts as not yet. */
  boolean ready() throws Exception;

  /** What has been seen so far, for the timeout's message; empty when nothing to say. */
  default String progress() {
    return "";
  }
}
