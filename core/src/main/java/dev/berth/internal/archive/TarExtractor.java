package dev.berth.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Unpacks a tar stream under a directory, refusing every entry that would put anything outside it.
 *
 * <p>Refused, with an {@link IOException} that quotes the entry and says it would escape the target
 * directory: absolute names; names whose {@code ..} climbs above the target; hard links to names
 * outside; and entries that would be written through a symbolic link, extracted earlier or already
 * there, that leads outside (following the links on disk as the kernel would). Each entry is
 * checked before anything is written for it, files are created with {@code CREATE_NEW} and {@code
 * NOFOLLOW_LINKS}, and symbolic links are expanded by this class, never by the file system, so a
 * refusal halfway leaves what was extracted before it and nothing outside. The check assumes that
 * nothing else changes the target directory during the extraction.
 *
 * <p>A symbolic link entry is created with its target exactly as in the archive, whatever it
 * points at: an absolute target such as {@code /proc/mounts} (which {@code docker cp} creates as it
 * is too) or a relative one that climbs out with {@code ..} (which {@code docker cp} refuses when
 * it climbs above its destination) makes a link that leads outside, or nowhere, on this host. That
 * is harmless as long as nothing is written through it, and nothing is. A link is never followed
 * to create it, to set its time, or to give it a second name with a hard link.
 *
 * <p>What is kept: permission bits where the file system has POSIX permissions (set-id and sticky
 * bits are dropped), modification times, and hard links inside the target (as links, or copies
 * where the file system cannot link). Directories are created as needed; their modes and times are
 * set at the end, so that a read-only directory can still be filled and its time is not changed by
 * what is put in it. Devices, FIFOs and other special entries are skipped, as are hard links to
 * them, and returned as {@link Skipped} so that the caller can say what was left out; their names
 * are still checked, so a special entry that would escape is refused like any other. An entry
 * replaces what is at its path, except that a directory entry keeps an existing directory.
 *
 * <p>Memory use does not depend on entry sizes; it grows with the number of directories, which
 * are remembered for the final pass.
 */
public final class TarExtractor {
  /** As Linux's limit on symbolic links followed while resolving one path. */
  private static final int MAX_LINK_DEPTH = 40;

  private final Path root;
  private final boolean posix;
  private final byte[] buffer = new byte[64 * 1024];
  private final List<Pending> directories = new ArrayList<>();

  /** A directory whose mode and time are set at the end. */
  private record Pending(List<String> path, int mode, Instant modified) {}

  /**
   * An entry left out of the extraction.
   *
   * @param name the entry's name as in the archive
   * @param reason why, such as {@code "a character device"}
   */
  public record Skipped(String name, String reason) {}

  private final List<Skipped> skipped = new ArrayList<>();
  /** The components, below the target, of the special entries skipped. */
  private final Set<List<String>> skippedPaths = new HashSet<>();

  private final UnaryOperator<String> rename;

  private TarExtractor(Path root, UnaryOperator<String> rename) throws IOException {
    this.root = root;
    this.rename = rename;
    this.posix = Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  /**
   * Writes the entries of the tar stream {@code tar} under {@code targetDir}, which is created if
   * absent. The stream is read up to the end of the archive and not closed.
   *
   * @return the entries left out, in archive order: devices, FIFOs and other special files, and
   *     hard links to them; empty when everything was extracted
   * @throws IOException if an entry would land outside {@code targetDir} or be written through a
   *     symbolic link that leads outside (nothing is written for it or after it; symbolic links are
   *     created as they are, whatever they point at), the archive is malformed or truncated, or
   *     writing fails
   */
  public static List<Skipped> extract(InputStream tar, Path targetDir) throws IOException {
    return extract(tar, targetDir, UnaryOperator.identity());
  }

  /**
   * Like {@link #extract(InputStream, Path)}, with each entry's name (and each hard link's target)
   * passed through {@code rename} first, as {@code docker cp} renames the top of what it copies
   * out. The safety checks apply to the renamed names.
   */
  public static List<Skipped> extract(InputStream tar, Path targetDir,
      UnaryOperator<String> rename) throws IOException {
    Files.createDirectories(targetDir);
    TarExtractor extractor = new TarExtractor(targetDir.toRealPath(), rename);
    TarReader reader = new TarReader(tar);
    for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
      extractor.extract(entry, reader);
    }
    extractor.finish();
    return List.copyOf(extractor.skipped);
  }

  private void extract(TarEntry entry, TarReader reader) throws IOException {
    String name = rename.apply(entry.name());
    List<String> names = components(name, name, "its name");
    if (entry.type() == TarEntry.Type.OTHER) {
      // devices need privileges and FIFOs have no JDK call; neither holds file content. The name
      // is checked all the same: a hostile archive is refused whatever its entries are.
      Deque<String> at = new ArrayDeque<>();
      String escape = walk(at, names, false, 0);
      if (escape != null) {
        throw refusal(name, "its path " + escape);
      }
      String kind = entry.kind();
      skipped.add(new Skipped(entry.name(), (kind.startsWith("entry") ? "an " : "a ") + kind));
      skippedPaths.add(List.copyOf(at));
      return;
    }
    if (names.isEmpty()) {
      if (entry.type() == TarEntry.Type.DIRECTORY) {
        // "./": the target itself, whose mode and time are the caller's, not the archive's
        return;
      }
      throw new IOException("refusing tar entry '" + name + "': it names the target directory");
    }
    Deque<String> parent = new ArrayDeque<>();
    String escape = walk(parent, names.subList(0, names.size() - 1), true, 0);
    if (escape != null) {
      throw refusal(name, "its path " + escape);
    }
    String last = names.get(names.size() - 1);
    Path dest = createDirectories(parent, name).resolve(last);
    List<String> destNames = new ArrayList<>(parent);
    destNames.add(last);
    switch (entry.type()) {
      case FILE:
        extractFile(entry, reader, dest);
        break;
      case DIRECTORY:
        if (!clear(dest, name, true)) {
          Files.createDirectory(dest);
        }
        directories.add(new Pending(destNames, entry.mode(), entry.modified()));
        break;
      case SYMLINK:
        extractSymlink(entry, dest);
        break;
      case HARDLINK:
        extractHardLink(entry, dest);
        break;
      default:
        throw new AssertionError(entry.type());
    }
  }

  private void extractFile(TarEntry entry, TarReader reader, Path dest) throws IOException {
    clear(dest, entry.name(), false);
    InputStream content = reader.content();
    try (OutputStream out =
        Files.newOutputStream(
            dest,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
        out.write(buffer, 0, n);
      }
    }
    setMode(dest, entry.mode());
    Files.setLastModifiedTime(dest, FileTime.from(entry.modified()));
  }

  /**
   * Creates the link with the archive's target, whatever it points at: if it leads outside, later
   * entries are never written through it ({@link #walk} expands it and refuses them).
   */
  private void extractSymlink(TarEntry entry, Path dest) throws IOException {
    String name = entry.name();
    String target = entry.linkTarget();
    if (target == null || target.isEmpty() || target.indexOf(0) >= 0) {
      throw new IOException("tar entry '" + name + "' is a symbolic link without a valid target");
    }
    clear(dest, name, false);
    Files.createSymbolicLink(dest, root.getFileSystem().getPath(target));
    try {
      // NOFOLLOW_LINKS: the link may lead outside, where nothing is touched
      Files.getFileAttributeView(dest, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(FileTime.from(entry.modified()), null, null);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform sets the time of a link itself; a link's time matters to no one
    }
  }

  private void extractHardLink(TarEntry entry, Path dest) throws IOException {
    String name = entry.name();
    String target = entry.linkTarget() == null ? null : rename.apply(entry.linkTarget());
    if (target == null || target.isEmpty()) {
      throw new IOException("tar entry '" + name + "' is a hard link without a target");
    }
    // hard link targets are archive names, relative to the top of the archive
    List<String> targetNames = components(name, target, "hard link to '" + target + "'");
    Deque<String> source = new ArrayDeque<>();
    String escape = targetNames.isEmpty() ? "names the target itself" : null;
    if (escape == null) {
      escape = walk(source, targetNames, false, 0);
    }
    if (escape != null) {
      throw refusal(name, "hard link to '" + target + "' " + escape);
    }
    if (skippedPaths.contains(List.copyOf(source))) {
      skipped.add(new Skipped(entry.name(), "a hard link to '" + entry.linkTarget()
          + "', which was skipped"));
      return;
    }
    Path sourcePath = pathOf(source);
    BasicFileAttributes attributes = attributesOrNull(sourcePath);
    if (attributes == null || attributes.isDirectory()) {
      throw new IOException(
          "tar entry '"
              + name
              + "' is a hard link to '"
              + target
              + "', which is "
              + (attributes == null ? "not extracted before it" : "a directory"));
    }
    if (sourcePath.equals(dest)) {
      return;
    }
    clear(dest, name, false);
    try {
      // link(2) gives a symbolic link a second name without following it, whatever it points at
      Files.createLink(dest, sourcePath);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(sourcePath, dest, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /**
   * Sets, once every entry is out (files and links included, which change their directory's time),
   * the directories' modes and times, deepest and latest first, so that a read-only directory could
   * still be filled.
   */
  private void finish() throws IOException {
    for (int i = directories.size() - 1; i >= 0; i--) {
      Pending directory = directories.get(i);
      if (!isPlainPath(directory.path())) {
        continue;
      }
      Path path = pathOf(directory.path());
      setMode(path, directory.mode());
      Files.setLastModifiedTime(path, FileTime.from(directory.modified()));
    }
  }

  /**
   * The components of {@code path} below the target, {@code .} and empty ones dropped and {@code
   * ..} applied.
   *
   * @throws IOException if the path is absolute or climbs above the target
   */
  private List<String> components(String entryName, String path, String what) throws IOException {
    if (path.startsWith("/")) {
      throw refusal(entryName, what + " is absolute");
    }
    String separator = root.getFileSystem().getSeparator();
    List<String> names = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (names.isEmpty()) {
          throw refusal(entryName, what + " climbs above it with '..'");
        }
        names.remove(names.size() - 1);
        continue;
      }
      if (part.indexOf(0) >= 0 || (!separator.equals("/") && part.contains(separator))) {
        throw new IOException(
            "refusing tar entry '"
                + entryName
                + "': "
                + what
                + " has a character this file system cannot take in a name");
      }
      names.add(part);
    }
    return names;
  }

  /**
   * Follows {@code steps} from {@code at} (components below the target), expanding symbolic links
   * found on disk as the kernel would (the last step only if {@code expandLast}), and leaves in
   * {@code at} where they lead, free of links. Returns null, or why the walk left the target: a
   * path through a link that leads outside, absolute or climbing out, is refused here.
   */
  private String walk(Deque<String> at, List<String> steps, boolean expandLast, int depth)
      throws IOException {
    List<String> clean = new ArrayList<>();
    for (String step : steps) {
      if (!step.isEmpty() && !step.equals(".")) {
        clean.add(step);
      }
    }
    for (int i = 0; i < clean.size(); i++) {
      String step = clean.get(i);
      if (step.equals("..")) {
        if (at.isEmpty()) {
          return "leads above it with '..'";
        }
        at.removeLast();
        continue;
      }
      at.addLast(step);
      if (i == clean.size() - 1 && !expandLast) {
        break;
      }
      Path here = pathOf(at);
      if (!Files.isSymbolicLink(here)) {
        continue;
      }
      String linkName = String.join("/", at);
      if (depth >= MAX_LINK_DEPTH) {
        throw new IOException("too many levels of symbolic links at '" + linkName + "'");
      }
      Path target = Files.readSymbolicLink(here);
      String through = "goes through symbolic link '" + linkName + "' -> '" + target + "'";
      at.removeLast();
      Path relative = target;
      if (target.isAbsolute()) {
        // links already in the target directory may be absolute and still point inside it
        Path normal = target.normalize();
        if (!normal.startsWith(root)) {
          return through;
        }
        at.clear();
        relative = root.relativize(normal);
      }
      List<String> targetSteps = new ArrayList<>();
      for (Path part : relative) {
        targetSteps.add(part.toString());
      }
      if (walk(at, targetSteps, true, depth + 1) != null) {
        return through;
      }
    }
    return null;
  }

  /** Creates the missing directories of {@code names} (free of links) and returns the last. */
  private Path createDirectories(Collection<String> names, String entryName) throws IOException {
    Path dir = root;
    for (String name : names) {
      dir = dir.resolve(name);
      BasicFileAttributes attributes = attributesOrNull(dir);
      if (attributes == null) {
        Files.createDirectory(dir);
      } else if (!attributes.isDirectory()) {
        // a link here would mean the tree changed under us since walk() expanded them
        throw new IOException(
            "cannot extract tar entry '"
                + entryName
                + "': '"
                + root.relativize(dir)
                + "' is not a directory");
      }
    }
    return dir;
  }

  /**
   * Removes what is at {@code path}, a link as a link; keeps a directory if {@code keepDirectory}
   * and then returns true.
   */
  private boolean clear(Path path, String entryName, boolean keepDirectory) throws IOException {
    BasicFileAttributes attributes = attributesOrNull(path);
    if (attributes == null) {
      return false;
    }
    if (attributes.isDirectory() && keepDirectory) {
      return true;
    }
    try {
      Files.delete(path);
    } catch (DirectoryNotEmptyException e) {
      throw new IOException(
          "cannot extract tar entry '"
              + entryName
              + "' over the non-empty directory '"
              + root.relativize(path)
              + "'",
          e);
    }
    return false;
  }

  /** True if every component of {@code names} is a directory and not a link. */
  private boolean isPlainPath(List<String> names) throws IOException {
    Path path = root;
    for (String name : names) {
      path = path.resolve(name);
      BasicFileAttributes attributes = attributesOrNull(path);
      if (attributes == null || !attributes.isDirectory()) {
        return false;
      }
    }
    return true;
  }

  private void setMode(Path path, int mode) throws IOException {
    if (posix) {
      Files.setPosixFilePermissions(path, FileModes.permissions(mode));
    }
  }

  private Path pathOf(Collection<String> names) {
    Path path = root;
    for (String name : names) {
      path = path.resolve(name);
    }
    return path;
  }

  private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private IOException refusal(String entryName, String reason) {
    return new IOException(
        "refusing tar entry '"
            + entryName
            + "': it would escape the target directory "
            + root
            + " ("
            + reason
            + ")");
  }
}
