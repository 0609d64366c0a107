package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import dev.fibered.functional.CorpusSwitch.Color;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Switch statements and expressions copied whole ({@link CorpusSwitch}), as fibers. */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SwitchTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 12, 30})
  void intSwitchWithBreakContinueAndReturnInsideALoop(int n) {
    same(() -> CorpusSwitch.onInts(n), () -> CorpusSwitchFibers.onInts(n));
  }

  @Test
  void stringAndEnumSwitchesWithLabelledJumps() {
    String[] words = {"a", "x", "skip", "b", "zzz", "", "a", "stop", "b"};
    Color[] colors = Color.values();
    same(
        () -> CorpusSwitch.onStringsAndEnums(words, colors),
        () -> CorpusSwitchFibers.onStringsAndEnums(words, colors));
    String[] noStop = {"b", "b", "q", "skip", "a"};
    Color[] green = {Color.GREEN};
    same(
        () -> CorpusSwitch.onStringsAndEnums(noStop, green),
        () -> CorpusSwitchFibers.onStringsAndEnums(noStop, green));
  }

  @Test
  void switchExpressions() {
    for (Color c : Color.values()) {
      for (int n : new int[] {0, 1, 5, 40}) {
        same(
            () -> CorpusSwitch.switchExpressions(c, n),
            () -> CorpusSwitchFibers.switchExpressions(c, n));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 25})
  void copiedSwitchesInsideDoWhileAndWhile(int n) {
    same(
        () -> CorpusSwitch.insideDoWhileAndWhile(n),
        () -> CorpusSwitchFibers.insideDoWhileAndWhile(n));
  }
}
