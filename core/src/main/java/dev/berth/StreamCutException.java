package dev.berth;

/**
 * A stream broke off before its end: the connection was cut, the engine went away, the answer
 * stopped short of what it promised, or the {@link DockerClient} was closed while it was open.
 * What arrived before the cut is never passed off as the whole: a logs, pull, build, attach or exec
 * stream throws this rather than ending, and so does {@code save(Path)}. The message names the
 * stream, how far it got and what ended it.
 *
 * <pre>{@code
 * try {
 *   container.logs().follow().copyTo(System.out, System.err);
 * } catch (StreamCutException e) {
 *   log.warn("logs ended after {} bytes: {}", e.bytesRead(), e.getMessage());
 * }
 * }</pre>
 *
 * <p>Calls that hand out an {@link java.io.InputStream} ({@code export()}, {@code save(…)},
 * {@code getArchive(…)}) throw {@link StreamCutIOException} from its {@code read} instead, an
 * {@link java.io.IOException} as an input stream's contract asks.
 */
public class StreamCutException extends DockerException {
  private static final long serialVersionUID = 1L;

  private final long bytesRead;

  /** An exception for a stream cut after {@code bytesRead} bytes (-1 if not known). */
  public StreamCutException(String message, long bytesRead, Throwable cause) {
    super(message, cause);
    this.bytesRead = bytesRead;
  }

  /**
   * How many bytes of the stream's body arrived before the cut, or -1 if that is not known. For
   * a multiplexed stream (logs, attach, exec) this counts the frames' headers too.
   */
  public long bytesRead() {
    return bytesRead;
  }
}
