package dev.berth.internal.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A tar archive built header by header, for tests that need what {@link TarWriter} never writes:
 * devices, FIFOs, absolute names, {@code ..} and links leading out. Public for tests in other
 * packages of the module.
 */
public final class RawTar {
  private static final long MTIME = 1_600_000_000L;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A regular file {@code name} holding {@code content}. */
  public RawTar file(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    header(name, '0', bytes.length, "", 0644);
    out.writeBytes(bytes);
    out.writeBytes(new byte[TarHeader.padding(bytes.length)]);
    return this;
  }

  /** A directory {@code name}. */
  public RawTar directory(String name) {
    return header(name, '5', 0, "", 0755);
  }

  /** A symbolic link {@code name -> target}. */
  public RawTar symlink(String name, String target) {
    return header(name, '2', 0, target, 0777);
  }

  /** A hard link {@code name} to the archive name {@code target}. */
  public RawTar hardLink(String name, String target) {
    return header(name, '1', 0, target, 0644);
  }

  /** A character device ({@code '3'}), block device ({@code '4'}) or FIFO ({@code '6'}). */
  public RawTar special(String name, char type) {
    return header(name, type, 0, "", 0666);
  }

  private RawTar header(String name, char type, long size, String link, int mode) {
    out.writeBytes(TarHeader.block(name.getBytes(StandardCharsets.UTF_8), new byte[0], mode, size,
        MTIME, (byte) type, link.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** The archive, with its two end blocks. */
  public byte[] bytes() {
    byte[] body = out.toByteArray();
    return Arrays.copyOf(body, body.length + 1024);
  }
}
