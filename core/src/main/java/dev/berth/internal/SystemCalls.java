package dev.berth.internal;

import static dev.berth.internal.Fields.apiVersion;
import static dev.berth.internal.Fields.bool;
import static dev.berth.internal.Fields.integer;
import static dev.berth.internal.Fields.longValue;
import static dev.berth.internal.Fields.object;
import static dev.berth.internal.Fields.string;
import static dev.berth.internal.Fields.strings;

import dev.berth.model.Ping;
import dev.berth.model.SystemInfo;
import dev.berth.model.Version;
import dev.berth.system.DockerSystem;
import java.util.Map;

/** {@link DockerSystem} over the Engine API. */
public final class SystemCalls implements DockerSystem {
  private final ApiClient api;

  /** System calls over {@code api}. */
  public SystemCalls(ApiClient api) {
    this.api = api;
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
