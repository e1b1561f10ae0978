package dev.berth.junit;

/** Starts the check of any {@link Wait}. */
final class Waits {
  private Waits() {}

  static WaitCheck check(Wait wait, ContainerFixture target) {
    if (wait instanceof Wait.LogLine l) {
      return l.check(target);
    }
    if (wait instanceof Wait.Http h) {
      return h.check(target);
    }
    return ((WaitImpl) wait).check(target);
  }
}
