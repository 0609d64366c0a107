package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import dev.fibered.Seeds;
import dev.fibered.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waits with a time limit: they end at the limit, or earlier when served, and a wait that timed
 * out is never served later. Most tests use virtual time (a deterministic scheduler), so the
 * limits are exact and cost no real time; the answers hold for every seed tried.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeoutsTest {
  private static final int SEEDS = 20;

  @Test
  void aPollOnAnEmptyChannelEndsEmptyHandedAtItsLimit() {
    Seeds.check(0, SEEDS, s -> {
      Channel<Integer> ch = Channel.rendezvous();
      Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(ch, 3_600_000));
      s.run();
      assertNull(poll.result());
      assertFalse(ch.trySend(1), "the timed-out receiver no longer waits");
    });
  }

  @Test
  void aPollServedInTimeGetsTheValue() {
    Seeds.check(0, SEEDS, s -> {
      Channel<Integer> ch = Channel.rendezvous();
      Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(ch, 1_000));
      s.spawn(CorpusTimeoutsFibers.sendAfter(ch, 10, 42));
      s.run();
      assertEquals(42, poll.result());
    });
  }

  @Test
  void aValueSentAfterThePollGaveUpIsNotLost() {
    Seeds.check(0, SEEDS, s -> {
      Channel<Integer> ch = Channel.bounded(1);
      Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(ch, 5));
      s.spawn(CorpusTimeoutsFibers.sendAfter(ch, 50, 7));
      s.run();
      assertNull(poll.result());
      assertEquals(7, ch.tryReceive());
    });
  }

  @Test
  void anOfferOnAFullChannelGivesUpAndKeepsItsValue() {
    Seeds.check(0, SEEDS, s -> {
      Channel<Integer> ch = Channel.bounded(1);
      assertTrue(ch.trySend(1));
      Fiber<Boolean> offer = s.spawn(CorpusTimeoutsFibers.offerFor(ch, 2, 20));
      s.run();
      assertFalse(offer.result());
      assertEquals(1, ch.tryReceive());
      assertNull(ch.tryReceive(), "the value of the offer that gave up was not delivered");
    });
  }

  @Test
  void anOfferServedInTimeSends() {
    Seeds.check(0, SEEDS, s -> {
      Channel<Integer> ch = Channel.rendezvous();
      Fiber<Boolean> offer = s.spawn(CorpusTimeoutsFibers.offerFor(ch, 9, 1_000));
      Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(ch, 1_000));
      s.run();
      assertTrue(offer.result());
      assertEquals(9, poll.result());
    });
  }

  @Test
  void aSemaphoreWaitGivesUpAndALaterPermitIsKept() {
    Seeds.check(0, SEEDS, s -> {
      Semaphore permits = new Semaphore(0);
      Fiber<Boolean> late = s.spawn(CorpusTimeoutsFibers.acquireFor(permits, 5));
      s.spawn(CorpusTimeoutsFibers.releaseAfter(permits, 50));
      s.run();
      assertFalse(late.result());
      assertEquals(1, permits.availablePermits(), "the release after the timeout went to the pool");
    });
  }

  @Test
  void aSemaphoreWaitServedInTimeGetsThePermit() {
    Seeds.check(0, SEEDS, s -> {
      Semaphore permits = new Semaphore(0);
      Fiber<Boolean> waiter = s.spawn(CorpusTimeoutsFibers.acquireFor(permits, 100));
      s.spawn(CorpusTimeoutsFibers.releaseAfter(permits, 5));
      s.run();
      assertTrue(waiter.result());
      assertEquals(0, permits.availablePermits());
    });
  }

  @Test
  void anEventWaitEndsAtItsLimitOrWhenSet() {
    Seeds.check(0, SEEDS, s -> {
      Event event = new Event();
      Fiber<Boolean> tooShort = s.spawn(CorpusTimeoutsFibers.awaitFor(event, 5));
      Fiber<Boolean> longEnough = s.spawn(CorpusTimeoutsFibers.awaitFor(event, 100));
      s.spawn(CorpusTimeoutsFibers.setAfter(event, 20));
      s.run();
      assertFalse(tooShort.result());
      assertTrue(longEnough.result());
    });
  }

  @Test
  void theTimerOfAServedWaitDoesNotEndALaterWait() {
    Seeds.check(0, SEEDS, s -> {
      Channel<Integer> ch = Channel.rendezvous();
      List<String> log = new ArrayList<>();
      Fiber<Integer> receiver = s.spawn(CorpusTimeoutsFibers.pollThenReceive(ch, log));
      s.spawn(CorpusTimeoutsFibers.sendAfter(ch, 1, 1));
      s.spawn(CorpusTimeoutsFibers.sendAfter(ch, 50, 2)); // long after the poll's 10 ms limit
      s.run();
      assertEquals(List.of("first 1", "second 2"), log);
      assertEquals(2, receiver.result());
    });
  }

  @Test
  void aTimedJoinGivesUpWhileTheOtherFiberRunsOn() {
    Seeds.check(0, SEEDS, s -> {
      Fiber<Void> sleeper = s.spawn(CorpusWaitsFibers.sleeper("s", 50, new ArrayList<>()));
      Fiber<String> joiner = s.spawn(CorpusTimeoutsFibers.joinWithLimit(sleeper, 5));
      s.run();
      assertEquals("false then true", joiner.result());
    });
  }

  @Test
  void aTimedJoinFromPlainCodeDrivesTheSchedulerUntilItsLimit() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> sleeper = s.spawn(CorpusWaitsFibers.sleeper("s", 60_000, log));
    long start = System.nanoTime();
    assertFalse(sleeper.join(Duration.ofMillis(20)));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(20), "gave up early");
    assertEquals(List.of("s:start"), log, "the scheduler ran the sleeper up to its sleep");
    Fiber<Void> quick = s.spawn(CorpusWaitsFibers.sleeper("q", 1, log));
    assertTrue(quick.join(Duration.ofSeconds(30)));
    sleeper.cancel();
    s.run();
  }

  @Test
  void inRealTimeAPollGivesUpToo() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(ch, 20));
    long start = System.nanoTime();
    s.run();
    assertNull(poll.result());
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(20), "gave up early");
  }

  @Test
  void fromPlainCodeTimedWaitsDoNotWait() {
    Channel<Integer> ch = Channel.bounded(1);
    assertNull(ch.poll(Duration.ofHours(1)));
    assertTrue(ch.offer(1, Duration.ofHours(1)));
    assertFalse(ch.offer(2, Duration.ofHours(1)));
    assertFalse(new Semaphore(0).tryAcquire(Duration.ofHours(1)));
    assertFalse(new Event().await(Duration.ofHours(1)));
  }
}
