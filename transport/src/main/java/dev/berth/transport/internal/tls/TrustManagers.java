package dev.berth.transport.internal.tls;

import dev.berth.transport.TlsConfigException;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
   * Adds to a rejection which certificate was rejected, what was trusted and why in words ({@link
   * #reason}): the JDK's own message ("PKIX path building failed", "validity check failed") names
   * none of them, and with Docker's several certificate files the question is nearly always which
   * one is wrong and how.
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
      String reason = reason(chain, e);
      return new CertificateException(peer + " certificate " + certificate
          + " was rejected (trusting " + trusted + "): "
          + (reason == null ? "" : reason + "; ") + e.getMessage(), e);
    }

    @Override
    public String toString() {
      return "trusting " + trusted;
    }
  }

  /** The JDK's name-check failures: "No subject alternative names matching IP address X found". */
  private static final Pattern NAME_MISMATCH = Pattern.compile(
      "No (?:subject alternative (?:names|DNS name)|name) matching (?:IP address )?(\\S+) found");

  /**
   * Which of the usual causes made the JDK reject {@code chain}, in words: it expired or is not
   * valid yet (and when), it is self-signed, no trusted CA issued it, or it is for another host.
   * Null when the cause is none of those; the JDK's message follows in any case.
   */
  static String reason(X509Certificate[] chain, CertificateException e) {
    boolean expired = false;
    boolean notYetValid = false;
    boolean noPath = false;
    String mismatch = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        expired = true;
      } else if (t instanceof CertificateNotYetValidException) {
        notYetValid = true;
      } else if (t instanceof CertPathValidatorException v) {
        expired |= v.getReason() == CertPathValidatorException.BasicReason.EXPIRED;
        notYetValid |= v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
      } else if (t instanceof CertPathBuilderException) {
        noPath = true;
      }
      String message = t.getMessage();
      if (message != null) {
        noPath |= message.contains("PKIX path building failed");
        Matcher m = NAME_MISMATCH.matcher(message);
        if (mismatch == null && m.find()) {
          mismatch = m.group(1);
        }
      }
    }
    if (chain == null || chain.length == 0) {
      return null;
    }
    Instant now = Instant.now();
    if (expired || notYetValid) {
      for (int i = 0; i < chain.length; i++) {
        X509Certificate c = chain[i];
        String which = i == 0 ? "it" : "certificate " + c.getSubjectX500Principal().getName()
            + " of its chain";
        Instant notAfter = c.getNotAfter().toInstant();
        Instant notBefore = c.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
          return which + " expired at " + notAfter;
        }
        if (now.isBefore(notBefore)) {
          return which + " is not valid before " + notBefore;
        }
      }
      return expired ? "it or its chain has expired" : "it or its chain is not valid yet";
    }
    if (noPath) {
      X509Certificate last = chain[chain.length - 1];
      boolean selfSigned = last.getSubjectX500Principal().equals(last.getIssuerX500Principal());
      return selfSigned
          ? (chain.length == 1 ? "it is" : "its chain ends in a certificate")
              + " self-signed and not one of the trusted certificates"
          : "no trusted CA issued it";
    }
    if (mismatch != null) {
      return "it is not for " + mismatch;
    }
    return null;
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
