package dev.berth.transport.internal.tls;

import dev.berth.transport.TlsConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An {@link SSLContext} whose every socket and engine offers only TLS 1.3 and 1.2 and, when asked,
 * checks the server's name (endpoint identification {@code HTTPS}, as browsers and Go do).
 *
 * <p>The JDK's {@code SSLContext.getInstance("TLS")} enables whatever its security properties
 * allow, which an application may have widened to TLS 1.1; and a socket from it checks no host
 * name unless its user sets it up. Setting both on each socket here keeps them true for every
 * user of the context: OkHttp (which narrows protocols further but never widens them), or a
 * plain {@code SSLSocket}. The context belongs to its creator alone; nothing is registered with
 * the JVM.
 */
public final class ClientSslContext extends SSLContext {
  /** The protocols offered, most preferred first. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private ClientSslContext(Spi spi, SSLContext base) {
    super(spi, base.getProvider(), base.getProtocol());
  }

  /**
   * A context presenting the identity of {@code keyManager} (null: none), trusting as {@code
   * trustManager} does, and checking server names if {@code verifyHostname}.
   */
  public static SSLContext create(KeyManager keyManager, X509TrustManager trustManager,
      boolean verifyHostname) {
    SSLContext base;
    try {
      base = SSLContext.getInstance("TLS");
      base.init(keyManager == null ? null : new KeyManager[] {keyManager},
          new TrustManager[] {trustManager}, new SecureRandom());
    } catch (GeneralSecurityException e) {
      throw new TlsConfigException("cannot create a TLS context: " + e.getMessage(), e);
    }
    List<String> supported = Arrays.asList(base.getSupportedSSLParameters().getProtocols());
    String[] protocols = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
    if (protocols.length == 0) {
      throw new TlsConfigException("this JDK supports neither TLS 1.3 nor TLS 1.2 (it supports "
          + supported + ")");
    }
    return new ClientSslContext(new Spi(base, protocols, verifyHostname), base);
  }

  /** Delegates to the JDK's context, configuring each socket, engine and parameter set. */
  private static final class Spi extends SSLContextSpi {
    private final SSLContext base;
    private final String[] protocols;
    private final boolean verifyHostname;
    private final SSLSocketFactory socketFactory;
    private final SSLServerSocketFactory serverSocketFactory;

    Spi(SSLContext base, String[] protocols, boolean verifyHostname) {
      this.base = base;
      this.protocols = protocols;
      this.verifyHostname = verifyHostname;
      this.socketFactory = new SocketFactory(base.getSocketFactory(), this);
      this.serverSocketFactory = new ServerSocketFactory(base.getServerSocketFactory(), this);
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      // re-initializing would replace the trust TlsConfig promised with whatever is passed
      throw new KeyManagementException("this SSLContext was set up by TlsConfig and cannot be "
          + "initialized again");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return socketFactory;
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return serverSocketFactory;
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return client(base.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return client(base.createSSLEngine(host, port));
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return base.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return base.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return client(base.getDefaultSSLParameters());
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      SSLParameters parameters = base.getSupportedSSLParameters();
      parameters.setProtocols(protocols.clone());
      return parameters;
    }

    SSLParameters client(SSLParameters parameters) {
      parameters.setProtocols(protocols.clone());
      if (verifyHostname) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
      }
      return parameters;
    }

    SSLEngine client(SSLEngine engine) {
      engine.setUseClientMode(true);
      engine.setSSLParameters(client(engine.getSSLParameters()));
      return engine;
    }

    Socket configure(Socket socket) {
      SSLSocket ssl = (SSLSocket) socket;
      SSLParameters parameters = ssl.getSSLParameters();
      if (ssl.getUseClientMode()) {
        ssl.setSSLParameters(client(parameters));
      } else {
        // the server side of a socket checks client certificates, never a host name
        parameters.setProtocols(protocols.clone());
        ssl.setSSLParameters(parameters);
      }
      return socket;
    }
  }

  /** The JDK's socket factory, each socket configured by {@link Spi#configure}. */
  private static final class SocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory base;
    private final Spi spi;

    SocketFactory(SSLSocketFactory base, Spi spi) {
      this.base = base;
      this.spi = spi;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return base.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return base.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return spi.configure(base.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      return spi.configure(base.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose)
        throws IOException {
      return spi.configure(base.createSocket(socket, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return spi.configure(base.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return spi.configure(base.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return spi.configure(base.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      return spi.configure(base.createSocket(address, port, localAddress, localPort));
    }
  }

  /** The JDK's server socket factory, each server socket offering only {@link #PROTOCOLS}. */
  private static final class ServerSocketFactory extends SSLServerSocketFactory {
    private final SSLServerSocketFactory base;
    private final Spi spi;

    ServerSocketFactory(SSLServerSocketFactory base, Spi spi) {
      this.base = base;
      this.spi = spi;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return base.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return base.getSupportedCipherSuites();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return configure(base.createServerSocket());
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return configure(base.createServerSocket(port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return configure(base.createServerSocket(port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      return configure(base.createServerSocket(port, backlog, address));
    }

    private ServerSocket configure(ServerSocket socket) {
      ((SSLServerSocket) socket).setEnabledProtocols(spi.protocols.clone());
      return socket;
    }
  }
}
