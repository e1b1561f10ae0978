package dev.berth.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs test classes written as a user would write them (the cases) through the JUnit Platform
 * launcher, as Surefire does, so that a test can look at what the extension did before, during
 * and after them. A case runs only when launched from here.
 */
final class Cases {
  static final String PARAMETER = "dev.berth.junit.cases";

  private Cases() {}

  /** Runs {@code classes} with {@code parameters} (for example parallel execution). */
  static TestExecutionSummary launch(Map<String, String> parameters, Class<?>... classes) {
    List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
    for (Class<?> c : classes) {
      selectors.add(selectClass(c));
    }
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .configurationParameter(PARAMETER, "true")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .configurationParameters(parameters)
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    return listener.getSummary();
  }

  /** Every failure of a run as text, for an assertion's message. */
  static String failures(TestExecutionSummary s) {
    StringBuilder b = new StringBuilder();
    for (TestExecutionSummary.Failure f : s.getFailures()) {
      b.append(f.getTestIdentifier().getDisplayName()).append(": ").append(f.getException())
          .append('\n');
    }
    return b.toString();
  }

  /** Lets a case run only under {@link #launch}. */
  static final class OnlyLaunched implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).isPresent()
          ? ConditionEvaluationResult.enabled("launched by Cases")
          : ConditionEvaluationResult.disabled("a case for ExtensionLifecycleIT, run by it");
    }
  }
}
