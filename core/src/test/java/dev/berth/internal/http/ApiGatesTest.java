package dev.berth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.UnsupportedApiVersionException;
import dev.berth.internal.body.ContainerCreateBody;
import dev.berth.internal.body.ServiceSpecBody;
import dev.berth.model.ApiVersion;
import dev.berth.model.ContainerSpec;
import dev.berth.model.DockerRun;
import dev.berth.model.DockerServiceCreate;
import dev.berth.networks.NetworkSpec;
import dev.berth.transport.DuplexConnection;
import dev.berth.transport.Endpoint;
import dev.berth.transport.HttpRequest;
import dev.berth.transport.HttpResponse;
import dev.berth.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API gates at work in {@link ApiClient.Call#open()}: every row newer than 1.40 fails one
 * version below its own before anything is sent and is sent at its own; removed rows are left out
 * from their removal on; strict mode names what the table lacks; paths find their templates.
 */
class ApiGatesTest {
  private static final ApiGates TABLE = ApiGates.table();

  /** A transport that answers {@code {}} to everything and keeps what it was sent. */
  static final class Recording implements Transport {
    final List<HttpRequest> requests = new ArrayList<>();

    @Override
    public Endpoint endpoint() {
      return Endpoint.parse("tcp://127.0.0.1:1");
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
      requests.add(request);
      return new HttpResponse() {
        @Override
        public int status() {
          return 200;
        }

        @Override
        public String header(String name) {
          return name.equalsIgnoreCase("Content-Type") ? "application/json" : null;
        }

        @Override
        public Map<String, List<String>> headers() {
          return Map.of("Content-Type", List.of("application/json"));
        }

        @Override
        public InputStream body() {
          return new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public DuplexConnection upgraded() {
          return null;
        }

        @Override
        public void abort() {}

        @Override
        public void close() {}
      };
    }

    @Override
    public HttpResponse upgrade(HttpRequest request) {
      return execute(request);
    }

    @Override
    public void close() {}

    /** The JSON body of the last request, read back. */
    @SuppressWarnings("unchecked")
    Map<String, Object> lastBody() throws IOException {
      HttpRequest.Body body = requests.get(requests.size() - 1).body();
      if (body == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      body.writeTo(out);
      return (Map<String, Object>) Json.read(out.toByteArray());
    }

    List<String> lastQueryNames() {
      return requests.get(requests.size() - 1).query().stream().map(Map.Entry::getKey).toList();
    }
  }

  private static ApiVersion before(ApiVersion v) {
    return ApiVersion.of(v.major(), v.minor() - 1);
  }

  /** A concrete path for a spec template: {@code {name}} becomes an image name with slashes. */
  private static String concrete(String template) {
    return template.replace("{name}", "127.0.0.1:5000/a/b:tag").replace("{id}", "abc");
  }

  /** The smallest body that sets the row's field: {@code A.B[].C} → {@code {A:{B:[{C:"x"}]}}}. */
  private static Object bodyFor(String location, boolean freeForm) {
    Object value = freeForm ? Map.of("k", "v") : "x";
    String[] segments = location.split("\\.");
    for (int i = segments.length - 1; i >= 0; i--) {
      String name = segments[i];
      while (name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2);
        value = List.of(value);
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(name.equals("*") ? "default" : name, value);
      value = m;
    }
    return value;
  }

  private static ApiClient.Call callFor(ApiClient api, ApiGates.Entry e) {
    String[] methodPath = e.endpoint().split(" ", 2);
    ApiClient.Call call = api.call(methodPath[0], concrete(methodPath[1]));
    return e.kind() == ApiGates.Kind.QUERY ? call.query(e.location(), "x")
        : call.jsonBody(bodyFor(e.location(), e.freeForm()));
  }

  static Stream<ApiGates.Entry> newerThanTheOldest() {
    return TABLE.entries().stream().filter(e -> e.since().compareTo(ApiClient.MIN_VERSION) > 0);
  }

  static Stream<ApiGates.Entry> removed() {
    return TABLE.entries().stream().filter(e -> e.removedIn() != null);
  }

  @Test
  void theSuitesRunInStrictMode() {
    assertThat(System.getProperty(ApiGates.STRICT_PROPERTY)).isEqualTo("true");
    assertThat(ApiGates.strict()).isTrue();
  }

  @Test
  void theTableHasGatesAboveTheOldestVersionAndRemovals() {
    assertThat(newerThanTheOldest()).hasSizeGreaterThanOrEqualTo(14);
    assertThat(removed()).extracting(ApiGates.Entry::location)
        .contains("HostConfig.KernelMemory", "MacAddress", "CheckDuplicate");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newerThanTheOldest")
  void aRowFailsOneVersionBelowItsOwnBeforeAnythingIsSentAndIsSentAtItsOwn(ApiGates.Entry e)
      throws IOException {
    ApiVersion older = before(e.since());
    Recording transport = new Recording();
    try (ApiClient api = new ApiClient(transport, older)) {
      assertThatThrownBy(() -> callFor(api, e).discard())
          .isInstanceOf(UnsupportedApiVersionException.class)
          .hasMessageStartingWith(e.describe() + " needs Engine API " + e.since()
              + " or newer; this engine is spoken to in API " + older)
          .hasMessageContaining(e.endpoint() + " was not sent")
          .satisfies(t -> {
            UnsupportedApiVersionException u = (UnsupportedApiVersionException) t;
            assertThat(u.required()).isEqualTo(e.since());
            assertThat(u.actual()).isEqualTo(older);
          });
      assertThat(transport.requests).isEmpty();
    }
    for (ApiVersion v : List.of(e.since(), ApiClient.MAX_VERSION)) {
      try (ApiClient api = new ApiClient(transport, v)) {
        callFor(api, e).discard();
      }
      String first = e.location().split("[.\\[]")[0];
      if (e.kind() == ApiGates.Kind.QUERY) {
        assertThat(transport.lastQueryNames()).as("at " + v).contains(e.location());
      } else if (e.removedIn() == null || !v.isAtLeast(e.removedIn())) {
        assertThat(transport.lastBody()).as("at " + v).containsKey(first);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removed")
  void aRemovedRowIsSentBeforeItsRemovalAndLeftOutFromIt(ApiGates.Entry e) throws IOException {
    Recording transport = new Recording();
    String leaf = e.location().substring(e.location().lastIndexOf('.') + 1);
    try (ApiClient api = new ApiClient(transport, before(e.removedIn()))) {
      callFor(api, e).discard();
    }
    assertThat(transport.lastBody().toString()).contains(leaf + "=x");
    for (ApiVersion v : List.of(e.removedIn(), ApiClient.MAX_VERSION)) {
      try (ApiClient api = new ApiClient(transport, v)) {
        callFor(api, e).discard();
      }
      assertThat(transport.requests).hasSize(v == ApiClient.MAX_VERSION ? 3 : 2);
      assertThat(transport.lastBody().toString()).doesNotContain(leaf + "=");
    }
  }

  // ---- the typed bodies meet the gates

  private static void create(ApiClient api, ContainerSpec spec) {
    api.call("POST", "/containers/create").query("name", spec.name())
        .query("platform", spec.platform())
        .jsonBody(ContainerCreateBody.of(spec, api.version())).discard();
  }

  @Test
  void dockerRunFlagsNewerThanTheVersionSpokenAreNamedWithTheirFlag() {
    Recording transport = new Recording();
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 40))) {
      assertThatThrownBy(() -> create(api, DockerRun.parse(
          "docker run --platform linux/amd64 busybox").spec()))
          .isInstanceOf(UnsupportedApiVersionException.class)
          .hasMessage("--platform (platform) needs Engine API 1.41 or newer; this engine is"
              + " spoken to in API 1.40 (POST /containers/create was not sent)");
      assertThatThrownBy(() -> create(api, DockerRun.parse(
          "docker run --cgroupns private busybox").spec()))
          .hasMessageStartingWith("--cgroupns (HostConfig.CgroupnsMode) needs Engine API 1.41");
    }
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 42))) {
      assertThatThrownBy(() -> create(api, DockerRun.parse(
          "docker run --annotation a=b busybox").spec()))
          .hasMessageStartingWith("--annotation (HostConfig.Annotations) needs Engine API 1.43"
              + " or newer; this engine is spoken to in API 1.42");
    }
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 43))) {
      assertThatThrownBy(() -> create(api, DockerRun.parse(
          "docker run --health-cmd true --health-start-interval 2s busybox").spec()))
          .hasMessageStartingWith("--health-start-interval (Healthcheck.StartInterval) needs"
              + " Engine API 1.44 or newer; this engine is spoken to in API 1.43");
    }
    assertThat(transport.requests).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void kernelMemoryIsSentUpTo141AndLeftOutFrom142() throws IOException {
    ContainerSpec spec = DockerRun.parse("docker run --kernel-memory 64m busybox").spec();
    Recording transport = new Recording();
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 41))) {
      create(api, spec);
      assertThat((Map<String, Object>) transport.lastBody().get("HostConfig"))
          .containsKey("KernelMemory");
    }
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 42))) {
      create(api, spec);
      assertThat((Map<String, Object>) transport.lastBody().get("HostConfig"))
          .doesNotContainKey("KernelMemory").containsKey("NetworkMode");
    }
  }

  @Test
  void checkDuplicateIsLeftOutFrom144() throws IOException {
    Recording transport = new Recording();
    for (String v : List.of("1.41", "1.44")) {
      try (ApiClient api = new ApiClient(transport, ApiVersion.parse(v))) {
        api.call("POST", "/networks/create").jsonBody(NetworkSpec.named("n").toJson()).discard();
      }
      assertThat(transport.lastBody().containsKey("CheckDuplicate")).as(v)
          .isEqualTo(v.equals("1.41"));
      assertThat(transport.lastBody()).containsEntry("Name", "n");
    }
  }

  private static void serviceCreate(ApiClient api, String flags) {
    api.call("POST", "/services/create").jsonBody(ServiceSpecBody.toJson(
        DockerServiceCreate.parse(flags).spec(), n -> n, n -> n)).discard();
  }

  @Test
  void serviceSettingsNewerThanTheVersionSpokenAreRefused() {
    Recording transport = new Recording();
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 40))) {
      assertThatThrownBy(() -> serviceCreate(api, "--cap-add NET_ADMIN busybox"))
          .isInstanceOf(UnsupportedApiVersionException.class)
          .hasMessage("--cap-add (TaskTemplate.ContainerSpec.CapabilityAdd) needs Engine API 1.41"
              + " or newer; this engine is spoken to in API 1.40 (POST /services/create was not"
              + " sent)");
      assertThatThrownBy(() -> serviceCreate(api, "--mode global-job busybox"))
          .hasMessageStartingWith("--mode global-job (Mode.GlobalJob) needs Engine API 1.41");
      assertThatThrownBy(() -> serviceCreate(api, "--mode replicated-job busybox"))
          .hasMessageStartingWith("--mode replicated-job (Mode.ReplicatedJob) needs Engine API");
      assertThatThrownBy(() -> serviceCreate(api, "--ulimit nofile=10:20 busybox"))
          .hasMessageStartingWith("--ulimit (TaskTemplate.ContainerSpec.Ulimits) needs");
      assertThatThrownBy(() -> serviceCreate(api, "--limit-pids 10 busybox"))
          .hasMessageStartingWith("--limit-pids (TaskTemplate.Resources.Limits.Pids) needs");
    }
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 43))) {
      assertThatThrownBy(() -> serviceCreate(api,
          "--health-cmd true --health-start-interval 1s busybox"))
          .hasMessageStartingWith("--health-start-interval"
              + " (TaskTemplate.ContainerSpec.Healthcheck.StartInterval) needs Engine API 1.44");
    }
    assertThat(transport.requests).isEmpty();
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 41))) {
      serviceCreate(api, "--cap-add NET_ADMIN --ulimit nofile=10:20 --limit-pids 10"
          + " --mode global-job busybox");
    }
    assertThat(transport.requests).hasSize(1);
  }

  /** A docker run line setting nearly every flag Berth reads. */
  static final String EVERY_RUN_FLAG = "docker run --name all -e A=1 -p 127.0.0.1:8080:80/tcp -P"
      + " --expose 9090 -v /src:/dst:ro -v /anon --link db:db --restart on-failure:3 -l a=b"
      + " --health-cmd true --health-interval 5s --health-timeout 2s --health-start-period 1s"
      + " --health-start-interval 1s --health-retries 3 --entrypoint sh -a stdout -t -i"
      + " -w /work -u 1000 --group-add 10 --init --stop-signal SIGTERM --stop-timeout 5"
      + " --read-only --runtime runc --platform linux/amd64 --annotation x=y --hostname h"
      + " --domainname d --network shop --network-alias s --ip 10.0.0.2 --ip6 fd00::2"
      + " --link-local-ip 169.254.0.2 --mac-address 02:42:ac:11:00:02 --add-host h2:10.0.0.3"
      + " --dns 10.0.0.1 --dns-search example.com --dns-option ndots:1 --privileged"
      + " --cap-add NET_ADMIN --cap-drop NET_RAW --security-opt no-new-privileges"
      + " --device /dev/null:/dev/xnull:rw --device-cgroup-rule 'c 1:3 rwm' --gpus all"
      + " --ipc shareable --pid host --uts host --userns host --cgroupns private"
      + " --cgroup-parent p --isolation default --sysctl net.core.somaxconn=1024"
      + " --ulimit nofile=10:20 --memory 64m --memory-reservation 32m --memory-swap 128m"
      + " --memory-swappiness 10 --kernel-memory 64m --shm-size 32m --oom-kill-disable"
      + " --oom-score-adj 10 --pids-limit 50 --cpu-period 100000 --cpu-quota 50000"
      + " --cpu-rt-period 1000 --cpu-rt-runtime 100 --cpuset-cpus 0 --cpuset-mems 0"
      + " --cpus 0.5 --cpu-shares 512 --blkio-weight 300 --blkio-weight-device /dev/sda:200"
      + " --device-read-bps /dev/sda:1mb --device-write-bps /dev/sda:1mb"
      + " --device-read-iops /dev/sda:100 --device-write-iops /dev/sda:100"
      + " --volumes-from other --volume-driver local --storage-opt size=1G"
      + " --log-driver json-file --log-opt max-size=1m --tmpfs /run:size=1m"
      + " --mount type=bind,source=/a,target=/b,bind-propagation=rshared,bind-nonrecursive"
      + " --mount type=volume,source=v,target=/v,volume-driver=local,volume-opt=o=1,"
      + "volume-label=l=1,volume-nocopy"
      + " --mount type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=1777"
      + " busybox -c 'echo hi'";

  /** A docker service create line setting nearly every flag Berth reads. */
  static final String EVERY_SERVICE_FLAG = "docker service create --name web --replicas 3"
      + " -p 8080:80 -p published=5353,target=53,protocol=udp,mode=host"
      + " --mount type=volume,source=data,target=/data,volume-label=a=b"
      + " --mount type=bind,source=/a,target=/b,bind-propagation=rprivate"
      + " --secret source=key,target=/etc/key,mode=0400 --config app"
      + " --update-parallelism 1 --update-delay 10s --update-order start-first"
      + " --update-failure-action rollback --update-monitor 5s --update-max-failure-ratio 0.5"
      + " --rollback-failure-action continue --rollback-parallelism 2"
      + " --constraint node.role==manager --placement-pref spread=node.labels.zone"
      + " --replicas-max-per-node 2 --restart-condition on-failure --restart-delay 1s"
      + " --restart-max-attempts 3 --restart-window 10s --limit-cpu 1.5 --limit-memory 256m"
      + " --limit-pids 20 --reserve-cpu 0.5 --reserve-memory 64m --endpoint-mode vip"
      + " --log-driver json-file --log-opt max-size=1m --host db:10.0.0.5 --dns 10.0.0.2"
      + " --dns-search example.com --dns-option ndots:2 -e MODE=prod -l team=shop"
      + " --container-label tier=front --stop-grace-period 2s --stop-signal SIGTERM"
      + " --ulimit nofile=10:20 --cap-add NET_ADMIN --cap-drop NET_RAW"
      + " --sysctl net.core.somaxconn=1024 --network shop --hostname h -w /w -u 1000"
      + " --group 10 -t --read-only --init --isolation default"
      + " --health-cmd true --health-interval 5s --health-start-interval 1s"
      + " --entrypoint sh nginx:1.25 -c 'echo hi'";

  @Test
  @SuppressWarnings("unchecked")
  void everyFlagOfDockerRunPassesStrictModeAtEveryVersionThatHasIt() throws IOException {
    ContainerSpec spec = DockerRun.parse(EVERY_RUN_FLAG).spec();
    Recording transport = new Recording();
    for (String v : List.of("1.44", "1.52", "1.56")) {
      try (ApiClient api = new ApiClient(transport, ApiVersion.parse(v))) {
        create(api, spec);
      }
      Map<String, Object> body = transport.lastBody();
      Map<String, Object> host = (Map<String, Object>) body.get("HostConfig");
      assertThat(host).as(v).containsKeys("Annotations", "CgroupnsMode", "Mounts", "Ulimits",
          "DeviceRequests", "BlkioDeviceReadBps").doesNotContainKey("KernelMemory");
      assertThat((Map<String, Object>) body.get("Healthcheck")).containsKey("StartInterval");
      assertThat(body.toString()).contains("MacAddress=02:42:ac:11:00:02");
      assertThat(body).doesNotContainKey("MacAddress");
      assertThat(transport.lastQueryNames()).containsExactly("name", "platform");
    }
    assertThat(transport.requests).hasSize(3);
  }

  @Test
  void everyFlagOfDockerServiceCreatePassesStrictMode() {
    Recording transport = new Recording();
    for (String v : List.of("1.44", "1.56")) {
      try (ApiClient api = new ApiClient(transport, ApiVersion.parse(v))) {
        serviceCreate(api, EVERY_SERVICE_FLAG);
        api.call("POST", "/services/abc/update").query("version", 3).query("rollback", null)
            .jsonBody(ServiceSpecBody.toJson(DockerServiceCreate.parse(EVERY_SERVICE_FLAG)
                .spec(), n -> n, n -> n)).discard();
      }
    }
    assertThat(transport.requests).hasSize(4);
  }

  // ---- strict mode and what passes

  @Test
  void strictModeNamesWhatTheTableLacks() {
    Recording transport = new Recording();
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 41))) {
      // docker stats's one-shot (1.41), which Berth does not send
      assertThatThrownBy(() -> api.call("GET", "/containers/abc/stats").query("one-shot", "1")
          .discard())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("query parameter one-shot of GET /containers/{id}/stats");
      assertThatThrownBy(() -> api.call("POST", "/containers/create")
          .jsonBody(Map.of("HostConfig", Map.of("Nonsense", 1))).discard())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("body field HostConfig.Nonsense of POST /containers/create");
      assertThatThrownBy(() -> api.call("POST", "/plugins/pull").discard())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("POST /plugins/pull is not in the API gates table");
      assertThat(transport.requests).isEmpty();
      // what the user composes, and what the engine's own objects carry back, passes
      api.call("POST", "/plugins/pull").userComposed().query("remote", "x").discard();
      api.call("POST", "/services/abc/update").query("version", "1")
          .jsonBody(Map.of("TaskTemplate", Map.of("ContainerSpec",
              Map.of("Image", "busybox", "Privileges", Map.of())))).discard();
      // unversioned calls (the negotiation) are not gated
      api.call("GET", "/_ping").unversioned().discard();
      assertThat(transport.requests).hasSize(3);
    }
  }

  @Test
  void userComposedCallsAreStillGated() {
    Recording transport = new Recording();
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 40))) {
      assertThatThrownBy(() -> api.call("POST", "/containers/create").userComposed()
          .query("platform", "linux/amd64").discard())
          .isInstanceOf(UnsupportedApiVersionException.class);
    }
    assertThat(transport.requests).isEmpty();
  }

  @Test
  void withoutStrictModeWhatTheTableLacksIsSentAsItIs() throws IOException {
    Recording transport = new Recording();
    System.setProperty(ApiGates.STRICT_PROPERTY, "false");
    try (ApiClient api = new ApiClient(transport, ApiVersion.of(1, 41))) {
      api.call("POST", "/containers/create").query("other", "1")
          .jsonBody(Map.of("HostConfig", Map.of("Nonsense", 1))).discard();
      api.call("POST", "/plugins/pull").discard();
    } finally {
      System.setProperty(ApiGates.STRICT_PROPERTY, "true");
    }
    assertThat(transport.requests).hasSize(2);
    assertThat(transport.requests.get(0).query()).containsExactly(Map.entry("other", "1"));
  }

  @Test
  void concretePathsFindTheirTemplates() {
    assertThat(TABLE.find("GET", "/images/127.0.0.1:5000/a/b:tag/json").name())
        .isEqualTo("GET /images/{name}/json");
    assertThat(TABLE.find("GET", "/images/json").name()).isEqualTo("GET /images/json");
    assertThat(TABLE.find("DELETE", "/images/127.0.0.1:5000/a/b:tag").name())
        .isEqualTo("DELETE /images/{name}");
    assertThat(TABLE.find("POST", "/images/localhost/x/push").name())
        .isEqualTo("POST /images/{name}/push");
    assertThat(TABLE.find("POST", "/images/create").name()).isEqualTo("POST /images/create");
    assertThat(TABLE.find("POST", "/containers/create").name())
        .isEqualTo("POST /containers/create");
    assertThat(TABLE.find("GET", "/containers/json").name()).isEqualTo("GET /containers/json");
    assertThat(TABLE.find("GET", "/containers/abc/json").name())
        .isEqualTo("GET /containers/{id}/json");
    assertThat(TABLE.find("DELETE", "/containers/web/db").name())
        .isEqualTo("DELETE /containers/{id}");
    assertThat(TABLE.find("GET", "/services/abc/logs").name())
        .isEqualTo("GET /services/{id}/logs");
    assertThat(TABLE.find("GET", "/services/abc").name()).isEqualTo("GET /services/{id}");
    assertThat(TABLE.find("POST", "/networks/prune").name()).isEqualTo("POST /networks/prune");
    assertThat(TABLE.find("GET", "/nowhere")).isNull();
  }
}
