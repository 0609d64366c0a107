package dev.fibered.functional;

import dev.fibered.Channel;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/** Fibers for the per-carrier run queues: spawned from fibers, so onto the spawner's carrier. */
final class CorpusWorkStealing {
  private CorpusWorkStealing() {}

  /** Spawns {@code n} fibers that each hold a carrier until all {@code n} run at once. */
  @Fibered
  static void spawnMeetings(int n, CountDownLatch all, Set<String> names) {
    for (int i = 0; i < n; i++) {
      Scheduler.current().spawn(CorpusWorkStealingFibers.meet(all, names));
    }
  }

  /** Blocks its carrier thread (plain code, no switch point) until every meeting fiber runs. */
  @Fibered
  static void meet(CountDownLatch all, Set<String> names) {
    names.add(Thread.currentThread().getName());
    holdCarrierUntilAllArrive(all);
  }

  static void holdCarrierUntilAllArrive(CountDownLatch all) {
    all.countDown();
    holdCarrierUntil(all);
  }

  static void holdCarrierUntil(CountDownLatch open) {
    boolean interrupted = false;
    while (true) {
      try {
        open.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Spawns {@code n} wanderers from this fiber and returns them. */
  @Fibered
  static List<Fiber<Integer>> spawnWanderers(int n, int carriers) {
    List<Fiber<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Scheduler.current().spawn(CorpusWorkStealingFibers.wander(carriers)));
    }
    return out;
  }

  /**
   * Yields until it has run on {@code carriers} different carrier threads (or a generous cap);
   * returns how many it saw.
   */
  @Fibered
  static int wander(int carriers) {
    Set<String> seen = new java.util.HashSet<>();
    for (long i = 0; i < 50_000_000L && seen.size() < carriers; i++) {
      seen.add(Thread.currentThread().getName());
      Fiber.yieldNow();
    }
    return seen.size();
  }

  /** Sends {@code turns} values to the partner and receives as many back: a runnext chain. */
  @Fibered
  static long pingPong(Channel<Long> out, Channel<Long> in, AtomicBoolean stop, AtomicLong hops) {
    long turns = 0;
    while (!stop.get()) {
      out.send(turns);
      long v = in.receive();
      turns += v == turns ? 1 : 1_000_000; // the echo must be the value sent
      hops.incrementAndGet();
    }
    out.close();
    return turns;
  }

  /** Sends {@code n} values and takes each echo back, then closes {@code out} and stops the spinners. */
  @Fibered
  static long pingPongThenStop(Channel<Long> out, Channel<Long> in, long n, AtomicBoolean stop) {
    long turns = 0;
    for (long i = 0; i < n; i++) {
      out.send(i);
      long v = in.receive();
      turns += v == i ? 1 : 1_000_000; // the echo must be the value sent
    }
    out.close();
    stop.set(true);
    return turns;
  }

  /** The other side of {@link #pingPong}: echoes until the channel closes. */
  @Fibered
  static long echo(Channel<Long> in, Channel<Long> out) {
    long echoed = 0;
    Long v = in.receiveOrNull();
    while (v != null) {
      out.send(v);
      echoed++;
      v = in.receiveOrNull();
    }
    return echoed;
  }

  /** Holds its carrier (plain code) until {@code release} opens: the other carriers go on. */
  @Fibered
  static void occupyCarrier(CountDownLatch release) {
    holdCarrierUntil(release);
  }

  /** Stops the ping-pong and releases the occupied carrier: runs only if the shared queue is served. */
  @Fibered
  static void stopAll(AtomicBoolean stop, CountDownLatch release) {
    stop.set(true);
    release.countDown();
  }

  /** A spawn tree: {@code leaves} leaves under nodes of ten children, each leaf marked once. */
  @Fibered
  static long tree(long first, int leaves, AtomicIntegerArray seen) {
    if (leaves == 1) {
      seen.incrementAndGet((int) first);
      Fiber.yield();
      return first;
    }
    int per = leaves / 10;
    List<Fiber<Long>> kids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      kids.add(Scheduler.current().spawn(CorpusWorkStealingFibers.tree(first + (long) i * per, per, seen)));
    }
    long sum = 0;
    for (Fiber<Long> kid : kids) {
      long r = kid.result();
      sum += r;
    }
    return sum;
  }

  /** A ring member: passes a counting token on until it reaches {@code hops}; returns who saw it last. */
  @Fibered
  static int ringNode(int me, Channel<Long> in, Channel<Long> out, long hops, AtomicLong passed) {
    while (true) {
      long token = in.receive();
      if (token < 0) {
        out.send(token); // the stop signal goes once round the ring
        return -1;
      }
      passed.incrementAndGet();
      if (token == hops) {
        out.send(-1L);
        in.receive(); // the stop signal came round: every other member has ended
        return me;
      }
      out.send(token + 1);
    }
  }
}
