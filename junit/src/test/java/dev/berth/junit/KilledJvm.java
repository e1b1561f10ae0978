package dev.berth.junit;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The child JVM of {@link ReaperIT}: runs {@link Sleeper}, a fixture-using test class, through the
 * JUnit launcher; the test prints its session and sleeps until the JVM is killed.
 */
public final class KilledJvm {
  private KilledJvm() {}

  public static void main(String[] args) {
    Cases.launch(Map.of(), Sleeper.class);
  }

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  static class Sleeper {
    @Fixture static NetworkFixture net = NetworkFixture.create();
    @Fixture static ContainerFixture sleeper = ContainerFixture
        .run("docker run -d berth-test/busybox:latest sleep 600").withNetwork(net, "sleeper");

    @Test
    void sleeps() throws InterruptedException {
      System.out.println("SESSION " + sleeper.container().inspect().labels()
          .get("dev.berth.session"));
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(600_000);
    }
  }
}
