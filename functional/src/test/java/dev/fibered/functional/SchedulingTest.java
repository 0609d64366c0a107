package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scheduling semantics seen from fibered code ({@link CorpusScheduling}): the inserted checks
 * preempt fibers that never yield under a 1 ns slice; {@link Fiber#yieldNow()} alternates strictly;
 * under a huge slice {@link Fiber#yield()} never switches; many fibers all get their right result.
 * Nothing here measures speed: only orders of events and results.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SchedulingTest {

  private static List<String> trace() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  /** Events of one fiber, in its own order: "A0", "A1", ... */
  private static List<String> events(String name, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(name + i);
    }
    return out;
  }

  @Test
  void tinySliceInterleavesFibersThatNeverYield() {
    List<String> expectedA = new ArrayList<>();
    int direct = CorpusScheduling.worker("A", 300, expectedA);
    List<String> trace = trace();
    Fiber<Integer> a = CorpusSchedulingFibers.worker("A", 300, trace);
    Fiber<Integer> b = CorpusSchedulingFibers.worker("B", 300, trace);
    Check.runAll(Check.TINY, List.of(a, b));
    assertEquals(direct, a.result());
    assertEquals(direct, b.result());
    assertEquals(expectedA, Trace.only(trace, "A"));
    assertEquals(600 + 2, trace.size());
    assertTrue(Trace.interleaves(trace, "A", "B"), () -> "no interleaving: " + trace);
  }

  @Test
  void tinySliceInterleavesThreeFibersAndNestedCalls() {
    List<String> trace = trace();
    List<Fiber<Integer>> fibers =
        List.of(
            CorpusSchedulingFibers.nestedWorker("A", 200, trace),
            CorpusSchedulingFibers.nestedWorker("B", 200, trace),
            CorpusSchedulingFibers.worker("C", 200, trace));
    Check.runAll(Check.TINY, fibers);
    for (Fiber<Integer> f : fibers) {
      assertEquals(200, f.result());
    }
    assertEquals(events("A", 200), Trace.only(trace, "A"));
    assertEquals(events("B", 200), Trace.only(trace, "B"));
    assertTrue(Trace.interleaves(trace, "A", "B"), () -> "A/B: " + trace);
    assertTrue(Trace.interleaves(trace, "A", "C"), () -> "A/C: " + trace);
    assertTrue(Trace.interleaves(trace, "B", "C"), () -> "B/C: " + trace);
  }

  @Test
  void tinySliceYieldSwitches() {
    List<String> trace = trace();
    Fiber<Integer> a = CorpusSchedulingFibers.yieldingWorker("A", 100, trace);
    Fiber<Integer> b = CorpusSchedulingFibers.yieldingWorker("B", 100, trace);
    Check.runAll(Check.TINY, List.of(a, b));
    assertEquals(100, a.result());
    assertEquals(100, b.result());
    assertEquals(events("A", 100), Trace.only(trace, "A"));
    assertTrue(Trace.interleaves(trace, "A", "B"), () -> "" + trace);
  }

  @Test
  void yieldNowAlternatesStrictly() {
    List<String> trace = trace();
    Fiber<Integer> a = CorpusSchedulingFibers.yieldNowWorker("A", 50, trace);
    Fiber<Integer> b = CorpusSchedulingFibers.yieldNowWorker("B", 50, trace);
    Check.runAll(Check.HUGE, List.of(a, b));
    assertEquals(50, a.result());
    assertEquals(50, b.result());
    assertEquals("AB".repeat(50), Trace.letters(trace));
  }

  @Test
  void yieldNowAlternatesStrictlyAmongThree() {
    List<String> trace = trace();
    List<Fiber<Integer>> fibers =
        List.of(
            CorpusSchedulingFibers.yieldNowWorker("A", 30, trace),
            CorpusSchedulingFibers.yieldNowWorker("B", 30, trace),
            CorpusSchedulingFibers.yieldNowWorker("C", 30, trace));
    Check.runAll(Check.HUGE, fibers);
    assertEquals("ABC".repeat(30), Trace.letters(trace));
  }

  /**
   * Under a 1 ns slice the inserted checks switch too, so the exact pattern depends on the clock;
   * what holds regardless: each fiber's events are all there, in order, and they interleave.
   */
  @Test
  void yieldNowUnderATinySlice() {
    List<String> trace = trace();
    Fiber<Integer> a = CorpusSchedulingFibers.yieldNowWorker("A", 50, trace);
    Fiber<Integer> b = CorpusSchedulingFibers.yieldNowWorker("B", 50, trace);
    Check.runAll(Check.TINY, List.of(a, b));
    assertEquals(events("A", 50), Trace.only(trace, "A"));
    assertEquals(events("B", 50), Trace.only(trace, "B"));
    assertTrue(Trace.interleaves(trace, "A", "B"), () -> "" + trace);
  }

  @Test
  void staticallyImportedYieldNowAlternatesToo() {
    List<String> trace = trace();
    Fiber<Integer> a = CorpusStaticYieldFibers.worker("A", 20, trace);
    Fiber<Integer> b = CorpusStaticYieldFibers.worker("B", 20, trace);
    Check.runAll(Check.HUGE, List.of(a, b));
    assertEquals(20, a.result());
    assertEquals("AB".repeat(20), Trace.letters(trace));
    List<String> direct = new ArrayList<>();
    assertEquals(3, CorpusStaticYield.worker("C", 3, direct));
    assertEquals(List.of("C0", "C1", "C2"), direct);
  }

  @Test
  void hugeSliceYieldNeverSwitches() {
    List<String> trace = trace();
    Fiber<Integer> a = CorpusSchedulingFibers.yieldingWorker("A", 200, trace);
    Fiber<Integer> b = CorpusSchedulingFibers.yieldingWorker("B", 200, trace);
    Check.runAll(Check.HUGE, List.of(a, b));
    List<String> expected = new ArrayList<>(events("A", 200));
    expected.addAll(events("B", 200));
    assertEquals(expected, trace, "A ran to its end before B started");
  }

  @Test
  void hugeSliceChecksNeverSwitch() {
    List<String> trace = trace();
    Fiber<Integer> a = CorpusSchedulingFibers.nestedWorker("A", 200, trace);
    Fiber<Integer> b = CorpusSchedulingFibers.worker("B", 200, trace);
    Check.runAll(Check.HUGE, List.of(a, b));
    List<String> expected = new ArrayList<>(events("A", 200));
    expected.addAll(events("B", 200));
    expected.add("B-done");
    assertEquals(expected, trace);
  }

  /**
   * The waiter spins until another fiber sets a flag. Both run on one thread, so the waiter ends
   * only if its loop's inserted check gives the setter a turn.
   */
  @Test
  void insertedChecksLetAnotherFiberEndASpinLoop() {
    boolean[] flag = {false};
    Fiber<Long> waiter = CorpusSchedulingFibers.waitForFlag(flag);
    Fiber<Integer> setter = CorpusSchedulingFibers.setFlagAfter(flag, 1000);
    Check.runAll(Check.TINY, List.of(waiter, setter));
    assertTrue(flag[0]);
    assertEquals(CorpusScheduling.setFlagAfter(new boolean[1], 1000), setter.result());
    assertTrue(waiter.result() > 0, "the waiter spun before the flag was set");
  }

  /** Under round robin with a 1 ns slice, a short job finishes while a long one is still going. */
  @Test
  void shortFiberFinishesBeforeALongOne() {
    List<String> trace = trace();
    Fiber<Integer> longOne = CorpusSchedulingFibers.worker("L", 100_000, trace);
    Fiber<Integer> shortOne = CorpusSchedulingFibers.worker("S", 10, trace);
    Check.runAll(Check.TINY, List.of(longOne, shortOne));
    assertTrue(
        trace.indexOf("S-done") < trace.indexOf("L-done"),
        "the short fiber, spawned second, finished first");
    assertTrue(trace.indexOf("S-done") < trace.indexOf("L50000"));
  }

  @Test
  void tenThousandFibers() {
    Scheduler s = Check.tiny();
    List<Fiber<Long>> fibs = new ArrayList<>();
    List<Fiber<Long>> sums = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      fibs.add(s.spawn(CorpusCallsFibers.fib(i % 15)));
      sums.add(s.spawn(LoopsFibers.sum(i % 200)));
    }
    Check.run(s);
    for (int i = 0; i < 5_000; i++) {
      assertEquals(CorpusCalls.fib(i % 15), fibs.get(i).result(), "fib " + i);
      assertEquals(Loops.sum(i % 200), sums.get(i).result(), "sum " + i);
    }
  }

  @Test
  void thousandsOfFibersWithNestedCallsAndFailures() {
    Scheduler s = Check.tiny();
    List<Fiber<Long>> fibers = new ArrayList<>();
    List<Fiber<Integer>> failing = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      fibers.add(s.spawn(CorpusCallsFibers.level1(i % 6)));
      if (i % 10 == 0) {
        failing.add(s.spawn(CorpusExceptionsFibers.divide(i, 0)));
      }
    }
    Check.run(s);
    for (int i = 0; i < fibers.size(); i++) {
      assertEquals(CorpusCalls.level1(i % 6), fibers.get(i).result());
    }
    for (Fiber<Integer> f : failing) {
      assertTrue(f.failure() instanceof ArithmeticException, "" + f.failure());
    }
  }

  @Test
  void fibersSpawnedByAFiberRunOnTheSameScheduler() {
    Scheduler s = Check.tiny();
    List<Fiber<Long>> children = new ArrayList<>();
    Fiber<Integer> parent = s.spawn(CorpusSchedulingFibers.spawnChildren(s, 40, children));
    Check.run(s);
    assertEquals(40, parent.result());
    assertEquals(40, children.size());
    for (int i = 0; i < children.size(); i++) {
      assertTrue(children.get(i).isDone());
      assertEquals(CorpusCalls.fib(i % 15), children.get(i).result());
    }
  }

  @Test
  void fiberCurrentIsTheRunningFiberAcrossSwitchesAndNestedCalls() {
    List<Object> seenA = new ArrayList<>();
    List<Object> seenB = new ArrayList<>();
    Fiber<Integer> a = CorpusSchedulingFibers.whoAmI(seenA);
    Fiber<Integer> b = CorpusSchedulingFibers.whoAmI(seenB);
    Check.runAll(Check.TINY, List.of(a, b));
    assertEquals(List.of(a, a, a, a), seenA);
    assertEquals(List.of(b, b, b, b), seenB);
    assertNull(Fiber.current(), "no fiber runs on the test thread");
  }

  @Test
  void fiberCurrentInsideAnInlineCallIsTheCallingFiber() {
    List<Object> seen = new ArrayList<>();
    Fiber<Integer> f = CorpusSchedulingFibers.callsWhoAmIInline(seen);
    Fiber<Integer> other = CorpusSchedulingFibers.whoAmI(new ArrayList<>());
    Check.runAll(Check.TINY, List.of(f, other));
    assertEquals(List.of(f, f, f), seen);
  }

  @Test
  void lifecycleOfAFiber() {
    Fiber<Long> f = CorpusCallsFibers.fib(10);
    assertFalse(f.isAlive(), "unstarted");
    assertFalse(f.isDone(), "unstarted");
    assertNull(f.failure());
    Scheduler s = Check.tiny();
    assertSame(f, s.spawn(f));
    assertTrue(f.isAlive(), "spawned");
    assertFalse(f.isDone(), "spawned, not run");
    Check.run(s);
    assertFalse(f.isAlive(), "done");
    assertTrue(f.isDone(), "done");
    assertEquals(55L, f.result());
    f.join(); // already done: returns at once
    assertEquals(55L, f.result(), "result() can be read again");
  }

  /** result() on a spawned fiber of an idle scheduler runs the scheduler itself. */
  @Test
  void resultRunsAnIdleScheduler() {
    Scheduler s = Check.tiny();
    Fiber<Long> a = s.spawn(CorpusCallsFibers.fib(15));
    Fiber<Long> b = s.spawn(CorpusCallsFibers.fib(12));
    assertEquals(CorpusCalls.fib(15), a.result());
    b.join();
    assertEquals(CorpusCalls.fib(12), b.result());
  }

  @Test
  void runWithNothingSpawnedReturns() {
    Check.run(Check.tiny());
  }
}
