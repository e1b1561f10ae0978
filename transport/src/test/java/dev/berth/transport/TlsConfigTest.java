package dev.berth.transport;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.transport.TestPki.ClientKey;
import dev.berth.transport.internal.tls.PemFiles;
import dev.berth.transport.internal.tls.PemSource;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsConfigTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makeCertificates() throws IOException {
    pki = TestPki.create(dir);
  }

  private static TlsTestServer server(String cert, String... protocols) throws Exception {
    return TlsTestServer.start(pki.path(cert), pki.path("server-key.pem"), pki.path("ca.pem"),
        protocols);
  }

  private static TlsConfig fromPem(ClientKey key) {
    return TlsConfig.fromPem(pki.path("ca.pem"), pki.path(key.certFile), pki.path(key.keyFile),
        key.password());
  }

  // --- mutual TLS handshakes, one per key form

  @ParameterizedTest
  @EnumSource(ClientKey.class)
  void mutualTlsHandshakeWithEveryKeyForm(ClientKey key) throws Exception {
    TlsConfig tls = fromPem(key);
    try (TlsTestServer server = server("server.pem")) {
      assertThat(TlsTestServer.exchange(tls, server.port(), "ping " + key))
          .isEqualTo("ping " + key + " over TLSv1.3");
      assertThat(server.clientSubject()).startsWith("CN=client-");
    }
  }

  @Test
  void handshakeFromDockerCertPath() throws Exception {
    Path certs = pki.certPath("certs-ok", ClientKey.EC_SEC1);
    TlsConfig tls = TlsConfig.fromCertPath(certs, true);
    assertThat(tls.verifiesHostname()).isTrue();
    assertThat(tls.skipsVerification()).isFalse();
    try (TlsTestServer server = server("server.pem")) {
      assertThat(TlsTestServer.exchange(tls, server.port(), "hello"))
          .isEqualTo("hello over TLSv1.3");
      assertThat(server.clientSubject()).isEqualTo("CN=client-ec_sec1");
    }
  }

  @Test
  void speaksTls12WithAServerLimitedToIt() throws Exception {
    try (TlsTestServer server = server("server.pem", "TLSv1.2")) {
      assertThat(TlsTestServer.exchange(fromPem(ClientKey.RSA_PKCS1), server.port(), "old"))
          .isEqualTo("old over TLSv1.2");
    }
    try (TlsTestServer server = server("server.pem", "TLSv1.2")) {
      assertThat(TlsTestServer.exchange(fromPem(ClientKey.EC_PKCS8), server.port(), "old"))
          .isEqualTo("old over TLSv1.2");
    }
  }

  @Test
  void worksAsOkHttpsSocketFactoryAndTrustManager() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_ENCRYPTED_PKCS8);
    OkHttpClient client = new OkHttpClient.Builder()
        .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager())
        .build();
    try (TlsTestServer server = server("server.pem");
        Response response = client.newCall(new Request.Builder()
            .url("https://127.0.0.1:" + server.port() + "/_ping").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("ok");
      assertThat(response.handshake().tlsVersion().javaName()).isEqualTo("TLSv1.3");
      assertThat(server.clientSubject()).isEqualTo("CN=client-rsa_pkcs8");
    } finally {
      client.connectionPool().evictAll();
      client.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void fromKeyStoresHandshakes() throws Exception {
    char[] password = "store-password".toCharArray();
    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    PrivateKey key = PemFiles.readPrivateKey(PemSource.argument("key",
        pki.path(ClientKey.EC_SEC1.keyFile)), null);
    List<X509Certificate> chain = PemFiles.readCertificates(PemSource.argument("cert",
        pki.path(ClientKey.EC_SEC1.certFile)));
    identity.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", PemFiles.readCertificates(
        PemSource.argument("ca", pki.path("ca.pem"))).get(0));

    TlsConfig tls = TlsConfig.fromKeyStores(trust, identity, password);
    try (TlsTestServer server = server("server.pem")) {
      assertThat(TlsTestServer.exchange(tls, server.port(), "ks")).isEqualTo("ks over TLSv1.3");
      assertThat(server.clientSubject()).isEqualTo("CN=client-ec_sec1");
    }

    assertThatThrownBy(() -> TlsConfig.fromKeyStores(trust, identity, "nope".toCharArray()))
        .isInstanceOf(TlsConfigException.class)
        .hasMessageContaining("identity key store's key cannot be read with the password given");
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    assertThatThrownBy(() -> TlsConfig.fromKeyStores(empty, null, null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("the trust key store holds no certificate: it would trust no server");
    assertThatThrownBy(() -> TlsConfig.fromKeyStores(null, empty, password))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("the identity key store holds no private key");
  }

  // --- server verification

  @Test
  void rejectsAServerCertificateFromAnotherCa() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    try (TlsTestServer server = server("rogue-server.pem")) {
      assertThatThrownBy(() -> TlsTestServer.exchange(tls, server.port(), "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("server certificate CN=localhost (issued by CN=Other CA) was "
              + "rejected (trusting the CA certificates of ca file " + pki.path("ca.pem") + "): "
              + "no trusted CA issued it; PKIX path building failed");
    }
  }

  @Test
  void rejectsAServerCertificateForAnotherName() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    try (TlsTestServer server = server("elsewhere-server.pem")) {
      assertThatThrownBy(() -> TlsTestServer.exchange(tls, server.port(), "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("server certificate CN=elsewhere.example")
          .hasMessageContaining("): it is not for 127.0.0.1; ");
    }
  }

  @Test
  void rejectsAnExpiredServerCertificateSayingWhen() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    try (TlsTestServer server = server("expired-server.pem")) {
      assertThatThrownBy(() -> TlsTestServer.exchange(tls, server.port(), "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("server certificate CN=localhost (issued by CN=Berth Test CA) was "
              + "rejected (trusting the CA certificates of ca file " + pki.path("ca.pem") + "): "
              + "it expired at 2020-01-02T00:00:00Z");
    }
  }

  @Test
  void rejectsASelfSignedServerCertificateSayingSo() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    try (TlsTestServer server = server("self-signed-server.pem")) {
      assertThatThrownBy(() -> TlsTestServer.exchange(tls, server.port(), "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("server certificate CN=localhost (issued by CN=localhost) was "
              + "rejected (trusting the CA certificates of ca file " + pki.path("ca.pem") + "): "
              + "it is self-signed and not one of the trusted certificates");
    }
  }

  @Test
  void eachRejectionSaysWhichThroughTheTransport() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    String[][] cases = {
        {"expired-server.pem", "it expired at 2020-01-02T00:00:00Z"},
        {"self-signed-server.pem", "it is self-signed and not one of the trusted certificates"},
        {"rogue-server.pem", "no trusted CA issued it"},
        {"elsewhere-server.pem", "it is not for 127.0.0.1"}};
    for (String[] c : cases) {
      try (TlsTestServer server = server(c[0]);
          Transport transport = Transport.create(Endpoint.parse("tcp://127.0.0.1:" + server.port()),
              TransportOptions.defaults().withTls(tls))) {
        assertThatThrownBy(() -> transport.execute(HttpRequest.get("/_ping").build()))
            .as(c[0])
            .isInstanceOf(ConnectFailedException.class)
            .hasMessageStartingWith("cannot connect to the Docker engine at tcp://127.0.0.1:"
                + server.port() + ": ")
            .hasMessageContaining(c[1]);
      }
    }
  }

  @Test
  void neverFallsBackToPlainHttp() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    List<String> endpoints = List.of("tcp://127.0.0.1:%d", "https://127.0.0.1:%d");
    for (String endpoint : endpoints) {
      for (TlsConfig config : new TlsConfig[] {tls, null}) {
        try (PlainRecorder plain = new PlainRecorder()) {
          Endpoint e = Endpoint.parse(String.format(endpoint, plain.port()));
          if (config == null && e.scheme() != Endpoint.Scheme.HTTPS) {
            continue; // tcp:// without TLS is plain HTTP by request
          }
          TransportOptions options = TransportOptions.defaults();
          if (config != null) {
            options = options.withTls(config);
          }
          try (Transport transport = Transport.create(e, options)) {
            assertThatThrownBy(() -> transport.execute(HttpRequest.get("/_ping").build()))
                .as(e + " with " + config)
                .isInstanceOf(ConnectFailedException.class)
                .hasRootCauseInstanceOf(SSLException.class);
          }
          assertThat(plain.received()).as(e + " with " + config).isNotEmpty()
              .allSatisfy(first -> assertThat(first[0]).as("a TLS handshake record").isEqualTo(
                  (byte) 0x16));
          assertThat(plain.receivedText()).doesNotContain("GET ").doesNotContain("_ping")
              .doesNotContain("HTTP/1.1");
        }
      }
    }
  }

  @Test
  void withoutHostnameVerificationAcceptsAnotherNameButStillChecksTheCa() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8).withHostnameVerification(false);
    assertThat(tls.verifiesHostname()).isFalse();
    assertThat(tls.skipsVerification()).isFalse();
    try (TlsTestServer server = server("elsewhere-server.pem")) {
      assertThat(TlsTestServer.exchange(tls, server.port(), "x")).isEqualTo("x over TLSv1.3");
    }
    try (TlsTestServer server = server("rogue-server.pem")) {
      assertThatThrownBy(() -> TlsTestServer.exchange(tls, server.port(), "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("PKIX path building failed");
    }
  }

  @Test
  void checksHostnamesByDefaultOnEverySocketAndEngine() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    SSLContext context = tls.sslContext();
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm())
          .isEqualTo("HTTPS");
    }
    SSLEngine engine = context.createSSLEngine("127.0.0.1", 2376);
    assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    assertThat(context.getDefaultSSLParameters().getEndpointIdentificationAlgorithm())
        .isEqualTo("HTTPS");
    try (SSLSocket socket = (SSLSocket) tls.withHostnameVerification(false).sslContext()
        .getSocketFactory().createSocket()) {
      assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
    }
  }

  @Test
  void certPathWithoutVerifySkipsServerChecksButPresentsTheClientCertificate() throws Exception {
    Path certs = pki.certPath("certs-noverify", ClientKey.RSA_PKCS1);
    Files.delete(certs.resolve("ca.pem"));
    TlsConfig tls = TlsConfig.fromCertPath(certs, false);
    assertThat(tls.skipsVerification()).isTrue();
    assertThat(tls.verifiesHostname()).isFalse();
    try (TlsTestServer server = server("rogue-server.pem")) {
      assertThat(TlsTestServer.exchange(tls, server.port(), "y")).isEqualTo("y over TLSv1.3");
      assertThat(server.clientSubject()).isEqualTo("CN=client-rsa_pkcs1");
    }
  }

  @Test
  void insecureSkipVerifyTrustsAnyServerAndCannotCheckNames() throws Exception {
    TlsConfig tls = fromPem(ClientKey.EC_PKCS8).withInsecureSkipVerify();
    assertThat(tls.skipsVerification()).isTrue();
    assertThat(tls.verifiesHostname()).isFalse();
    assertThat(tls.trustManager().getAcceptedIssuers()).isEmpty();
    assertThat(tls.withInsecureSkipVerify()).isSameAs(tls);
    assertThat(tls.withHostnameVerification(false)).isSameAs(tls);
    try (TlsTestServer server = server("rogue-server.pem")) {
      assertThat(TlsTestServer.exchange(tls, server.port(), "z")).isEqualTo("z over TLSv1.3");
    }
    assertThatThrownBy(() -> tls.withHostnameVerification(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("skips server verification");
  }

  @Test
  void trustManagerIsTheOneTheContextUses() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    assertThat(tls.trustManager().getAcceptedIssuers())
        .extracting(c -> c.getSubjectX500Principal().getName())
        .containsExactly("CN=Berth Test CA");
    X509Certificate rogue = PemFiles.readCertificates(
        PemSource.argument("cert", pki.path("rogue-server.pem"))).get(0);
    assertThatThrownBy(() -> tls.trustManager().checkServerTrusted(
        new X509Certificate[] {rogue}, "ECDHE_RSA"))
        .hasMessageContaining("server certificate CN=localhost (issued by CN=Other CA)");
  }

  @Test
  void defaultTrustRejectsATestCa() throws Exception {
    TlsConfig tls = TlsConfig.fromPem(null, pki.path(ClientKey.RSA_PKCS8.certFile),
        pki.path(ClientKey.RSA_PKCS8.keyFile), null);
    try (TlsTestServer server = server("server.pem")) {
      assertThatThrownBy(() -> TlsTestServer.exchange(tls, server.port(), "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("trusting the JDK's default trust store");
    }
  }

  // --- client certificate

  @Test
  void withoutAClientCertificateAServerRequiringOneRefuses() throws Exception {
    TlsConfig tls = TlsConfig.fromPem(pki.path("ca.pem"), null, null, null);
    try (TlsTestServer server = server("server.pem");
        SSLSocket socket = (SSLSocket) tls.sslContext().getSocketFactory()
            .createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      // in TLS 1.3 the client learns of the refusal at its first read, after its handshake; it
      // writes nothing first, so that the server's alert is not lost to a reset connection
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SSLException.class)
          .hasMessageMatching(".*(certificate_required|bad_certificate).*");
      assertThatThrownBy(server::clientSubject)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("Empty client certificate chain");
    }
  }

  @Test
  void certWithoutKeyIsRefused() {
    Path cert = pki.path(ClientKey.RSA_PKCS8.certFile);
    Path key = pki.path(ClientKey.RSA_PKCS8.keyFile);
    assertThatThrownBy(() -> TlsConfig.fromPem(null, cert, null, null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("cert file " + cert + " is given without a key file: a client certificate "
            + "needs its private key");
    assertThatThrownBy(() -> TlsConfig.fromPem(null, null, key, null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + key + " is given without a cert file: a client key needs its "
            + "certificate");
  }

  @Test
  void keyOfAnotherCertificateIsRefused() {
    Path cert = pki.path(ClientKey.RSA_PKCS1.certFile);
    Path key = pki.path(ClientKey.RSA_PKCS8.keyFile);
    assertThatThrownBy(() -> TlsConfig.fromPem(pki.path("ca.pem"), cert, key, null))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + key + " does not match the certificate in cert file " + cert
            + " (CN=client-rsa_pkcs1): they are not a key pair");
  }

  // --- DOCKER_CERT_PATH errors

  @Test
  void missingKeyPemNamesTheFileAndTheDirectory() throws IOException {
    Path certs = pki.certPath("certs-nokey", ClientKey.RSA_PKCS8);
    Files.delete(certs.resolve("key.pem"));
    assertThatThrownBy(() -> TlsConfig.fromCertPath(certs, true))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("DOCKER_CERT_PATH " + certs + ": key.pem is missing");
  }

  @Test
  void missingFilesAreNamedAllAtOnce() throws IOException {
    Path certs = Files.createDirectories(dir.resolve("certs-empty"));
    assertThatThrownBy(() -> TlsConfig.fromCertPath(certs, true))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("DOCKER_CERT_PATH " + certs + ": ca.pem, cert.pem and key.pem are missing");
    assertThatThrownBy(() -> TlsConfig.fromCertPath(certs, false))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("DOCKER_CERT_PATH " + certs + ": cert.pem and key.pem are missing (needed "
            + "even without verification, for the client certificate)");
    Path nowhere = dir.resolve("no-such-dir");
    assertThatThrownBy(() -> TlsConfig.fromCertPath(nowhere, true))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("DOCKER_CERT_PATH " + nowhere + ": the directory does not exist");
  }

  @Test
  void unparsableFileInCertPathNamesTheFile() throws IOException {
    Path certs = pki.certPath("certs-dsa", ClientKey.RSA_PKCS8);
    pki.openssl("dsaparam", "-genkey", "-noout", "-out", "dsa8.pem", "1024");
    pki.openssl("pkey", "-in", "dsa8.pem", "-traditional", "-out", "dsa.pem");
    Files.copy(pki.path("dsa.pem"), certs.resolve("key.pem"), REPLACE_EXISTING);
    assertThatThrownBy(() -> TlsConfig.fromCertPath(certs, true))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("DOCKER_CERT_PATH " + certs + ": key.pem: BEGIN DSA PRIVATE KEY is not "
            + "supported; expected RSA or EC keys in PKCS#1, PKCS#8 or SEC1 form");
    Files.writeString(certs.resolve("ca.pem"), "garbage\n");
    assertThatThrownBy(() -> TlsConfig.fromCertPath(certs, true))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("DOCKER_CERT_PATH " + certs + ": ca.pem: holds no PEM block (no -----BEGIN "
            + "line)");
  }

  @Test
  void encryptedKeyWithoutItsPasswordIsAClearError() throws IOException {
    Path key = pki.path("rsa-encrypted.pem");
    for (char[] none : new char[][] {null, new char[0]}) {
      assertThatThrownBy(() -> TlsConfig.fromPem(null, pki.path("rsa-pkcs8-cert.pem"), key, none))
          .isInstanceOf(TlsConfigException.class)
          .hasMessage("key file " + key + ": BEGIN ENCRYPTED PRIVATE KEY is encrypted; give its "
              + "password to read it");
    }
    // DOCKER_CERT_PATH has no password: an encrypted key.pem there is named as the reason
    Path certs = Files.createDirectories(dir.resolve("encrypted-cert-path"));
    Files.copy(pki.path("ca.pem"), certs.resolve("ca.pem"), REPLACE_EXISTING);
    Files.copy(pki.path("rsa-pkcs8-cert.pem"), certs.resolve("cert.pem"), REPLACE_EXISTING);
    Files.copy(key, certs.resolve("key.pem"), REPLACE_EXISTING);
    assertThatThrownBy(() -> TlsConfig.fromCertPath(certs, true))
        .isInstanceOf(TlsConfigException.class)
        .hasMessageContaining("key.pem")
        .hasMessageContaining("is encrypted; give its password to read it");
  }

  @Test
  void wrongPasswordIsRefused() {
    assertThatThrownBy(() -> TlsConfig.fromPem(null, pki.path("rsa-pkcs8-cert.pem"),
        pki.path("rsa-encrypted.pem"), "wrong".toCharArray()))
        .isInstanceOf(TlsConfigException.class)
        .hasMessage("key file " + pki.path("rsa-encrypted.pem") + ": BEGIN ENCRYPTED PRIVATE KEY "
            + "cannot be decrypted: the password is wrong");
  }

  // --- protocols

  @Test
  void offersOnlyTls13AndTls12() throws Exception {
    SSLContext context = fromPem(ClientKey.RSA_PKCS8).sslContext();
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }
    assertThat(context.createSSLEngine().getEnabledProtocols())
        .containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(context.getDefaultSSLParameters().getProtocols())
        .containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(context.getSupportedSSLParameters().getProtocols())
        .containsExactly("TLSv1.3", "TLSv1.2");
  }

  @Test
  void clientHelloOffersOnlyTls13AndTls12() throws Exception {
    TlsConfig tls = fromPem(ClientKey.RSA_PKCS8);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
        try (Socket socket = tls.sslContext().getSocketFactory()
            .createSocket("127.0.0.1", listener.getLocalPort())) {
          socket.setSoTimeout(10_000);
          ((SSLSocket) socket).startHandshake();
        } catch (IOException expected) {
          // the listener hangs up after reading the ClientHello
        }
      });
      List<Integer> versions;
      int legacyVersion;
      try (Socket accepted = listener.accept()) {
        accepted.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(accepted.getInputStream());
        assertThat(in.readUnsignedByte()).as("record type handshake").isEqualTo(22);
        in.readUnsignedShort();
        byte[] record = new byte[in.readUnsignedShort()];
        in.readFully(record);
        ByteBuffer hello = ByteBuffer.wrap(record);
        assertThat(hello.get()).as("handshake type ClientHello").isEqualTo((byte) 1);
        hello.position(4);
        legacyVersion = hello.getShort() & 0xFFFF;
        hello.position(hello.position() + 32);
        skip(hello, hello.get() & 0xFF);
        skip(hello, hello.getShort() & 0xFFFF);
        skip(hello, hello.get() & 0xFF);
        int extensionsLength = hello.getShort() & 0xFFFF;
        int extensionsEnd = hello.position() + extensionsLength;
        versions = new ArrayList<>();
        while (hello.position() < extensionsEnd) {
          int type = hello.getShort() & 0xFFFF;
          int length = hello.getShort() & 0xFFFF;
          if (type == 43) {
            int count = (hello.get() & 0xFF) / 2;
            for (int i = 0; i < count; i++) {
              versions.add(hello.getShort() & 0xFFFF);
            }
          } else {
            skip(hello, length);
          }
        }
      }
      client.get(20, TimeUnit.SECONDS);
      assertThat(legacyVersion).as("ClientHello legacy_version").isEqualTo(0x0303);
      assertThat(versions).as("supported_versions: TLS 1.3, TLS 1.2")
          .containsExactly(0x0304, 0x0303);
    }
  }

  private static void skip(ByteBuffer buffer, int bytes) {
    buffer.position(buffer.position() + bytes);
  }

  @Test
  void refusesAServerThatSpeaksOnlyTls11() throws Exception {
    // a real TLS 1.1 server: it refuses a client whose ClientHello offers nothing it speaks
    Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:0",
        "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0", "-naccept", "1",
        "-cert", pki.path("server.pem").toString(), "-key", pki.path("server-key.pem").toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      Pattern accept = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");
      int port = -1;
      for (String line; port < 0 && (line = out.readLine()) != null; ) {
        Matcher m = accept.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as("openssl s_server port").isPositive();
      int serverPort = port;
      assertThatThrownBy(() -> TlsTestServer.exchange(fromPem(ClientKey.RSA_PKCS8), serverPort,
          "x"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("protocol_version");
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void contextCannotBeReinitialized() {
    SSLContext context = fromPem(ClientKey.RSA_PKCS8).sslContext();
    assertThatThrownBy(() -> context.init(null, null, null))
        .hasMessageContaining("cannot be initialized again");
  }

  @Test
  void toStringNamesTrustAndIdentityButNoSecrets() {
    TlsConfig tls = fromPem(ClientKey.RSA_ENCRYPTED_PKCS8);
    assertThat(tls.toString())
        .contains("TLSv1.3", "CN=client-rsa_pkcs8", "ca file " + pki.path("ca.pem"))
        .doesNotContain(TestPki.PASSWORD);
  }
}
