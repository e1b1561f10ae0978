package dev.berth.internal.discovery;

import dev.berth.Diagnosis;
import dev.berth.internal.http.Json;
import dev.berth.model.ApiVersion;
import dev.berth.transport.ConnectFailedException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.Transport;
import dev.berth.transport.TransportOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the engine the way the docker CLI does: an endpoint given to the builder, {@code
 * DOCKER_HOST}, {@code DOCKER_CONTEXT}, {@code currentContext} in config.json; with none of these,
 * the usual sockets (system, rootless, Docker Desktop, Podman), the first that answers {@code
 * /_ping}.
 */
public final class Discovery {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private Discovery() {}

  /** A configured or probed endpoint, with the TLS settings its source gave. */
  public record Choice(Endpoint endpoint, ContextStore.Context context, Diagnosis diagnosis) {}

  /**
   * The endpoint to use. Configured sources are taken without contacting the engine; probing
   * pings each usual socket.
   *
   * @throws dev.berth.DockerConnectionException if nothing is configured and no usual socket
   *     answers; the message holds the diagnosis
   */
  public static Choice choose(Endpoint explicit, Map<String, String> env, Path home,
      TransportOptions options, boolean ping, List<String> probePaths) {
    List<Diagnosis.Candidate> seen = new ArrayList<>();
    if (explicit != null) {
      return taken(seen, "builder", explicit, null, options, ping);
    }
    seen.add(new Diagnosis.Candidate("builder", null, false, "not set"));
    String host = env.get("DOCKER_HOST");
    if (host != null && !host.isEmpty()) {
      Endpoint e;
      try {
        e = Endpoint.parse(host);
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("DOCKER_HOST: " + bad.getMessage(), bad);
      }
      return taken(seen, "DOCKER_HOST", e, null, options, ping);
    }
    seen.add(new Diagnosis.Candidate("DOCKER_HOST", null, false, "not set"));
    String context = env.get("DOCKER_CONTEXT");
    String source = "DOCKER_CONTEXT";
    if (context == null || context.isEmpty()) {
      seen.add(new Diagnosis.Candidate("DOCKER_CONTEXT", null, false, "not set"));
      context = DockerConfig.currentContext(env, home);
      source = "currentContext";
    }
    if (context != null && !context.isEmpty() && !context.equals("default")) {
      ContextStore.Context c = ContextStore.read(env, home, context, source);
      return taken(seen, source + " " + context, c.endpoint(), c, options, ping);
    }
    seen.add(new Diagnosis.Candidate(source, null, false,
        context == null || context.isEmpty() ? "not set" : "default: the usual sockets"));
    List<String[]> places = probePaths == null ? usualSockets(env, home)
        : probePaths.stream().map(p -> new String[] {p, p}).toList();
    for (String[] place : places) {
      if (place[1] == null) {
        seen.add(new Diagnosis.Candidate(place[0], null, false, "not set"));
        continue;
      }
      Path socket = Path.of(place[1]);
      Endpoint e = Endpoint.unix(place[1]);
      if (!Files.exists(socket)) {
        seen.add(new Diagnosis.Candidate(place[0], e.toString(), false, "file missing"));
        continue;
      }
      String answer = probe(e, null, options);
      if (answer.startsWith("answers")) {
        seen.add(new Diagnosis.Candidate(place[0], e.toString(), true, answer));
        return new Choice(e, null, new Diagnosis(seen, e));
      }
      seen.add(new Diagnosis.Candidate(place[0], e.toString(), false, answer));
    }
    Diagnosis d = new Diagnosis(seen, null);
    throw new dev.berth.DockerConnectionException(Endpoint.DEFAULT,
        "no Docker engine found; set DOCKER_HOST or start one. Looked at:\n" + d, null);
  }

  private static Choice taken(List<Diagnosis.Candidate> seen, String source, Endpoint e,
      ContextStore.Context context, TransportOptions options, boolean ping) {
    String reason = ping ? probe(e, context, options) : "configured (not contacted yet)";
    seen.add(new Diagnosis.Candidate(source, e.toString(), true, reason));
    return new Choice(e, context, new Diagnosis(seen, e));
  }

  /** The usual sockets: [label, path or null when its variable is unset]. */
  static List<String[]> usualSockets(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_RUNTIME_DIR");
    boolean hasXdg = xdg != null && !xdg.isEmpty();
    return List.of(
        new String[] {Endpoint.DEFAULT_UNIX_SOCKET, Endpoint.DEFAULT_UNIX_SOCKET},
        new String[] {"$XDG_RUNTIME_DIR/docker.sock", hasXdg ? xdg + "/docker.sock" : null},
        new String[] {"~/.docker/run/docker.sock", home.resolve(".docker/run/docker.sock")
            .toString()},
        new String[] {"~/.docker/desktop/docker.sock", home.resolve(".docker/desktop/docker.sock")
            .toString()},
        new String[] {"$XDG_RUNTIME_DIR/podman/podman.sock",
            hasXdg ? xdg + "/podman/podman.sock" : null},
        new String[] {"/run/podman/podman.sock", "/run/podman/podman.sock"});
  }

  /** Pings {@code e} once and says what happened, in the diagnosis's words. */
  static String probe(Endpoint e, ContextStore.Context context, TransportOptions options) {
    TransportOptions probing = options.withConnectTimeout(PROBE_TIMEOUT)
        .withReadTimeout(PROBE_TIMEOUT);
    if (context != null && context.tls() != null) {
      probing = probing.withTls(context.tls());
    }
    try (Transport t = Transport.create(e, probing);
        HttpResponse r = t.execute(HttpRequest.get("/_ping").build())) {
      r.body().readAllBytes();
      if (r.status() != 200) {
        return "ping failed: answered " + r.status();
      }
      String api = r.header("Api-Version");
      String range = "";
      try (HttpResponse v = t.execute(HttpRequest.get("/version").build())) {
        Object json = Json.read(v.body());
        if (json instanceof Map<?, ?> m) {
          range = " (oldest " + m.get("MinAPIVersion") + "), Docker " + m.get("Version");
        }
      }
      return "answers, API " + (api == null ? "?" : ApiVersion.parse(api)) + range;
    } catch (ConnectFailedException c) {
      String m = String.valueOf(c.getCause() == null ? c.getMessage() : c.getCause().getMessage());
      if (m.contains("Permission denied") || m.contains("Access denied")) {
        return "permission denied";
      }
      if (m.contains("refused") || m.contains("No such file")) {
        return "connection refused";
      }
      return "connect failed: " + m;
    } catch (javax.net.ssl.SSLException tls) {
      return "TLS failure: " + tls.getMessage();
    } catch (IOException | RuntimeException other) {
      return (other.getCause() instanceof javax.net.ssl.SSLException tls
          ? "TLS failure: " + tls.getMessage() : "ping failed: " + other.getMessage());
    }
  }
}
