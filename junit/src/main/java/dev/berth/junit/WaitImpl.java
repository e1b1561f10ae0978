package dev.berth.junit;

/** The waits without options of their own (port, health, exec, all): core's wait, wrapped. */
final class WaitImpl implements Wait {
  private final dev.berth.wait.Wait core;

  WaitImpl(dev.berth.wait.Wait core) {
    this.core = core;
  }

  /** The core wait that {@code wait} stands for, which a {@link dev.berth.wait.Waiter} runs. */
  static dev.berth.wait.Wait core(Wait wait) {
    if (wait instanceof Wait.LogLine l) {
      return l.core;
    }
    if (wait instanceof Wait.Http h) {
      return h.core;
    }
    return ((WaitImpl) wait).core;
  }

  @Override
  public String toString() {
    return core.toString();
  }
}
