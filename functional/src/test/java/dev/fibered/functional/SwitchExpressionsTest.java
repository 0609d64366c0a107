package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Switch expressions with switch points ({@link CorpusSwitchExpressions}), as fibers. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SwitchExpressionsTest {
  @Test
  void ruleExpressionsBlocksLoopsAndTheSelector() {
    same(() -> CorpusSwitchExpressions.rules(9), () -> CorpusSwitchExpressionsFibers.rules(9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c", "d"})
  void oldStyleCasesWithFallThroughAndYield(String key) {
    same(() -> CorpusSwitchExpressions.oldStyle(key), () -> CorpusSwitchExpressionsFibers.oldStyle(key));
  }

  @Test
  void nestedInAnExpressionAndInEachOther() {
    for (CorpusSwitchExpressions.Color c : CorpusSwitchExpressions.Color.values()) {
      for (int n = 0; n < 3; n++) {
        int k = n;
        same(() -> CorpusSwitchExpressions.nested(c, k), () -> CorpusSwitchExpressionsFibers.nested(c, k));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void yieldThroughFinallyAndACaseThatThrows(int n) {
    same(() -> CorpusSwitchExpressions.throughFinally(n), () -> CorpusSwitchExpressionsFibers.throughFinally(n));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void switchExpressionsHoldingHandlersStoredInMachineFields(int n) {
    same(
        () -> CorpusSwitchExpressions.handlersInside(new java.util.ArrayList<>(), n),
        () -> CorpusSwitchExpressionsFibers.handlersInside(new java.util.ArrayList<>(), n));
    same(
        () -> CorpusSwitchExpressions.handlersInLoweredSwitch(new java.util.ArrayList<>(), n),
        () -> CorpusSwitchExpressionsFibers.handlersInLoweredSwitch(new java.util.ArrayList<>(), n));
    same(
        () -> CorpusSwitchExpressions.handlersInSpilledOperands(new java.util.ArrayList<>(), n),
        () -> CorpusSwitchExpressionsFibers.handlersInSpilledOperands(new java.util.ArrayList<>(), n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void numericResultsPromote(int n) {
    same(() -> CorpusSwitchExpressions.promoted(n), () -> CorpusSwitchExpressionsFibers.promoted(n));
  }
}
