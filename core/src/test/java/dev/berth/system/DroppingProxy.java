package dev.berth.system;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Unix-socket proxy in front of the engine whose connections a test can cut at will, to show
 * that a stream survives a dropped connection.
 */
final class DroppingProxy implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Path target;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  DroppingProxy(Path socket, Path target) throws IOException {
    this.target = target;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread acceptor = new Thread(this::acceptLoop, "dropping-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
        open.add(client);
        open.add(engine);
        pump(client, engine);
        pump(engine, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(SocketChannel from, SocketChannel to) {
    Thread t = new Thread(() -> {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      try {
        while (from.read(buffer) >= 0) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            to.write(buffer);
          }
          buffer.clear();
        }
        to.shutdownOutput();
      } catch (IOException e) {
        // dropped
      }
    }, "dropping-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Cuts every connection open now; new ones are still accepted. */
  void dropAll() throws IOException {
    for (SocketChannel c : open) {
      c.close();
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropAll();
  }
}
