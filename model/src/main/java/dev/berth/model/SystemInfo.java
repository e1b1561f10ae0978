package dev.berth.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Facts about the engine and its host, as {@code docker info} shows them ({@code GET /info}).
 *
 * <pre>{@code
 * SystemInfo info = docker.system().info();
 * info.containersRunning();  // 3
 * info.raw().get("Swarm");   // any field not typed here
 * }</pre>
 *
 * <p>Text the engine did not send is null; counts it did not send are 0.
 *
 * @param id the engine's unique id
 * @param name the host name
 * @param serverVersion the engine's release, for example {@code 20.10.24}
 * @param operatingSystem the host's operating system, for example {@code Debian GNU/Linux 12}
 * @param osType {@code linux} or {@code windows}
 * @param architecture the host's architecture, for example {@code x86_64}
 * @param kernelVersion the host's kernel
 * @param cpus the number of CPUs the engine sees
 * @param memoryBytes the memory the engine sees, in bytes
 * @param containers how many containers exist
 * @param containersRunning how many are running
 * @param containersPaused how many are paused
 * @param containersStopped how many are stopped
 * @param images how many images exist
 * @param storageDriver the storage driver, for example {@code overlay2}
 * @param dockerRootDir the engine's data directory
 * @param cgroupDriver {@code cgroupfs}, {@code systemd} or {@code none}
 * @param cgroupVersion {@code 1} or {@code 2}
 * @param labels the engine's labels, each {@code key=value}
 * @param raw the whole JSON answer, objects as maps and arrays as lists, unmodifiable
 */
public record SystemInfo(
    String id,
    String name,
    String serverVersion,
    String operatingSystem,
    String osType,
    String architecture,
    String kernelVersion,
    int cpus,
    long memoryBytes,
    int containers,
    int containersRunning,
    int containersPaused,
    int containersStopped,
    int images,
    String storageDriver,
    String dockerRootDir,
    String cgroupDriver,
    String cgroupVersion,
    List<String> labels,
    Map<String, Object> raw) {

  /** Makes {@code labels} and {@code raw} unmodifiable. */
  public SystemInfo {
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    raw = Collections.unmodifiableMap(Objects.requireNonNull(raw, "raw"));
  }
}
