package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Preemption;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ticker-driven preemption ({@link Preemption#TICKER}) on code the processor compiled: fibers that
 * never yield are preempted, interleave, and do not starve the fiber that stops them, on one and
 * two carriers; the ticker thread does not outlive the run. Orders and counts only, nothing timed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TickerTest {

  private static Scheduler ticker(int threads) {
    return Scheduler.builder()
        .preemption(Preemption.TICKER)
        .threads(threads)
        .timeSlice(Duration.ofMillis(1))
        .build();
  }

  private static Set<Thread> tickerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("fibered-ticker-"))
        .collect(Collectors.toSet());
  }

  @Test
  void twoFibersThatNeverYieldTakeTurnsOnOneCarrier() {
    List<String> trace = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> last = new AtomicReference<>();
    Scheduler s = ticker(1);
    Fiber<Integer> a = s.spawn(CorpusTickerFibers.takeTurns("A", 5, last, trace));
    Fiber<Integer> b = s.spawn(CorpusTickerFibers.takeTurns("B", 5, last, trace));

    Check.run(s);

    assertEquals(5, a.result());
    assertEquals(5, b.result());
    assertTrue(Trace.interleaves(trace, "A", "B"), () -> "no interleaving: " + trace);
    assertTrue(a.timesPreempted() >= 5, () -> "A preempted " + a.timesPreempted() + " times");
  }

  @Test
  void spinnersDoNotStarveTheFiberThatStopsThemOnOneCarrier() {
    spinnersAndTheirStopper(1, 3);
  }

  @Test
  void spinnersDoNotStarveTheFiberThatStopsThemOnTwoCarriers() {
    spinnersAndTheirStopper(2, 4);
  }

  /** The stopper gets a carrier only if the ticker ends the spinners' slices. */
  private static void spinnersAndTheirStopper(int threads, int spinners) {
    AtomicBoolean stop = new AtomicBoolean();
    Scheduler s = ticker(threads);
    List<Fiber<Long>> spinning = new ArrayList<>();
    for (int i = 0; i < spinners; i++) {
      spinning.add(s.spawn(CorpusMultiThreadedFibers.spin(stop)));
    }
    Fiber<Void> stopper = s.spawn(CorpusTickerFibers.stop(stop));

    Check.run(s);

    assertTrue(stopper.isDone());
    long preemptions = 0;
    for (Fiber<Long> f : spinning) {
      assertTrue(f.result() >= 0, f::toString); // 0 if preempted at entry, before the loop
      preemptions += f.timesPreempted();
    }
    // Queued behind every spinner, the stopper needed that many slices ended by the ticker.
    long needed = spinners - threads + 1;
    assertTrue(preemptions >= needed, () -> "preempted " + spinning);
  }

  @Test
  void theTickerThreadEndsWithTheRun() throws InterruptedException {
    for (int threads : new int[] {1, 2}) {
      Set<Thread> seen = Collections.synchronizedSet(new java.util.HashSet<>());
      AtomicBoolean stop = new AtomicBoolean();
      Scheduler s = ticker(threads);
      for (int i = 0; i < threads; i++) {
        s.spawn(CorpusMultiThreadedFibers.spin(stop)); // it runs after a preemption: ticker started
      }
      s.spawn(CorpusTickerFibers.inSlice(() -> seen.addAll(tickerThreads())));
      s.spawn(CorpusTickerFibers.stop(stop));

      Check.run(s);

      assertTrue(!seen.isEmpty(), "no ticker thread while fibers ran");
      for (Thread t : seen) {
        t.join(); // ends on its own soon after the last slice: a leak would time the test out
      }
    }
  }
}
