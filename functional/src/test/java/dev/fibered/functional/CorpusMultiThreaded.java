package dev.fibered.functional;

import dev.fibered.Async;
import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Lock;
import dev.fibered.Pool;
import dev.fibered.Scheduler;
import dev.fibered.Semaphore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/** Fibers for the multi-threaded scheduler: each runs on whichever carrier takes it. */
final class CorpusMultiThreaded {
  private CorpusMultiThreaded() {}

  /** Receives until the channel is closed and drained; counts every value it saw in {@code seen}. */
  @Fibered
  static long drain(Channel<Long> channel, AtomicIntegerArray seen, AtomicLong count) {
    long sum = 0;
    Long v = channel.receiveOrNull();
    while (v != null) {
      sum += v;
      seen.incrementAndGet((int) (long) v);
      count.incrementAndGet();
      v = channel.receiveOrNull();
    }
    return sum;
  }

  /** Closes the channel once every producer is done, so the consumers' drains end. */
  @Fibered
  static void closeAfter(List<Fiber<Void>> producers, Channel<Long> channel) {
    Fiber.joinAll(producers);
    channel.close();
  }

  /** Holds a permit across a switch, keeping the highest number of fibers inside at once. */
  @Fibered
  static void admitted(Semaphore permits, AtomicInteger inside, AtomicInteger most, int times) {
    for (int i = 0; i < times; i++) {
      permits.acquire();
      int now = inside.incrementAndGet();
      raise(most, now);
      Fiber.yieldNow();
      inside.decrementAndGet();
      permits.release();
    }
  }

  static void raise(AtomicInteger most, int now) {
    int seen = most.get();
    while (now > seen && !most.compareAndSet(seen, now)) {
      seen = most.get();
    }
  }

  /** Waits for a signal on {@code ready}, then adds one under the lock: a condition across carriers. */
  @Fibered
  static void awaitTurn(Lock lock, Lock.Condition ready, int[] turn, int mine, long[] counter) {
    lock.lock();
    while (turn[0] != mine) {
      ready.await();
    }
    counter[0]++;
    turn[0]++;
    ready.signalAll();
    lock.unlock();
  }

  @Fibered
  static int leaf(int i) {
    Fiber.yield();
    return i;
  }

  /** Joins two others and adds their results. */
  @Fibered
  static int joinTwo(Fiber<Integer> a, Fiber<Integer> b) {
    int x = a.result();
    int y = b.result();
    return x + y;
  }

  /** Waits for all of them, then adds their results. */
  @Fibered
  static long joinAllOf(List<Fiber<Integer>> fibers) {
    Fiber.joinAll(fibers);
    long sum = 0;
    for (Fiber<Integer> f : fibers) {
      int r = f.result();
      sum += r;
    }
    return sum;
  }

  /** Yields until at least {@code carriers} thread names are recorded (or a generous cap). */
  @Fibered
  static void recordCarriers(Set<String> names, Set<Thread> threads, int carriers) {
    for (long i = 0; i < 50_000_000L && names.size() < carriers; i++) {
      names.add(Thread.currentThread().getName());
      threads.add(Thread.currentThread());
      Fiber.yieldNow();
    }
  }

  /** Counts the times {@code Fiber.current()} or {@code Scheduler.current()} is not this fiber's. */
  @Fibered
  static void checkCurrent(Scheduler expected, AtomicInteger wrong, int rounds) {
    Fiber<?> me = Fiber.current();
    for (int i = 0; i < rounds; i++) {
      if (Fiber.current() != me || Scheduler.current() != expected) {
        wrong.incrementAndGet();
      }
      Fiber.yieldNow();
    }
  }

  /** Never yields by hand: only the compiled back-edge check can take the carrier from it. */
  @Fibered
  static long spin(AtomicBoolean stop) {
    long spins = 0;
    while (!stop.get()) {
      spins++;
    }
    return spins;
  }

  /** Work that needs the CPU now and then; the last worker to finish stops the spinners. */
  @Fibered
  static void work(int rounds, AtomicInteger left, AtomicBoolean stop, Set<String> names) {
    for (int i = 0; i < rounds; i++) {
      names.add(Thread.currentThread().getName());
      Fiber.yieldNow();
    }
    if (left.decrementAndGet() == 0) {
      stop.set(true);
    }
  }

  @Fibered
  static long receiveOne(Channel<Long> channel) {
    long v = channel.receive();
    return v;
  }

  @Fibered
  static void sleepFor(long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
  }

  /** Sleeps {@code times} times; returns how many slept less than asked (must be none). */
  @Fibered
  static int sleepAndMeasure(long millis, int times) {
    int early = 0;
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      Fiber.sleep(Duration.ofMillis(millis));
      if (System.nanoTime() - start < millis * 1_000_000L) {
        early++;
      }
    }
    return early;
  }

  @Fibered
  static String awaitFuture(CompletableFuture<String> future) {
    String v = Async.await(future);
    return v;
  }

  @Fibered
  static void awaitAndCount(Event event, AtomicInteger woken) {
    event.await();
    woken.incrementAndGet();
  }

  @Fibered
  static void setAfterSleep(Event event, long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
    event.set();
  }

  /** Spawns {@code count} fibers through the pool, each holding a slot across a yield. */
  @Fibered
  static void spawnThroughPool(Pool pool, int count, AtomicInteger inside, AtomicInteger most) {
    for (int i = 0; i < count; i++) {
      pool.spawn(CorpusMultiThreadedFibers.occupy(inside, most));
    }
    pool.join();
  }

  @Fibered
  static void occupy(AtomicInteger inside, AtomicInteger most) {
    int now = inside.incrementAndGet();
    raise(most, now);
    Fiber.yieldNow();
    Fiber.yieldNow();
    inside.decrementAndGet();
  }

  /** Polls with a short time limit until {@code total} values arrived in all: timeouts race sends. */
  @Fibered
  static long pollUntil(Channel<Long> channel, AtomicLong got, long total) {
    long sum = 0;
    while (got.get() < total) {
      Long v = channel.poll(Duration.ofNanos(20_000));
      if (v != null) {
        sum += v;
        got.incrementAndGet();
      }
    }
    return sum;
  }

  /** Sends {@code count} values, sleeping a little now and then so that pollers time out. */
  @Fibered
  static void sendSlowly(Channel<Long> channel, long from, long count) {
    for (long i = from; i < from + count; i++) {
      channel.send(i);
      if (i % 64 == 0) {
        Fiber.sleep(Duration.ofNanos(30_000));
      }
    }
  }

  /** Takes a permit with a short time limit, over and over: timeouts race releases. */
  @Fibered
  static int tryAdmitted(Semaphore permits, AtomicInteger inside, AtomicInteger most, int times) {
    int admitted = 0;
    for (int i = 0; i < times; i++) {
      boolean got = permits.tryAcquire(Duration.ofNanos(10_000));
      if (got) {
        admitted++;
        int now = inside.incrementAndGet();
        raise(most, now);
        Fiber.yieldNow();
        inside.decrementAndGet();
        permits.release();
      }
    }
    return admitted;
  }

  /** Waits to receive on {@code mine}, then sends on {@code theirs}: two of these deadlock. */
  @Fibered
  static void receiveThenSend(Channel<Long> mine, Channel<Long> theirs) {
    long v = mine.receive();
    theirs.send(v);
  }
}
