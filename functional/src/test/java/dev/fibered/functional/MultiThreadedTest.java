package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.ChannelClosedException;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Lock;
import dev.fibered.Pool;
import dev.fibered.Scheduler;
import dev.fibered.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Scheduler.builder().threads(n)}: fibers on several carrier threads at once, every
 * primitive used from several carriers, and the outside threads that cancel, complete futures and
 * wait. On this 2-core machine threads(4) forces more carriers than cores, hence contention and
 * preemption in the middle of every operation. No assertion is about time: only the generous
 * {@link Timeout} turns a hang into a failure.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MultiThreadedTest {

  private static Scheduler threads(int n) {
    return Scheduler.builder().threads(n).timeSlice(Duration.ofMillis(1)).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void aMillionMessagesManyProducersManyConsumersNothingLostOrDuplicated(int carriers) {
    Scheduler s = threads(carriers);
    Channel<Long> channel = Channel.bounded(64);
    int producers = 8;
    int consumers = 8;
    int total = 1_000_000;
    int perProducer = total / producers;
    AtomicIntegerArray seen = new AtomicIntegerArray(total);
    AtomicLong count = new AtomicLong();
    List<Fiber<Void>> sending = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      sending.add(s.spawn(CorpusStressFibers.produce(channel, (long) p * perProducer, perProducer)));
    }
    List<Fiber<Long>> sums = new ArrayList<>();
    for (int c = 0; c < consumers; c++) {
      sums.add(s.spawn(CorpusMultiThreadedFibers.drain(channel, seen, count)));
    }
    s.spawn(CorpusMultiThreadedFibers.closeAfter(sending, channel));
    s.run();
    long sum = 0;
    for (Fiber<Long> f : sums) {
      sum += f.result();
    }
    assertEquals((long) total * (total - 1) / 2, sum, "every message once");
    assertEquals(total, count.get());
    for (int i = 0; i < total; i++) {
      if (seen.get(i) != 1) {
        throw new AssertionError("message " + i + " received " + seen.get(i) + " times");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void aRendezvousChannelAcrossCarriers(int carriers) {
    Scheduler s = threads(carriers);
    Channel<Long> channel = Channel.rendezvous();
    int total = 100_000;
    AtomicIntegerArray seen = new AtomicIntegerArray(total);
    AtomicLong count = new AtomicLong();
    List<Fiber<Void>> sending = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      sending.add(s.spawn(CorpusStressFibers.produce(channel, p * 25_000L, 25_000)));
    }
    List<Fiber<Long>> sums = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      sums.add(s.spawn(CorpusMultiThreadedFibers.drain(channel, seen, count)));
    }
    s.spawn(CorpusMultiThreadedFibers.closeAfter(sending, channel));
    s.run();
    long sum = sums.stream().mapToLong(Fiber::result).sum();
    assertEquals((long) total * (total - 1) / 2, sum);
    assertEquals(total, count.get());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void aContendedLockLosesNoUpdateAcrossCarriers(int carriers) {
    Scheduler s = Scheduler.builder().threads(carriers).timeSlice(Duration.ofNanos(1)).build();
    Lock lock = new Lock();
    long[] counter = {0};
    for (int f = 0; f < 100; f++) {
      s.spawn(CorpusStressFibers.contend(lock, counter, 500));
    }
    s.run();
    assertEquals(100 * 500, counter[0]);
    assertFalse(lock.isLocked());
  }

  @Test
  void conditionsHandTurnsAcrossCarriers() {
    Scheduler s = threads(4);
    Lock lock = new Lock();
    Lock.Condition ready = lock.newCondition();
    int[] turn = {0};
    long[] counter = {0};
    int fibers = 200;
    for (int i = fibers - 1; i >= 0; i--) { // spawned in reverse: most must wait for their turn
      s.spawn(CorpusMultiThreadedFibers.awaitTurn(lock, ready, turn, i, counter));
    }
    s.run();
    assertEquals(fibers, counter[0]);
    assertEquals(fibers, turn[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void aSemaphoreIsNeverOverAdmitted(int carriers) {
    Scheduler s = Scheduler.builder().threads(carriers).timeSlice(Duration.ofNanos(1)).build();
    Semaphore permits = new Semaphore(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (int f = 0; f < 64; f++) {
      s.spawn(CorpusMultiThreadedFibers.admitted(permits, inside, most, 300));
    }
    s.run();
    assertTrue(most.get() <= 3, "at most 3 inside at once, saw " + most.get());
    assertEquals(3, most.get(), "64 fibers on " + carriers + " carriers fill all 3 permits");
    assertEquals(0, inside.get());
    assertEquals(3, permits.availablePermits());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void pollTimeoutsRacingSendsLoseNoValue(int carriers) {
    Scheduler s = threads(carriers);
    Channel<Long> channel = Channel.bounded(4);
    long total = 40_000;
    AtomicLong got = new AtomicLong();
    for (int p = 0; p < 4; p++) {
      s.spawn(CorpusMultiThreadedFibers.sendSlowly(channel, p * 10_000L, 10_000));
    }
    List<Fiber<Long>> pollers = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      pollers.add(s.spawn(CorpusMultiThreadedFibers.pollUntil(channel, got, total)));
    }
    s.run(); // a value lost between a timeout and a send would leave the pollers polling forever
    assertEquals(total * (total - 1) / 2, pollers.stream().mapToLong(Fiber::result).sum());
    assertEquals(total, got.get());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void timedAcquiresRacingReleasesLoseNoPermit(int carriers) {
    Scheduler s = threads(carriers);
    Semaphore permits = new Semaphore(2);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Fiber<Integer>> fibers = new ArrayList<>();
    for (int f = 0; f < 32; f++) {
      fibers.add(s.spawn(CorpusMultiThreadedFibers.tryAdmitted(permits, inside, most, 500)));
    }
    s.run();
    assertTrue(most.get() <= 2, "saw " + most.get());
    assertEquals(2, permits.availablePermits(), "every permit came back");
    assertTrue(fibers.stream().mapToInt(Fiber::result).sum() > 0);
  }

  @Test
  void aPoolNeverRunsMoreThanItsSize() {
    Scheduler s = threads(4);
    Pool pool = new Pool(s, 3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (int i = 0; i < 4; i++) {
      s.spawn(CorpusMultiThreadedFibers.spawnThroughPool(pool, 200, inside, most));
    }
    s.run();
    assertTrue(most.get() <= 3, "saw " + most.get());
    assertEquals(0, pool.runningCount());
    assertEquals(3, pool.freeCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void joinStormsAllComplete(int carriers) {
    Scheduler s = threads(carriers);
    int leaves = 3_000;
    List<Fiber<Integer>> leaf = new ArrayList<>();
    for (int i = 0; i < leaves; i++) {
      leaf.add(s.spawn(CorpusMultiThreadedFibers.leaf(i)));
    }
    List<Fiber<Integer>> pairs = new ArrayList<>();
    for (int i = 0; i < leaves; i++) {
      pairs.add(s.spawn(CorpusMultiThreadedFibers.joinTwo(leaf.get(i), leaf.get((i * 7 + 1) % leaves))));
    }
    List<Fiber<Long>> alls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      alls.add(s.spawn(CorpusMultiThreadedFibers.joinAllOf(pairs)));
    }
    Fiber<Integer> chainEnd = s.spawn(CorpusStressFibers.chainStart());
    for (int i = 0; i < 3_000; i++) {
      chainEnd = s.spawn(CorpusStressFibers.chainLink(chainEnd));
    }
    s.run();
    long expectedPairs = 0;
    for (int i = 0; i < leaves; i++) {
      expectedPairs += i + (i * 7 + 1) % leaves;
    }
    for (Fiber<Long> all : alls) {
      assertEquals(expectedPairs, all.result());
    }
    assertEquals(3_000, chainEnd.result());
  }

  @Test
  void fibersRunOnMoreThanOneCarrierAndTheCarriersStopWithTheRun() {
    Scheduler s = threads(2);
    Set<String> names = ConcurrentHashMap.newKeySet();
    Set<Thread> carriers = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 8; i++) {
      s.spawn(CorpusMultiThreadedFibers.recordCarriers(names, carriers, 2));
    }
    s.run();
    assertEquals(Set.of("fibered-carrier-1", "fibered-carrier-2"), names);
    for (Thread t : carriers) {
      assertFalse(t.isAlive(), t + " outlived run()");
      assertTrue(t.isDaemon());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void spinnersThatNeverYieldDoNotStarveOthersOnAnyCarrier(int carriers) {
    Scheduler s = threads(carriers);
    AtomicBoolean stop = new AtomicBoolean();
    List<Fiber<Long>> spinners = new ArrayList<>();
    for (int i = 0; i < carriers; i++) { // one per carrier: each could hold its carrier forever
      spinners.add(s.spawn(CorpusMultiThreadedFibers.spin(stop)));
    }
    int workers = 6;
    AtomicInteger left = new AtomicInteger(workers);
    Set<String> names = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < workers; i++) {
      s.spawn(CorpusMultiThreadedFibers.work(20, left, stop, names));
    }
    s.run(); // without preemption the workers never run and this never returns
    assertEquals(0, left.get());
    for (Fiber<Long> spinner : spinners) {
      assertTrue(spinner.timesPreempted() > 0, spinner.toString());
    }
  }

  @Test
  void cancelFromAnotherThreadWhileFibersWait() throws Exception {
    Scheduler s = threads(2);
    Channel<Long> channel = Channel.rendezvous();
    List<Fiber<Long>> receivers = receivers(s, channel, 20);
    Fiber<Void> sleeper = s.spawn(CorpusMultiThreadedFibers.sleepFor(600_000));
    Background runner = runInBackground(s);
    for (Fiber<Long> f : receivers) {
      awaitState(f, Fiber.State.WAITING);
    }
    awaitState(sleeper, Fiber.State.WAITING);
    for (Fiber<Long> f : receivers) {
      assertTrue(f.cancel()); // from the test thread, while the carriers run
    }
    assertTrue(sleeper.cancel());
    runner.join();
    for (Fiber<Long> f : receivers) {
      assertEquals(Fiber.State.CANCELLED, f.state());
      assertThrows(CancellationException.class, f::result);
    }
    assertEquals(Fiber.State.CANCELLED, sleeper.state());
    assertTrue(channel.trySend(1L) == false, "no cancelled receiver is still waiting");
  }

  @Test
  void cancellingTheLastSleeperFromOutsideIsNoDeadlock() throws Exception {
    for (int round = 0; round < 200; round++) {
      Scheduler s = threads(2);
      Fiber<Void> sleeper = s.spawn(CorpusMultiThreadedFibers.sleepFor(600_000));
      Background runner = runInBackground(s);
      awaitState(sleeper, Fiber.State.WAITING);
      sleeper.cancel(); // its timer is dead at once: a carrier must still see it queued
      runner.join();
      assertEquals(Fiber.State.CANCELLED, sleeper.state(), "round " + round);
    }
  }

  @Test
  void cancelRacingWithSendsNeverLosesAValue() throws Exception {
    for (int round = 0; round < 50; round++) {
      Scheduler s = threads(2);
      Channel<Long> channel = Channel.unbounded();
      List<Fiber<Long>> receivers = receivers(s, channel, 10);
      Scheduler.Hold hold = s.hold(); // keeps the run open while this thread acts
      Background runner = runInBackground(s);
      for (int i = 0; i < 10; i++) {
        receivers.get(i).cancel();
        channel.trySend((long) i); // from this thread, racing with the cancellations
      }
      hold.close();
      runner.join();
      long received = receivers.stream().filter(f -> f.failure() == null).count();
      assertEquals(10, received + channel.size(), "round " + round + ": every value once");
    }
  }

  @Test
  void asyncAwaitCompletedFromOutsideThreads() throws Exception {
    Scheduler s = threads(2);
    List<CompletableFuture<String>> futures = new ArrayList<>();
    List<Fiber<String>> waiting = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      CompletableFuture<String> f = new CompletableFuture<>();
      futures.add(f);
      waiting.add(s.spawn(CorpusMultiThreadedFibers.awaitFuture(f)));
    }
    Background runner = runInBackground(s);
    Thread completer1 = completer(futures, 0);
    Thread completer2 = completer(futures, 1);
    completer1.join();
    completer2.join();
    runner.join();
    for (int i = 0; i < 200; i++) {
      assertEquals("v" + i, waiting.get(i).result());
    }
  }

  @Test
  void executeFromOutsideHandsValuesToFibers() throws Exception {
    Scheduler s = threads(2);
    Channel<Long> channel = Channel.unbounded();
    List<Fiber<Long>> receivers = receivers(s, channel, 50);
    Scheduler.Hold hold = s.hold(); // keeps the run open while this thread acts
    Background runner = runInBackground(s);
    for (long i = 0; i < 50; i++) {
      long v = i;
      s.execute(() -> channel.trySend(v));
    }
    hold.close();
    runner.join();
    assertEquals(50 * 49 / 2, receivers.stream().mapToLong(Fiber::result).sum());
  }

  @Test
  void sleepersAcrossCarriersNeverWakeEarly() {
    Scheduler s = threads(2);
    List<Fiber<Integer>> sleepers = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sleepers.add(s.spawn(CorpusMultiThreadedFibers.sleepAndMeasure(1 + i % 7, 5)));
    }
    s.run();
    for (Fiber<Integer> f : sleepers) {
      assertEquals(0, f.result(), "woke before its time");
    }
  }

  @Test
  void anEventWakesWaitersOnEveryCarrier() {
    Scheduler s = threads(4);
    Event event = new Event();
    AtomicInteger woken = new AtomicInteger();
    for (int i = 0; i < 500; i++) {
      s.spawn(CorpusMultiThreadedFibers.awaitAndCount(event, woken));
    }
    s.spawn(CorpusMultiThreadedFibers.setAfterSleep(event, 20));
    s.run();
    assertEquals(500, woken.get());
  }

  @Test
  void joinFromPlainCodeStartsTheCarriersAndBlocksUntilDone() {
    Scheduler s = threads(2);
    Fiber<Integer> a = s.spawn(CorpusMultiThreadedFibers.leaf(7));
    Fiber<Integer> b = s.spawn(CorpusMultiThreadedFibers.joinTwo(a, s.spawn(CorpusMultiThreadedFibers.leaf(5))));
    assertEquals(12, b.result()); // no run(): the join starts the carriers
    s.run(); // whatever is left; returns once the carriers stopped
    assertFalse(a.isAlive());
  }

  @Test
  void fiberCurrentAndSchedulerCurrentArePerCarrier() {
    Scheduler s = threads(2);
    AtomicInteger wrong = new AtomicInteger();
    for (int i = 0; i < 16; i++) {
      s.spawn(CorpusMultiThreadedFibers.checkCurrent(s, wrong, 2_000));
    }
    s.run();
    assertEquals(0, wrong.get(), "a fiber saw another carrier's fiber or scheduler as current");
    assertNull(Fiber.current(), "outside any fiber");
    assertNull(Scheduler.current(), "outside any fiber");
  }

  @Test
  void deterministicWithSeveralThreadsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Scheduler.builder().deterministic(1).threads(2).build());
    assertTrue(e.getMessage().contains("deterministic"), e.getMessage());
    Scheduler.builder().deterministic(1).threads(1).build(); // one thread is what it is anyway
    assertThrows(IllegalArgumentException.class, () -> Scheduler.builder().threads(0));
  }

  @Test
  void aDeadlockAcrossCarriersIsReportedNotHung() {
    Scheduler s = threads(2);
    Channel<Long> ab = Channel.rendezvous();
    Channel<Long> ba = Channel.rendezvous();
    Fiber<Void> a = s.spawn(CorpusMultiThreadedFibers.receiveThenSend(ab, ba));
    Fiber<Void> b = s.spawn(CorpusMultiThreadedFibers.receiveThenSend(ba, ab));
    IllegalStateException e = assertThrows(IllegalStateException.class, s::run);
    assertTrue(e.getMessage().startsWith("deadlock: 2 fibers wait"), e.getMessage());
    assertTrue(e.getMessage().contains("receiveThenSend"), e.getMessage());
    assertEquals(Fiber.State.WAITING, a.state());
    assertEquals(Fiber.State.WAITING, b.state());
    IllegalStateException again = assertThrows(IllegalStateException.class, s::run);
    assertTrue(again.getMessage().contains("deadlock:"), again.getMessage());
    assertInstanceOf(String.class, s.dump());
  }

  @Test
  void dumpFromAnotherThreadWhileRunning() throws Exception {
    Scheduler s = threads(2);
    AtomicBoolean stop = new AtomicBoolean();
    s.spawn(CorpusMultiThreadedFibers.spin(stop));
    Fiber<Void> sleeper = s.spawn(CorpusMultiThreadedFibers.sleepFor(600_000));
    Background runner = runInBackground(s);
    awaitState(sleeper, Fiber.State.WAITING);
    String dump = s.dump();
    assertTrue(dump.startsWith("Scheduler[slice=PT0.001S, threads=2]: 2 live fibers"), dump);
    assertTrue(dump.contains("sleepFor"), dump);
    stop.set(true);
    sleeper.cancel();
    runner.join();
  }

  @Test
  void closingAChannelWakesWaitersOnEveryCarrier() throws Exception {
    Scheduler s = threads(4);
    Channel<Long> channel = Channel.rendezvous();
    List<Fiber<Long>> receivers = receivers(s, channel, 100);
    Scheduler.Hold hold = s.hold(); // keeps the run open while this thread acts
    Background runner = runInBackground(s);
    for (Fiber<Long> f : receivers) {
      awaitState(f, Fiber.State.WAITING);
    }
    channel.close(); // from this thread
    hold.close();
    runner.join();
    for (Fiber<Long> f : receivers) {
      assertInstanceOf(ChannelClosedException.class, f.failure());
    }
  }

  // ---- helpers ----

  /** Spawns {@code n} fibers that each receive one value from {@code channel}. */
  private static List<Fiber<Long>> receivers(Scheduler s, Channel<Long> channel, int n) {
    List<Fiber<Long>> receivers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      receivers.add(s.spawn(CorpusMultiThreadedFibers.receiveOne(channel)));
    }
    return receivers;
  }

  /** Runs the scheduler on a daemon thread; {@link Background#join()} rethrows what run() threw. */
  private static Background runInBackground(Scheduler s) {
    return new Background(s);
  }

  private static final class Background {
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Background(Scheduler s) {
      thread =
          new Thread(
              () -> {
                try {
                  s.run();
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "test-runner");
      thread.setDaemon(true);
      thread.start();
    }

    void join() throws InterruptedException {
      thread.join();
      if (failure.get() != null) {
        throw new AssertionError("run() threw", failure.get());
      }
    }
  }

  /** Polls until {@code f} is in {@code state}; the class timeout bounds it. */
  private static void awaitState(Fiber<?> f, Fiber.State state) throws InterruptedException {
    while (f.state() != state) {
      Thread.sleep(1);
    }
  }

  private static Thread completer(List<CompletableFuture<String>> futures, int parity) {
    Thread t =
        new Thread(
            () -> {
              for (int i = parity; i < futures.size(); i += 2) {
                futures.get(i).complete("v" + i);
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
