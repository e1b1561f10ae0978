package dev.berth.transport.internal.socket;

import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * Hands OkHttp unconnected sockets of one kind; OkHttp only ever calls {@link #createSocket()}
 * and connects the socket itself.
 */
public final class OneKindSocketFactory extends SocketFactory {
  private final Supplier<Socket> sockets;

  public OneKindSocketFactory(Supplier<Socket> sockets) {
    this.sockets = sockets;
  }

  @Override
  public Socket createSocket() {
    return sockets.get();
  }

  @Override
  public Socket createSocket(String host, int port) {
    throw new UnsupportedOperationException("only unconnected sockets are made here");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
    throw new UnsupportedOperationException("only unconnected sockets are made here");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException("only unconnected sockets are made here");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
      int localPort) {
    throw new UnsupportedOperationException("only unconnected sockets are made here");
  }
}
