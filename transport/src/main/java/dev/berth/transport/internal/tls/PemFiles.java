package dev.berth.transport.internal.tls;

import dev.berth.transport.TlsConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads certificates and private keys from PEM files with the JDK alone, and checks that a key
 * belongs to its certificate. Every failure is a {@link TlsConfigException} whose message names
 * the file as its {@link PemSource} does and says what was found.
 */
public final class PemFiles {
  private PemFiles() {}

  /**
   * The certificates of every {@code BEGIN CERTIFICATE} block of {@code source}, in file order
   * (for a client certificate: the certificate first, then the chain). Other blocks are skipped.
   */
  public static List<X509Certificate> readCertificates(PemSource source) {
    String text = read(source);
    try {
      List<PemBlock> blocks = blocks(text);
      List<X509Certificate> certificates = new ArrayList<>();
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (PemBlock block : blocks) {
        if (!block.type().equals("CERTIFICATE")) {
          continue;
        }
        try {
          certificates.add((X509Certificate) factory.generateCertificate(
              new ByteArrayInputStream(block.der())));
        } catch (CertificateException e) {
          throw new PemException(block.label() + " at line " + block.line()
              + " is not a valid X.509 certificate: " + e.getMessage(), e);
        }
      }
      if (certificates.isEmpty()) {
        throw new PemException("holds no certificate (no BEGIN CERTIFICATE block); found "
            + String.join(", ", blocks.stream().map(PemBlock::label).distinct().toList()));
      }
      return List.copyOf(certificates);
    } catch (CertificateException e) {
      throw new TlsConfigException(source.describe(": cannot read certificates: "
          + e.getMessage()), e);
    } catch (PemException e) {
      throw new TlsConfigException(source.describe(": " + e.getMessage()), e);
    }
  }

  /**
   * The one private key of {@code source}: PKCS#1 RSA, PKCS#8 RSA or EC, SEC1 EC, or encrypted
   * PKCS#8 (then {@code password} decrypts it; otherwise it is not used and may be null).
   */
  public static PrivateKey readPrivateKey(PemSource source, char[] password) {
    String text = read(source);
    try {
      return PrivateKeys.fromBlocks(blocks(text), password);
    } catch (PemException e) {
      throw new TlsConfigException(source.describe(": " + e.getMessage()), e);
    }
  }

  /**
   * Checks that {@code key} (from {@code keySource}) is the private key of {@code certificate}
   * (from {@code certificateSource}): a TLS server would otherwise refuse the handshake with an
   * alert that does not say which file is wrong.
   */
  public static void checkKeyMatches(PrivateKey key, PemSource keySource,
      X509Certificate certificate, PemSource certificateSource) {
    PublicKey publicKey = certificate.getPublicKey();
    String subject = certificate.getSubjectX500Principal().getName();
    boolean matches;
    if (key instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
      matches = rsa.getModulus().equals(rsaPublic.getModulus())
          && (!(key instanceof RSAPrivateCrtKey crt)
              || crt.getPublicExponent().equals(rsaPublic.getPublicExponent()));
    } else if (key instanceof ECPrivateKey ec && publicKey instanceof ECPublicKey ecPublic) {
      // the JDK cannot derive an EC public point from a private key: prove the pair by signing
      try {
        matches = sameCurve(ec.getParams(), ecPublic.getParams())
            && signs(key, publicKey, "SHA256withECDSA");
      } catch (GeneralSecurityException e) {
        // the JDK reads keys on curves it cannot sign with (secp256k1): TLS would fail later
        throw new TlsConfigException(keySource.describe(" uses EC curve " + ec.getParams()
            + ", which this JDK cannot sign with; use prime256v1, secp384r1 or secp521r1"), e);
      }
    } else {
      throw new TlsConfigException(keySource.describe(" holds " + withArticle(key.getAlgorithm())
          + " key, but the certificate in " + certificateSource.name() + " (" + subject
          + ") has " + withArticle(publicKey.getAlgorithm()) + " public key"));
    }
    if (!matches) {
      throw new TlsConfigException(keySource.describe(" does not match the certificate in "
          + certificateSource.name() + " (" + subject + "): they are not a key pair"));
    }
  }

  private static String read(PemSource source) {
    byte[] bytes;
    try {
      if (Files.isDirectory(source.path())) {
        throw new TlsConfigException(source.describe(" is a directory, not a file"));
      }
      bytes = Files.readAllBytes(source.path());
    } catch (NoSuchFileException e) {
      throw new TlsConfigException(source.describe(" is missing"), e);
    } catch (AccessDeniedException e) {
      throw new TlsConfigException(source.describe(" cannot be read: permission denied"), e);
    } catch (IOException e) {
      throw new TlsConfigException(source.describe(" cannot be read: " + e), e);
    }
    try {
      if (bytes.length > 1 && bytes[0] == 0x30 && (bytes[1] & 0xFF) > 0x80) {
        // a DER SEQUENCE with a long length, as every certificate and key has; text has no 0x81
        throw new TlsConfigException(source.describe(" holds binary (DER) data, not PEM text; "
            + "convert it with openssl x509 -inform der (certificates) or openssl pkey "
            + "-inform der (keys)"));
      }
      // ISO-8859-1 decodes any byte: text around the blocks may be in any encoding
      return new String(bytes, StandardCharsets.ISO_8859_1);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static List<PemBlock> blocks(String text) throws PemException {
    List<PemBlock> blocks = PemBlock.parse(text);
    if (blocks.isEmpty()) {
      throw new PemException(text.isBlank() ? "is empty"
          : "holds no PEM block (no -----BEGIN line)");
    }
    return blocks;
  }

  private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
    return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
        && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
  }

  private static boolean signs(PrivateKey key, PublicKey publicKey, String algorithm)
      throws GeneralSecurityException {
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(challenge);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(publicKey);
    verifier.update(challenge);
    return verifier.verify(signature);
  }

  private static String withArticle(String algorithm) {
    // by how the acronym is spoken: an RSA key, an EC key, a DSA key
    return ("AEFHILMNORSX".indexOf(algorithm.charAt(0)) >= 0 ? "an " : "a ") + algorithm;
  }
}
