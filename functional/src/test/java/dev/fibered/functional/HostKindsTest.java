package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** @Fibered methods in an interface and in a generic class ({@link CorpusTypes}). */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostKindsTest {

  @Test
  void staticMethodOfAnInterfaceUsingItsConstant() {
    for (int x : new int[] {-1, 49, 50, 51, 1000}) {
      same(() -> CorpusTypes.clamp(x), () -> CorpusTypesFibers.clamp(x));
    }
  }

  @Test
  void localsOfNestedGenericTypes() {
    same(() -> CorpusTypes.genericLocals(7), () -> CorpusTypesFibers.genericLocals(7));
  }

  @Test
  void staticMethodOfAGenericClass() {
    List<String> xs = List.of("one", "three", "");
    same(
        () -> CorpusTypes.Box.totalLength(xs), () -> CorpusTypes_BoxFibers.totalLength(xs));
  }

  @Test
  void parametersNamedLikePackagesAndAnOwnTypeNamedFiber() {
    same(() -> CorpusOddNames.sum(10), () -> CorpusOddNamesFibers.sum(10));
    CorpusOddNames.Fiber f = new CorpusOddNames.Fiber(3);
    same(() -> CorpusOddNames.strands(f, 4), () -> CorpusOddNamesFibers.strands(f, 4));
    same(
        () -> CorpusOddNames.varDeadBeforeTheSwitch(5),
        () -> CorpusOddNamesFibers.varDeadBeforeTheSwitch(5));
  }
}
