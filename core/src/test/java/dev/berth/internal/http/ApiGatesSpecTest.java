package dev.berth.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Walks every row of the {@link ApiGates} table against the two Engine API specs in the test
 * resources ({@code engine-api/v1.41.yaml}, the engine tested against here, and {@code
 * v1.56.yaml}, the newest Berth speaks):
 *
 * <ul>
 *   <li>every endpoint is in both specs;
 *   <li>a row since 1.41 or older is in v1.41; a row since a later version is absent from v1.41
 *       and present in v1.56;
 *   <li>a row with no removal is in v1.56; a row removed in a version is absent from v1.56.
 * </ul>
 *
 * <p>Where the specs do not say what the engine does, {@link #EXCEPTIONS} lists the row with the
 * reason.
 */
class ApiGatesSpecTest {
  private static final ApiVersion V1_41 = ApiVersion.of(1, 41);

  /**
   * Rows the specs describe differently from what the engines do, "endpoint location" → reason;
   * these rows skip the presence checks.
   */
  static final Map<String, String> EXCEPTIONS = Map.of(
      "POST /auth identitytoken",
      "the AuthConfig schema lists username, password, email and serveraddress only; the engine"
          + " (registry.AuthConfig) and the CLI send identitytoken for token logins",
      "POST /containers/create NetworkingConfig.EndpointsConfig.*.MacAddress",
      "EndpointSettings documents MacAddress in v1.41 already, as an output; create honours it"
          + " from 1.44 (CHANGELOG v1.44), so Berth gates it at 1.44",
      "GET /services/{id}/logs until",
      "not documented for service logs (only for container logs; docker service logs has no"
          + " --until); Berth passes it on when the caller sets until, and the engine may ignore it",
      "GET /tasks/{id}/logs until",
      "not documented for task logs (only for container logs); as for service logs",
      "POST /build ulimits",
      "not in either spec, but the engine reads it (a JSON list of ulimits) and the CLI sends it"
          + " for docker build --ulimit; BuildOptionsIT shows dockerd and Podman apply it");

  /**
   * Where the spec spells a field otherwise than the engine's Go types (whose JSON decoding
   * matches keys regardless of case) and the CLI send it: Berth's spelling → the spec's, with
   * the reason. The versions are checked under the spec's spelling.
   */
  static final Map<String, String> SPELLINGS = Map.of(
      "TaskTemplate.ContainerSpec.Healthcheck", "TaskTemplate.ContainerSpec.HealthCheck");
  static final String SPELLINGS_REASON = "the spec documents ContainerSpec.HealthCheck; swarm's"
      + " ContainerSpec type and the CLI write Healthcheck";

  /**
   * Where the Engine API CHANGELOG names a field otherwise than the spec: the field's last name →
   * the CHANGELOG's. Its v1.41 section says "CapAdd and CapDrop as part of the ContainerSpec"; the
   * spec and the engine's type call them CapabilityAdd and CapabilityDrop.
   */
  static final Map<String, String> CHANGELOG_NAMES = Map.of(
      "CapabilityAdd", "CapAdd", "CapabilityDrop", "CapDrop");

  private static Map<String, String> changelog;
  private static Map<String, Object> v141;
  private static Map<String, Object> v156;

  @BeforeAll
  static void readSpecs() throws IOException {
    v141 = read("engine-api/v1.41.yaml");
    v156 = read("engine-api/v1.56.yaml");
    changelog = sections("engine-api/CHANGELOG.md");
  }

  /** The CHANGELOG's sections by version: "1.44" → the text under "## v1.44 API changes". */
  private static Map<String, String> sections(String resource) throws IOException {
    Map<String, String> out = new java.util.HashMap<>();
    try (InputStream in = ApiGatesSpecTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String version = null;
      StringBuilder text = new StringBuilder();
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .split("\n")) {
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("#+ [vV](1\\.\\d+) API changes").matcher(line);
        if (m.matches()) {
          if (version != null) {
            out.put(version, text.toString());
          }
          version = m.group(1);
          text.setLength(0);
        } else {
          text.append(line).append('\n');
        }
      }
      if (version != null) {
        out.put(version, text.toString());
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String resource) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    try (InputStream in = ApiGatesSpecTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return (Map<String, Object>) new Yaml(options).load(in);
    }
  }

  @Test
  void everyEndpointIsInBothSpecs() {
    List<String> missing = new ArrayList<>();
    for (ApiGates.Endpoint e : ApiGates.table().endpoints()) {
      if (operation(v141, e.name()) == null) {
        missing.add(e.name() + " (v1.41)");
      }
      if (operation(v156, e.name()) == null) {
        missing.add(e.name() + " (v1.56)");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyRowMatchesTheVersionsOfTheSpecs() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (ApiGates.Entry e : ApiGates.table().entries()) {
      String key = e.endpoint() + " " + e.location();
      if (EXCEPTIONS.containsKey(key)) {
        continue;
      }
      checked++;
      boolean in141 = present(v141, e);
      boolean in156 = present(v156, e);
      if (!e.since().isAtLeast(ApiVersion.of(1, 42))) {
        if (!in141) {
          wrong.add(key + ": since " + e.since() + " but not in v1.41");
        }
      } else {
        if (in141) {
          wrong.add(key + ": since " + e.since() + " but in v1.41 already");
        }
        if (!in156) {
          wrong.add(key + ": since " + e.since() + " but not in v1.56");
        }
      }
      if (e.removedIn() == null && !in156) {
        wrong.add(key + ": not in v1.56; mark the version that removed it");
      }
      if (e.removedIn() != null && in156) {
        wrong.add(key + ": removed in " + e.removedIn() + " but still in v1.56");
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThan(300);
  }

  /**
   * The versions above Berth's oldest come from the CHANGELOG: the section of a row's version (and
   * of its removal) names the endpoint's path and the field.
   */
  @Test
  void everyGateAboveTheOldestAndEveryRemovalIsInItsVersionsChangelogSection() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (ApiGates.Entry e : ApiGates.table().entries()) {
      List<ApiVersion> versions = new ArrayList<>();
      if (e.since().compareTo(ApiClient.MIN_VERSION) > 0) {
        versions.add(e.since());
      }
      if (e.removedIn() != null) {
        versions.add(e.removedIn());
      }
      String[] segments = e.location().split("\\.");
      String leaf = segments[segments.length - 1].replace("[]", "");
      leaf = CHANGELOG_NAMES.getOrDefault(leaf, leaf);
      String path = e.endpoint().split(" ", 2)[1];
      for (ApiVersion v : versions) {
        checked++;
        String section = changelog.get(v.toString());
        if (section == null || !section.contains(leaf) || !section.contains(path)) {
          wrong.add(e.endpoint() + " " + e.location() + ": the CHANGELOG's v" + v
              + " section does not name " + leaf + " with " + path);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isEqualTo(23);
  }

  @Test
  void everyExceptionNamesARowOfTheTable() {
    List<String> rows = ApiGates.table().entries().stream()
        .map(e -> e.endpoint() + " " + e.location()).toList();
    assertThat(rows).containsAll(EXCEPTIONS.keySet());
  }

  @Test
  void theWalkerFindsWhatIsThereAndNotWhatIsNot() {
    // the walker itself: a field that exists, one that does not, one that came in 1.44
    ApiGates.Entry cgroupns = entry("POST /containers/create", "HostConfig.CgroupnsMode");
    assertThat(present(v141, cgroupns)).isTrue();
    ApiGates.Entry bogus = new ApiGates.Entry("POST /containers/create", ApiGates.Kind.BODY,
        "HostConfig.NoSuchField", V1_41, null, null, false);
    assertThat(present(v156, bogus)).isFalse();
    ApiGates.Entry start = entry("POST /containers/create", "Healthcheck.StartInterval");
    assertThat(present(v141, start)).isFalse();
    assertThat(present(v156, start)).isTrue();
  }

  private static ApiGates.Entry entry(String endpoint, String location) {
    return ApiGates.table().entries().stream()
        .filter(e -> e.endpoint().equals(endpoint) && e.location().equals(location))
        .findFirst().orElseThrow();
  }

  // ---- the walk

  @SuppressWarnings("unchecked")
  private static Map<String, Object> operation(Map<String, Object> spec, String endpoint) {
    String[] methodPath = endpoint.split(" ", 2);
    Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
    Map<String, Object> path = (Map<String, Object>) paths.get(methodPath[1]);
    return path == null ? null
        : (Map<String, Object>) path.get(methodPath[0].toLowerCase(Locale.ROOT));
  }

  @SuppressWarnings("unchecked")
  static boolean present(Map<String, Object> spec, ApiGates.Entry e) {
    Map<String, Object> op = operation(spec, e.endpoint());
    if (op == null) {
      return false;
    }
    List<Map<String, Object>> parameters = op.get("parameters") == null ? List.of()
        : (List<Map<String, Object>>) op.get("parameters");
    if (e.kind() == ApiGates.Kind.QUERY) {
      return parameters.stream().anyMatch(p -> "query".equals(p.get("in"))
          && e.location().equals(p.get("name")));
    }
    Map<String, Object> schema = parameters.stream().filter(p -> "body".equals(p.get("in")))
        .map(p -> (Map<String, Object>) p.get("schema")).findFirst().orElse(null);
    String location = e.location();
    for (Map.Entry<String, String> s : SPELLINGS.entrySet()) {
      if (location.equals(s.getKey()) || location.startsWith(s.getKey() + ".")) {
        location = s.getValue() + location.substring(s.getKey().length());
      }
    }
    for (String segment : location.split("\\.")) {
      if (schema == null) {
        return false;
      }
      String name = segment;
      int lists = 0;
      while (name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2);
        lists++;
      }
      schema = name.equals("*") ? additional(spec, schema) : property(spec, schema, name);
      for (int i = 0; i < lists && schema != null; i++) {
        schema = (Map<String, Object>) resolve(spec, schema).get("items");
      }
    }
    return schema != null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> s) {
    Object ref = s.get("$ref");
    if (ref instanceof String r && r.startsWith("#/definitions/")) {
      Map<String, Object> definitions = (Map<String, Object>) spec.get("definitions");
      return resolve(spec, (Map<String, Object>) definitions.get(
          r.substring("#/definitions/".length())));
    }
    return s;
  }

  /** Property {@code name} of {@code schema}, looking through {@code $ref} and {@code allOf}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> property(Map<String, Object> spec,
      Map<String, Object> schema, String name) {
    Map<String, Object> s = resolve(spec, schema);
    Object properties = s.get("properties");
    if (properties instanceof Map<?, ?> p && p.get(name) != null) {
      return (Map<String, Object>) p.get(name);
    }
    Object allOf = s.get("allOf");
    if (allOf instanceof List<?> parts) {
      for (Object part : parts) {
        Map<String, Object> found = property(spec, (Map<String, Object>) part, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The schema of any key of map {@code schema} ({@code additionalProperties}). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> additional(Map<String, Object> spec,
      Map<String, Object> schema) {
    Map<String, Object> s = resolve(spec, schema);
    Object additional = s.get("additionalProperties");
    if (additional instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    if (Boolean.TRUE.equals(additional)) {
      return Map.of();
    }
    return null;
  }
}
