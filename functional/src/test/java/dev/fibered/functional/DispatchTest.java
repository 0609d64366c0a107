package dev.fibered.functional;

import static dev.fibered.functional.Check.same;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls of overridable, abstract and interface @Fibered methods from fibered code reach the
 * implementation Java would run ({@link CorpusDispatch}), under every schedule.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DispatchTest {
  @Test
  void abstractAndOverriddenMethodsOfClasses() {
    same(() -> CorpusDispatch.shapes(3), () -> CorpusDispatchFibers.shapes(3));
  }

  /** Compiling at all shows these receivers' types were read; before, each was UnknownReceiver. */
  @Test
  void receiversWrittenAsCreationsCastsAndParentheses() {
    same(() -> CorpusDispatch.writtenReceivers(3), () -> CorpusDispatchFibers.writtenReceivers(3));
  }

  @Test
  void interfaceMethodsDefaultMethodsAndPlainImplementations() {
    same(() -> CorpusDispatch.sources(4), () -> CorpusDispatchFibers.sources(4));
  }

  @Test
  void overrideOfAGenericMethodThroughItsBridge() {
    List<String> words = List.of("a", "bc");
    same(() -> CorpusDispatch.transform(words), () -> CorpusDispatchFibers.transform(words));
  }

  @Test
  void exceptionsThroughDispatchedCalls() {
    same(() -> CorpusDispatch.throwing(-1), () -> CorpusDispatchFibers.throwing(-1));
    same(() -> CorpusDispatch.throwing(5), () -> CorpusDispatchFibers.throwing(5));
    same(() -> CorpusDispatch.throwing(20), () -> CorpusDispatchFibers.throwing(20));
  }

  @Test
  void nullReceiverThrowsNullPointerExceptionNamingTheMethod() {
    assertThrows(NullPointerException.class, CorpusDispatch::nullReceiver);
    Fiber<Integer> fiber = CorpusDispatchFibers.nullReceiver();
    Check.runAll(Check.TINY, List.of(fiber));
    NullPointerException e = assertThrows(NullPointerException.class, fiber::result);
    assertTrue(e.getMessage().contains("CorpusDispatch$Shape.area(int)"), e.getMessage());
  }

  @Test
  void factoriesOfAnOverridableMethodDispatchToo() {
    CorpusDispatch.Shape circle = new CorpusDispatch.Circle();
    same(() -> circle.area(2), () -> CorpusDispatch_ShapeFibers.area(new CorpusDispatch.Circle(), 2));
    same(() -> 1005, () -> CorpusDispatch_SourceFibers.sum(new CorpusDispatch.Tens(), 5));
  }
}
