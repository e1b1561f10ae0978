package dev.berth.internal.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.DockerServiceCreate;
import dev.berth.model.ServiceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON a service spec is sent as, checked field by field against what the CLI sends. */
class ServiceSpecBodyTest {
  private static Map<String, Object> json(String line) {
    ServiceSpec spec = DockerServiceCreate.parse(line).spec();
    return ServiceSpecBody.toJson(spec, name -> "sid-" + name, name -> "cid-" + name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Map<String, Object> json, String... path) {
    Map<String, Object> m = json;
    for (String key : path) {
      m = (Map<String, Object>) m.get(key);
    }
    return m;
  }

  @Test
  void aRealisticLine() {
    Map<String, Object> json = json("docker service create --name web --replicas 3"
        + " -p 8080:80 -p published=5353,target=53,protocol=udp,mode=host"
        + " --mount type=volume,source=data,target=/data"
        + " --secret source=key,target=/etc/key,mode=0400 --config app"
        + " --update-parallelism 1 --update-delay 10s --update-order start-first"
        + " --rollback-failure-action continue --constraint node.role==manager"
        + " --placement-pref spread=node.labels.zone --restart-condition on-failure"
        + " --restart-max-attempts 3 --limit-cpu 1.5 --limit-memory 256m --reserve-memory 64m"
        + " --host db:10.0.0.5 --dns 10.0.0.2 --dns-search example.com -e MODE=prod"
        + " -l team=shop --container-label tier=front --stop-grace-period 2s --ulimit nofile=10:20"
        + " nginx:1.25 nginx -g 'daemon off;'");
    assertThat(json).containsEntry("Name", "web").containsEntry("Labels", Map.of("team", "shop"));
    assertThat(at(json, "Mode", "Replicated")).containsEntry("Replicas", 3L);
    Map<String, Object> c = at(json, "TaskTemplate", "ContainerSpec");
    assertThat(c).containsEntry("Image", "nginx:1.25")
        .containsEntry("Args", List.of("nginx", "-g", "daemon off;"))
        .containsEntry("Env", List.of("MODE=prod"))
        .containsEntry("Labels", Map.of("tier", "front"))
        .containsEntry("Hosts", List.of("10.0.0.5 db"))
        .containsEntry("StopGracePeriod", 2_000_000_000L)
        .containsEntry("Ulimits", List.of(Map.of("Name", "nofile", "Soft", 10L, "Hard", 20L)))
        .containsEntry("Mounts", List.of(Map.of("Type", "volume", "Source", "data",
            "Target", "/data")))
        .doesNotContainKey("Command");
    assertThat(at(c, "DNSConfig")).containsEntry("Nameservers", List.of("10.0.0.2"))
        .containsEntry("Search", List.of("example.com"));
    assertThat(c.get("Secrets")).isEqualTo(List.of(Map.of("File", Map.of("Name", "/etc/key",
        "UID", "0", "GID", "0", "Mode", 0400), "SecretID", "sid-key", "SecretName", "key")));
    assertThat(c.get("Configs")).isEqualTo(List.of(Map.of("File", Map.of("Name", "app",
        "UID", "0", "GID", "0", "Mode", 0444), "ConfigID", "cid-app", "ConfigName", "app")));
    assertThat(at(json, "TaskTemplate", "Resources", "Limits"))
        .containsEntry("NanoCPUs", 1_500_000_000L).containsEntry("MemoryBytes", 256L << 20);
    assertThat(at(json, "TaskTemplate", "Resources", "Reservations"))
        .containsEntry("MemoryBytes", 64L << 20).doesNotContainKey("NanoCPUs");
    assertThat(at(json, "TaskTemplate", "RestartPolicy")).containsEntry("Condition", "on-failure")
        .containsEntry("MaxAttempts", 3L);
    assertThat(at(json, "TaskTemplate", "Placement"))
        .containsEntry("Constraints", List.of("node.role==manager"))
        .containsEntry("Preferences", List.of(Map.of("Spread",
            Map.of("SpreadDescriptor", "node.labels.zone"))));
    assertThat(at(json, "UpdateConfig")).containsEntry("Parallelism", 1L)
        .containsEntry("Delay", 10_000_000_000L).containsEntry("Order", "start-first");
    assertThat(at(json, "RollbackConfig")).containsEntry("FailureAction", "continue");
    assertThat(at(json, "EndpointSpec").get("Ports")).isEqualTo(List.of(
        Map.of("Protocol", "tcp", "TargetPort", 80, "PublishedPort", 8080,
            "PublishMode", "ingress"),
        Map.of("Protocol", "udp", "TargetPort", 53, "PublishedPort", 5353,
            "PublishMode", "host")));
  }

  @Test
  void modesAndEntrypoint() {
    assertThat(at(json("--mode global busybox"), "Mode")).containsKey("Global");
    assertThat(at(json("--mode replicated-job --replicas 5 --max-concurrent 2 busybox"), "Mode",
        "ReplicatedJob")).containsEntry("MaxConcurrent", 2L)
        .containsEntry("TotalCompletions", 5L);
    assertThat(at(json("--mode global-job busybox"), "Mode")).containsKey("GlobalJob");
    assertThat(at(json("--entrypoint 'sh -c' busybox 'echo hi'"), "TaskTemplate",
        "ContainerSpec")).containsEntry("Command", List.of("sh", "-c"))
        .containsEntry("Args", List.of("echo hi"));
  }

  @Test
  void nothingSetSendsOnlyTheImageAndMode() {
    Map<String, Object> json = json("busybox");
    assertThat(json).containsOnlyKeys("TaskTemplate", "Mode");
    assertThat(at(json, "TaskTemplate")).containsOnlyKeys("ContainerSpec");
    assertThat(at(json, "TaskTemplate", "ContainerSpec")).containsOnly(
        Map.entry("Image", "busybox"));
  }
}
