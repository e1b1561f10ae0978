package dev.berth.internal;

import static dev.berth.internal.Fields.apiVersion;
import static dev.berth.internal.Fields.bool;
import static dev.berth.internal.Fields.integer;
import static dev.berth.internal.Fields.longValue;
import static dev.berth.internal.Fields.object;
import static dev.berth.internal.Fields.string;
import static dev.berth.internal.Fields.strings;

import dev.berth.ServerErrorException;
import dev.berth.UnauthorizedException;
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
