package dev.berth.transport;

import dev.berth.transport.internal.tls.ClientSslContext;
import dev.berth.transport.internal.tls.IdentityKeyManager;
import dev.berth.transport.internal.tls.PemFiles;
import dev.berth.transport.internal.tls.PemSource;
import dev.berth.transport.internal.tls.TrustManagers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * How a client speaks TLS to a Docker engine ({@code tcp://} with {@code DOCKER_TLS_VERIFY}, or
 * {@code https://}): which servers it trusts, which certificate it presents for mutual TLS, and
 * whether it checks the server's name. Immutable; {@code with…} methods return a copy.
 *
 * <pre>{@code
 * // DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=~/.docker/machine/certs
 * TlsConfig tls = TlsConfig.fromCertPath(Path.of(env.get("DOCKER_CERT_PATH")), true);
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
 *     .build();
 * }</pre>
 *
 * <p>Only TLS 1.3 and TLS 1.2 are offered: every socket and engine of {@link #sslContext()} is set
 * up so, whatever the JVM's defaults. The server's certificate chain is checked against the
 * trusted CAs and, unless {@linkplain #withHostnameVerification(boolean) turned off}, its name
 * against the host connected to (endpoint identification {@code HTTPS}, set on every client
 * socket of the context). Skipping both is possible, but only when asked for by name: {@link
 * #withInsecureSkipVerify()}.
 *
 * <p>Setting up never falls back: a missing, unreadable or unparsable file, or a key that is not
 * the certificate's, is a {@link TlsConfigException} naming the file. Keys may be RSA or EC, in
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), PKCS#8 ({@code BEGIN PRIVATE KEY}), SEC1 ({@code BEGIN
 * EC PRIVATE KEY}) or password-encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}) form; they
 * are read with the JDK alone and no security provider is installed.
 */
public final class TlsConfig {
  /** The variable {@link #fromCertPath} messages name the directory by. */
  private static final String CERT_PATH = "DOCKER_CERT_PATH";

  private final KeyManager keyManager;
  private final X509TrustManager trustManager;
  private final boolean verifyHostname;
  private final boolean skipVerification;
  private final String identity;
  private final SSLContext sslContext;

  private TlsConfig(KeyManager keyManager, X509TrustManager trustManager, boolean verifyHostname,
      boolean skipVerification, String identity) {
    this.keyManager = keyManager;
    this.trustManager = trustManager;
    this.verifyHostname = verifyHostname;
    this.skipVerification = skipVerification;
    this.identity = identity;
    this.sslContext = ClientSslContext.create(keyManager, trustManager, verifyHostname);
  }

  /**
   * TLS as the Docker CLI sets it up from a certificate directory ({@code DOCKER_CERT_PATH}, by
   * default {@code ~/.docker}): the client certificate {@code cert.pem} (with its chain, if any)
   * and its key {@code key.pem}, and, when {@code verify} ({@code DOCKER_TLS_VERIFY}), the CA
   * certificates {@code ca.pem} the server's certificate must lead to.
   *
   * <p>When {@code verify} is false, {@code ca.pem} is neither needed nor read, and the server's
   * certificate is not checked at all: see {@link #withInsecureSkipVerify()}.
   *
   * @param dir the certificate directory
   * @param verify whether to verify the server against {@code ca.pem} and its name
   * @throws TlsConfigException if the directory or a file it needs is missing ({@code
   *     DOCKER_CERT_PATH /x/certs: key.pem is missing}), unreadable or unparsable, or the key is
   *     not the certificate's
   */
  public static TlsConfig fromCertPath(Path dir, boolean verify) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new TlsConfigException(CERT_PATH + " " + dir + ": "
          + (Files.exists(dir) ? "is not a directory" : "the directory does not exist"));
    }
    List<String> needed = verify ? List.of("ca.pem", "cert.pem", "key.pem")
        : List.of("cert.pem", "key.pem");
    List<String> missing = new ArrayList<>();
    for (String name : needed) {
      if (!Files.exists(dir.resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      // all at once: a directory missing two files should not take two attempts to learn so
      throw new TlsConfigException(CERT_PATH + " " + dir + ": " + and(missing)
          + (missing.size() == 1 ? " is missing" : " are missing")
          + (verify ? "" : " (needed even without verification, for the client certificate)"));
    }
    X509TrustManager trust = verify
        ? authorities(PemSource.inDirectory(CERT_PATH, dir, "ca.pem"))
        : TrustManagers.trustingEveryone();
    IdentityKeyManager identity = identity(PemSource.inDirectory(CERT_PATH, dir, "cert.pem"),
        PemSource.inDirectory(CERT_PATH, dir, "key.pem"), null);
    return new TlsConfig(identity, trust, verify, !verify, subject(identity));
  }

  /**
   * TLS from PEM files given one by one, as {@code docker --tlscacert --tlscert --tlskey} does.
   *
   * @param ca CA certificates the server's certificate must lead to; null trusts what the JDK
   *     trusts by default
   * @param cert the client certificate, then its chain if any; null presents no certificate
   * @param key the client certificate's private key; null exactly when {@code cert} is
   * @param keyPassword the key's password if it is encrypted ({@code BEGIN ENCRYPTED PRIVATE
   *     KEY}), otherwise unused and may be null; not kept, so the caller may clear it after
   * @throws TlsConfigException if a file is missing, unreadable or unparsable, the password is
   *     wrong, the key is not the certificate's, or only one of {@code cert} and {@code key} is
   *     given
   */
  public static TlsConfig fromPem(Path ca, Path cert, Path key, char[] keyPassword) {
    if ((cert == null) != (key == null)) {
      throw new TlsConfigException(cert == null
          ? "key file " + key + " is given without a cert file: a client key needs its certificate"
          : "cert file " + cert + " is given without a key file: a client certificate needs its "
              + "private key");
    }
    X509TrustManager trust = ca == null ? TrustManagers.jdkDefault()
        : authorities(PemSource.argument("ca", ca));
    IdentityKeyManager identity = cert == null ? null
        : identity(PemSource.argument("cert", cert), PemSource.argument("key", key), keyPassword);
    return new TlsConfig(identity, trust, true, false, subject(identity));
  }

  /**
   * TLS from key stores (JKS or PKCS#12), for certificates kept the Java way.
   *
   * @param trust the trusted CA certificates; null trusts what the JDK trusts by default
   * @param identity the client's key and certificate chain; null presents no certificate
   * @param identityPassword the password of the keys in {@code identity}; unused when it is null
   * @throws TlsConfigException if {@code trust} holds no certificate, or {@code identity} holds no
   *     key or its password does not unlock it
   */
  public static TlsConfig fromKeyStores(KeyStore trust, KeyStore identity,
      char[] identityPassword) {
    X509TrustManager trustManager = trust == null ? TrustManagers.jdkDefault()
        : TrustManagers.forKeyStore(trust);
    X509KeyManager keyManager = identity == null ? null : keyManager(identity, identityPassword);
    return new TlsConfig(keyManager, trustManager, true, false,
        identity == null ? "none" : "from the identity key store");
  }

  /**
   * With the server's name checked against its certificate ({@code true}, the default) or not.
   * Turning it off still checks that the certificate leads to a trusted CA, which is what an
   * engine reached by an address missing from its certificate needs.
   *
   * @throws IllegalStateException if {@code verify} is true and this config {@linkplain
   *     #skipsVerification() skips verification}: a name is only worth checking on a certificate
   *     that is itself checked
   */
  public TlsConfig withHostnameVerification(boolean verify) {
    if (verify && skipVerification) {
      throw new IllegalStateException("this TLS config skips server verification, so it cannot "
          + "verify the server's name either");
    }
    if (verify == verifyHostname) {
      return this;
    }
    return new TlsConfig(keyManager, trustManager, verify, false, identity);
  }

  /**
   * <strong>Dangerous:</strong> with any server trusted, whatever its certificate and name, as
   * Docker does with certificates but without {@code DOCKER_TLS_VERIFY}. The connection is
   * encrypted, but to whoever answers: anyone able to intercept it can read and change the
   * traffic, which to a Docker engine means running any container as root on its host. The client
   * certificate, if any, is still presented.
   */
  public TlsConfig withInsecureSkipVerify() {
    if (skipVerification) {
      return this;
    }
    return new TlsConfig(keyManager, TrustManagers.trustingEveryone(), false, true, identity);
  }

  /**
   * The context to make TLS sockets with: it presents the client certificate, trusts as this
   * config does, offers only TLS 1.3 and 1.2, and, when {@link #verifiesHostname()}, sets
   * endpoint identification {@code HTTPS} on each client socket and engine. It is made for
   * clients (engines start in client mode) and cannot be initialized again.
   */
  public SSLContext sslContext() {
    return sslContext;
  }

  /**
   * The trust manager {@link #sslContext()} uses, for APIs that take it separately (OkHttp's
   * {@code sslSocketFactory(factory, trustManager)}). Its rejections name the rejected certificate
   * and what was trusted.
   */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /**
   * Whether the server's name is checked against its certificate. When false, an HTTP client
   * with its own check (OkHttp's {@code hostnameVerifier}) must be told to accept any name.
   */
  public boolean verifiesHostname() {
    return verifyHostname;
  }

  /** Whether the server's certificate goes unchecked ({@link #withInsecureSkipVerify()}). */
  public boolean skipsVerification() {
    return skipVerification;
  }

  @Override
  public String toString() {
    return "TlsConfig{protocols=" + ClientSslContext.PROTOCOLS + ", " + trustManager
        + ", verifyHostname=" + verifyHostname + ", clientCertificate=" + identity + "}";
  }

  private static X509TrustManager authorities(PemSource source) {
    return TrustManagers.forAuthorities(PemFiles.readCertificates(source), source);
  }

  private static IdentityKeyManager identity(PemSource cert, PemSource key, char[] password) {
    List<X509Certificate> chain = PemFiles.readCertificates(cert);
    PrivateKey privateKey = PemFiles.readPrivateKey(key, password);
    PemFiles.checkKeyMatches(privateKey, key, chain.get(0), cert);
    return new IdentityKeyManager(privateKey, chain);
  }

  private static X509KeyManager keyManager(KeyStore identity, char[] password) {
    try {
      boolean hasKey = false;
      for (String alias : Collections.list(identity.aliases())) {
        hasKey |= identity.isKeyEntry(alias);
      }
      if (!hasKey) {
        throw new TlsConfigException("the identity key store holds no private key");
      }
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(identity, password);
      for (KeyManager manager : factory.getKeyManagers()) {
        if (manager instanceof X509KeyManager x509) {
          return x509;
        }
      }
      throw new TlsConfigException("the identity key store gave no X.509 key manager");
    } catch (UnrecoverableKeyException e) {
      throw new TlsConfigException("the identity key store's key cannot be read with the "
          + "password given: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new TlsConfigException("the identity key store cannot be used: " + e.getMessage(), e);
    }
  }

  private static String subject(IdentityKeyManager identity) {
    return identity == null ? "none" : identity.certificate().getSubjectX500Principal().getName();
  }

  private static String and(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }
}
