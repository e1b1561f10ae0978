package dev.berth.transport.internal.socket;

import dev.berth.transport.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A connection to an engine behind ssh, as the docker CLI makes it: {@code ssh -T [-l USER] [-p
 * PORT] -- HOST docker [--host=unix://PATH] system dial-stdio}, with HTTP spoken over the
 * process's stdin and stdout. Closing the output closes the process's stdin, which dial-stdio
 * passes on as a half-close.
 */
public final class SshSocket extends StreamSocket {
  private final Endpoint endpoint;
  private final List<String> sshCommand;
  private Process process;

  public SshSocket(Endpoint endpoint, List<String> sshCommand) {
    this.endpoint = endpoint;
    this.sshCommand = sshCommand;
  }

  /** The command line run for {@code endpoint}. */
  static List<String> command(Endpoint endpoint, List<String> sshCommand) {
    List<String> c = new ArrayList<>(sshCommand);
    c.add("-T");
    if (endpoint.user() != null) {
      c.add("-l");
      c.add(endpoint.user());
    }
    if (endpoint.port() > 0) {
      c.add("-p");
      c.add(String.valueOf(endpoint.port()));
    }
    c.add("--");
    c.add(endpoint.host());
    c.add("docker");
    if (endpoint.path() != null) {
      c.add("--host=unix://" + endpoint.path());
    }
    c.add("system");
    c.add("dial-stdio");
    return c;
  }

  @Override
  protected Streams open(int timeoutMillis) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(endpoint, sshCommand))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run " + sshCommand.get(0) + " for " + endpoint + ": "
          + e.getMessage(), e);
    }
    InputStream in = process.getInputStream();
    OutputStream out = process.getOutputStream();
    return new Streams(new InputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0 && !process.isAlive() && process.exitValue() != 0) {
          throw new IOException("ssh to " + endpoint + " ended with exit code "
              + process.exitValue());
        }
        return n;
      }

      @Override
      public int available() throws IOException {
        return in.available();
      }

      @Override
      public void close() throws IOException {
        SshSocket.this.close();
      }
    }, new ForwardingOutput(out, this::shutdownOutput));
  }

  @Override
  protected void closeOutput() throws IOException {
    process.getOutputStream().close();
  }

  @Override
  protected void release() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
