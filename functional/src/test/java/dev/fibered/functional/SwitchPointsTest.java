package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fibered.Fiber;
import dev.fibered.functional.CorpusSwitch.Color;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Switch statements with switch points in their cases ({@link CorpusSwitchPoints}), as fibers. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SwitchPointsTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 12})
  void fallThroughBreakContinueAndLocalsSharedBetweenCases(int n) {
    same(() -> CorpusSwitchPoints.fallThrough(n), () -> CorpusSwitchPointsFibers.fallThrough(n));
  }

  @Test
  void ruleCasesOnStringsAndEnumsWithALabelledBreak() {
    String[] words = {"a", "x", "", "b", "stop", "a"};
    Color[] colors = Color.values();
    same(
        () -> CorpusSwitchPoints.rules(words, colors),
        () -> CorpusSwitchPointsFibers.rules(words, colors));
  }

  @Test
  void returnFromACaseAndNoMatchingCase() {
    for (char c : new char[] {'x', 'y', 'z', 'q'}) {
      same(
          () -> CorpusSwitchPoints.returnFromCase(c, 5),
          () -> CorpusSwitchPointsFibers.returnFromCase(c, 5));
    }
  }

  @Test
  void aCaseThrowsOutOfTheSwitchIntoACatch() {
    same(() -> CorpusSwitchPoints.throwFromCase(7), () -> CorpusSwitchPointsFibers.throwFromCase(7));
  }

  /**
   * The JVM's helpful message names the variable, which is a machine's field or temporary in the
   * fiber, so only the type is compared.
   */
  @Test
  void aNullSelectorThrowsLikeJava() {
    assertThrows(NullPointerException.class, () -> CorpusSwitchPoints.nullSelector(null));
    Fiber<Integer> f = CorpusSwitchPointsFibers.nullSelector(null);
    assertThrows(NullPointerException.class, () -> Check.contended(f));
    same(() -> CorpusSwitchPoints.nullSelector("a"), () -> CorpusSwitchPointsFibers.nullSelector("a"));
  }
}
