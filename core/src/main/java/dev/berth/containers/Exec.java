package dev.berth.containers;

import dev.berth.model.ExecDetails;
import dev.berth.model.ExecResult;
import java.io.OutputStream;

/**
 * An exec created in a container and not yet started, or started once: {@code POST
 * /containers/{id}/exec} made it, {@link ExecRequest#create()} returns it. It is started once, by
 * one of the {@code start} methods or {@link #open()}, with the settings of the request that created
 * it; {@link #inspect()} may be called at any time.
 *
 * <pre>{@code
 * Exec e = web.exec("sh", "-c", "sleep 1; exit 3").create();
 * e.inspect().running();      // false, and exitCode() is empty: it never ran
 * e.startDetached();          // returns at once, as docker exec -d
 * e.inspect().exitCode();     // OptionalInt[3] once it ended
 * }</pre>
 */
public interface Exec {
  /** The exec's id, as {@code GET /exec/{id}/json} takes it. */
  String id();

  /**
   * Starts the command and waits for its end, as {@link ExecRequest#call()}: returns its exit code
   * and output, held in memory.
   *
   * @throws dev.berth.ConflictException if it was started before
   */
  ExecResult start();

  /** Starts the command and waits for its end, copying its output; returns the exit code. */
  int start(OutputStream stdout, OutputStream stderr);

  /** Starts the command and returns its live streams, as {@link ExecRequest#open()}. */
  ExecSession open();

  /**
   * Starts the command and returns at once, as {@code docker exec -d}: its output is dropped and
   * stdin given to the request is not fed. {@link #inspect()} tells when it ended and how.
   *
   * @throws dev.berth.ConflictException if it was started before
   */
  void startDetached();

  /**
   * What {@code GET /exec/{id}/json} shows now.
   *
   * @throws dev.berth.NotFoundException if the engine no longer knows it (its container is gone)
   */
  ExecDetails inspect();
}
