package dev.berth.internal.build;

import dev.berth.internal.archive.TarWriter;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A build context directory streamed as the tar that {@code docker build} sends to {@code POST
 * /build}: everything in the directory that its {@code .dockerignore} does not exclude.
 *
 * <p>As the docker CLI does it: the Dockerfile and {@code .dockerignore} are sent even if a
 * pattern matches them; an excluded directory is skipped without being read, unless an exception
 * could re-include something inside it, and then only what is re-included is sent (the directory
 * gets no entry of its own, so the engine creates it). Names are relative ({@code src/main.c}),
 * directories in name order so that the same tree always gives the same tar. Symbolic links are
 * stored as links, never followed; modes are the file system's POSIX permissions where it has
 * them, else 0644 for files and 0755 for directories; sockets, FIFOs and devices are left out, and
 * hard links are sent as separate files.
 *
 * <p>Nothing is held in memory or spooled to disk: file content is copied through a fixed buffer
 * straight to the output.
 */
public final class BuildContext {
  /** The Dockerfile's name when none is given, as for {@code docker build} without {@code -f}. */
  public static final String DEFAULT_DOCKERFILE = "Dockerfile";

  private static final int DEFAULT_FILE_MODE = 0644;
  private static final int DEFAULT_DIRECTORY_MODE = 0755;
  private static final PosixFilePermission[] PERMISSIONS = PosixFilePermission.values();

  private BuildContext() {}

  /**
   * Writes {@code contextDir} as a build context tar to {@code out}, with the Dockerfile at {@link
   * #DEFAULT_DOCKERFILE}.
   *
   * @see #write(Path, String, OutputStream)
   */
  public static void write(Path contextDir, OutputStream out) throws IOException {
    write(contextDir, DEFAULT_DOCKERFILE, out);
  }

  /**
   * Writes {@code contextDir} as a build context tar to {@code out}, ends the archive and flushes;
   * {@code out} is left open. {@code dockerfile} is the Dockerfile's slash-separated path inside
   * the context ({@code docker/Dockerfile.prod}), or null for {@link #DEFAULT_DOCKERFILE}; it is
   * sent whatever {@code .dockerignore} says.
   *
   * <p>If writing fails, the archive on {@code out} is left unfinished, so that the engine sees a
   * truncated context rather than a plausible but incomplete one.
   *
   * @throws IOException if {@code contextDir} is not a directory, a file in it cannot be read (the
   *     message names it), or writing to {@code out} fails
   * @throws IllegalArgumentException if {@code .dockerignore} has a malformed pattern, or {@code
   *     dockerfile} is not a path inside the context
   */
  public static void write(Path contextDir, String dockerfile, OutputStream out)
      throws IOException {
    Objects.requireNonNull(contextDir, "contextDir");
    Objects.requireNonNull(out, "out");
    String dockerfilePath = dockerfilePath(dockerfile == null ? DEFAULT_DOCKERFILE : dockerfile);
    if (!Files.isDirectory(contextDir)) {
      throw Files.exists(contextDir)
          ? new NotDirectoryException(contextDir.toString())
          : new NoSuchFileException(contextDir.toString(), null, "no build context there");
    }
    // as docker/cli does: exceptions for the two files after every pattern, so that nothing
    // excludes them and a walker still looks into an excluded directory holding the Dockerfile
    DockerIgnore ignore =
        DockerIgnore.read(contextDir).keeping(DockerIgnore.FILE_NAME).keeping(dockerfilePath);
    TarWriter tar = new TarWriter(new UnclosableOutput(out));
    writeChildren(contextDir, "", ignore, tar);
    tar.finish();
  }

  /** Writes what is in {@code dir}, whose entries are named {@code prefix} + their name. */
  private static void writeChildren(Path dir, String prefix, DockerIgnore ignore, TarWriter tar)
      throws IOException {
    for (String name : sortedNames(dir)) {
      Path file = dir.resolve(name);
      String entryName = prefix + name;
      boolean excluded = ignore.excludes(entryName);
      if (excluded && !ignore.mayReincludeUnder(entryName)) {
        // neither it nor anything in it goes: no need even to look at it
        continue;
      }
      BasicFileAttributes attributes = attributes(file);
      Instant mtime = attributes.lastModifiedTime().toInstant();
      if (attributes.isDirectory()) {
        if (!excluded) {
          tar.writeDirectory(entryName, mode(attributes, DEFAULT_DIRECTORY_MODE), mtime);
        }
        writeChildren(file, entryName + "/", ignore, tar);
      } else if (excluded) {
        continue;
      } else if (attributes.isSymbolicLink()) {
        String target = readLink(file);
        String separator = file.getFileSystem().getSeparator();
        tar.writeSymlink(entryName, target.replace(separator, "/"), mtime);
      } else if (attributes.isRegularFile()) {
        try (InputStream content = open(file)) {
          tar.writeFile(
              entryName,
              attributes.size(),
              mode(attributes, DEFAULT_FILE_MODE),
              mtime,
              new NamedFileContent(file, content));
        }
      }
      // other kinds are left out: docker build skips sockets, and a build has no use for FIFOs
      // or devices, which TarWriter does not write
    }
  }

  /**
   * {@code dockerfile} cleaned to a path relative to the context.
   *
   * @throws IllegalArgumentException if it leads outside the context
   */
  private static String dockerfilePath(String dockerfile) {
    String path = DockerIgnore.clean(dockerfile);
    if (path.equals(".")
        || path.startsWith("/")
        || path.equals("..")
        || path.startsWith("../")) {
      throw new IllegalArgumentException(
          "the Dockerfile must be a file inside the build context, not \"" + dockerfile + "\"");
    }
    return path;
  }

  private static List<String> sortedNames(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path child : listing) {
        names.add(child.getFileName().toString());
      }
    } catch (IOException e) {
      throw readError(dir, "cannot list", e);
    }
    names.sort(null);
    return names;
  }

  private static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      try {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException notReadable) {
        throw readError(file, "cannot read the attributes of", notReadable);
      }
    } catch (IOException e) {
      throw readError(file, "cannot read the attributes of", e);
    }
  }

  private static String readLink(Path link) throws IOException {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw readError(link, "cannot read the symbolic link", e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    try {
      return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw readError(file, "cannot read", e);
    }
  }

  /** The permission bits of a POSIX file, or {@code otherwise}. */
  private static int mode(BasicFileAttributes attributes, int otherwise) {
    if (!(attributes instanceof PosixFileAttributes)) {
      return otherwise;
    }
    Set<PosixFilePermission> permissions = ((PosixFileAttributes) attributes).permissions();
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      // the enum runs OWNER_READ (0400) down to OTHERS_EXECUTE (0001)
      mode |= 1 << (PERMISSIONS.length - 1 - p.ordinal());
    }
    return mode;
  }

  private static IOException readError(Path file, String what, IOException cause) {
    String problem = cause.getMessage();
    if (cause instanceof FileSystemException) {
      // its message is mostly the path again, and its reason is often missing (access denied)
      String reason = ((FileSystemException) cause).getReason();
      problem = reason != null ? reason : cause.getClass().getSimpleName();
    }
    return new IOException(what + " " + file + " for the build context: " + problem, cause);
  }

  /**
   * The caller's stream, which the tar writer may write and flush but not close: the caller owns
   * it.
   */
  private static final class UnclosableOutput extends FilterOutputStream {
    UnclosableOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      // FilterOutputStream would write byte by byte
      out.write(b, off, len);
    }

    @Override
    public void close() {}
  }

  /**
   * A file's content whose read errors name the file, so that they are told apart from errors
   * writing the tar.
   */
  private static final class NamedFileContent extends FilterInputStream {
    private final Path file;

    NamedFileContent(Path file, InputStream content) {
      super(content);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw readError(file, "cannot read", e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw readError(file, "cannot read", e);
      }
    }
  }
}
