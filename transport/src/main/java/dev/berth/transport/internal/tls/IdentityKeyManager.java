package dev.berth.transport.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager holding one key and its certificate chain, offered whatever CAs the peer says it
 * accepts. The JDK's own key managers send nothing when the peer's CA list does not name the
 * certificate's issuer (an intermediate CA, or a server listing no CAs); the Docker CLI (Go)
 * sends its one certificate anyway and lets the server decide, and so does Berth, so that the
 * server's answer, not a silent omission, says what is wrong.
 */
public final class IdentityKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "identity";

  private final PrivateKey key;
  private final X509Certificate[] chain;

  /** Offers {@code key} with {@code chain}, the key's certificate first. */
  public IdentityKeyManager(PrivateKey key, List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs at least one certificate");
    }
    this.key = key;
    this.chain = chain.toArray(new X509Certificate[0]);
  }

  /** The certificate the key belongs to. */
  public X509Certificate certificate() {
    return chain[0];
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return fits(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return choose(keyTypes);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return choose(keyTypes);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return fits(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return fits(keyType) ? ALIAS : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return fits(keyType) ? ALIAS : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  private String choose(String[] keyTypes) {
    if (keyTypes != null) {
      for (String keyType : keyTypes) {
        if (fits(keyType)) {
          return ALIAS;
        }
      }
    }
    return null;
  }

  /**
   * Whether the handshake's key type (the key algorithm, or for TLS 1.2 servers the key and
   * signature algorithms, such as {@code EC_EC}) is this key's.
   */
  private boolean fits(String keyType) {
    String algorithm = key.getAlgorithm();
    return keyType != null && (keyType.equals(algorithm) || keyType.startsWith(algorithm + "_"));
  }

  @Override
  public String toString() {
    return "IdentityKeyManager{" + chain[0].getSubjectX500Principal().getName() + "}";
  }
}
