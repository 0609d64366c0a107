package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks the harness itself: the companion fiber of {@link Check.Setup#CONTENDED_TINY} really
 * makes the fiber under test switch at its checks, so the comparisons exercise suspension and
 * resumption of every state rather than a straight run.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HarnessTest {

  @Test
  void companionGetsTurnsWhileTheTargetLoops() {
    Scheduler s = Check.tiny();
    Fiber<Long> target = s.spawn(LoopsFibers.sum(2_000));
    List<Fiber<?>> targets = new ArrayList<>();
    targets.add(target);
    Fiber<Long> companion = s.spawn(CorpusSupportFibers.spinUntilDone(targets));
    Check.run(s);
    assertEquals(Loops.sum(2_000), target.result());
    // One round per switch of the target: with a 1 ns slice nearly every back-edge check
    // switches. The bound is far below that, so only a harness that does not switch fails it.
    assertTrue(companion.result() > 100, "companion rounds: " + companion.result());
  }

  @Test
  void companionUnderAHugeSliceWaitsForYieldNow() {
    Scheduler s = Check.scheduler(Check.HUGE);
    List<String> trace = new ArrayList<>();
    Fiber<Integer> target = s.spawn(CorpusSchedulingFibers.yieldNowWorker("A", 10, trace));
    List<Fiber<?>> targets = new ArrayList<>();
    targets.add(target);
    Fiber<Long> companion = s.spawn(CorpusSupportFibers.spinUntilDone(targets));
    Check.run(s);
    assertEquals(10, target.result());
    assertEquals(10L, companion.result(), "one companion round per yieldNow of the target");
  }
}
