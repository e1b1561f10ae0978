package dev.berth.images;

import dev.berth.DockerException;

/** A build step failed. The message names the step and the engine's error. */
public class BuildException extends DockerException {
  private static final long serialVersionUID = 1L;

  private final String step;
  private final String output;

  /** A failure of {@code step} with the engine's {@code error}, after {@code output}. */
  public BuildException(String step, String error, String output) {
    super("build failed at " + (step == null ? "the start" : "\"" + step + "\"") + ": " + error);
    this.step = step;
    this.output = output;
  }

  /** The step that failed, such as {@code Step 2/3 : RUN exit 1}, or null before any step. */
  public String step() {
    return step;
  }

  /** Everything the build printed up to the failure. */
  public String output() {
    return output;
  }
}
