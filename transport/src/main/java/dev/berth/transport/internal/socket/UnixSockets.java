package dev.berth.transport.internal.socket;

import dev.berth.transport.Endpoint;
import java.io.File;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import org.newsclub.net.unix.AFSocketFactory;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Sockets to a Unix socket file: the JDK's own {@link UnixChannelSocket} unless the system property
 * {@value #PROPERTY} says {@code junixsocket}. The sockets come unconnected and connect to the file
 * whatever address they are given.
 */
public final class UnixSockets {
  /**
   * The system property choosing how {@code unix://} endpoints are reached: {@code jdk} (the
   * default: the JDK's own Unix-domain {@code SocketChannel}) or {@code junixsocket}.
   */
  static final String PROPERTY = "dev.berth.unixSockets";

  private UnixSockets() {}

  /** A factory of unconnected sockets to the socket file of {@code endpoint}. */
  public static SocketFactory factory(Endpoint endpoint) {
    String choice = System.getProperty(PROPERTY, "jdk");
    switch (choice) {
      case "jdk":
        Path path;
        try {
          path = Path.of(endpoint.path());
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException("Unix socket path \"" + endpoint.path()
              + "\" cannot be used: " + e.getMessage(), e);
        }
        return new OneKindSocketFactory(new ChannelSockets(path));
      case "junixsocket":
        return Junixsocket.socketFactory(endpoint);
      default:
        throw new IllegalArgumentException("system property " + PROPERTY + "=\""
            + choice + "\": expected jdk or junixsocket");
    }
  }

  /** The JDK's; a class, not a lambda, whose bootstrap would be the first of the process. */
  private static final class ChannelSockets implements Supplier<Socket> {
    private final Path path;

    ChannelSockets(Path path) {
      this.path = path;
    }

    @Override
    public Socket get() {
      return new UnixChannelSocket(path);
    }
  }

  /** junixsocket's sockets; apart, so its classes load only when it is chosen. */
  private static final class Junixsocket {
    static SocketFactory socketFactory(Endpoint endpoint) {
      try {
        return new AFSocketFactory.FixedAddressSocketFactory(
            AFUNIXSocketAddress.of(new File(endpoint.path())));
      } catch (SocketException e) {
        throw new IllegalArgumentException("Unix socket path \"" + endpoint.path()
            + "\" cannot be used: " + e.getMessage(), e);
      }
    }
  }
}
