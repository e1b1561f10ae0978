package dev.berth.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Unix-socket proxy in front of the engine that counts the connections clients open through it
 * (and how many are open at once). Each connection is forwarded to the engine's socket by two
 * threads, one per direction.
 */
final class CountingProxy implements AutoCloseable {
  private final Path path;
  private final Path engine;
  private final ServerSocketChannel server;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final Thread acceptor;

  CountingProxy(Path path, Path engine) throws IOException {
    this.path = path;
    this.engine = engine;
    Files.deleteIfExists(path);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    acceptor = new Thread(this::accept, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Path path() {
    return path;
  }

  /** Resets the counters; returns {@code [opened, max open at once]} since the last reset. */
  int[] reset() {
    int[] counts = {opened.getAndSet(0), maxOpen.getAndSet(open.get())};
    return counts;
  }

  private void accept() {
    while (server.isOpen()) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      opened.incrementAndGet();
      maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      try {
        SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
        AtomicInteger halves = new AtomicInteger(2);
        Runnable done = () -> {
          if (halves.decrementAndGet() == 0) {
            open.decrementAndGet();
            closeQuietly(client);
            closeQuietly(upstream);
          }
        };
        pump(client, upstream, done);
        pump(upstream, client, done);
      } catch (IOException e) {
        open.decrementAndGet();
        closeQuietly(client);
      }
    }
  }

  private static void pump(SocketChannel from, SocketChannel to, Runnable done) {
    Thread t = new Thread(() -> {
      ByteBuffer b = ByteBuffer.allocateDirect(64 * 1024);
      try {
        while (from.read(b) >= 0) {
          b.flip();
          while (b.hasRemaining()) {
            to.write(b);
          }
          b.clear();
        }
        to.shutdownOutput();
      } catch (IOException e) {
        closeQuietly(from);
        closeQuietly(to);
      } finally {
        done.run();
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(path);
  }
}
