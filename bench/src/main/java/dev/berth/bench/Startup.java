package dev.berth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * One start-up sample, in a JVM of its own: make a client, ping once, print the peak resident set
 * ({@code VmHWM}) and exit. The parent times the whole process. {@value Bench#RAW_JARS_SLF4J}
 * starts SLF4J as Berth's first call does, then runs the raw client.
 */
public final class Startup {
  private Startup() {}

  public static void main(String[] args) throws Exception {
    String client = args[0];
    String socket = args[1];
    switch (client) {
      case BerthClient.NAME:
        BerthClient.startup(socket);
        break;
      case DockerJavaClient.NAME:
        DockerJavaClient.startup(socket);
        break;
      case RawClient.NAME:
        RawClient.startup(socket);
        break;
      case Bench.RAW_JARS_SLF4J:
        // what Berth's first call does before it returns: ask SLF4J whether DEBUG is on
        if (LoggerFactory.getLogger("dev.berth.http").isDebugEnabled()) {
          System.out.println("debug");
        }
        RawClient.startup(socket);
        break;
      default:
        throw new IllegalArgumentException(client);
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        System.out.println("VmHWM " + line.substring(6).trim().split("\\s+")[0]);
      }
    }
    System.exit(0);
  }
}
