package dev.fibered;

import static dev.fibered.TestLogs.ONE_HOUR;
import static dev.fibered.TestLogs.ONE_NANO;
import static dev.fibered.TestLogs.alternating;
import static dev.fibered.TestLogs.sequence;
import static dev.fibered.TestMachines.fiber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.TestMachines.CheckLoop;
import dev.fibered.TestMachines.YieldDueLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Preemption#TICKER}: a ticker thread raises a flag that the checks read. Nothing here is
 * timed: a spinner that only a preemption can stop proves the flag is raised, and the ticker
 * thread is joined, not waited for.
 */
@Timeout(60)
class TickerTest {

  private static Scheduler ticker(int threads, Duration slice) {
    return Scheduler.builder()
        .preemption(Preemption.TICKER)
        .threads(threads)
        .timeSlice(slice)
        .build();
  }

  /**
   * {@code long spin(AtomicBoolean stop) { long n = 0; while (!stop.get()) n++; return n; }}, the
   * loop's back-edge check the only switch point; it also notes the ticker thread it saw.
   */
  static final class Spinner extends Machine<Long> {
    private final AtomicBoolean stop;
    private final AtomicReference<Thread> tickerSeen;
    private long n;

    Spinner(AtomicBoolean stop, AtomicReference<Thread> tickerSeen) {
      this.stop = stop;
      this.tickerSeen = tickerSeen;
    }

    @Override
    protected Object resume() {
      Thread t = fiber.scheduler().ticker().thread();
      if (t != null) {
        tickerSeen.compareAndSet(null, t);
      }
      while (!stop.get()) {
        n++;
        if (check()) {
          return SUSPEND;
        }
      }
      return n;
    }
  }

  /** {@code void stop(AtomicBoolean stop) { stop.set(true); }} */
  static final class Stopper extends Machine<Void> {
    private final AtomicBoolean stop;

    Stopper(AtomicBoolean stop) {
      this.stop = stop;
    }

    @Override
    protected Object resume() {
      stop.set(true);
      return null;
    }
  }

  @Test
  void deterministicSchedulingRefusesTheTicker() {
    Scheduler.Builder b = Scheduler.builder().deterministic(7).preemption(Preemption.TICKER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("virtual time"), e.getMessage());
    assertTrue(e.getMessage().contains("deterministic(seed)"), e.getMessage());
  }

  @Test
  void countingIsTheDefaultAndHasNoTicker() {
    Scheduler s = Scheduler.create();
    assertSame(Preemption.COUNTING, s.preemption());
    assertNull(s.ticker());
    assertSame(Preemption.TICKER, ticker(1, ONE_HOUR).preemption());
    assertTrue(ticker(2, ONE_HOUR).toString().contains("ticker"));
  }

  @Test
  void aSpinnerThatNeverYieldsIsPreemptedOnOneCarrier() {
    spinnersAreAllPreempted(1, 1);
  }

  @Test
  void threeSpinnersDoNotStarveTheFiberThatStopsThemOnOneCarrier() {
    spinnersAreAllPreempted(1, 3);
  }

  @Test
  void fourSpinnersDoNotStarveTheFiberThatStopsThemOnTwoCarriers() {
    spinnersAreAllPreempted(2, 4);
  }

  /**
   * The stopper is spawned after {@code spinners} fibers that spin until it runs: it only gets a
   * carrier if the ticker ends their slices. Afterwards the ticker thread they saw ends.
   */
  private static void spinnersAreAllPreempted(int threads, int spinners) {
    Scheduler s = ticker(threads, Duration.ofMillis(1));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Thread> tickerSeen = new AtomicReference<>();
    List<Fiber<Long>> spinning = new ArrayList<>();
    for (int i = 0; i < spinners; i++) {
      spinning.add(s.spawn(fiber("spin" + i, new Spinner(stop, tickerSeen))));
    }
    Fiber<Void> stopper = s.spawn(fiber("stop", new Stopper(stop)));

    s.run();

    assertTrue(stopper.isDone());
    long preemptions = 0;
    for (Fiber<Long> f : spinning) {
      assertTrue(f.result() >= 0);
      preemptions += f.timesPreempted();
    }
    // Queued behind every spinner, the stopper needed that many slices ended by the ticker.
    long needed = spinners - threads + 1;
    assertTrue(preemptions >= needed, () -> "preempted " + spinning);
    assertNotNull(tickerSeen.get(), "no ticker thread while the fibers ran");
    assertTrue(tickerSeen.get().isDaemon());
    assertTrue(tickerSeen.get().getName().startsWith("fibered-ticker-"));
  }

  @Test
  void theTickerThreadStartsWithTheFirstSliceAndEndsAfterTheRun() throws InterruptedException {
    for (int threads : new int[] {1, 2}) {
      Scheduler s = ticker(threads, Duration.ofMillis(1));
      assertNull(s.ticker().thread(), "started before any slice");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Thread> tickerSeen = new AtomicReference<>();
      s.spawn(fiber("spin", new Spinner(stop, tickerSeen)));
      s.spawn(fiber("stop", new Stopper(stop)));

      s.run();

      Thread seen = tickerSeen.get();
      assertNotNull(seen);
      seen.join(); // it ends on its own once no slice has run for a while: never leaked
      assertFalse(seen.isAlive());
      assertNull(s.ticker().thread());

      // The next run starts a new one, which ends too.
      AtomicReference<Thread> again = new AtomicReference<>();
      stop.set(false);
      s.spawn(fiber("spin", new Spinner(stop, again)));
      s.spawn(fiber("stop", new Stopper(stop)));
      s.run();
      assertNotNull(again.get());
      again.get().join();
      assertNull(s.ticker().thread());
    }
  }

  @Test
  void checksDoNotCountUnderTheTicker() {
    Scheduler s = ticker(1, ONE_HOUR);
    List<String> log = new ArrayList<>();
    CheckLoop loop = new CheckLoop("a", 10_000, log);
    Fiber<Integer> f = s.spawn(fiber("a", loop));

    s.run();

    assertEquals(10_000, f.result());
    assertEquals(10_000, loop.checks);
    assertEquals(0, loop.suspensions);
    assertEquals(1, f.countdown, "a check under the ticker touched the counter");
  }

  @Test
  void underAOneHourSliceNeitherChecksNorYieldSwitch() {
    Scheduler s = ticker(1, ONE_HOUR);
    List<String> log = new ArrayList<>();
    s.spawn(fiber("a", new CheckLoop("a", 500, log)));
    s.spawn(fiber("b", new YieldDueLoop("b", 500, log)));

    s.run();

    List<String> expected = sequence("a", 500);
    expected.addAll(sequence("b", 500));
    assertEquals(expected, log);
  }

  @Test
  void yieldStillReadsTheClockUnderTheTicker() {
    // Fiber.yield() is rare and precise: a 1 ns slice is spent at every yield, ticker or not.
    Scheduler s = ticker(1, ONE_NANO);
    List<String> log = new ArrayList<>();
    YieldDueLoop a = new YieldDueLoop("a", 100, log);
    YieldDueLoop b = new YieldDueLoop("b", 100, log);
    s.spawn(fiber("a", a));
    s.spawn(fiber("b", b));

    s.run();

    assertEquals(alternating("a", "b", 100), log);
    assertEquals(100, a.suspensions);
  }

  @Test
  void aFlagRaisedForAnEarlierSliceSwitchesNothing() {
    Scheduler s = ticker(1, ONE_HOUR);
    boolean[] flagAfter = {true};
    Fiber<Boolean> stale =
        s.spawn(
            fiber(
                "stale",
                new Machine<Boolean>() {
                  @Override
                  protected Object resume() {
                    // As if the ticker had read the deadline of a slice that already ended.
                    fiber.sliceOver = true;
                    boolean switched = check();
                    flagAfter[0] = fiber.sliceOver;
                    return switched;
                  }
                }));
    s.spawn(fiber("other", new CheckLoop("b", 1, new ArrayList<>())));

    s.run();

    assertFalse(stale.result(), "switched on a stale flag although another fiber was waiting");
    assertFalse(flagAfter[0], "the stale flag was not cleared");
  }
}
