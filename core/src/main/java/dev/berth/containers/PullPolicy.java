package dev.berth.containers;

/** When {@code run} pulls the image ({@code docker run --pull}). */
public enum PullPolicy {
  /** Only when the engine lacks it. The default. */
  MISSING,
  /** Every time, to pick up a newer image under the same tag. */
  ALWAYS,
  /** Never: a missing image is an error. */
  NEVER
}
