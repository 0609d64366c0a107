package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sleeping and joining from fibered code suspend only the calling fiber. No test asserts a
 * duration; orders follow from deadlines and from who waits for whom.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaitsTest {

  @Test
  void sleepersWakeInDeadlineOrder() {
    Scheduler scheduler = Scheduler.create();
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusWaitsFibers.sleeper("long", 60, log));
    scheduler.spawn(CorpusWaitsFibers.sleeper("short", 5, log));
    scheduler.run();
    assertEquals(List.of("long:start", "short:start", "short:woke", "long:woke"), log);
  }

  @Test
  void otherFibersRunWhileOneSleeps() {
    Scheduler scheduler = Scheduler.create();
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusWaitsFibers.sleeper("t", 20, log));
    Fiber<Long> spinner = scheduler.spawn(CorpusWaitsFibers.spinUntil(log, 2));
    scheduler.run();
    assertEquals(List.of("t:start", "t:woke"), log);
    assertTrue(spinner.result() > 0, "the spinner ran while the sleeper slept");
  }

  @Test
  void sleepingOutsideAFiberBlocksTheThread() {
    long start = System.nanoTime();
    CorpusWaits.sleeper("direct", 5, new ArrayList<>());
    assertTrue(System.nanoTime() - start >= 5_000_000L);
  }

  @Test
  void aFiberWaitsForTheFibersItSpawned() {
    Scheduler scheduler = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Integer> parent = scheduler.spawn(CorpusWaitsFibers.parent(1, log));
    scheduler.run();
    assertEquals(21 * 10 + 10, parent.result());
    assertEquals(
        List.of("parent spawned", "child 1", "child 21", "parent got slow", "parent joined fast"),
        log);
  }

  @Test
  void joiningFromOutsideDrivesTheSchedulerUntilTheParentIsDone() {
    // Direct: spawn needs a scheduler on this thread, so run it inside one.
    Scheduler scheduler = Scheduler.create();
    Fiber<Integer> f = scheduler.spawn(CorpusWaitsFibers.parent(3, new ArrayList<>()));
    assertEquals(23 * 10 + 30, f.result());
  }

  @Test
  void aJoinedFibersExceptionSurfacesInTheJoiner() {
    Scheduler scheduler = Scheduler.create();
    Fiber<Integer> waiter = scheduler.spawn(CorpusWaitsFibers.waitsForFailure(5));
    scheduler.run();
    CorpusWaits.Boom boom = assertThrows(CorpusWaits.Boom.class, waiter::result);
    assertEquals("failed 5", boom.getMessage());
  }

  @Test
  void aJoinedFibersValueArrives() {
    Scheduler scheduler = Scheduler.create();
    Fiber<Integer> waiter = scheduler.spawn(CorpusWaitsFibers.waitsForFailure(0));
    assertEquals(1, waiter.result());
  }

  @Test
  void aFiberCannotJoinItself() {
    Scheduler scheduler = Scheduler.create();
    Fiber<Void> f = scheduler.spawn(CorpusWaitsFibers.joinsItself());
    scheduler.run();
    IllegalStateException e = assertInstanceOf(IllegalStateException.class, f.failure());
    assertTrue(e.getMessage().contains("cannot join itself"), e.getMessage());
  }

  @Test
  void fibersWaitingForEachOtherAreReportedAsADeadlock() {
    Scheduler scheduler = Scheduler.create();
    List<Fiber<?>> partners = new ArrayList<>();
    partners.add(scheduler.spawn(CorpusWaitsFibers.joinsPartner(partners, 0)));
    partners.add(scheduler.spawn(CorpusWaitsFibers.joinsPartner(partners, 1)));
    IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::run);
    assertTrue(e.getMessage().startsWith("deadlock: 2 fibers wait"), e.getMessage());
    assertTrue(e.getMessage().contains("CorpusWaits.joinsPartner(CorpusWaits.java:"), e.getMessage());
  }
}
