package dev.berth.junit;

import dev.berth.DockerClient;
import dev.berth.NotFoundException;
import dev.berth.junit.internal.Session;
import dev.berth.model.NetworkDetails;
import dev.berth.networks.NetworkSpec;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A user-defined bridge network for fixtures to reach each other by alias, made when started and
 * removed when stopped (after the containers on it). Its name is {@code berth-} followed by
 * random hex unless one is given.
 *
 * <pre>{@code
 * @Fixture static NetworkFixture net = NetworkFixture.create();
 * @Fixture static ContainerFixture namesrv = ContainerFixture.run("docker run -d rocketmq namesrv")
 *     .withNetwork(net, "namesrv");
 * }</pre>
 */
public final class NetworkFixture implements AutoCloseable {
  private final String name;
  private DockerClient client;
  private NetworkDetails details;

  private NetworkFixture(String name) {
    this.name = name;
  }

  /** A network with a fresh random name. */
  public static NetworkFixture create() {
    byte[] random = new byte[5];
    new SecureRandom().nextBytes(random);
    return new NetworkFixture("berth-" + HexFormat.of().formatHex(random));
  }

  /**
   * A network named {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid network name (letters,
   *     digits, {@code _ . -}, starting with a letter or digit)
   */
  public static NetworkFixture named(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("network name \"" + name + "\" is not valid: expected"
          + " letters, digits, _ . - starting with a letter or digit");
    }
    return new NetworkFixture(name);
  }

  /** Its name, which containers use to join it. */
  public String name() {
    return name;
  }

  /** Its id once started. */
  public synchronized String id() {
    requireStarted();
    return details.id();
  }

  /** Whether it exists now (started and not yet stopped). */
  public synchronized boolean isStarted() {
    return details != null;
  }

  /** Creates it, labelled with the test session; does nothing if it is already started. */
  public synchronized void start() {
    if (details != null) {
      return;
    }
    Session session = Session.get();
    client = session.client();
    NetworkSpec spec = NetworkSpec.named(name);
    for (Map.Entry<String, String> l : session.labels().entrySet()) {
      spec = spec.label(l.getKey(), l.getValue());
    }
    try {
      details = client.networks().create(spec);
    } catch (RuntimeException e) {
      throw new FixtureException("network fixture " + name + " could not be created: "
          + e.getMessage(), e);
    }
  }

  /** Removes it; does nothing if it is not started. */
  public synchronized void stop() {
    if (details == null) {
      return;
    }
    try {
      client.networks().remove(details.id());
    } catch (NotFoundException gone) {
      // removed by someone else: the end we wanted
    } finally {
      details = null;
    }
  }

  /** {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void requireStarted() {
    if (details == null) {
      throw new IllegalStateException("network fixture " + name + " is not started");
    }
  }

  @Override
  public String toString() {
    return "NetworkFixture{" + name + "}";
  }
}
