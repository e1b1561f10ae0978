package dev.berth.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain TCP server on 127.0.0.1 that speaks no TLS: it records the first bytes of every
 * connection and answers each with a plain HTTP 200, as a Docker engine listening without TLS
 * would. A client that should speak TLS must send it a TLS handshake record, never a request line.
 */
final class PlainRecorder implements AutoCloseable {
  private final ServerSocket server;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();

  PlainRecorder() throws IOException {
    server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "plain-recorder-" + server.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** What each connection sent first, in order of connection. */
  List<byte[]> received() {
    return received;
  }

  /** What all connections sent, as ISO-8859-1 text. */
  String receivedText() {
    StringBuilder text = new StringBuilder();
    for (byte[] bytes : received) {
      text.append(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    return text.toString();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(2_000);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[4096];
        try {
          // a ClientHello arrives whole in one or two reads; a request line would too
          int n = in.read(buffer);
          if (n > 0) {
            first.write(buffer, 0, n);
          }
        } catch (SocketTimeoutException e) {
          // nothing sent
        }
        received.add(first.toByteArray());
        client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\nOK").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
