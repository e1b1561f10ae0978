package dev.berth.images;

import dev.berth.model.Progress;
import dev.berth.model.RegistryCredentials;
import java.util.function.Consumer;

/**
 * A pull or push to set up, then run with {@link #call()}. Immutable: each method returns a new
 * transfer. Credentials come from {@code config.json} and credential helpers unless given.
 *
 * <pre>{@code
 * PullProgress overall = new PullProgress();
 * docker.images().pull("127.0.0.1:5000/app:1")
 *     .progress(p -> { overall.add(p); bar.set(overall.fraction()); })
 *     .call();
 * }</pre>
 */
public interface Transfer {
  /** Every tag of the repository, as {@code docker pull -a} (pull only). */
  Transfer allTags();

  /** The platform to pull, such as {@code linux/arm64} (pull only). */
  Transfer platform(String platform);

  /** These credentials instead of the configured ones. */
  Transfer credentials(RegistryCredentials credentials);

  /** Called with each progress message as it arrives, on the calling thread. */
  Transfer progress(Consumer<Progress> listener);

  /**
   * Runs it to its end; returns the last status line (such as {@code Status: Downloaded newer
   * image for …} or a push's {@code …: digest: sha256:… size: …}).
   *
   * @throws dev.berth.DockerException with the engine's message when the stream reports an error
   *     (a missing tag, no basic auth credentials)
   */
  String call();
}
