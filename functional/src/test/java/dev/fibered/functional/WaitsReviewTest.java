package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.ChannelClosedException;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import dev.fibered.Seeds;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regressions from the review of waits and channels: a due sleeper preempts a busy fiber, virtual
 * time moves while fibers poll, plain code between runs can use a channel without losing a value,
 * an interrupted runner does not spin, and a deadlocked scheduler says so when reused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaitsReviewTest {

  @Test
  void aDueSleeperPreemptsAFiberThatOnlyPassesChecks() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofMillis(1)).build();
    boolean[] flag = new boolean[2];
    s.spawn(CorpusWaitsReviewFibers.setAfterSleep(flag, 5));
    Fiber<Boolean> spinner = s.spawn(CorpusWaitsReviewFibers.spinWithChecks(flag, 20_000));
    s.run();
    assertTrue(spinner.result(), "the 5 ms sleeper never woke during the busy loop");
  }

  @Test
  void aDueSleeperPreemptsAFiberThatCallsYield() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofMillis(1)).build();
    boolean[] flag = new boolean[2];
    s.spawn(CorpusWaitsReviewFibers.setAfterSleep(flag, 5));
    Fiber<Boolean> spinner = s.spawn(CorpusWaitsReviewFibers.spinWithYield(flag, 20_000));
    s.run();
    assertTrue(spinner.result(), "the 5 ms sleeper never woke during the yield() loop");
  }

  @Test
  void virtualTimeMovesWhileAFiberPolls() {
    for (long seed = 0; seed < 5; seed++) {
      Scheduler d = Seeds.scheduler(seed);
      boolean[] flag = new boolean[2];
      d.spawn(CorpusWaitsReviewFibers.setAfterSleep(flag, 5));
      Fiber<Boolean> spinner = d.spawn(CorpusWaitsReviewFibers.spinWithYieldNow(flag, 1_000_000));
      d.run();
      assertTrue(spinner.result(), "seed " + seed + ": virtual time never passed 5 ms");
    }
  }

  @Test
  void plainCodeBetweenRunsHandsAValueToAWaitingReceiver() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> receiver = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    s.spawn(CorpusWaitsReviewFibers.yieldOnce()).join(); // the receiver is parked, the scheduler idle
    assertTrue(ch.trySend(7));
    s.run();
    assertEquals(7, receiver.result());
  }

  @Test
  void plainCodeBetweenRunsClosesAChannelAndEveryWaiterHears() {
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> r1 = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    Fiber<Integer> r2 = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    s.spawn(CorpusWaitsReviewFibers.yieldOnce()).join();
    ch.close();
    s.run();
    assertInstanceOf(ChannelClosedException.class, r1.failure());
    assertInstanceOf(ChannelClosedException.class, r2.failure());
  }

  @Test
  void aChannelRefusesAWakeFromAnotherThreadBeforeChangingAnything() throws Exception {
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Scheduler s = Scheduler.create();
    Channel<Integer> ch = Channel.rendezvous();
    Fiber<Integer> receiver = s.spawn(CorpusChannelsFibers.receiveOnce(ch));
    s.spawn(CorpusDiagnosticsFibers.holdThread(entered, release)); // runs after the receiver parks
    s.spawn(CorpusChannelsFibers.produce(ch, 8, 8, false, new ArrayList<>())); // after the hold
    Thread driver = new Thread(s::run);
    driver.start();
    entered.await();
    assertThrows(IllegalStateException.class, () -> ch.trySend(7));
    assertThrows(IllegalStateException.class, ch::close);
    release.countDown();
    driver.join();
    assertTrue(!ch.isClosed(), "a refused close changed nothing");
    assertEquals(8, receiver.result(), "the refused 7 took nothing from the waiting receiver");
  }

  @Test
  void anInterruptedRunnerDoesNotSpinWhileFibersSleep() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Scheduler s = Scheduler.create();
    s.spawn(CorpusWaitsFibers.sleeper("x", 300, new ArrayList<>()));
    Thread.currentThread().interrupt();
    long cpu0 = mx.getCurrentThreadCpuTime();
    s.run();
    long cpuMillis = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    assertTrue(Thread.interrupted(), "the runner's interrupt status is restored");
    assertTrue(cpuMillis < 150, "the runner burned " + cpuMillis + " ms of CPU during a 300 ms sleep");
  }

  @Test
  void aDeadlockedSchedulerRefusesToRunAgainAndSaysWhy() {
    Scheduler s = Scheduler.create();
    List<Fiber<?>> partners = new ArrayList<>();
    partners.add(s.spawn(CorpusWaitsFibers.joinsPartner(partners, 0)));
    partners.add(s.spawn(CorpusWaitsFibers.joinsPartner(partners, 1)));
    assertThrows(IllegalStateException.class, s::run);
    assertNull(Scheduler.current());
    s.spawn(CorpusWaitsReviewFibers.yieldOnce());
    IllegalStateException again = assertThrows(IllegalStateException.class, s::run);
    assertTrue(again.getMessage().startsWith("this scheduler deadlocked earlier"), again.getMessage());
    assertTrue(again.getMessage().contains("deadlock: 2 fibers wait"), again.getMessage());
  }

  @Test
  void sleepersAndWaitersTogetherAreNoDeadlock() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Void> sleeper = s.spawn(CorpusWaitsFibers.sleeper("s", 10, log));
    s.spawn(CorpusDiagnosticsFibers.joinOther(sleeper));
    s.spawn(CorpusDiagnosticsFibers.joinOther(sleeper));
    s.run();
    assertEquals(List.of("s:start", "s:woke"), log);
  }

  @Test
  void aSleepOfZeroOrLessOnlyYields() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    s.spawn(CorpusWaitsFibers.sleeper("zero", 0, log));
    s.spawn(CorpusWaitsFibers.sleeper("negative", -5, log));
    s.run();
    assertEquals(List.of("zero:start", "negative:start", "zero:woke", "negative:woke"), log);
  }
}
