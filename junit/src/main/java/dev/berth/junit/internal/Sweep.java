package dev.berth.junit.internal;

import dev.berth.DockerClient;
import dev.berth.DockerException;
import dev.berth.containers.ListOptions;
import dev.berth.model.ContainerSummary;
import dev.berth.model.NetworkDetails;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what earlier sessions on this host left behind when their JVM is gone (killed before
 * its reaper could run, or with the reaper switched off). Only objects whose owner labels name
 * this host and a process that no longer runs (or a different process under the same pid) are
 * touched.
 */
final class Sweep {
  private static final Logger LOG = LoggerFactory.getLogger("dev.berth.junit");

  private Sweep() {}

  static void run(DockerClient client, String host, String ownSession) {
    try {
      Map<String, List<String>> filter =
          Map.of("label", List.of(Session.HOST_LABEL + "=" + host));
      for (ContainerSummary c : client.containers().list(ListOptions.all()
          .withFilter("label", Session.HOST_LABEL + "=" + host))) {
        if (orphaned(c.labels(), ownSession)) {
          LOG.info("removing container {} left by session {} (its JVM, pid {}, is gone)",
              c.shortId(), c.labels().get(Session.SESSION_LABEL),
              c.labels().get(Session.PID_LABEL));
          Reaper.removeContainer(client, c.id());
        }
      }
      for (NetworkDetails n : client.networks().list(filter)) {
        if (orphaned(n.labels(), ownSession)) {
          LOG.info("removing network {} left by session {}", n.name(),
              n.labels().get(Session.SESSION_LABEL));
          Reaper.removeNetwork(client, n.id());
        }
      }
    } catch (DockerException e) {
      LOG.warn("could not sweep earlier test sessions: {}", e.getMessage());
    }
  }

  /** Whether {@code labels} belong to a session other than ours whose JVM no longer runs. */
  static boolean orphaned(Map<String, String> labels, String ownSession) {
    String session = labels.get(Session.SESSION_LABEL);
    if (session == null || session.equals(ownSession)) {
      return false;
    }
    long pid;
    long started;
    try {
      pid = Long.parseLong(labels.getOrDefault(Session.PID_LABEL, ""));
      started = Long.parseLong(labels.getOrDefault(Session.STARTED_LABEL, "0"));
    } catch (NumberFormatException e) {
      return false; // not ours to judge
    }
    Optional<ProcessHandle> owner = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (owner.isEmpty()) {
      return true;
    }
    long ownerStart = Session.startMillis(owner.get());
    return started != 0 && ownerStart != 0 && ownerStart != started;
  }
}
