package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fibered.Fiber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A @Fibered method called directly, not through its factory, is an ordinary method: it runs to
 * completion on the calling thread, and {@link Fiber#yield()} and {@link Fiber#yieldNow()} return
 * at once. (Every other test class also compares each fiber with such a direct call.)
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DirectCallTest {

  @Test
  void yieldsOutsideAFiberReturnAtOnce() {
    for (int i = 0; i < 10_000; i++) {
      Fiber.yield();
      Fiber.yieldNow();
    }
    assertNull(Fiber.current());
  }

  @Test
  void directCallRunsToCompletionSynchronously() {
    List<String> trace = new ArrayList<>();
    assertEquals(20, CorpusScheduling.yieldNowWorker("A", 20, trace));
    assertEquals(20, CorpusScheduling.yieldingWorker("B", 20, trace));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("A" + i);
    }
    for (int i = 0; i < 20; i++) {
      expected.add("B" + i);
    }
    assertEquals(expected, trace, "every event, in order, before the call returned");
  }

  @Test
  void directCallGivesTheKnownResults() {
    assertEquals(6765L, CorpusCalls.fib(20));
    assertEquals(61L, CorpusCalls.ackermann(3, 3));
    assertEquals(true, CorpusCalls.isEven(10));
    assertEquals(499500L, Loops.sum(1000));
    assertEquals(42, CorpusHosts.Nested.twice(21));
  }

  @Test
  void noFiberIsCurrentInADirectCall() {
    List<Object> seen = new ArrayList<>();
    CorpusScheduling.whoAmI(seen);
    List<Object> nulls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      nulls.add(null);
    }
    assertEquals(nulls, seen);
  }

  @Test
  void directCallThrowsTheCheckedExceptionItself() {
    assertThrows(java.io.IOException.class, () -> CorpusExceptions.checked(3));
    assertThrows(
        CorpusExceptions.CorpusCheckedException.class, () -> CorpusExceptions.checkedOwn(2));
  }

  @Test
  void directCallInsideAFiberRunsInlineWithoutSwitching() {
    // The plain helper noisyInline calls the @Fibered noisy() directly from inside a fiber; the
    // fibered B keeps switching around it, but none of its events lands inside the inline call.
    List<String> trace = new ArrayList<>();
    Fiber<Integer> a = CorpusCallsFibers.callsNoisyInline("A", 30, trace);
    Fiber<Integer> b = CorpusCallsFibers.noisy("B", 30, trace);
    Check.runAll(Check.TINY, List.of(a, b));
    int first = trace.indexOf("A0");
    for (int i = 0; i < 30; i++) {
      assertEquals("A" + i, trace.get(first + i), () -> "" + trace);
    }
  }
}
