package dev.berth.swarm;

import java.util.Objects;

/**
 * How to join an existing swarm ({@code docker swarm join --token … host:port}). Immutable.
 *
 * <pre>{@code
 * SwarmJoin.to("10.0.0.1:2377", workerToken).advertiseAddr("10.0.0.2");
 * }</pre>
 */
public final class SwarmJoin {
  private final String remoteAddr;
  private final String token;
  private final String advertiseAddr;
  private final String listenAddr;
  private final String dataPathAddr;

  private SwarmJoin(String remoteAddr, String token, String advertiseAddr, String listenAddr,
      String dataPathAddr) {
    this.remoteAddr = remoteAddr;
    this.token = token;
    this.advertiseAddr = advertiseAddr;
    this.listenAddr = listenAddr;
    this.dataPathAddr = dataPathAddr;
  }

  /**
   * Joins the swarm whose manager listens at {@code managerAddr} ({@code host:port}) with a
   * worker or manager {@code token}.
   *
   * @throws IllegalArgumentException if either is empty, or the token does not start with {@code
   *     SWMTKN-}
   */
  public static SwarmJoin to(String managerAddr, String token) {
    if (managerAddr == null || managerAddr.isBlank()) {
      throw new IllegalArgumentException("manager address \"" + managerAddr
          + "\" is not valid: expected host:port such as 10.0.0.1:2377");
    }
    if (token == null || !token.startsWith("SWMTKN-")) {
      throw new IllegalArgumentException("join token is not valid: expected the SWMTKN-… token"
          + " that 'docker swarm join-token' or SwarmDetails gives");
    }
    return new SwarmJoin(managerAddr, token, null, "0.0.0.0:2377", null);
  }

  /** With the address other nodes reach this one at ({@code --advertise-addr}). */
  public SwarmJoin advertiseAddr(String address) {
    return new SwarmJoin(remoteAddr, token, address, listenAddr, dataPathAddr);
  }

  /** With the address to listen on ({@code --listen-addr}). */
  public SwarmJoin listenAddr(String address) {
    return new SwarmJoin(remoteAddr, token, advertiseAddr,
        Objects.requireNonNull(address, "listenAddr"), dataPathAddr);
  }

  /** With the address for data traffic ({@code --data-path-addr}). */
  public SwarmJoin dataPathAddr(String address) {
    return new SwarmJoin(remoteAddr, token, advertiseAddr, listenAddr, address);
  }

  /** The manager's address. */
  public String remoteAddr() {
    return remoteAddr;
  }

  /** The join token. */
  public String token() {
    return token;
  }

  /** The advertised address, or null. */
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

  @Override
  public String toString() {
    return "SwarmJoin{" + remoteAddr + ", token=…}";
  }
}
