package dev.berth.internal.system;

import static dev.berth.internal.http.Fields.apiVersion;
import static dev.berth.internal.http.Fields.bool;
import static dev.berth.internal.http.Fields.integer;
import static dev.berth.internal.http.Fields.longValue;
import static dev.berth.internal.http.Fields.object;
import static dev.berth.internal.http.Fields.string;
import static dev.berth.internal.http.Fields.strings;

import dev.berth.ServerErrorException;
import dev.berth.UnauthorizedException;
import dev.berth.internal.auth.RegistryAuthSource;
import dev.berth.internal.http.ApiClient;
import dev.berth.model.Ping;
import dev.berth.model.RegistryCredentials;
import dev.berth.model.SystemInfo;
import dev.berth.model.Version;
import dev.berth.system.DockerSystem;
import java.util.Map;

/** {@link DockerSystem} over the Engine API. */
public final class SystemCalls implements DockerSystem {
  private final ApiClient api;
  private final RegistryAuthSource auth;

  /** System calls over {@code api}, keeping logins in {@code auth}. */
  public SystemCalls(ApiClient api, RegistryAuthSource auth) {
    this.api = api;
    this.auth = auth;
  }

  @Override
  public String login(RegistryCredentials credentials) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (credentials.identityToken() != null) {
      body.put("identitytoken", credentials.identityToken());
    } else {
      body.put("username", credentials.username());
      body.put("password", credentials.password());
    }
    body.put("serveraddress", credentials.serverAddress());
    Map<String, Object> answer;
    try {
      answer = api.call("POST", "/auth").jsonBody(body).jsonObject();
    } catch (ServerErrorException e) {
      // dockerd 20.10 passes a registry's 401 on as a 500 whose message says so.
      if (e.engineMessage().contains("401 Unauthorized")) {
        throw new UnauthorizedException(e.status(), e.method(), e.path(), e.apiVersion(),
            e.engineMessage());
      }
      throw e;
    }
    String token = string(answer, "IdentityToken");
    auth.store(token == null || token.isEmpty() ? credentials
        : new RegistryCredentials(null, null, token, credentials.serverAddress()));
    return string(answer, "Status");
  }

  @Override
  public dev.berth.system.EventStream events(dev.berth.system.EventOptions options) {
    return new ResumingEvents(api, options);
  }

  @Override
  @SuppressWarnings("unchecked")
  public dev.berth.model.DiskUsage df() {
    Map<String, Object> m = api.call("GET", "/system/df").jsonObject();
    long[] images = sum(m.get("Images"), "Size");
    long[] containers = sum(m.get("Containers"), "SizeRw");
    long[] volumes = new long[2];
    Object vs = m.get("Volumes");
    if (vs instanceof java.util.List<?> list) {
      for (Object v : list) {
        volumes[0]++;
        volumes[1] += Math.max(0, longValue(object((Map<String, Object>) v, "UsageData"), "Size"));
      }
    }
    long[] cache = sum(m.get("BuildCache"), "Size");
    return new dev.berth.model.DiskUsage((int) images[0], images[1], (int) containers[0],
        containers[1], (int) volumes[0], volumes[1], (int) cache[0], cache[1], m);
  }

  @SuppressWarnings("unchecked")
  private static long[] sum(Object list, String field) {
    long[] countAndBytes = new long[2];
    if (list instanceof java.util.List<?> l) {
      for (Object o : l) {
        countAndBytes[0]++;
        countAndBytes[1] += Math.max(0, longValue((Map<String, Object>) o, field));
      }
    }
    return countAndBytes;
  }

  @Override
  public void logout(String server) {
    auth.erase(server);
  }

  @Override
  public Ping ping() {
    return api.ping();
  }

  @Override
  public Version version() {
    return toVersion(api.call("GET", "/version").jsonObject());
  }

  @Override
  public SystemInfo info() {
    return toInfo(api.call("GET", "/info").jsonObject());
  }

  static Version toVersion(Map<String, Object> json) {
    return new Version(
        string(json, "Version"),
        apiVersion(json, "ApiVersion"),
        apiVersion(json, "MinAPIVersion"),
        string(object(json, "Platform"), "Name"),
        string(json, "GitCommit"),
        string(json, "GoVersion"),
        string(json, "Os"),
        string(json, "Arch"),
        string(json, "KernelVersion"),
        string(json, "BuildTime"),
        bool(json, "Experimental"),
        json);
  }

  static SystemInfo toInfo(Map<String, Object> json) {
    return new SystemInfo(
        string(json, "ID"),
        string(json, "Name"),
        string(json, "ServerVersion"),
        string(json, "OperatingSystem"),
        string(json, "OSType"),
        string(json, "Architecture"),
        string(json, "KernelVersion"),
        integer(json, "NCPU"),
        longValue(json, "MemTotal"),
        integer(json, "Containers"),
        integer(json, "ContainersRunning"),
        integer(json, "ContainersPaused"),
        integer(json, "ContainersStopped"),
        integer(json, "Images"),
        string(json, "Driver"),
        string(json, "DockerRootDir"),
        string(json, "CgroupDriver"),
        string(json, "CgroupVersion"),
        strings(json, "Labels"),
        json);
  }
}
