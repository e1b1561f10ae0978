package dev.berth.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.berth.NotFoundException;
import dev.berth.containers.ListOptions;
import dev.berth.junit.internal.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What {@link DockerTest} does around test classes, seen from outside them: each case below is a
 * test class as a user writes it, run through the JUnit launcher; the cases record what their
 * fixtures were while they ran, and this test checks that and what is left afterwards.
 */
class ExtensionLifecycleIT {
  static final String IMAGE = "berth-test/busybox:latest";
  static final String SLEEPER = "docker run -d " + IMAGE + " sleep 300";

  /** Container ids the cases saw, by what they saw them as. */
  static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

  static void saw(String what, ContainerFixture f) {
    assertThat(f.container().inspect().state().running()).isTrue();
    SEEN.computeIfAbsent(what, k -> new CopyOnWriteArrayList<>()).add(f.container().id());
  }

  static List<String> seen(String what) {
    return SEEN.getOrDefault(what, List.of());
  }

  static void assertRemoved(List<String> ids) {
    assertThat(ids).isNotEmpty();
    for (String id : ids) {
      try {
        Session.get().client().containers().get(id).inspect();
        fail("container " + id + " is still there");
      } catch (NotFoundException expected) {
        // removed
      }
    }
  }

  static void assertSucceeded(TestExecutionSummary s, long tests) {
    assertThat(s.getTotalFailureCount()).as(Cases.failures(s)).isZero();
    assertThat(s.getTestsSucceededCount()).isEqualTo(tests);
  }

  // ---- static and instance ----

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  static class StaticAndInstance {
    @Fixture static ContainerFixture shared = ContainerFixture.run(SLEEPER);
    @Fixture ContainerFixture own = ContainerFixture.run(SLEEPER);

    @Test
    void first() {
      saw("shared", shared);
      saw("own", own);
    }

    @Test
    void second() {
      saw("shared", shared);
      saw("own", own);
    }
  }

  @Test
  void staticFixturesLiveForTheClassInstanceFixturesForEachTest() {
    assertSucceeded(Cases.launch(Map.of(), StaticAndInstance.class), 2);
    assertThat(seen("shared")).hasSize(2);
    assertThat(Set.copyOf(seen("shared"))).hasSize(1);
    assertThat(seen("own")).hasSize(2).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(seen("shared"));
    assertRemoved(seen("shared"));
    assertRemoved(seen("own"));
  }

  // ---- per-class instance ----

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassInstance {
    @Fixture ContainerFixture once = ContainerFixture.run(SLEEPER);

    @Test
    void first() {
      saw("per-class", once);
    }

    @Test
    void second() {
      saw("per-class", once);
    }
  }

  @Test
  void perClassInstanceFixturesLiveForTheClass() {
    assertSucceeded(Cases.launch(Map.of(), PerClassInstance.class), 2);
    assertThat(Set.copyOf(seen("per-class"))).hasSize(1);
    assertRemoved(seen("per-class"));
  }

  // ---- nested ----

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  static class Outer {
    @Fixture static ContainerFixture outerStatic = ContainerFixture.run(SLEEPER);
    @Fixture ContainerFixture outerOwn = ContainerFixture.run(SLEEPER);

    @Nested
    class Inner {
      @Fixture ContainerFixture innerOwn = ContainerFixture.run(SLEEPER);

      @Test
      void seesAllThree() {
        saw("nested.outerStatic", outerStatic);
        saw("nested.outerOwn", outerOwn);
        saw("nested.innerOwn", innerOwn);
      }
    }
  }

  @Test
  void nestedClassesGetTheirOwnAndTheirOutersFixtures() {
    assertSucceeded(Cases.launch(Map.of(), Outer.class), 1);
    assertThat(seen("nested.outerStatic")).hasSize(1);
    assertThat(seen("nested.outerOwn")).hasSize(1);
    assertThat(seen("nested.innerOwn")).hasSize(1);
    assertRemoved(seen("nested.outerStatic"));
    assertRemoved(seen("nested.outerOwn"));
    assertRemoved(seen("nested.innerOwn"));
  }

  // ---- failures ----

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  static class FailingTest {
    @Fixture static ContainerFixture shared = ContainerFixture.run(SLEEPER);
    @Fixture ContainerFixture own = ContainerFixture.run(SLEEPER);

    @Test
    void fails() {
      saw("failing.shared", shared);
      saw("failing.own", own);
      fail("this test fails on purpose");
    }
  }

  @Test
  void aFailedTestStillRemovesItsFixtures() {
    TestExecutionSummary s = Cases.launch(Map.of(), FailingTest.class);
    assertThat(s.getTotalFailureCount()).isEqualTo(1);
    assertThat(Cases.failures(s)).contains("this test fails on purpose");
    assertRemoved(seen("failing.shared"));
    assertRemoved(seen("failing.own"));
  }

  static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  static class FailingWait {
    @Fixture static NetworkFixture net = NetworkFixture.named("berth-case-" + TOKEN);
    @Fixture static ContainerFixture first = ContainerFixture.run("docker run -d --name"
        + " berth-case-" + TOKEN + "-first " + IMAGE + " sleep 300").withNetwork(net, "first");
    @Fixture static ContainerFixture never = ContainerFixture.run("docker run -d --name"
            + " berth-case-" + TOKEN + "-never " + IMAGE + " sh -c 'echo waiting; sleep 300'")
        .waitingFor(Wait.forLogLine("ready")).withStartupTimeout(Duration.ofSeconds(2));

    @Test
    void neverRuns() {
      fail("a test of a class whose fixture failed must not run");
    }
  }

  @Test
  void aFailedWaitFailsTheClassAndRemovesEverythingItsStartMade() {
    TestExecutionSummary s = Cases.launch(Map.of(), FailingWait.class);
    assertThat(s.getTestsStartedCount()).isZero();
    assertThat(Cases.failures(s))
        .contains("fixture berth-case-" + TOKEN + "-never was not ready after 2.0 s: waited for"
            + " a log line matching \"ready\"")
        .contains("  waiting");
    assertThat(Session.get().client().containers().list(ListOptions.all()
        .withFilter("name", "berth-case-" + TOKEN))).isEmpty();
    assertThat(Session.get().client().networks().list(Map.of("name",
        List.of("berth-case-" + TOKEN)))).isEmpty();
  }

  // ---- parallel ----

  /** Four classes (or four methods) pass only if all four run at the same time. */
  static final CyclicBarrier CLASSES = new CyclicBarrier(4);
  static final CyclicBarrier METHODS = new CyclicBarrier(4);

  static void together(CyclicBarrier barrier, String what, ContainerFixture f) throws Exception {
    saw(what, f);
    barrier.await(60, TimeUnit.SECONDS);
  }

  /** One class of four: each instance (one per class, PER_CLASS) has its own fixture. */
  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class ParallelClass {
    @Fixture ContainerFixture f = ContainerFixture.run(SLEEPER);

    @Test
    void runs() throws Exception {
      together(CLASSES, "parallel", f);
    }
  }

  static class Parallel1 extends ParallelClass {}

  static class Parallel2 extends ParallelClass {}

  static class Parallel3 extends ParallelClass {}

  @DockerTest
  @ExtendWith(Cases.OnlyLaunched.class)
  static class ParallelMethods {
    @Fixture static ContainerFixture f = ContainerFixture.run(SLEEPER);
    @Fixture ContainerFixture own = ContainerFixture.run(SLEEPER);

    @Test
    void runs() throws Exception {
      together(CLASSES, "parallel", f);
    }

    @Test
    void a() throws Exception {
      together(METHODS, "parallel.methods", own);
    }

    @Test
    void b() throws Exception {
      together(METHODS, "parallel.methods", own);
    }

    @Test
    void c() throws Exception {
      together(METHODS, "parallel.methods", own);
    }

    @Test
    void d() throws Exception {
      together(METHODS, "parallel.methods", own);
    }
  }

  @Test
  void classesAndMethodsRunConcurrentlyEachWithItsFixtures() {
    TestExecutionSummary s = Cases.launch(Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "10"),
        Parallel1.class, Parallel2.class, Parallel3.class, ParallelMethods.class);
    assertSucceeded(s, 8);
    assertThat(seen("parallel")).hasSize(4).doesNotHaveDuplicates();
    assertThat(seen("parallel.methods")).hasSize(4).doesNotHaveDuplicates();
    assertRemoved(seen("parallel"));
    assertRemoved(seen("parallel.methods"));
  }
}
