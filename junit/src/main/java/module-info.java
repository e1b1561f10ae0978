/**
 * Containers as JUnit 5 test fixtures on Berth's client: {@link dev.berth.junit.DockerTest},
 * {@link dev.berth.junit.ContainerFixture}, {@link dev.berth.junit.NetworkFixture} and {@link
 * dev.berth.junit.Wait}.
 */
module dev.berth.junit {
  requires transitive dev.berth.core;
  requires transitive org.junit.jupiter.api;
  requires org.slf4j;

  exports dev.berth.junit;
}
