package dev.berth.transport.internal.tls;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the PEM blocks of a key file into a {@link PrivateKey}, with the JDK alone: PKCS#1 RSA
 * ({@code BEGIN RSA PRIVATE KEY}), PKCS#8 RSA or EC ({@code BEGIN PRIVATE KEY}), SEC1 EC ({@code
 * BEGIN EC PRIVATE KEY}) and password-encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}). The
 * JDK's key factories read only PKCS#8, so PKCS#1 is read field by field and SEC1 is wrapped in
 * PKCS#8.
 */
final class PrivateKeys {
  static final String EXPECTED = "expected RSA or EC keys in PKCS#1, PKCS#8 or SEC1 form";

  static final String RSA_OID = "1.2.840.113549.1.1.1";
  static final String EC_OID = "1.2.840.10045.2.1";

  /** id-ecPublicKey as a whole DER element, the algorithm of PKCS#8-wrapped EC keys. */
  private static final byte[] EC_OID_ELEMENT = {
    0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01
  };

  /** Key algorithms by OID, to name what a PKCS#8 key holds when it is not RSA or EC. */
  private static final Map<String, String> ALGORITHMS = Map.of(
      RSA_OID, "RSA",
      EC_OID, "EC",
      "1.2.840.113549.1.1.10", "RSASSA-PSS",
      "1.2.840.10040.4.1", "DSA",
      "1.2.840.113549.1.3.1", "DH",
      "1.3.101.110", "X25519",
      "1.3.101.111", "X448",
      "1.3.101.112", "Ed25519",
      "1.3.101.113", "Ed448");

  /** Curve names by OID, for messages. */
  private static final Map<String, String> CURVES = Map.of(
      "1.2.840.10045.3.1.7", "prime256v1",
      "1.3.132.0.34", "secp384r1",
      "1.3.132.0.35", "secp521r1",
      "1.3.132.0.10", "secp256k1",
      "1.3.132.0.33", "secp224r1",
      "1.2.840.10045.3.1.1", "prime192v1",
      "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1");

  private PrivateKeys() {}

  /**
   * The one private key among {@code blocks}; other blocks (certificates, {@code EC PARAMETERS})
   * are skipped. {@code password} is used only for an encrypted key and may be null otherwise.
   */
  static PrivateKey fromBlocks(List<PemBlock> blocks, char[] password) throws PemException {
    List<PemBlock> keys = blocks.stream().filter(b -> b.type().endsWith("PRIVATE KEY")).toList();
    if (keys.isEmpty()) {
      throw new PemException("holds no private key; found " + labels(blocks) + "; " + EXPECTED);
    }
    if (keys.size() > 1) {
      throw new PemException("holds " + keys.size() + " private keys (" + labels(keys)
          + "); expected one");
    }
    PemBlock key = keys.get(0);
    String procType = key.header("Proc-Type");
    if (procType != null && procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
      String cipher = key.header("DEK-Info");
      throw new PemException(key.label() + " is encrypted the legacy OpenSSL way (Proc-Type: "
          + procType + (cipher == null ? "" : ", DEK-Info: " + cipher.split(",")[0])
          + "), which is not supported; convert it to encrypted PKCS#8 with "
          + "openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem");
    }
    return switch (key.type()) {
      case "RSA PRIVATE KEY" -> pkcs1(key.der(), key.label());
      case "PRIVATE KEY" -> pkcs8(key.der(), key.label());
      case "EC PRIVATE KEY" -> sec1(key.der(), key.label(), curveFromParameters(blocks));
      case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(key, password);
      default -> throw new PemException(key.label() + " is not supported; " + EXPECTED);
    };
  }

  private static PrivateKey encryptedPkcs8(PemBlock key, char[] password) throws PemException {
    if (password == null || password.length == 0) {
      throw new PemException(key.label() + " is encrypted; give its password to read it");
    }
    byte[] plain = EncryptedPrivateKeys.decrypt(key.der(), password, key.label());
    try {
      if (!isOneSequence(plain)) {
        // CBC padding passes by chance for about 1 in 256 wrong passwords; the rest is garbage
        throw new PemException(key.label() + " cannot be decrypted: the password is wrong");
      }
      return pkcs8(plain, key.label());
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** PKCS#1 RSAPrivateKey: version, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p. */
  static PrivateKey pkcs1(byte[] der, String label) throws PemException {
    try {
      Der.Reader key = new Der.Reader(der).sequence("RSAPrivateKey");
      int version = key.smallInteger("version");
      if (version != 0) {
        throw new PemException("version is " + version
            + " (multi-prime RSA), which is not supported; expected 0");
      }
      BigInteger modulus = key.integer("modulus");
      BigInteger publicExponent = key.integer("public exponent");
      BigInteger privateExponent = key.integer("private exponent");
      BigInteger primeP = key.integer("prime p");
      BigInteger primeQ = key.integer("prime q");
      BigInteger exponentP = key.integer("exponent p");
      BigInteger exponentQ = key.integer("exponent q");
      BigInteger coefficient = key.integer("coefficient");
      return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(modulus,
          publicExponent, privateExponent, primeP, primeQ, exponentP, exponentQ, coefficient));
    } catch (PemException | GeneralSecurityException e) {
      throw new PemException(label + " is not a valid PKCS#1 RSA key: " + e.getMessage(), e);
    }
  }

  /** PKCS#8 PrivateKeyInfo: version, algorithm {OID, parameters}, key octets, …. */
  static PrivateKey pkcs8(byte[] der, String label) throws PemException {
    String algorithm;
    String curve = null;
    try {
      Der.Reader info = new Der.Reader(der).sequence("PrivateKeyInfo");
      info.smallInteger("version");
      Der.Reader algorithmId = info.sequence("algorithm");
      algorithm = algorithmId.oid("algorithm");
      if (EC_OID.equals(algorithm) && algorithmId.peekTag() == Der.OID) {
        curve = algorithmId.oid("curve");
      }
    } catch (PemException e) {
      throw new PemException(label + " is not a valid PKCS#8 key: " + e.getMessage(), e);
    }
    String name = ALGORITHMS.getOrDefault(algorithm, algorithm);
    if (!RSA_OID.equals(algorithm) && !EC_OID.equals(algorithm)) {
      throw new PemException(label + " holds a key of algorithm " + name
          + (name.equals(algorithm) ? "" : " (" + algorithm + ")") + ", which is not supported; "
          + EXPECTED);
    }
    try {
      return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      if (curve != null && !isCurveSupported(curve)) {
        throw new PemException(label + " uses EC curve " + curveName(curve)
            + ", which this JDK does not support; use prime256v1, secp384r1 or secp521r1", e);
      }
      throw new PemException(label + " is not a valid PKCS#8 " + name + " key: "
          + e.getMessage(), e);
    }
  }

  /**
   * SEC1 ECPrivateKey: version 1, key octets, [0] curve OID, [1] public key. Wrapped as PKCS#8
   * with the algorithm {id-ecPublicKey, curve}, which is how the JDK reads EC keys. The curve may
   * instead come from an {@code EC PARAMETERS} block ({@code curveElement}, or null).
   */
  static PrivateKey sec1(byte[] der, String label, byte[] curveElement) throws PemException {
    byte[] curve = curveElement;
    try {
      Der.Reader key = new Der.Reader(der).sequence("ECPrivateKey");
      int version = key.smallInteger("version");
      if (version != 1) {
        throw new PemException("version is " + version + "; expected 1");
      }
      key.octetString("private key");
      if (key.peekTag() == Der.CONTEXT_0) {
        Der.Reader parameters = key.next("parameters").contents();
        if (parameters.peekTag() != Der.OID) {
          throw new PemException("its curve is given by explicit parameters, which are not "
              + "supported; use a named curve (openssl ecparam -name prime256v1 -genkey)");
        }
        curve = parameters.next(Der.OID, "curve").encoded();
      }
    } catch (PemException e) {
      throw new PemException(label + " is not a valid SEC1 EC key: " + e.getMessage(), e);
    }
    if (curve == null) {
      throw new PemException(label + " names no curve, and the file has no EC PARAMETERS block");
    }
    byte[] pkcs8 = Der.encode(Der.SEQUENCE,
        Der.encode(Der.INTEGER, new byte[] {0}),
        Der.encode(Der.SEQUENCE, EC_OID_ELEMENT, curve),
        Der.encode(Der.OCTET_STRING, der));
    try {
      return pkcs8(pkcs8, label);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /** The named curve of an {@code EC PARAMETERS} block, as a whole OID element, or null. */
  private static byte[] curveFromParameters(List<PemBlock> blocks) throws PemException {
    for (PemBlock block : blocks) {
      if (block.type().equals("EC PARAMETERS")) {
        Der.Reader parameters = new Der.Reader(block.der());
        if (parameters.peekTag() != Der.OID) {
          throw new PemException(block.label() + " at line " + block.line()
              + " gives explicit curve parameters, which are not supported; use a named curve");
        }
        return parameters.next(Der.OID, "curve").encoded();
      }
    }
    return null;
  }

  private static boolean isCurveSupported(String oid) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(oid));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String curveName(String oid) {
    String name = CURVES.get(oid);
    return name == null ? oid : name + " (" + oid + ")";
  }

  private static boolean isOneSequence(byte[] der) {
    try {
      Der.Reader reader = new Der.Reader(der);
      reader.next(Der.SEQUENCE, "key");
      return !reader.hasMore();
    } catch (PemException e) {
      return false;
    }
  }

  private static String labels(List<PemBlock> blocks) {
    if (blocks.isEmpty()) {
      return "no PEM block";
    }
    return String.join(", ", blocks.stream().map(PemBlock::label).distinct().toList());
  }
}
