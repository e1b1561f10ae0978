package dev.berth.transports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A helper program a test starts (socat, sshd, a second dockerd) and always stops. */
final class BackgroundProcess implements AutoCloseable {
  private final Process process;
  private final String name;

  private BackgroundProcess(Process process, String name) {
    this.process = process;
    this.name = name;
  }

  /** Starts {@code command}, logging to {@code log}, and waits until {@code ready} holds. */
  static BackgroundProcess start(List<String> command, Path log, BooleanSupplier ready)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    BackgroundProcess bp = new BackgroundProcess(p, command.get(0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!ready.getAsBoolean()) {
      if (!p.isAlive()) {
        throw new IllegalStateException(command + " exited with " + p.exitValue() + "; see "
            + log);
      }
      if (System.nanoTime() > deadline) {
        bp.close();
        throw new IllegalStateException(command + " was not ready within 30 s; see " + log);
      }
      Thread.sleep(100);
    }
    return bp;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  /** A free port on 127.0.0.1. */
  static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Runs a command to its end and fails on a non-zero exit. */
  static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
  }
}
