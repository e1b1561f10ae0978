package dev.berth.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension {@link DockerTest} registers: starts the {@link Fixture} fields of a test class
 * and removes them again. Static fields (and instance fields of a {@code PER_CLASS} test
 * instance) live from before the class's first test to after its last; instance fields of a
 * per-method instance from before each test to after it, for every instance of a {@code @Nested}
 * test's chain. Removal is registered before each start, so a failed test, a failed wait or a
 * failed start of a later fixture still removes what was started: the fixtures of a class or a
 * test are kept in its {@link ExtensionContext.Store}, which JUnit closes when the class or the
 * test ends, after every {@code @AfterAll} or {@code @AfterEach}. Fixtures of different classes
 * and tests start independently, so parallel execution works; a fixture object shared by two
 * classes running at once (a static field of a common superclass) is not supported.
 */
public final class DockerTestExtension implements BeforeAllCallback, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DockerTestExtension.class);

  /** The extension; JUnit makes it. */
  public DockerTestExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Started started = started(context);
    startFields(testClass, null, true, started);
    if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
        == TestInstance.Lifecycle.PER_CLASS) {
      Object instance = context.getTestInstance().orElse(null);
      if (instance != null) {
        startFields(testClass, instance, false, started);
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Started started = started(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      if (!perClass(instance.getClass())) {
        startFields(instance.getClass(), instance, false, started);
      }
    }
  }

  private static boolean perClass(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      TestInstance t = k.getAnnotation(TestInstance.class);
      if (t != null) {
        return t.value() == TestInstance.Lifecycle.PER_CLASS;
      }
    }
    return false;
  }

  private static Started started(ExtensionContext context) {
    // one per context: removed, in reverse order, when JUnit closes the context's store
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(),
        k -> new Started(), Started.class);
  }

  /** Starts the fixture fields of {@code type}'s own hierarchy, networks first. */
  private static void startFields(Class<?> type, Object instance, boolean statics,
      Started started) {
    List<AutoCloseable> networks = new ArrayList<>();
    List<AutoCloseable> containers = new ArrayList<>();
    for (Field f : fields(type)) {
      if (!f.isAnnotationPresent(Fixture.class) || Modifier.isStatic(f.getModifiers()) != statics) {
        continue;
      }
      Object value;
      try {
        f.setAccessible(true);
        value = f.get(instance);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ExtensionConfigurationException("@Fixture field " + name(f)
            + " cannot be read: " + e.getMessage(), e);
      }
      if (value instanceof NetworkFixture n) {
        networks.add(n);
      } else if (value instanceof ContainerFixture c) {
        containers.add(c);
      } else if (value == null) {
        throw new ExtensionConfigurationException("@Fixture field " + name(f) + " is null:"
            + " give it a ContainerFixture or a NetworkFixture, such as"
            + " ContainerFixture.run(\"docker run -d IMAGE\")");
      } else {
        throw new ExtensionConfigurationException("@Fixture field " + name(f) + " holds a "
            + value.getClass().getName() + ": expected a ContainerFixture or a NetworkFixture");
      }
    }
    for (AutoCloseable n : networks) {
      started.add(n);
      ((NetworkFixture) n).start();
    }
    for (AutoCloseable c : containers) {
      started.add(c);
      ((ContainerFixture) c).start();
    }
  }

  /** Fields of {@code type} and its superclasses, superclass first, in declaration order. */
  private static List<Field> fields(Class<?> type) {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      chain.add(0, k);
    }
    List<Field> all = new ArrayList<>();
    for (Class<?> k : chain) {
      all.addAll(List.of(k.getDeclaredFields()));
    }
    return all;
  }

  private static String name(Field f) {
    return f.getDeclaringClass().getSimpleName() + "." + f.getName();
  }

  /** Fixtures started in one context, stopped in reverse order when it ends. */
  static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final List<AutoCloseable> fixtures = new ArrayList<>();

    synchronized void add(AutoCloseable fixture) {
      fixtures.add(fixture);
    }

    @Override
    public void close() throws Exception {
      List<AutoCloseable> copy;
      synchronized (this) {
        copy = new ArrayList<>(fixtures);
        fixtures.clear();
      }
      Exception first = null;
      for (int i = copy.size() - 1; i >= 0; i--) {
        try {
          copy.get(i).close();
        } catch (Exception e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }
}
