package dev.berth.swarm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to make a new swarm ({@code docker swarm init}). Immutable; each method returns a new one.
 *
 * <pre>{@code
 * SwarmInit.advertising("127.0.0.1").taskHistoryLimit(2).autolock(false);
 * }</pre>
 */
public final class SwarmInit {
  private final String advertiseAddr;
  private final String listenAddr;
  private final String dataPathAddr;
  private final boolean forceNewCluster;
  private final boolean autolock;
  private final Long taskHistoryLimit;
  private final Map<String, String> labels;

  private SwarmInit(String advertiseAddr, String listenAddr, String dataPathAddr,
      boolean forceNewCluster, boolean autolock, Long taskHistoryLimit,
      Map<String, String> labels) {
    this.advertiseAddr = advertiseAddr;
    this.listenAddr = listenAddr;
    this.dataPathAddr = dataPathAddr;
    this.forceNewCluster = forceNewCluster;
    this.autolock = autolock;
    this.taskHistoryLimit = taskHistoryLimit;
    this.labels = labels;
  }

  /**
   * A swarm whose manager other nodes reach at {@code address} ({@code --advertise-addr}): an IP,
   * an interface name, or {@code ip:port}.
   *
   * @throws IllegalArgumentException if {@code address} is empty
   */
  public static SwarmInit advertising(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("advertise address \"" + address
          + "\" is not valid: expected an IP, an interface name or ip:port");
    }
    return new SwarmInit(address, "0.0.0.0:2377", null, false, false, null, Map.of());
  }

  /** With the address the manager listens on ({@code --listen-addr}, default {@code 0.0.0.0:2377}). */
  public SwarmInit listenAddr(String address) {
    return new SwarmInit(advertiseAddr, Objects.requireNonNull(address, "listenAddr"),
        dataPathAddr, forceNewCluster, autolock, taskHistoryLimit, labels);
  }

  /** With the address for data traffic between nodes ({@code --data-path-addr}). */
  public SwarmInit dataPathAddr(String address) {
    return new SwarmInit(advertiseAddr, listenAddr, address, forceNewCluster, autolock,
        taskHistoryLimit, labels);
  }

  /** Forcing a new swarm from this node's state ({@code --force-new-cluster}). */
  public SwarmInit forceNewCluster(boolean force) {
    return new SwarmInit(advertiseAddr, listenAddr, dataPathAddr, force, autolock,
        taskHistoryLimit, labels);
  }

  /** With managers locking their keys at rest ({@code --autolock}). */
  public SwarmInit autolock(boolean autolock) {
    return new SwarmInit(advertiseAddr, listenAddr, dataPathAddr, forceNewCluster, autolock,
        taskHistoryLimit, labels);
  }

  /**
   * Keeping {@code n} old tasks per slot ({@code --task-history-limit}).
   *
   * @throws IllegalArgumentException if negative
   */
  public SwarmInit taskHistoryLimit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("--task-history-limit " + n
          + " is not valid: expected 0 or more");
    }
    return new SwarmInit(advertiseAddr, listenAddr, dataPathAddr, forceNewCluster, autolock, n,
        labels);
  }

  /** With a label on the swarm. */
  public SwarmInit label(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(labels);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
    return new SwarmInit(advertiseAddr, listenAddr, dataPathAddr, forceNewCluster, autolock,
        taskHistoryLimit, Collections.unmodifiableMap(copy));
  }

  /** The advertised address. */
  public String advertiseAddr() {
    return advertiseAddr;
  }

  /** The listen address. */
  public String listenAddr() {
    return listenAddr;
  }

  /** The data path address, or null. */
  public String dataPathAddr() {
    return dataPathAddr;
  }

  /** Whether a new swarm is forced. */
  public boolean forceNewCluster() {
    return forceNewCluster;
  }

  /** Whether managers autolock. */
  public boolean autolock() {
    return autolock;
  }

  /** Old tasks kept per slot, or null for the default (5). */
  public Long taskHistoryLimit() {
    return taskHistoryLimit;
  }

  /** The swarm's labels. */
  public Map<String, String> labels() {
    return labels;
  }
}
