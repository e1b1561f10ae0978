package dev.berth.wait;

import dev.berth.model.ExecResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The waits without options of their own: port, health, exec and all. */
abstract sealed class WaitImpl implements Wait {
  abstract Check check(Target target);

  static int checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not valid: expected 1 to 65535");
    }
    return port;
  }

  /**
   * Whether a TCP connection to {@code host:port} reaches a listener: connected, and then either
   * data or silence for 200 ms (a server waiting for its client). An end of stream right away is
   * Docker's port proxy dropping a connection nothing inside accepted.
   */
  static boolean accepts(String host, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      s.setSoTimeout(200);
      try {
        return s.getInputStream().read() != -1;
      } catch (SocketTimeoutException silentServer) {
        return true;
      }
    }
  }

  static final class Port extends WaitImpl {
    private final int port;

    Port(int port) {
      this.port = port;
    }

    @Override
    Check check(Target target) {
      return () -> accepts(target.host(), target.hostPort(port));
    }

    @Override
    public String toString() {
      return "port " + port + "/tcp to accept connections";
    }
  }

  static final class Healthy extends WaitImpl {
    @Override
    Check check(Target target) {
      String[] status = {"none yet"};
      return new Check() {
        @Override
        public boolean ready() {
          // empty also for Podman's Health with an empty Status (a container without a check)
          java.util.Optional<dev.berth.model.ContainerDetails.Health> health =
              target.details().state().health();
          if (health.isEmpty()) {
            throw target.fail(WaitException.Reason.NO_HEALTHCHECK, target.subject()
                + " has no healthcheck to wait for: give its spec one (--health-cmd) or its image"
                + " a HEALTHCHECK");
          }
          status[0] = health.get().status();
          if ("starting".equals(status[0]) && target.isPodman()) {
            // Podman runs healthchecks from systemd timers: with no systemd they never run, and the
            // wait runs one itself, once per poll (libpod's healthcheck call answers the status)
            Object ran = target.client().api().get("/libpod/containers/"
                + target.container().id() + "/healthcheck");
            if (ran instanceof Map<?, ?> answer && answer.get("Status") instanceof String s) {
              status[0] = s;
            }
          }
          return "healthy".equals(status[0]);
        }

        @Override
        public String progress() {
          return "health " + status[0];
        }
      };
    }

    @Override
    public String toString() {
      return "its healthcheck to report healthy";
    }
  }

  static final class Exec extends WaitImpl {
    private final List<String> command;

    Exec(List<String> command) {
      this.command = command;
    }

    @Override
    Check check(Target target) {
      int[] last = {-1};
      return new Check() {
        @Override
        public boolean ready() {
          ExecResult r = target.container().exec(command.toArray(new String[0])).call();
          last[0] = r.exitCode();
          return r.exitCode() == 0;
        }

        @Override
        public String progress() {
          return last[0] < 0 ? "" : "last exit code " + last[0];
        }
      };
    }

    @Override
    public String toString() {
      return "exec " + String.join(" ", command) + " to exit with 0";
    }
  }

  static final class All extends WaitImpl {
    private final List<Wait> waits;

    All(List<Wait> waits) {
      for (Wait w : waits) {
        Objects.requireNonNull(w, "a wait in Wait.all");
      }
      this.waits = waits;
    }

    @Override
    Check check(Target target) {
      List<Check> checks = new ArrayList<>();
      for (Wait w : waits) {
        checks.add(Check.of(w, target));
      }
      boolean[] held = new boolean[checks.size()];
      return new Check() {
        @Override
        public boolean ready() throws Exception {
          boolean all = true;
          for (int i = 0; i < held.length; i++) {
            held[i] = held[i] || checks.get(i).ready();
            all &= held[i];
          }
          return all;
        }

        @Override
        public String progress() {
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < held.length; i++) {
            String p = checks.get(i).progress();
            parts.add(waits.get(i) + ": " + (held[i] ? "held" : p.isEmpty() ? "not yet" : p));
          }
          return String.join("; ", parts);
        }
      };
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      for (Wait w : waits) {
        parts.add(w.toString());
      }
      return "all of [" + String.join(", ", parts) + "]";
    }
  }
}
