package dev.berth.transport.internal.tls;

import dev.berth.transport.TlsConfigException;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust managers a TLS client can have: the JDK's PKIX checks over given CA certificates, a
 * key store or the JDK's default trust store, each explaining its rejections; or one that trusts
 * every server, for an explicit request to skip verification.
 */
public final class TrustManagers {
  private TrustManagers() {}

  /** Trusts servers whose chain leads to one of {@code authorities}, read from {@code source}. */
  public static X509ExtendedTrustManager forAuthorities(List<X509Certificate> authorities,
      PemSource source) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      return explaining(pkix(store), "the CA certificates of " + source.where());
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsConfigException(source.describe(": cannot be used as trusted CA certificates: "
          + e.getMessage()), e);
    }
  }

  /** Trusts servers whose chain leads to a certificate of {@code store}. */
  public static X509ExtendedTrustManager forKeyStore(KeyStore store) {
    try {
      if (Collections.list(store.aliases()).stream().noneMatch(alias -> hasCertificate(store,
          alias))) {
        throw new TlsConfigException("the trust key store holds no certificate: it would trust "
            + "no server");
      }
      return explaining(pkix(store), "the trust key store");
    } catch (GeneralSecurityException e) {
      throw new TlsConfigException("the trust key store cannot be used: " + e.getMessage(), e);
    }
  }

  /** Trusts what the JDK trusts by default (its {@code cacerts}, or {@code javax.net.ssl.*}). */
  public static X509ExtendedTrustManager jdkDefault() {
    try {
      return explaining(pkix(null), "the JDK's default trust store");
    } catch (GeneralSecurityException e) {
      throw new TlsConfigException("the JDK's default trust store cannot be used: "
          + e.getMessage(), e);
    }
  }

  /** Trusts every certificate, checking nothing: only for an explicit insecure request. */
  public static X509ExtendedTrustManager trustingEveryone() {
    return new TrustingEveryone();
  }

  private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return extended;
      }
    }
    throw new GeneralSecurityException("the JDK's PKIX trust manager factory gave no X.509 "
        + "trust manager");
  }

  private static boolean hasCertificate(KeyStore store, String alias) {
    try {
      return store.getCertificate(alias) != null;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static X509ExtendedTrustManager explaining(X509ExtendedTrustManager delegate,
      String trusted) {
    return new Explaining(delegate, trusted);
  }

  /**
   * Adds to a rejection which certificate was rejected and what was trusted: the JDK's own
   * message ("PKIX path building failed") names neither, and with Docker's several certificate
   * files the question is nearly always which one is wrong.
   */
  private static final class Explaining extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String trusted;

    Explaining(X509ExtendedTrustManager delegate, String trusted) {
      this.delegate = delegate;
      this.trusted = trusted;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        throw explain("server", chain, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        throw explain("server", chain, e);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        delegate.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        throw explain("server", chain, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        throw explain("client", chain, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        throw explain("client", chain, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType);
      } catch (CertificateException e) {
        throw explain("client", chain, e);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }

    private CertificateException explain(String peer, X509Certificate[] chain,
        CertificateException e) {
      String certificate = chain == null || chain.length == 0 ? "(none)"
          : chain[0].getSubjectX500Principal().getName() + " (issued by "
              + chain[0].getIssuerX500Principal().getName() + ")";
      return new CertificateException(peer + " certificate " + certificate
          + " was rejected (trusting " + trusted + "): " + e.getMessage(), e);
    }

    @Override
    public String toString() {
      return "trusting " + trusted;
    }
  }

  /** Checks nothing: Docker's {@code --tlsverify=false} with certificates (InsecureSkipVerify). */
  private static final class TrustingEveryone extends X509ExtendedTrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return NONE;
    }

    @Override
    public String toString() {
      return "trusting every server (verification skipped)";
    }
  }
}
