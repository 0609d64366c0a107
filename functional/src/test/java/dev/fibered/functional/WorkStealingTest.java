package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-carrier run queues with work stealing: a fiber spawned by a fiber goes to its spawner's
 * carrier, an idle carrier steals from a busy one, fibers move between carriers, the shared queue
 * is served even while a carrier's own queue never empties, and stress under stealing loses
 * nothing. Several tests hold a carrier thread in plain code (a latch) so that only stealing or the
 * shared queue can make progress; none asserts on time (the {@link Timeout} turns a hang into a
 * failure).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WorkStealingTest {

  private static Scheduler threads(int n) {
    return Scheduler.builder().threads(n).timeSlice(Duration.ofMillis(1)).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void idleCarriersStealWhatOneFiberSpawnedOnItsCarrier(int carriers) {
    Scheduler s = threads(carriers);
    CountDownLatch all = new CountDownLatch(carriers);
    Set<String> names = ConcurrentHashMap.newKeySet();
    // The spawner's children all go to its carrier's queue, and each child holds the carrier it
    // runs on until every child runs: that ends only if the other carriers steal them.
    s.spawn(CorpusWorkStealingFibers.spawnMeetings(carriers, all, names));
    s.run();
    assertEquals(carriers, names.size(), "each child on a carrier of its own: " + names);
  }

  @Test
  void fibersSpawnedOnOneCarrierMigrateToTheOther() {
    Scheduler s = threads(2);
    Fiber<List<Fiber<Integer>>> spawner = s.spawn(CorpusWorkStealingFibers.spawnWanderers(8, 2));
    s.run();
    for (Fiber<Integer> f : spawner.result()) {
      assertEquals(2, f.result(), f + " ran on both carriers");
    }
  }

  @Test
  void theSharedQueueIsServedWhileACarriersOwnQueueNeverEmpties() throws Exception {
    // A slice no check will see spent, so preemption cannot be what serves the shared queue.
    Scheduler s = Scheduler.builder().threads(2).timeSlice(Duration.ofDays(1)).build();
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong hops = new AtomicLong();
    Channel<Long> there = Channel.rendezvous();
    Channel<Long> back = Channel.rendezvous();
    Scheduler.Hold hold = s.hold();
    s.spawn(CorpusWorkStealingFibers.occupyCarrier(release)); // one carrier is held until the end
    Fiber<Long> ping = s.spawn(CorpusWorkStealingFibers.pingPong(there, back, stop, hops));
    Fiber<Long> echo = s.spawn(CorpusWorkStealingFibers.echo(there, back));
    Thread runner = new Thread(s::run, "test-runner");
    runner.setDaemon(true);
    runner.start();
    while (hops.get() < 10_000) { // the pair wakes each other on the free carrier, forever
      Thread.sleep(1);
    }
    // From this thread, so into the shared queue; the free carrier's own queue is never empty.
    s.spawn(CorpusWorkStealingFibers.stopAll(stop, release));
    hold.close();
    runner.join();
    assertEquals(ping.result(), echo.result() + 0L);
    assertEquals(hops.get(), ping.result(), "every echo was the value sent");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void fibersWokenOnASpinnersCarrierStillRun(int carriers) {
    Scheduler s = threads(carriers);
    AtomicBoolean stop = new AtomicBoolean();
    List<Fiber<Long>> spinners = new ArrayList<>();
    for (int i = 0; i < carriers; i++) { // one per carrier, never yielding by hand
      spinners.add(s.spawn(CorpusMultiThreadedFibers.spin(stop)));
    }
    Channel<Long> there = Channel.rendezvous();
    Channel<Long> back = Channel.rendezvous();
    // Each hop wakes the partner into the runnext slot of a carrier whose spinner must then be
    // preempted; the pair's last hop stops the spinners, so without that this never returns.
    Fiber<Long> ping = s.spawn(CorpusWorkStealingFibers.pingPongThenStop(there, back, 2_000, stop));
    Fiber<Long> echo = s.spawn(CorpusWorkStealingFibers.echo(there, back));
    s.run();
    assertEquals(2_000L, ping.result(), "every echo was the value sent");
    assertEquals(2_000L, echo.result());
    assertTrue(spinners.stream().mapToLong(Fiber::timesPreempted).sum() > 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void aSpawnTreeReachesEveryLeafOnce(int carriers) {
    for (int round = 0; round < 3; round++) {
      Scheduler s = threads(carriers);
      int leaves = 100_000;
      AtomicIntegerArray seen = new AtomicIntegerArray(leaves);
      Fiber<Long> root = s.spawn(CorpusWorkStealingFibers.tree(0, leaves, seen));
      s.run();
      assertEquals((long) leaves * (leaves - 1) / 2, root.result(), "round " + round);
      for (int i = 0; i < leaves; i++) {
        if (seen.get(i) != 1) {
          throw new AssertionError("round " + round + ": leaf " + i + " ran " + seen.get(i) + " times");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void aTokenRingAcrossCarriersLosesNoHop(int carriers) {
    Scheduler s = threads(carriers);
    int members = 503;
    long hops = 300_000;
    List<Channel<Long>> links = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      links.add(Channel.rendezvous());
    }
    AtomicLong passed = new AtomicLong();
    List<Fiber<Integer>> ring = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      ring.add(s.spawn(CorpusWorkStealingFibers.ringNode(
          i, links.get(i), links.get((i + 1) % members), hops, passed)));
    }
    s.spawn(CorpusStressFibers.produce(links.get(0), 0, 1));
    s.run();
    assertEquals(hops + 1, passed.get(), "tokens 0.." + hops + ", each passed once");
    int winner = (int) (hops % members);
    for (int i = 0; i < members; i++) {
      assertEquals(i == winner ? winner : -1, ring.get(i).result(), "member " + i);
    }
  }

  @Test
  void manyShortRunsEndNormallyNeverAsAFalseDeadlock() {
    for (int round = 0; round < 300; round++) {
      Scheduler s = threads(round % 2 == 0 ? 2 : 4);
      Channel<Long> a = Channel.rendezvous();
      List<Fiber<Void>> senders = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        senders.add(s.spawn(CorpusStressFibers.produce(a, p * 50L, 50)));
      }
      List<Fiber<Long>> sums = new ArrayList<>();
      AtomicIntegerArray seen = new AtomicIntegerArray(200);
      AtomicLong count = new AtomicLong();
      for (int c = 0; c < 3; c++) {
        sums.add(s.spawn(CorpusMultiThreadedFibers.drain(a, seen, count)));
      }
      s.spawn(CorpusMultiThreadedFibers.closeAfter(senders, a));
      s.run(); // a false deadlock report throws here
      assertEquals(200 * 199 / 2, sums.stream().mapToLong(Fiber::result).sum(), "round " + round);
      assertTrue(count.get() == 200, "round " + round);
    }
  }
}
