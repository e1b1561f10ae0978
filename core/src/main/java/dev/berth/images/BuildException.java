package dev.berth.images;

import dev.berth.DockerException;

/** A build step failed. The message names the step and the engine's error. */
public class BuildException extends DockerException {
  private static final long serialVersionUID = 1L;

  private final String step;
  private final String error;
  private final String output;

  /** A failure of {@code step} with the engine's {@code error}, after {@code output}. */
  public BuildException(String step, String error, String output) {
    super("build failed at " + (step == null ? "the start" : "\"" + step + "\"") + ": " + error);
    this.step = step;
    this.error = error;
    this.output = output;
  }

  /** The step that failed, such as {@code Step 2/3 : RUN exit 1}, or null before any step. */
  public String step() {
    return step;
  }

  /**
   * The engine's error message, such as {@code The command '/bin/sh -c exit 3' returned a non-zero
   * code: 3}.
   */
  public String error() {
    return error;
  }

  /** Everything the build printed up to the failure. */
  public String output() {
    return output;
  }
}
