package dev.berth.internal.discovery;

import dev.berth.internal.http.Fields;
import dev.berth.internal.http.Json;
import dev.berth.transport.Endpoint;
import dev.berth.transport.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The docker CLI's context store: {@code contexts/meta/<sha256(name)>/meta.json} holds the
 * endpoint ({@code Endpoints.docker.Host}, {@code SkipTLSVerify}); {@code
 * contexts/tls/<sha256(name)>/docker/} holds {@code ca.pem}, {@code cert.pem} and {@code key.pem}.
 */
public final class ContextStore {
  private ContextStore() {}

  /** A context's endpoint and TLS settings (null for none). */
  public record Context(String name, Endpoint endpoint, TlsConfig tls) {}

  /**
   * Reads context {@code name}; {@code source} (DOCKER_CONTEXT or currentContext) names where the
   * name came from in errors.
   *
   * @throws IllegalArgumentException if the context does not exist or cannot be read
   */
  @SuppressWarnings("unchecked")
  public static Context read(Map<String, String> env, Path home, String name, String source) {
    Path config = DockerConfig.file(env, home).getParent();
    String id = sha256(name);
    Path meta = config.resolve("contexts/meta").resolve(id).resolve("meta.json");
    Object json;
    try (InputStream in = Files.newInputStream(meta)) {
      json = Json.read(in);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Docker context \"" + name + "\" (" + source
          + ") does not exist: no " + meta);
    } catch (IOException e) {
      throw new IllegalArgumentException("Docker context \"" + name + "\" (" + source
          + ") cannot be read from " + meta + ": " + e.getMessage(), e);
    }
    Map<String, Object> docker = Fields.object(Fields.object((Map<String, Object>) json,
        "Endpoints"), "docker");
    String host = Fields.string(docker, "Host");
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("Docker context \"" + name + "\" in " + meta
          + " has no docker endpoint host");
    }
    Endpoint endpoint = Endpoint.parse(host);
    boolean skipVerify = Fields.bool(docker, "SkipTLSVerify");
    Path tlsDir = config.resolve("contexts/tls").resolve(id).resolve("docker");
    TlsConfig tls = null;
    if (Files.isDirectory(tlsDir)) {
      Path ca = tlsDir.resolve("ca.pem");
      Path cert = tlsDir.resolve("cert.pem");
      Path key = tlsDir.resolve("key.pem");
      tls = TlsConfig.fromPem(Files.exists(ca) ? ca : null, Files.exists(cert) ? cert : null,
          Files.exists(key) ? key : null, null);
      if (skipVerify) {
        tls = tls.withInsecureSkipVerify();
      }
    } else if (endpoint.isNetwork() && skipVerify) {
      tls = TlsConfig.fromPem(null, null, null, null).withInsecureSkipVerify();
    }
    return new Context(name, endpoint, tls);
  }

  static String sha256(String name) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
