package dev.berth.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which jars each client brings, read from the bench module's verbose dependency tree ({@code
 * target/dependency-tree.txt}) and class path ({@code target/classpath.txt}), both written by the
 * build. A client's jars are the closure of its top-level dependencies; a dependency the tree
 * shows as "omitted" elsewhere still belongs to every client that reaches it.
 */
final class Footprint {
  /** groupId:artifactId to the ones it depends on. */
  private final Map<String, Set<String>> children = new HashMap<>();
  /** groupId:artifactId of the top-level dependencies, in order. */
  private final List<String> roots = new ArrayList<>();
  /** groupId:artifactId to its jar (or other file) on the class path. */
  private final Map<String, Path> files = new LinkedHashMap<>();

  Footprint(Path tree, Path classpath) throws IOException {
    Deque<String> parents = new ArrayDeque<>();
    boolean first = true;
    for (String line : Files.readAllLines(tree)) {
      if (line.isBlank()) {
        continue;
      }
      if (first) { // the bench module itself
        first = false;
        continue;
      }
      int i = 0;
      while (i < line.length() && "|+\\- ".indexOf(line.charAt(i)) >= 0) {
        i++;
      }
      int depth = i / 3;
      String node = line.substring(i);
      boolean omitted = node.startsWith("(");
      String[] coords = node.replace("(", "").split("[ )]")[0].split(":");
      String scope = coords[coords.length - 1];
      if (scope.equals("test") || scope.equals("provided") || scope.equals("system")
          || node.contains("(optional)")) {
        continue;
      }
      String ga = coords[0] + ":" + coords[1];
      while (parents.size() >= depth) {
        parents.pop();
      }
      if (parents.isEmpty()) {
        roots.add(ga);
      } else {
        children.computeIfAbsent(parents.peek(), k -> new LinkedHashSet<>()).add(ga);
      }
      children.computeIfAbsent(ga, k -> new LinkedHashSet<>());
      parents.push(omitted ? "omitted:" + ga : ga);
    }
    for (String entry : Files.readString(classpath).trim().split(File.pathSeparator)) {
      Path p = Path.of(entry);
      files.put(gaOf(p), p);
    }
  }

  /**
   * groupId:artifactId of a file in the local repository, or of a reactor module's jar or
   * {@code target/classes} (the bench's own: {@code dev.berth:berth-bench}).
   */
  static String gaOf(Path p) {
    String s = p.toString().replace(File.separatorChar, '/');
    int repo = s.indexOf("/repository/");
    if (repo >= 0) {
      String[] parts = s.substring(repo + "/repository/".length()).split("/");
      int n = parts.length; // group path..., artifact, version, file
      String group = String.join(".", List.of(parts).subList(0, n - 3));
      return group + ":" + parts[n - 3];
    }
    String name = p.getFileName().toString();
    if (name.equals("classes")) {
      name = p.getParent().getParent().getFileName().toString();
      return "dev.berth:berth-" + name;
    }
    return "dev.berth:" + name.replaceAll("-\\d.*$", "");
  }

  /** The top-level dependencies of the bench module. */
  List<String> roots() {
    return roots;
  }

  /** The jars (and pom-only entries, left out of counts) the given roots bring, in order. */
  List<Path> closure(String... rootArtifacts) {
    Set<String> seen = artifacts(rootArtifacts);
    List<Path> jars = new ArrayList<>();
    for (Map.Entry<String, Path> f : files.entrySet()) {
      if (seen.contains(f.getKey())) {
        jars.add(f.getValue());
      }
    }
    return jars;
  }

  /** groupId:artifactId of the given roots and of all they bring. */
  Set<String> artifacts(String... rootArtifacts) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String r : rootArtifacts) {
      todo.add(r);
    }
    while (!todo.isEmpty()) {
      String ga = todo.poll();
      if (seen.add(ga)) {
        todo.addAll(children.getOrDefault(ga, Set.of()));
      }
    }
    return seen;
  }

  /** Jars only, without Berth's own. */
  static List<Path> thirdParty(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (name.endsWith(".jar") && !name.startsWith("berth-")) {
        out.add(p);
      }
    }
    return out;
  }

  static long bytes(List<Path> paths) throws IOException {
    long total = 0;
    for (Path p : paths) {
      total += Files.size(p);
    }
    return total;
  }
}
