package dev.fibered;

import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.Caller;
import dev.fibered.TestMachines.Chain;
import dev.fibered.TestMachines.CheckLoop;
import dev.fibered.TestMachines.Steps;
import dev.fibered.TestMachines.Value;
import dev.fibered.TestMachines.YieldNowLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Nested {@code @Fibered} calls: {@link Machine#call}, {@link Machine#CALL}, {@link Machine#result()}. */
@Timeout(60)
class NestedCallTest {

  @Test
  void theCallersResumeStateReadsTheCalleesValue() {
    Scheduler s = Scheduler.create();
    Value<Integer> callee = new Value<>(42);
    Caller<Integer> caller = new Caller<>(callee);
    Fiber<Integer> f = s.spawn(fiber("caller", caller));

    s.run();

    assertEquals(42, f.result());
    assertEquals(1, callee.resumes);
    assertEquals(2, caller.resumes);
    assertSame(f, callee.fiber);
    assertNull(callee.caller, "a finished callee is popped");
    assertNull(f.top);
  }

  @Test
  void aVoidCalleeGivesNull() {
    Scheduler s = Scheduler.create();
    Fiber<Object> f = s.spawn(fiber("caller", new Caller<>(new Value<>(null))));
    s.run();
    assertNull(f.result());
    assertTrue(f.isDone());
    assertNull(f.failure());
  }

  @Test
  void aCalleeThatSuspendsSeveralTimesIsResumedDirectly() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Caller<Integer> caller = new Caller<>(new YieldNowLoop("callee", 5, log));
    Fiber<Integer> f = s.spawn(fiber("caller", caller));
    s.spawn(fiber("other", new YieldNowLoop("other", 5, log)));

    s.run();

    assertEquals(5, f.result());
    assertEquals(
        List.of(
            "callee0", "other0", "callee1", "other1", "callee2", "other2", "callee3", "other3",
            "callee4", "other4"),
        log);
    // Suspensions inside the callee never go through the caller.
    assertEquals(2, caller.resumes);
    assertEquals(List.of(f, f), caller.currentSeen);
  }

  @Test
  void aCalleeIsPreemptedByItsChecksLikeAnOutermostMachine() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    List<String> log = new ArrayList<>();
    Fiber<Integer> f = s.spawn(fiber("caller", new Caller<>(new CheckLoop("in", 4, log))));
    s.spawn(fiber("other", new CheckLoop("out", 4, log)));

    s.run();

    assertEquals(4, f.result());
    assertEquals(List.of("in0", "out0", "in1", "out1", "in2", "out2", "in3", "out3"), log);
  }

  @Test
  void callsInSequenceEachDeliverTheirOwnValue() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    int[] first = new int[1];
    Fiber<Integer> f =
        s.spawn(
            fiber(
                "sequence",
                new Steps<Integer>(
                    (self, i) -> {
                      switch (i) {
                        case 0:
                          return self.call(new Value<>(2));
                        case 1:
                          first[0] = self.<Integer>result();
                          return self.call(new YieldNowLoop("y", 3, log));
                        case 2:
                          int second = self.<Integer>result();
                          return first[0] * 10 + second;
                        default:
                          throw new AssertionError(i);
                      }
                    })));

    s.run();

    assertEquals(23, f.result());
    assertEquals(List.of("y0", "y1", "y2"), log);
  }

  @Test
  void fiberCurrentInsideACalleeIsTheCallersFiber() {
    Scheduler s = Scheduler.create();
    List<Fiber<?>> seen = new ArrayList<>();
    Fiber<String> f =
        s.spawn(
            fiber(
                "outer",
                new Caller<>(
                    new Steps<String>(
                        (self, i) -> {
                          seen.add(Fiber.current());
                          return i < 2 ? Machine.SUSPEND : "inner";
                        }))));

    s.run();

    assertEquals("inner", f.result());
    assertEquals(List.of(f, f, f), seen);
  }

  @Test
  void aHundredNestedCallsReturnTheirValueAndTopIsTheInnermostMachineWhileSuspended() {
    Scheduler s = Scheduler.create();
    List<Chain> created = new ArrayList<>();
    Fiber<Integer> target = s.spawn(fiber("chain", new Chain(100, 5, null, created)));

    List<Machine<?>> tops = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    List<Boolean> fibersMatch = new ArrayList<>();
    s.spawn(
        fiber(
            "observer",
            new Steps<String>(
                (self, i) -> {
                  if (target.isDone()) {
                    tops.add(target.top);
                    return "observed";
                  }
                  Machine<?> top = target.top;
                  tops.add(top);
                  int depth = 0;
                  boolean sameFiber = true;
                  for (Machine<?> m = top; m.caller != null; m = m.caller) {
                    sameFiber &= m.fiber == target;
                    depth++;
                  }
                  depths.add(depth);
                  fibersMatch.add(sameFiber);
                  return Machine.SUSPEND;
                })));

    s.run();

    assertEquals(100, target.result());
    assertEquals(101, created.size());
    Chain outermost = created.get(0);
    Chain innermost = created.get(100);
    assertEquals(100, outermost.level);
    assertEquals(0, innermost.level);

    // The leaf yields 5 times: the observer sees the fiber suspended 5 times, each time with the
    // leaf on top and 100 callers below it, then sees it done with no top.
    assertEquals(6, tops.size(), tops.toString());
    for (int i = 0; i < 5; i++) {
      assertSame(innermost, tops.get(i), "top while suspended, observation " + i);
      assertEquals(100, depths.get(i));
      assertTrue(fibersMatch.get(i));
    }
    assertNull(tops.get(5), "a finished fiber has no top");

    // Resumes go straight to the innermost machine: every caller ran exactly twice (call, then
    // result), the leaf once per yield plus once.
    for (Chain c : created) {
      assertEquals(c.level == 0 ? 6 : 2, c.resumes, "resumes of level " + c.level);
      assertSame(target, c.fiber);
      assertNull(c.caller, "popped once finished");
    }
  }

  @Test
  void deepNestingDoesNotUseTheJavaStack() {
    // The scheduler loop pushes and pops machines iteratively, so depth is bounded by the heap.
    Scheduler s = Scheduler.create();
    List<Chain> created = new ArrayList<>();
    Fiber<Integer> f = s.spawn(fiber("deep", new Chain(100_000, 2, null, created)));
    s.spawn(fiber("other", new YieldNowLoop("o", 3, new ArrayList<>())));

    s.run();

    assertEquals(100_000, f.result());
    assertEquals(100_001, created.size());
    assertFalse(f.isAlive());
  }

  @Test
  void topIsTheCalleeWhileItIsSuspendedAndTheCallerAfterItReturns() {
    Scheduler s = Scheduler.create();
    List<Machine<?>> tops = new ArrayList<>();
    List<Fiber<?>> self = new ArrayList<>();
    Steps<Integer> callee =
        new Steps<>((c, i) -> i == 0 ? Machine.SUSPEND : Integer.valueOf(7));
    Steps<Integer> caller =
        new Steps<>(
            (c, i) -> {
              if (i == 0) {
                return c.call(callee);
              }
              // Back in the caller: it is the top again.
              tops.add(self.get(0).top);
              return c.<Integer>result() + 1;
            });
    Fiber<Integer> f = fiber("f", caller);
    self.add(f);
    assertSame(caller, f.top, "a new fiber's top is its body");
    s.spawn(f);
    s.spawn(
        fiber(
            "observer",
            new Steps<String>(
                (c, i) -> {
                  tops.add(f.top);
                  return "ok";
                })));

    s.run();

    assertEquals(8, f.result());
    assertEquals(List.of(callee, caller), tops);
    assertNull(f.top);
  }
}
