package dev.berth.transport.internal.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts a {@code BEGIN ENCRYPTED PRIVATE KEY} block (PKCS#8 EncryptedPrivateKeyInfo) to its
 * PKCS#8 PrivateKeyInfo. PBES2 with PBKDF2 and AES or 3DES in CBC mode (what {@code openssl pkcs8
 * -topk8} writes) is read field by field, because how the JDK names and parameterizes PBES2
 * varies between releases; older PBES1 and PKCS#12 schemes are left to the JDK's own ciphers.
 */
final class EncryptedPrivateKeys {
  private static final String PBES2 = "1.2.840.113549.1.5.13";
  private static final String PBKDF2 = "1.2.840.113549.1.5.12";
  private static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
  private static final String HMAC_SHA1 = "1.2.840.113549.2.7";

  /** PBKDF2 pseudo-random functions by OID, as JDK SecretKeyFactory algorithms. */
  private static final Map<String, String> PRFS = Map.of(
      HMAC_SHA1, "PBKDF2WithHmacSHA1",
      "1.2.840.113549.2.8", "PBKDF2WithHmacSHA224",
      "1.2.840.113549.2.9", "PBKDF2WithHmacSHA256",
      "1.2.840.113549.2.10", "PBKDF2WithHmacSHA384",
      "1.2.840.113549.2.11", "PBKDF2WithHmacSHA512");

  /** A PBES2 encryption scheme: the JDK transformation, key algorithm and key length. */
  private record Scheme(String name, String transformation, String keyAlgorithm, int keyBytes) {}

  private static final Map<String, Scheme> SCHEMES = Map.of(
      "2.16.840.1.101.3.4.1.2", new Scheme("aes-128-cbc", "AES/CBC/PKCS5Padding", "AES", 16),
      "2.16.840.1.101.3.4.1.22", new Scheme("aes-192-cbc", "AES/CBC/PKCS5Padding", "AES", 24),
      "2.16.840.1.101.3.4.1.42", new Scheme("aes-256-cbc", "AES/CBC/PKCS5Padding", "AES", 32),
      "1.2.840.113549.3.7", new Scheme("des-ede3-cbc", "DESede/CBC/PKCS5Padding", "DESede", 24));

  private static final String REENCRYPT =
      "re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc";

  private EncryptedPrivateKeys() {}

  /**
   * The PKCS#8 bytes inside {@code der}, decrypted with {@code password}. The caller clears the
   * result. A wrong password is reported as such; the padding check catches most wrong
   * passwords, and the caller checks the structure of the rest.
   */
  static byte[] decrypt(byte[] der, char[] password, String label) throws PemException {
    String algorithm;
    Der.Reader algorithmId;
    byte[] encrypted;
    try {
      Der.Reader info = new Der.Reader(der).sequence("EncryptedPrivateKeyInfo");
      algorithmId = info.sequence("encryption algorithm");
      algorithm = algorithmId.oid("encryption algorithm");
      encrypted = info.octetString("encrypted data");
    } catch (PemException e) {
      throw new PemException(label + " is not a valid encrypted PKCS#8 key: " + e.getMessage(), e);
    }
    if (PBES2.equals(algorithm)) {
      return pbes2(algorithmId, encrypted, password, label);
    }
    return byJdk(der, password, label, algorithm);
  }

  /** PBES2: {@code algorithmId} is past the PBES2 OID, at its parameters. */
  private static byte[] pbes2(Der.Reader algorithmId, byte[] encrypted, char[] password,
      String label) throws PemException {
    Der.Reader parameters;
    Der.Reader kdf;
    String kdfOid;
    try {
      parameters = algorithmId.sequence("PBES2 parameters");
      kdf = parameters.sequence("key derivation function");
      kdfOid = kdf.oid("key derivation function");
    } catch (PemException e) {
      throw new PemException(label + " has invalid PBES2 parameters: " + e.getMessage(), e);
    }
    if (SCRYPT.equals(kdfOid)) {
      throw new PemException(label + " is encrypted with an scrypt-derived key, which is not "
          + "supported; " + REENCRYPT);
    }
    if (!PBKDF2.equals(kdfOid)) {
      throw new PemException(label + " derives its key with " + kdfOid
          + ", which is not supported; " + REENCRYPT);
    }
    String prf = HMAC_SHA1;
    byte[] salt;
    int iterations;
    int keyLength = -1;
    String schemeOid;
    byte[] iv;
    try {
      Der.Reader pbkdf2 = kdf.sequence("PBKDF2 parameters");
      salt = pbkdf2.octetString("PBKDF2 salt");
      iterations = pbkdf2.smallInteger("PBKDF2 iteration count");
      if (pbkdf2.peekTag() == Der.INTEGER) {
        keyLength = pbkdf2.smallInteger("PBKDF2 key length");
      }
      if (pbkdf2.peekTag() == Der.SEQUENCE) {
        prf = pbkdf2.sequence("PBKDF2 pseudo-random function").oid("PBKDF2 pseudo-random function");
      }
      Der.Reader scheme = parameters.sequence("encryption scheme");
      schemeOid = scheme.oid("encryption scheme");
      iv = SCHEMES.containsKey(schemeOid) ? scheme.octetString("IV") : null;
    } catch (PemException e) {
      throw new PemException(label + " has invalid PBES2 parameters: " + e.getMessage(), e);
    }
    String kdfAlgorithm = PRFS.get(prf);
    if (kdfAlgorithm == null) {
      throw new PemException(label + " derives its key with PBKDF2 and PRF " + prf
          + ", which is not supported; " + REENCRYPT);
    }
    Scheme scheme = SCHEMES.get(schemeOid);
    if (scheme == null) {
      throw new PemException(label + " is encrypted with " + schemeOid
          + ", which is not supported; " + REENCRYPT);
    }
    if (keyLength >= 0 && keyLength != scheme.keyBytes()) {
      throw new PemException(label + " asks for a " + keyLength + "-byte key for "
          + scheme.name() + ", which takes " + scheme.keyBytes());
    }
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, scheme.keyBytes() * 8);
    byte[] key = null;
    try {
      key = SecretKeyFactory.getInstance(kdfAlgorithm).generateSecret(spec).getEncoded();
      Cipher cipher = Cipher.getInstance(scheme.transformation());
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, scheme.keyAlgorithm()),
          new IvParameterSpec(iv));
      return cipher.doFinal(encrypted);
    } catch (BadPaddingException e) {
      throw new PemException(label + " cannot be decrypted: the password is wrong", e);
    } catch (GeneralSecurityException e) {
      throw new PemException(label + " cannot be decrypted (" + kdfAlgorithm + ", "
          + scheme.name() + "): " + e.getMessage(), e);
    } finally {
      spec.clearPassword();
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** PBES1 and PKCS#12 schemes, which the JDK knows by OID. */
  private static byte[] byJdk(byte[] der, char[] password, String label, String algorithm)
      throws PemException {
    EncryptedPrivateKeyInfo info;
    try {
      info = new EncryptedPrivateKeyInfo(der);
    } catch (IOException e) {
      throw new PemException(label + " is not a valid encrypted PKCS#8 key: " + e.getMessage(), e);
    }
    PBEKeySpec spec = new PBEKeySpec(password);
    try {
      String name = info.getAlgName();
      SecretKey key = SecretKeyFactory.getInstance(name).generateSecret(spec);
      Cipher cipher = Cipher.getInstance(name);
      cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
      return cipher.doFinal(info.getEncryptedData());
    } catch (NoSuchAlgorithmException e) {
      throw new PemException(label + " is encrypted with " + info.getAlgName()
          + (info.getAlgName().equals(algorithm) ? "" : " (" + algorithm + ")")
          + ", which is not supported; " + REENCRYPT, e);
    } catch (BadPaddingException e) {
      throw new PemException(label + " cannot be decrypted: the password is wrong", e);
    } catch (GeneralSecurityException e) {
      throw new PemException(label + " cannot be decrypted (" + info.getAlgName() + "): "
          + e.getMessage(), e);
    } finally {
      spec.clearPassword();
    }
  }
}
