package dev.berth.transport;

import dev.berth.transport.internal.tls.PemFiles;
import dev.berth.transport.internal.tls.PemSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS server on 127.0.0.1 for one connection, made with the JDK's own key and trust managers
 * from PEM files read by {@link PemFiles}. It requires a client certificate from the given CA,
 * then answers each line with the same line, or, to a request starting {@code GET}, with an HTTP
 * response saying {@code ok}.
 */
final class TlsTestServer implements AutoCloseable {
  private final SSLServerSocket socket;
  private final CompletableFuture<String> clientSubject = new CompletableFuture<>();

  private TlsTestServer(SSLServerSocket socket) {
    this.socket = socket;
    Thread thread = new Thread(this::serve, "tls-test-server-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** A server presenting {@code cert} and {@code key}, trusting clients of {@code clientCa}. */
  static TlsTestServer start(Path cert, Path key, Path clientCa, String... protocols)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> chain = PemFiles.readCertificates(PemSource.argument("cert", cert));
    PrivateKey privateKey = PemFiles.readPrivateKey(PemSource.argument("key", key), null);
    char[] storePassword = "test".toCharArray();
    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    identity.setKeyEntry("server", privateKey, storePassword,
        chain.toArray(new X509Certificate[0]));
    KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
    keys.init(identity, storePassword);

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    List<X509Certificate> authorities =
        PemFiles.readCertificates(PemSource.argument("ca", clientCa));
    for (int i = 0; i < authorities.size(); i++) {
      trusted.setCertificateEntry("ca-" + i, authorities.get(i));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(trusted);

    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(true);
    socket.setEnabledProtocols(protocols.length == 0
        ? new String[] {"TLSv1.3", "TLSv1.2"} : protocols);
    return new TlsTestServer(socket);
  }

  int port() {
    return socket.getLocalPort();
  }

  /**
   * The subject of the client certificate the server accepted; fails with the server's own error
   * when the handshake failed on its side.
   */
  String clientSubject() throws InterruptedException, ExecutionException, TimeoutException {
    return clientSubject.get(20, TimeUnit.SECONDS);
  }

  private void serve() {
    try (SSLSocket client = (SSLSocket) socket.accept()) {
      client.setSoTimeout(10_000);
      client.startHandshake();
      String subject = ((X509Certificate) client.getSession().getPeerCertificates()[0])
          .getSubjectX500Principal().getName();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = client.getOutputStream();
      String line = in.readLine();
      if (line != null && line.startsWith("GET ")) {
        while (line != null && !line.isEmpty()) {
          line = in.readLine();
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            .getBytes(StandardCharsets.US_ASCII));
      } else if (line != null) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
      clientSubject.complete(subject);
    } catch (IOException | RuntimeException e) {
      clientSubject.completeExceptionally(e);
    }
  }

  /**
   * Connects to {@code port} with a socket of {@code tls}, writes a line and returns the echo and
   * the protocol used, as {@code "line over TLSv1.3"}.
   */
  static String exchange(TlsConfig tls, int port, String line) throws IOException {
    SSLSocketFactory factory = tls.sslContext().getSocketFactory();
    try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      return in.readLine() + " over " + socket.getSession().getProtocol();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
