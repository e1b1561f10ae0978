package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.model.ContainerSpec;
import dev.berth.transport.Transport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shape of Berth's code, checked on the compiled classes of {@code model}, {@code transport}
 * and {@code core}:
 *
 * <ol>
 *   <li>Modules: {@code model} and {@code transport} know nothing of each other or of {@code core};
 *       {@code core} uses both.
 *   <li>Public packages reach internal ones only through the entry points that wire the
 *       implementations ({@link #ENTRY_POINTS}): {@code DockerClient} makes the resource groups,
 *       {@code Transport.create} asks {@code transport.internal.Transports}, {@code TlsConfig} reads
 *       its PEM files with {@code transport.internal.tls}.
 *   <li>Leaving out those wiring edges, the package graph has no cycle. {@code DockerClient}, the
 *       composition root that names every group and that nothing uses, counts as a node of its
 *       own rather than as part of {@code dev.berth}, whose exceptions every package uses.
 *   <li>The resource groups ({@link #GROUPS}: one package per Docker resource under {@code
 *       dev.berth.internal}) never use each other: what two of them share lives below them.
 *   <li>No other internal package uses a group: the groups are on top, and only {@code
 *       DockerClient} wires them.
 * </ol>
 */
class ArchitectureTest {
  /** core's resource groups, each a package of {@code dev.berth.internal}. */
  static final Set<String> GROUPS = Set.of("containers", "images", "networks", "volumes", "swarm",
      "system");

  /**
   * Public classes that may use internal packages: the class, and the package its uses must be
   * in (a trailing dot: that package and those below it).
   */
  static final Map<String, String> ENTRY_POINTS = Map.of(
      "dev.berth.DockerClient", "dev.berth.internal.",
      "dev.berth.transport.Transport", "dev.berth.transport.internal",
      "dev.berth.transport.TlsConfig", "dev.berth.transport.internal.tls");

  /** Classes that are nodes of their own in the cycle check: roots that nothing depends on. */
  static final Set<String> ROOTS = Set.of("dev.berth.DockerClient");

  private static final PackageGraph MODEL = new PackageGraph().read(ContainerSpec.class);
  private static final PackageGraph TRANSPORT = new PackageGraph().read(Transport.class);
  private static final PackageGraph CORE = new PackageGraph().read(DockerClient.class);

  @Test
  void theGraphIsReadFromTheRealClasses() {
    assertThat(MODEL.edges).hasSizeGreaterThan(20);
    assertThat(TRANSPORT.edges).hasSizeGreaterThan(20);
    assertThat(CORE.edges).hasSizeGreaterThan(20);
    assertThat(CORE.edges.get("dev.berth.DockerClient")).contains("dev.berth.transport.Transport",
        "dev.berth.internal.http.ApiClient");
    assertThat(CORE.classes("dev.berth.internal.containers.")).isNotEmpty();
  }

  @Test
  void modelAndTransportKnowOnlyThemselves() {
    assertThat(outside(MODEL.edges, "dev.berth.model.")).as("model classes using other modules")
        .isEmpty();
    assertThat(outside(TRANSPORT.edges, "dev.berth.transport."))
        .as("transport classes using other modules").isEmpty();
  }

  @Test
  void publicPackagesReachInternalsOnlyThroughTheEntryPoints() {
    assertThat(entryPointViolations(all())).as("public classes using internal packages")
        .isEmpty();
  }

  @Test
  void packagesHaveNoCycles() {
    assertThat(cycles(all())).as("package cycles (wiring edges of the entry points left out)")
        .isEmpty();
  }

  @Test
  void resourceGroupsAreOnTopAndNeverUseEachOther() {
    assertThat(groupViolations(all())).as("uses of a resource group").isEmpty();
  }

  @Test
  void theRulesCatchWhatTheyForbid() {
    Map<String, Set<String>> g = new TreeMap<>();
    g.put("dev.berth.internal.images.ImageCalls", Set.of(
        "dev.berth.internal.containers.ContainerCalls", "dev.berth.internal.http.ApiClient"));
    g.put("dev.berth.internal.containers.ContainerCalls", Set.of(
        "dev.berth.internal.stream.ImagePull"));
    g.put("dev.berth.internal.stream.ImagePull", Set.of("dev.berth.internal.images.ImageCalls"));
    g.put("dev.berth.DockerClient", Set.of("dev.berth.internal.images.ImageCalls",
        "dev.berth.images.Images"));
    g.put("dev.berth.images.BuildException", Set.of("dev.berth.DockerException"));
    g.put("dev.berth.containers.Containers", Set.of("dev.berth.internal.http.ApiClient"));
    g.put("dev.berth.transport.Transport", Set.of("dev.berth.transport.internal.Transports",
        "dev.berth.transport.internal.http1.Http1Transport"));
    g.put("dev.berth.transport.internal.http1.Http1Transport",
        Set.of("dev.berth.transport.Transport"));

    assertThat(cycles(g)).containsExactlyInAnyOrder(
        "dev.berth.internal.containers -> dev.berth.internal.stream (ContainerCalls -> ImagePull)"
            + " -> dev.berth.internal.images (ImagePull -> ImageCalls)"
            + " -> dev.berth.internal.containers (ImageCalls -> ContainerCalls)",
        "dev.berth.transport -> dev.berth.transport.internal.http1 (Transport -> Http1Transport)"
            + " -> dev.berth.transport (Http1Transport -> Transport)");
    assertThat(groupViolations(g)).containsExactlyInAnyOrder(
        "dev.berth.internal.images.ImageCalls uses the sibling group"
            + " dev.berth.internal.containers.ContainerCalls",
        "dev.berth.internal.stream.ImagePull, below the groups, uses"
            + " dev.berth.internal.images.ImageCalls");
    assertThat(entryPointViolations(g)).containsExactlyInAnyOrder(
        "dev.berth.containers.Containers uses dev.berth.internal.http.ApiClient",
        "dev.berth.transport.Transport uses dev.berth.transport.internal.http1.Http1Transport");
  }

  // ---- the rules, on a graph of class -> classes it uses

  private static Map<String, Set<String>> all() {
    Map<String, Set<String>> g = new TreeMap<>(MODEL.edges);
    g.putAll(TRANSPORT.edges);
    g.putAll(CORE.edges);
    return g;
  }

  private static List<String> outside(Map<String, Set<String>> g, String prefix) {
    List<String> out = new ArrayList<>();
    g.forEach((from, targets) -> targets.stream().filter(t -> !t.startsWith(prefix))
        .forEach(t -> out.add(from + " uses " + t)));
    return out;
  }

  private static boolean isInternal(String pkg) {
    return pkg.equals("dev.berth.internal") || pkg.startsWith("dev.berth.internal.")
        || pkg.equals("dev.berth.transport.internal")
        || pkg.startsWith("dev.berth.transport.internal.");
  }

  /** An edge one of the entry points may have: it wires an implementation. */
  private static boolean isWiring(String from, String to) {
    String allowed = ENTRY_POINTS.get(from);
    String pkg = PackageGraph.packageOf(to);
    return allowed != null && (allowed.endsWith(".") ? pkg.startsWith(allowed)
        : pkg.equals(allowed));
  }

  static List<String> entryPointViolations(Map<String, Set<String>> g) {
    List<String> out = new ArrayList<>();
    g.forEach((from, targets) -> {
      if (!isInternal(PackageGraph.packageOf(from))) {
        for (String to : targets) {
          if (isInternal(PackageGraph.packageOf(to)) && !isWiring(from, to)) {
            out.add(from + " uses " + to);
          }
        }
      }
    });
    return out;
  }

  private static String group(String pkg) {
    if (!pkg.startsWith("dev.berth.internal.")) {
      return null;
    }
    String rest = pkg.substring("dev.berth.internal.".length());
    String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    return GROUPS.contains(first) ? first : null;
  }

  static List<String> groupViolations(Map<String, Set<String>> g) {
    List<String> out = new ArrayList<>();
    g.forEach((from, targets) -> {
      String fromPackage = PackageGraph.packageOf(from);
      String fromGroup = group(fromPackage);
      for (String to : targets) {
        String toGroup = group(PackageGraph.packageOf(to));
        if (toGroup == null || toGroup.equals(fromGroup)) {
          continue;
        }
        if (fromGroup != null) {
          out.add(from + " uses the sibling group " + to);
        } else if (isInternal(fromPackage)) {
          out.add(from + ", below the groups, uses " + to);
        }
      }
    });
    return out;
  }

  /** One cycle per strongly connected set of packages, each step with a class edge causing it. */
  static List<String> cycles(Map<String, Set<String>> g) {
    Map<String, Map<String, String>> packages = new TreeMap<>(); // from -> to -> "A -> B"
    g.forEach((from, targets) -> {
      for (String to : targets) {
        String a = node(from);
        String b = node(to);
        if (!a.equals(b) && !isWiring(from, to)) {
          packages.computeIfAbsent(a, k -> new TreeMap<>()).putIfAbsent(b,
              simple(from) + " -> " + simple(to));
        }
      }
    });
    List<String> out = new ArrayList<>();
    for (Set<String> component : new Tarjan(packages).components) {
      if (component.size() > 1) {
        out.add(describeCycle(packages, component));
      }
    }
    return out;
  }

  private static String node(String className) {
    return ROOTS.contains(className) ? className : PackageGraph.packageOf(className);
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The shortest way from the component's first package back to itself, inside it. */
  private static String describeCycle(Map<String, Map<String, String>> packages,
      Set<String> component) {
    String start = component.iterator().next();
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    String last = null;
    while (!queue.isEmpty() && last == null) {
      String p = queue.poll();
      for (String next : packages.getOrDefault(p, Map.of()).keySet()) {
        if (next.equals(start)) {
          last = p;
          break;
        }
        if (component.contains(next) && !cameFrom.containsKey(next)) {
          cameFrom.put(next, p);
          queue.add(next);
        }
      }
    }
    List<String> path = new ArrayList<>(List.of(start));
    for (String p = last; !p.equals(start); p = cameFrom.get(p)) {
      path.add(1, p);
    }
    path.add(start);
    StringBuilder b = new StringBuilder(start);
    for (int i = 1; i < path.size(); i++) {
      b.append(" -> ").append(path.get(i)).append(" (")
          .append(packages.get(path.get(i - 1)).get(path.get(i))).append(')');
    }
    return b.toString();
  }

  /** Tarjan's strongly connected components. */
  private static final class Tarjan {
    final List<Set<String>> components = new ArrayList<>();
    private final Map<String, Map<String, String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();

    Tarjan(Map<String, Map<String, String>> graph) {
      this.graph = graph;
      for (String p : graph.keySet()) {
        if (!index.containsKey(p)) {
          visit(p);
        }
      }
    }

    private void visit(String p) {
      index.put(p, index.size());
      low.put(p, index.get(p));
      stack.push(p);
      onStack.add(p);
      for (String next : graph.getOrDefault(p, Map.of()).keySet()) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(p, Math.min(low.get(p), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(p, Math.min(low.get(p), index.get(next)));
        }
      }
      if (low.get(p).equals(index.get(p))) {
        Set<String> component = new TreeSet<>();
        String q;
        do {
          q = stack.pop();
          onStack.remove(q);
          component.add(q);
        } while (!q.equals(p));
        components.add(component);
      }
    }
  }
}
