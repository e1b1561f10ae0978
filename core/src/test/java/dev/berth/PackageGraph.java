package dev.berth;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which of Berth's classes refer to which, read from the compiled classes of a module (a
 * directory or a jar): every class named in a class file's constant pool, as a class entry or
 * inside a type descriptor or generic signature. Nested classes count as their outermost class.
 */
final class PackageGraph {
  private static final Pattern BERTH_TYPE = Pattern.compile("dev/berth/[\\w/$]+");

  /** Class (binary name, outermost) to the Berth classes it refers to. */
  final Map<String, Set<String>> edges = new TreeMap<>();

  /** Adds the classes of the module that holds {@code member}. */
  PackageGraph read(Class<?> member) {
    Path location;
    try {
      location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            if (f.toString().endsWith(".class")) {
              try (InputStream in = Files.newInputStream(f)) {
                add(in);
              }
            }
          }
        }
      } else {
        try (ZipFile jar = new ZipFile(location.toFile())) {
          for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().endsWith(".class")) {
              try (InputStream in = jar.getInputStream(entry)) {
                add(in);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the classes at " + location, e);
    }
    return this;
  }

  /** The classes read whose package starts with {@code prefix}. */
  Set<String> classes(String prefix) {
    Set<String> out = new TreeSet<>();
    for (String c : edges.keySet()) {
      if (c.startsWith(prefix)) {
        out.add(c);
      }
    }
    return out;
  }

  static String packageOf(String className) {
    return className.substring(0, className.lastIndexOf('.'));
  }

  private void add(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] className = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7, 8, 16, 19, 20 -> {
          int index = in.readUnsignedShort();
          if (tag == 7) {
            className[i] = index;
          }
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // a long or double takes two slots
        }
        default -> throw new IOException("constant pool tag " + tag + " unknown");
      }
    }
    in.readUnsignedShort(); // access flags
    String self = outermost(utf8[className[in.readUnsignedShort()]]);
    if (self.endsWith("module-info") || self.endsWith("package-info")) {
      return;
    }
    Set<String> targets = edges.computeIfAbsent(self, k -> new TreeSet<>());
    for (String text : utf8) {
      if (text == null) {
        continue;
      }
      Matcher m = BERTH_TYPE.matcher(text);
      while (m.find()) {
        String target = outermost(m.group());
        if (!target.equals(self)) {
          targets.add(target);
        }
      }
    }
  }

  private static String outermost(String internalName) {
    String dotted = internalName.replace('/', '.');
    int dollar = dotted.indexOf('$');
    return dollar < 0 ? dotted : dotted.substring(0, dollar);
  }
}
