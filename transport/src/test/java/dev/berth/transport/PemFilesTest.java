package dev.berth.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.transport.TestPki.ClientKey;
import dev.berth.transport.internal.tls.PemFiles;
import dev.berth.transport.internal.tls.PemSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemFilesTest {
  private static final String EXPECTED =
      "expected RSA or EC keys in PKCS#1, PKCS#8 or SEC1 form";

  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makeCertificates() throws IOException {
    pki = TestPki.create(dir);
  }

  private static PemSource source(String file) {
    return PemSource.argument("key", pki.path(file));
  }

  private static PrivateKey key(String file, String password) {
    return PemFiles.readPrivateKey(source(file), password == null ? null : password.toCharArray());
  }

  private static X509Certificate certificate(String file) {
    return PemFiles.readCertificates(PemSource.argument("cert", pki.path(file))).get(0);
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(pki.path(name), text);
  }

  // --- every supported form

  @ParameterizedTest
  @EnumSource(ClientKey.class)
  void readsEveryKeyFormAndMatchesItsCertificate(ClientKey form) {
    PrivateKey key = PemFiles.readPrivateKey(source(form.keyFile), form.password());
    X509Certificate cert = certificate(form.certFile);
    assertThat(key.getAlgorithm()).isEqualTo(form.name().startsWith("RSA") ? "RSA" : "EC");
    assertThat(key.getAlgorithm()).isEqualTo(cert.getPublicKey().getAlgorithm());
    PemFiles.checkKeyMatches(key, source(form.keyFile), cert,
        PemSource.argument("cert", pki.path(form.certFile)));
  }

  @Test
  void pkcs1RsaKeyIsACrtKeyWithTheCertificatesModulus() throws IOException {
    assertThat(Files.readString(pki.path("rsa-pkcs1.pem"))).startsWith(
        "-----BEGIN RSA PRIVATE KEY-----");
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) key("rsa-pkcs1.pem", null);
    assertThat(key.getModulus().bitLength()).isEqualTo(2048);
    assertThat(key.getPublicExponent().intValue()).isEqualTo(65537);
    assertThat(key).isEqualTo(key("rsa-pkcs1.pem", null));
  }

  @Test
  void sec1KeyAfterAnEcParametersBlockIsTheSameAsItsPkcs8Form() throws IOException {
    assertThat(Files.readString(pki.path("ec-sec1.pem")))
        .startsWith("-----BEGIN EC PARAMETERS-----")
        .contains("-----BEGIN EC PRIVATE KEY-----");
    ECPrivateKey sec1 = (ECPrivateKey) key("ec-sec1.pem", null);
    ECPrivateKey pkcs8 = (ECPrivateKey) key("ec-pkcs8.pem", null);
    assertThat(sec1.getS()).isEqualTo(pkcs8.getS());
    assertThat(sec1.getParams().getOrder()).isEqualTo(pkcs8.getParams().getOrder());
    assertThat(((ECPrivateKey) key("ec-encrypted.pem", TestPki.PASSWORD)).getS())
        .isEqualTo(sec1.getS());
  }

  @Test
  void readsP384AndP521Curves() {
    assertThat(((ECPrivateKey) key("ec-p384.pem", null)).getParams().getOrder().bitLength())
        .isEqualTo(384);
    assertThat(((ECPrivateKey) key("ec-p521.pem", null)).getParams().getOrder().bitLength())
        .isEqualTo(521);
  }

  @Test
  void sec1KeyWithoutParametersBlock() throws IOException {
    pki.openssl("ecparam", "-genkey", "-noout", "-name", "prime256v1", "-out", "ec-noout.pem");
    assertThat(Files.readString(pki.path("ec-noout.pem")))
        .startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(key("ec-noout.pem", null).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void otherEncryptionsOpensslWrites() throws IOException {
    pki.openssl("pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA512",
        "-passout", "pass:pw", "-in", "rsa-pkcs8.pem", "-out", "rsa-aes128-sha512.pem");
    pki.openssl("pkcs8", "-topk8", "-v2", "des3", "-v2prf", "hmacWithSHA1",
        "-passout", "pass:pw", "-in", "ec-pkcs8.pem", "-out", "ec-des3-sha1.pem");
    pki.openssl("pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES",
        "-passout", "pass:pw", "-in", "ec-pkcs8.pem", "-out", "ec-pbe-sha1-3des.pem");
    PrivateKey rsa = key("rsa-pkcs8.pem", null);
    PrivateKey ec = key("ec-pkcs8.pem", null);
    assertThat(key("rsa-aes128-sha512.pem", "pw")).isEqualTo(rsa);
    assertThat(((ECPrivateKey) key("ec-des3-sha1.pem", "pw")).getS())
        .isEqualTo(((ECPrivateKey) ec).getS());
    assertThat(((ECPrivateKey) key("ec-pbe-sha1-3des.pem", "pw")).getS())
        .isEqualTo(((ECPrivateKey) ec).getS());
  }

  @Test
  void keepsTheChainInFileOrder() throws IOException {
    Path chain = write("chain.pem", "client certificate first\n"
        + Files.readString(pki.path("rsa-pkcs8-cert.pem"))
        + Files.readString(pki.path("ca.pem")));
    List<X509Certificate> certificates =
        PemFiles.readCertificates(PemSource.argument("cert", chain));
    assertThat(certificates).extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=client-rsa_pkcs8", "CN=Berth Test CA");
  }

  @Test
  void certificateFileWithAKeyToo() throws IOException {
    Path both = write("both.pem", Files.readString(pki.path("rsa-pkcs8.pem"))
        + Files.readString(pki.path("rsa-pkcs8-cert.pem")));
    assertThat(PemFiles.readCertificates(PemSource.argument("cert", both))).hasSize(1);
    assertThat(PemFiles.readPrivateKey(PemSource.argument("key", both), null))
        .isEqualTo(key("rsa-pkcs8.pem", null));
  }

  // --- what cannot be read, and why

  @Test
  void dsaKeysAreNotSupported() throws IOException {
    pki.openssl("dsaparam", "-genkey", "-noout", "-out", "dsa-pkcs8.pem", "1024");
    pki.openssl("pkey", "-in", "dsa-pkcs8.pem", "-traditional", "-out", "dsa-traditional.pem");
    assertThatThrownBy(() -> key("dsa-traditional.pem", null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + pki.path("dsa-traditional.pem")
            + ": BEGIN DSA PRIVATE KEY is not supported; " + EXPECTED);
    assertThatThrownBy(() -> key("dsa-pkcs8.pem", null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + pki.path("dsa-pkcs8.pem") + ": BEGIN PRIVATE KEY holds a key "
            + "of algorithm DSA (1.2.840.10040.4.1), which is not supported; " + EXPECTED);
  }

  @Test
  void ed25519KeysAreNotSupported() throws IOException {
    pki.openssl("genpkey", "-algorithm", "ED25519", "-out", "ed25519.pem");
    assertThatThrownBy(() -> key("ed25519.pem", null))
        .hasMessageEndingWith("BEGIN PRIVATE KEY holds a key of algorithm Ed25519 (1.3.101.112), "
            + "which is not supported; " + EXPECTED);
  }

  @Test
  void curveTheJdkCannotSignWithIsNamed() throws IOException {
    pki.openssl("ecparam", "-genkey", "-name", "secp256k1", "-out", "k1.pem");
    pki.certificate("k1-cert.pem", "k1.pem", "client-k1", "ca", "extendedKeyUsage=clientAuth");
    assertThatThrownBy(() -> TlsConfig.fromPem(null, pki.path("k1-cert.pem"),
        pki.path("k1.pem"), null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessageStartingWith("key file " + pki.path("k1.pem") + " uses EC curve secp256k1")
        .hasMessageEndingWith("which this JDK cannot sign with; use prime256v1, secp384r1 or "
            + "secp521r1");
  }

  @Test
  void garbageIsNamedForWhatItIs() throws IOException {
    write("garbage.pem", "this is not a key\n");
    assertThatThrownBy(() -> key("garbage.pem", null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + pki.path("garbage.pem")
            + ": holds no PEM block (no -----BEGIN line)");
    write("empty.pem", "");
    assertThatThrownBy(() -> key("empty.pem", null))
        .hasMessage("key file " + pki.path("empty.pem") + ": is empty");
    write("bad-base64.pem",
        "-----BEGIN PRIVATE KEY-----\nnot*base64!\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> key("bad-base64.pem", null))
        .hasMessageStartingWith("key file " + pki.path("bad-base64.pem")
            + ": BEGIN PRIVATE KEY at line 1 is not valid base64");
    write("bad-der.pem",
        "-----BEGIN RSA PRIVATE KEY-----\nMAMCAQA=\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> key("bad-der.pem", null))
        .hasMessage("key file " + pki.path("bad-der.pem") + ": BEGIN RSA PRIVATE KEY is not a "
            + "valid PKCS#1 RSA key: modulus is missing: expected INTEGER, found the end of the "
            + "structure");
    write("no-end.pem", "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n");
    assertThatThrownBy(() -> PemFiles.readCertificates(
        PemSource.argument("cert", pki.path("no-end.pem"))))
        .hasMessage("cert file " + pki.path("no-end.pem")
            + ": BEGIN CERTIFICATE at line 1 has no END line");
    write("bad-cert.pem", "x\n-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> PemFiles.readCertificates(
        PemSource.argument("cert", pki.path("bad-cert.pem"))))
        .hasMessageStartingWith("cert file " + pki.path("bad-cert.pem")
            + ": BEGIN CERTIFICATE at line 2 is not a valid X.509 certificate");
  }

  @Test
  void derFilesAreRecognized() throws IOException {
    pki.openssl("x509", "-in", "ca.pem", "-outform", "der", "-out", "ca.der");
    assertThatThrownBy(() -> PemFiles.readCertificates(
        PemSource.argument("ca", pki.path("ca.der"))))
        .hasMessageStartingWith("ca file " + pki.path("ca.der")
            + " holds binary (DER) data, not PEM text; convert it with openssl");
  }

  @Test
  void wrongFileForTheJob() {
    assertThatThrownBy(() -> PemFiles.readCertificates(
        PemSource.argument("cert", pki.path("rsa-pkcs1.pem"))))
        .hasMessage("cert file " + pki.path("rsa-pkcs1.pem") + ": holds no certificate (no BEGIN "
            + "CERTIFICATE block); found BEGIN RSA PRIVATE KEY");
    assertThatThrownBy(() -> key("ca.pem", null))
        .hasMessage("key file " + pki.path("ca.pem") + ": holds no private key; found BEGIN "
            + "CERTIFICATE; " + EXPECTED);
  }

  @Test
  void twoKeysInOneFileAreRefused() throws IOException {
    write("two-keys.pem", Files.readString(pki.path("rsa-pkcs1.pem"))
        + Files.readString(pki.path("ec-pkcs8.pem")));
    assertThatThrownBy(() -> key("two-keys.pem", null))
        .hasMessageEndingWith(": holds 2 private keys (BEGIN RSA PRIVATE KEY, BEGIN PRIVATE KEY); "
            + "expected one");
  }

  @Test
  void missingAndDirectoryFiles() {
    assertThatThrownBy(() -> key("nope.pem", null))
        .hasMessage("key file " + pki.path("nope.pem") + " is missing");
    assertThatThrownBy(() -> PemFiles.readPrivateKey(
        PemSource.inDirectory("DOCKER_CERT_PATH", dir, "nope.pem"), null))
        .hasMessage("DOCKER_CERT_PATH " + dir + ": nope.pem is missing");
    assertThatThrownBy(() -> PemFiles.readPrivateKey(PemSource.argument("key", dir), null))
        .hasMessage("key file " + dir + " is a directory, not a file");
  }

  // --- encrypted keys

  @Test
  void wrongOrMissingPasswordForAnEncryptedKey() {
    assertThatThrownBy(() -> key("rsa-encrypted.pem", "wrong"))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + pki.path("rsa-encrypted.pem")
            + ": BEGIN ENCRYPTED PRIVATE KEY cannot be decrypted: the password is wrong");
    assertThatThrownBy(() -> key("ec-encrypted.pem", "wrong"))
        .hasMessageEndingWith("cannot be decrypted: the password is wrong");
    assertThatThrownBy(() -> key("rsa-encrypted.pem", null))
        .hasMessage("key file " + pki.path("rsa-encrypted.pem")
            + ": BEGIN ENCRYPTED PRIVATE KEY is encrypted; give its password to read it");
  }

  @Test
  void manyWrongPasswordsAreAllCalledWrong() {
    // about 1 in 256 wrong passwords passes the CBC padding check; the structure check catches it
    for (int i = 0; i < 300; i++) {
      String password = "wrong-" + i;
      assertThatThrownBy(() -> key("ec-encrypted.pem", password))
          .hasMessageEndingWith("cannot be decrypted: the password is wrong");
    }
  }

  @Test
  void legacyOpensslEncryptionIsRefusedWithTheConversion() throws IOException {
    pki.openssl("rsa", "-in", "rsa-pkcs1.pem", "-aes256", "-traditional", "-passout", "pass:pw",
        "-out", "rsa-legacy.pem");
    assertThat(Files.readString(pki.path("rsa-legacy.pem"))).contains("Proc-Type: 4,ENCRYPTED");
    assertThatThrownBy(() -> key("rsa-legacy.pem", "pw"))
        .hasMessage("key file " + pki.path("rsa-legacy.pem") + ": BEGIN RSA PRIVATE KEY is "
            + "encrypted the legacy OpenSSL way (Proc-Type: 4,ENCRYPTED, DEK-Info: AES-256-CBC), "
            + "which is not supported; convert it to encrypted PKCS#8 with openssl pkcs8 -topk8 "
            + "-v2 aes-256-cbc -in key.pem -out key-pkcs8.pem");
  }

  @Test
  void scryptIsRefusedWithTheConversion() throws IOException {
    pki.openssl("pkcs8", "-topk8", "-scrypt", "-passout", "pass:pw", "-in", "ec-pkcs8.pem",
        "-out", "ec-scrypt.pem");
    assertThatThrownBy(() -> key("ec-scrypt.pem", "pw"))
        .hasMessageEndingWith("BEGIN ENCRYPTED PRIVATE KEY is encrypted with an scrypt-derived "
            + "key, which is not supported; re-encrypt it with openssl pkcs8 -topk8 -v2 "
            + "aes-256-cbc");
  }

  // --- key and certificate

  @Test
  void keyOfAnotherCertificate() {
    PemSource keySource = source("ec-p384.pem");
    PemSource certSource = PemSource.argument("cert", pki.path("ec-sec1-cert.pem"));
    PrivateKey otherCurve = key("ec-p384.pem", null);
    assertThatThrownBy(() -> PemFiles.checkKeyMatches(otherCurve, keySource,
        certificate("ec-sec1-cert.pem"), certSource))
        .hasMessage("key file " + pki.path("ec-p384.pem") + " does not match the certificate in "
            + "cert file " + pki.path("ec-sec1-cert.pem") + " (CN=client-ec_sec1): they are not "
            + "a key pair");
    assertThatThrownBy(() -> PemFiles.checkKeyMatches(key("ec-p384.pem", null), keySource,
        certificate("rsa-pkcs8-cert.pem"), PemSource.inDirectory("DOCKER_CERT_PATH", dir,
            "rsa-pkcs8-cert.pem")))
        .hasMessage("key file " + pki.path("ec-p384.pem") + " holds an EC key, but the "
            + "certificate in rsa-pkcs8-cert.pem (CN=client-rsa_pkcs8) has an RSA public key");
  }

  @Test
  void sameCurveButAnotherEcKey() throws IOException {
    pki.openssl("ecparam", "-genkey", "-name", "prime256v1", "-out", "ec-other.pem");
    PemSource keySource = source("ec-other.pem");
    assertThatThrownBy(() -> PemFiles.checkKeyMatches(key("ec-other.pem", null), keySource,
        certificate("ec-sec1-cert.pem"), PemSource.argument("cert",
            pki.path("ec-sec1-cert.pem"))))
        .hasMessageContaining("does not match the certificate");
  }
}
