package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Caller;
import dev.fibered.TestMachines.Chain;
import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Thrower;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a fiber's exceptions travel: from callee to caller, and out of {@link Fiber#result()}. */
@Timeout(30)
class ExceptionTest {

  /** An Error of our own, so that a test never throws a real VM error around. */
  static final class TestError extends Error {
    private static final long serialVersionUID = 1L;

    TestError(String message) {
      super(message);
    }
  }

  @Test
  void aCalleesExceptionIsRethrownByResultInTheCaller() {
    Scheduler s = Scheduler.create();
    IOException boom = new IOException("boom");
    Caller<Integer> caller = new Caller<>(new Thrower<>(boom, 3), true, -1);
    Fiber<Integer> f = s.spawn(fiber("catcher", caller));
    s.spawn(fiber("other", new YieldNowLoop("o", 5, new ArrayList<>())));

    s.run();

    assertSame(boom, caller.caught);
    assertEquals(-1, f.result(), "the caller handled it and returned normally");
    assertNull(f.failure());
    assertEquals(2, caller.resumes);
  }

  @Test
  void anUncaughtCalleeExceptionFailsTheFiberWithTheSameInstance() {
    Scheduler s = Scheduler.create();
    IllegalArgumentException boom = new IllegalArgumentException("deep");
    List<Chain> created = new ArrayList<>();
    Fiber<Integer> f = s.spawn(fiber("chain", new Chain(50, 2, boom, created)));

    s.run();

    assertSame(boom, f.failure());
    assertSame(boom, assertThrows(IllegalArgumentException.class, f::result));
    assertNull(f.top);
    for (Chain c : created) {
      assertNull(c.caller, "every machine is popped");
      assertEquals(c.level == 0 ? 3 : 2, c.resumes, "level " + c.level);
    }
  }

  @Test
  void aCalleeOutcomeIsConsumedSoTheNextCallGetsItsOwnValue() {
    Scheduler s = Scheduler.create();
    IOException first = new IOException("first");
    List<Throwable> caught = new ArrayList<>();
    Fiber<Integer> f =
        s.spawn(
            fiber(
                "twoCalls",
                new Steps<Integer>(
                    (self, i) -> {
                      switch (i) {
                        case 0:
                          return self.call(new Thrower<Integer>(first, 1));
                        case 1:
                          try {
                            self.<Integer>result();
                          } catch (IOException e) {
                            caught.add(e);
                          }
                          return self.call(new Value<>(5));
                        case 2:
                          return self.<Integer>result() + 1;
                        default:
                          throw new AssertionError(i);
                      }
                    })));

    s.run();

    assertEquals(List.of(first), caught);
    assertEquals(6, f.result());
  }

  @Test
  void aCallerMayTranslateItsCalleesException() {
    Scheduler s = Scheduler.create();
    IOException cause = new IOException("io");
    Fiber<Integer> f =
        s.spawn(
            fiber(
                "translator",
                new Steps<Integer>(
                    (self, i) -> {
                      if (i == 0) {
                        return self.call(new Thrower<Integer>(cause, 0));
                      }
                      try {
                        return self.<Integer>result();
                      } catch (IOException e) {
                        throw new IllegalStateException("translated", e);
                      }
                    })));

    s.run();

    IllegalStateException e = assertThrows(IllegalStateException.class, f::result);
    assertEquals("translated", e.getMessage());
    assertSame(cause, e.getCause());
  }

  @Test
  void anUncaughtRuntimeExceptionIsRethrownUnchangedByResult() {
    Scheduler s = Scheduler.create();
    IllegalStateException boom = new IllegalStateException("boom");
    Fiber<Integer> f = s.spawn(fiber("failing", new Thrower<>(boom, 2)));

    s.run();

    assertTrue(f.isDone());
    assertFalse(f.isAlive());
    assertSame(boom, f.failure());
    assertSame(boom, assertThrows(IllegalStateException.class, f::result));
    // Again: result() is repeatable.
    assertSame(boom, assertThrows(IllegalStateException.class, f::result));
    assertDoesNotThrow(() -> f.join(), "join only waits; it does not rethrow");
    assertTrue(f.toString().contains("failed"), f.toString());
  }

  @Test
  void anExceptionBeforeAnySwitchPointFailsTheFiber() {
    Scheduler s = Scheduler.create();
    UnsupportedOperationException boom = new UnsupportedOperationException();
    Fiber<Integer> f = s.spawn(fiber("early", new Thrower<>(boom, 0)));
    s.run();
    assertSame(boom, assertThrows(UnsupportedOperationException.class, f::result));
  }

  @Test
  void aCheckedExceptionComesWrappedInCompletionException() {
    Scheduler s = Scheduler.create();
    IOException boom = new IOException("disk");
    Fiber<String> f = s.spawn(fiber("Jobs.read", new Thrower<>(boom, 1)));

    s.run();

    CompletionException e = assertThrows(CompletionException.class, f::result);
    assertSame(boom, e.getCause());
    assertTrue(e.getMessage().contains("Jobs.read"), e.getMessage());
    assertSame(boom, f.failure());
    assertSame(boom, assertThrows(CompletionException.class, f::result).getCause());
  }

  @Test
  void anErrorIsRethrownUnchanged() {
    Scheduler s = Scheduler.create();
    TestError boom = new TestError("fatal");
    Fiber<String> f = s.spawn(fiber("error", new Thrower<>(boom, 1)));

    s.run();

    assertSame(boom, assertThrows(TestError.class, f::result));
    assertSame(boom, f.failure());
  }

  @Test
  void failureIsNullUntilDoneAndForNormalCompletion() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> ok = s.spawn(fiber("ok", new Value<>(1)));
    Fiber<Integer> bad = s.spawn(fiber("bad", new Thrower<>(new RuntimeException("x"), 0)));
    assertNull(ok.failure());
    assertNull(bad.failure(), "not done yet");

    s.run();

    assertNull(ok.failure());
    assertEquals("x", bad.failure().getMessage());
  }

  @Test
  void oneFailingFiberDoesNotStopTheOthers() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    RuntimeException boom = new RuntimeException("one fails");
    Fiber<Integer> a = s.spawn(fiber("a", new YieldNowLoop("a", 5, log)));
    Fiber<Integer> bad = s.spawn(fiber("bad", new Thrower<>(boom, 2)));
    Fiber<Integer> c = s.spawn(fiber("c", new YieldNowLoop("c", 5, log)));
    Fiber<Integer> first = s.spawn(fiber("firstToFail", new Thrower<>(new TestError("e"), 0)));

    s.run();

    assertEquals(5, a.result());
    assertEquals(5, c.result());
    assertSame(boom, bad.failure());
    assertTrue(first.failure() instanceof TestError);
    assertEquals(
        List.of("a0", "c0", "a1", "c1", "a2", "c2", "a3", "c3", "a4", "c4"), log);
  }
}
