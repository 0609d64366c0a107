package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Generator;
import dev.fibered.Lock;
import dev.fibered.Scheduler;
import dev.fibered.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regressions from the second review of the runtime: cancellation during every kind of wait, zero
 * and negative time limits, timed joins, holds for work from other threads, timed waits that must
 * not pile up, pool joins, generators' wake-ups and close.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RuntimeReviewTest {

  /** B1: a fiber that cancels itself and then waits is never woken: run() reports a deadlock. */
  @Test
  void selfCancelThenWaitEndsCancelled() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> f = s.spawn(CorpusRuntimeReviewFibers.cancelSelfThenAwait(new Event(), log));
    s.run(); // throws "deadlock: 1 fiber waits ..."
    assertEquals(Fiber.State.CANCELLED, f.state());
  }

  /** B2: a signal handed to a waiter that is cancelled before it runs is lost. */
  @Test
  void aSignalToACancelledWaiterGoesOnToTheNext() {
    Scheduler s = Scheduler.create();
    Lock lock = new Lock();
    Lock.Condition c = lock.newCondition();
    List<String> log = new ArrayList<>();
    Fiber<Void> w1 = s.spawn(CorpusRuntimeReviewFibers.awaitSignal(lock, c, log, "w1"));
    Fiber<Void> w2 = s.spawn(CorpusRuntimeReviewFibers.awaitSignal(lock, c, log, "w2"));
    Check.runUntilWaiting(s, w2);
    s.spawn(CorpusRuntimeReviewFibers.signalThenCancel(lock, c, w1));
    s.run(); // throws deadlock: w2 waits on the condition for a signal that went to w1
    assertEquals(Fiber.State.CANCELLED, w1.state());
    assertTrue(log.contains("w2 signalled"), log.toString());
  }

  /** B3: hasNext wakes the producer from whatever it waits on, not only from emit. */
  @Test
  void hasNextWakesTheProducerOnlyFromEmit() {
    List<Fiber<String>> producer = new ArrayList<>();
    Generator<Integer> g =
        Generator.of(
            out -> {
              Fiber<String> p = CorpusRuntimeReviewFibers.producerJoiningHelper(out);
              producer.add(p);
              return p;
            });
    assertEquals(1, g.next());
    // the producer still waits in join(helper); the helper waits in emit(1)
    try {
      assertEquals(2, g.next());
    } finally {
      System.out.println("producer: " + producer.get(0) + " -> " + (producer.get(0).isDone() ? producer.get(0).result() : "-"));
    }
  }

  /** B4: a negative timeout means "wait forever" and, when served, returns null (NPE on unboxing). */
  @Test
  void aNegativeTimeoutDoesNotWaitForever() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(Channel.rendezvous(), -1));
    Fiber<Boolean> acquire = s.spawn(CorpusTimeoutsFibers.acquireFor(new Semaphore(0), -1));
    Fiber<Boolean> await = s.spawn(CorpusTimeoutsFibers.awaitFor(new Event(), -1));
    s.run(); // throws deadlock: the three wait without a timer
    assertEquals(null, poll.result());
    assertFalse(acquire.result());
    assertFalse(await.result());
  }

  /** B4: a negative limit does not wait (as java.util.concurrent's tryAcquire), and says false. */
  @Test
  void aNegativeTimeoutGivesUpAtOnceWithABoolean() {
    Scheduler s = Scheduler.create();
    Semaphore permits = new Semaphore(0);
    Fiber<Boolean> acquire = s.spawn(CorpusTimeoutsFibers.acquireFor(permits, -1));
    s.spawn(CorpusTimeoutsFibers.releaseAfter(permits, 1));
    s.run();
    assertFalse(acquire.result());
    assertEquals(1, permits.availablePermits(), "the later release went to the pool");
  }

  /** B5: a timed join from plain code declares a deadlock (and kills the scheduler) instead of returning false. */
  @Test
  void aTimedJoinOfAWaitingFiberReturnsFalse() {
    Scheduler s = Scheduler.create();
    Event event = new Event();
    List<String> log = new ArrayList<>();
    Fiber<Void> f = s.spawn(CorpusAsyncFibers.awaitEvent(event, log));
    assertFalse(f.join(Duration.ofMillis(20))); // throws "deadlock"
    event.set();
    f.join();
    assertEquals(List.of("woken"), log);
  }

  /** B6: a fiber waiting for what another thread hands over with execute() needs a hold. */
  @Test
  void aHoldKeepsAFiberWaitingForAnotherThreadFromBeingADeadlock() throws Exception {
    Scheduler s = Scheduler.create();
    Event event = new Event();
    List<String> log = new ArrayList<>();
    s.spawn(CorpusAsyncFibers.awaitEvent(event, log));
    Scheduler.Hold hold = s.hold();
    Thread other = new Thread(() -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
      s.execute(event::set);
      hold.close();
    });
    other.start();
    s.run();
    other.join();
    assertEquals(List.of("woken"), log);
  }

  @Test
  void withoutAHoldTheSameWaitIsADeadlock() {
    Scheduler s = Scheduler.create();
    s.spawn(CorpusAsyncFibers.awaitEvent(new Event(), new ArrayList<>()));
    IllegalStateException e = assertThrows(IllegalStateException.class, s::run);
    assertTrue(e.getMessage().startsWith("deadlock"), e.getMessage());
  }

  /** R1: every timed-out poll leaves its waiter in the channel until the next send. */
  @Test
  void timedOutPollsDoNotPileUp() throws Exception {
    Scheduler s = Scheduler.builder().deterministic(1).build();
    Channel<String> ch = Channel.unbounded();
    Fiber<Integer> f = s.spawn(CorpusRuntimeReviewFibers.pollIdle(ch, 100_000));
    s.run();
    assertEquals(100_000, f.result());
    java.lang.reflect.Field receivers = Channel.class.getDeclaredField("receivers");
    receivers.setAccessible(true);
    assertEquals(0, ((java.util.Collection<?>) receivers.get(ch)).size());
  }

  /** R2: every served poll leaves a timer behind for the full timeout. */
  @Test
  void servedPollsLeaveNoTimers() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<String> f = s.spawn(CorpusRuntimeReviewFibers.pollServedManyTimes(ch, 10_000));
    s.spawn(CorpusRuntimeReviewFibers.sendMany(ch, 10_000));
    s.run();
    assertTrue(f.result().endsWith(" 0 timers"), f.result());
  }

  /** B7: Pool.join() from plain code waits only for a snapshot of the running fibers. */
  @Test
  void plainPoolJoinWaitsForFibersSpawnedThroughThePoolMeanwhile() {
    Scheduler s = Scheduler.create();
    dev.fibered.Pool pool = new dev.fibered.Pool(s, 2);
    List<String> log = new ArrayList<>();
    pool.spawn(CorpusRuntimeReviewFibers.spawnsThroughPool(pool, log));
    pool.join();
    assertEquals(0, pool.runningCount(), log.toString());
    assertTrue(log.contains("child done"), log.toString());
  }

  /** R: close() runs the generator's other fibers and throws a deadlock if one waits. */
  @Test
  void closeWithAnIdleHelperDoesNotThrow() {
    Generator<Integer> g =
        Generator.of(out -> CorpusRuntimeReviewFibers.producerWithIdleHelper(out, Channel.rendezvous()));
    assertEquals(1, g.next());
    g.close(); // cancels the producer and its helper, which waits on a channel
  }

  @Test
  void nestedGenerators() {
    try (Generator<Integer> inner = CorpusGenerators.squaresOf(3, new ArrayList<>());
        Generator<Integer> outer = Generator.of(out -> CorpusRuntimeReviewFibers.doubled(out, inner))) {
      List<Integer> got = new ArrayList<>();
      outer.forEachRemaining(got::add);
      assertEquals(List.of(2, 8, 18), got);
    }
  }

  /** B0: Scheduler.deadlineIn(0) is "146 years from now": every Duration.ZERO limit waits forever. */
  @Test
  void aZeroTimeoutDoesNotWait() {
    Scheduler s = Scheduler.create();
    Fiber<Integer> poll = s.spawn(CorpusTimeoutsFibers.pollFor(Channel.rendezvous(), 0));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Check.run(s));
    assertEquals(null, poll.result());
  }

  @Test
  void aZeroTimedJoinFromPlainCodeDoesNotWait() {
    Scheduler s = Scheduler.create();
    Fiber<Void> sleeper = s.spawn(dev.fibered.FiberFibers.sleep$machine(Duration.ofSeconds(5)).asFiber("sleeper"));
    long t0 = System.nanoTime();
    assertFalse(sleeper.join(Duration.ZERO));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 1000, "join(Duration.ZERO) took " + ms + " ms");
  }
}
