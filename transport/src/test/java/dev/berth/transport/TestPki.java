package dev.berth.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates and keys for TLS tests, made by the {@code openssl} CLI in a directory: two CAs, a
 * server certificate for 127.0.0.1 and localhost, and client certificates whose keys are in every
 * form Berth reads.
 */
final class TestPki {
  /** The password of the encrypted keys. */
  static final String PASSWORD = "secret";

  /** Client keys by form: file name of the key, of its certificate, and the key's password. */
  enum ClientKey {
    RSA_PKCS1("rsa-pkcs1.pem", "rsa-pkcs1-cert.pem", null),
    RSA_PKCS8("rsa-pkcs8.pem", "rsa-pkcs8-cert.pem", null),
    EC_SEC1("ec-sec1.pem", "ec-sec1-cert.pem", null),
    EC_SEC1_P384("ec-p384.pem", "ec-p384-cert.pem", null),
    EC_SEC1_P521("ec-p521.pem", "ec-p521-cert.pem", null),
    EC_PKCS8("ec-pkcs8.pem", "ec-sec1-cert.pem", null),
    RSA_ENCRYPTED_PKCS8("rsa-encrypted.pem", "rsa-pkcs8-cert.pem", PASSWORD),
    EC_ENCRYPTED_PKCS8("ec-encrypted.pem", "ec-sec1-cert.pem", PASSWORD);

    final String keyFile;
    final String certFile;
    final String password;

    ClientKey(String keyFile, String certFile, String password) {
      this.keyFile = keyFile;
      this.certFile = certFile;
      this.password = password;
    }

    char[] password() {
      return password == null ? null : password.toCharArray();
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /**
   * Makes everything in {@code dir}: {@code ca.pem} (CN=Berth Test CA) and {@code other-ca.pem}
   * (CN=Other CA); {@code server.pem} for 127.0.0.1 and localhost with its key {@code
   * server-key.pem}, and the same key certified by the other CA ({@code rogue-server.pem}) and
   * for another name ({@code elsewhere-server.pem}), certified for a day in 2020 only ({@code
   * expired-server.pem}) and signed by itself ({@code self-signed-server.pem}); a client key and
   * certificate per {@link ClientKey}.
   */
  static TestPki create(Path dir) throws IOException {
    TestPki pki = new TestPki(dir);
    pki.ca("ca", "Berth Test CA");
    pki.ca("other-ca", "Other CA");
    pki.openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
        "-out", "server-key.pem");
    String serverUse = "extendedKeyUsage=serverAuth";
    pki.certificate("server.pem", "server-key.pem", "localhost", "ca",
        "subjectAltName=IP:127.0.0.1,DNS:localhost", serverUse);
    pki.certificate("rogue-server.pem", "server-key.pem", "localhost", "other-ca",
        "subjectAltName=IP:127.0.0.1,DNS:localhost", serverUse);
    pki.certificate("elsewhere-server.pem", "server-key.pem", "elsewhere.example", "ca",
        "subjectAltName=DNS:elsewhere.example", serverUse);
    pki.expired("expired-server.pem", "server-key.pem", "localhost", "ca",
        "subjectAltName=IP:127.0.0.1,DNS:localhost", serverUse);
    pki.openssl("req", "-x509", "-new", "-key", "server-key.pem", "-days", "2",
        "-subj", "/CN=localhost", "-out", "self-signed-server.pem",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-addext", serverUse);

    pki.openssl("genrsa", "-traditional", "-out", "rsa-pkcs1.pem", "2048");
    pki.openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
        "-out", "rsa-pkcs8.pem");
    pki.openssl("ecparam", "-genkey", "-name", "prime256v1", "-out", "ec-sec1.pem");
    pki.openssl("ecparam", "-genkey", "-name", "secp384r1", "-out", "ec-p384.pem");
    pki.openssl("ecparam", "-genkey", "-name", "secp521r1", "-out", "ec-p521.pem");
    pki.openssl("pkcs8", "-topk8", "-nocrypt", "-in", "ec-sec1.pem", "-out", "ec-pkcs8.pem");
    pki.openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD,
        "-in", "rsa-pkcs8.pem", "-out", "rsa-encrypted.pem");
    pki.openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD,
        "-in", "ec-sec1.pem", "-out", "ec-encrypted.pem");
    for (ClientKey key : ClientKey.values()) {
      if (!Files.exists(dir.resolve(key.certFile))) {
        pki.certificate(key.certFile, key.keyFile, "client-" + key.name().toLowerCase(), "ca",
            "extendedKeyUsage=clientAuth");
      }
    }
    return pki;
  }

  /** The file {@code name} of this PKI. */
  Path path(String name) {
    return dir.resolve(name);
  }

  /** Runs {@code openssl args…} in the directory; fails the test with its output on an error. */
  void openssl(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(command + " failed with " + process.exitValue() + ":\n" + output);
    }
  }

  /** A self-signed CA: {@code name.pem} and {@code name-key.pem}. */
  void ca(String name, String commonName) throws IOException {
    openssl("req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-keyout", name + "-key.pem", "-out", name + ".pem", "-subj", "/CN=" + commonName,
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  /** A certificate {@code certFile} for the key {@code keyFile}, signed by CA {@code ca}. */
  void certificate(String certFile, String keyFile, String commonName, String ca,
      String... extensions) throws IOException {
    String csr = certFile + ".csr";
    String extFile = certFile + ".ext";
    openssl("req", "-new", "-key", keyFile, "-subj", "/CN=" + commonName, "-out", csr);
    Files.writeString(dir.resolve(extFile), String.join("\n", extensions) + "\n");
    openssl("x509", "-req", "-in", csr, "-CA", ca + ".pem", "-CAkey", ca + "-key.pem",
        "-set_serial", "0x" + new BigInteger(63, RANDOM).toString(16), "-days", "2",
        "-extfile", extFile, "-out", certFile);
  }

  /**
   * A certificate {@code certFile} for {@code keyFile}, signed by CA {@code ca}, that was valid
   * for a day in January 2020 only: {@code openssl ca} is the one command that takes dates.
   */
  void expired(String certFile, String keyFile, String commonName, String ca,
      String... extensions) throws IOException {
    String csr = certFile + ".csr";
    String extFile = certFile + ".ext";
    String config = certFile + ".cnf";
    Path db = Files.createDirectories(dir.resolve(certFile + ".db"));
    Files.writeString(db.resolve("index.txt"), "");
    // openssl wants an even number of hex digits
    Files.writeString(db.resolve("serial"),
        String.format("%016x%n", new BigInteger(63, RANDOM)));
    Files.writeString(dir.resolve(config), String.join("\n",
        "[ca]", "default_ca = test_ca", "[test_ca]", "database = " + db.resolve("index.txt"),
        "serial = " + db.resolve("serial"), "new_certs_dir = " + db, "default_md = sha256",
        "policy = anything", "unique_subject = no", "[anything]", "commonName = supplied", ""));
    Files.writeString(dir.resolve(extFile), String.join("\n", extensions) + "\n");
    openssl("req", "-new", "-key", keyFile, "-subj", "/CN=" + commonName, "-out", csr);
    openssl("ca", "-batch", "-config", config, "-cert", ca + ".pem", "-keyfile", ca + "-key.pem",
        "-startdate", "20200101000000Z", "-enddate", "20200102000000Z", "-extfile", extFile,
        "-notext", "-in", csr, "-out", certFile);
  }

  /** A directory as DOCKER_CERT_PATH holds it: ca.pem, cert.pem, key.pem for {@code key}. */
  Path certPath(String name, ClientKey key) throws IOException {
    Path certs = Files.createDirectories(dir.resolve(name));
    Files.copy(path("ca.pem"), certs.resolve("ca.pem"));
    Files.copy(path(key.certFile), certs.resolve("cert.pem"));
    Files.copy(path(key.keyFile), certs.resolve("key.pem"));
    return certs;
  }
}
