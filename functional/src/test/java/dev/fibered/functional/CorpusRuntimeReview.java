package dev.fibered.functional;

import dev.fibered.Channel;
import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Generator;
import dev.fibered.Lock;
import dev.fibered.Pool;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.List;

/** Second review: corner cases of cancellation, conditions, generators, timeouts. */
final class CorpusRuntimeReview {
  private CorpusRuntimeReview() {}

  /** Cancels itself (as a cancel-the-whole-group helper would), then waits. */
  @Fibered
  static void cancelSelfThenAwait(Event event, List<String> log) {
    Fiber<?> me = Fiber.current();
    me.cancel();
    log.add("cancelled itself");
    event.await();
    log.add("after await");
  }

  @Fibered
  static void awaitSignal(Lock lock, Lock.Condition condition, List<String> log, String name) {
    lock.lock();
    log.add(name + " waits");
    condition.await();
    log.add(name + " signalled");
    lock.unlock();
  }

  /** One signal; the fiber it went to is then cancelled before it could run. */
  @Fibered
  static void signalThenCancel(Lock lock, Lock.Condition condition, Fiber<?> victim) {
    lock.lock();
    condition.signal();
    victim.cancel();
    lock.unlock();
  }

  @Fibered
  static void emitTwo(Generator.Emitter<Integer> out) {
    out.emit(1);
    out.emit(2);
  }

  /** A producer whose helper fiber does the emitting, while the producer joins it. */
  @Fibered
  static String producerJoiningHelper(Generator.Emitter<Integer> out) {
    Scheduler here = Scheduler.current();
    Fiber<Void> helper = here.spawn(CorpusRuntimeReviewFibers.emitTwo(out));
    helper.join();
    return "joined; helper done=" + helper.isDone();
  }

  @Fibered
  static int pollIdle(Channel<String> channel, int times) {
    int misses = 0;
    for (int i = 0; i < times; i++) {
      String v = channel.poll(Duration.ofNanos(1));
      if (v == null) {
        misses++;
      }
    }
    return misses;
  }

  @Fibered
  static String pollServedManyTimes(Channel<Integer> channel, int times) {
    for (int i = 0; i < times; i++) {
      Integer v = channel.poll(Duration.ofHours(1));
    }
    Scheduler here = Scheduler.current();
    String dump = here.dump();
    return dump.substring(0, dump.indexOf('\n') < 0 ? dump.length() : dump.indexOf('\n'));
  }

  @Fibered
  static void sendMany(Channel<Integer> channel, int times) {
    for (int i = 0; i < times; i++) {
      channel.send(i);
    }
  }

  @Fibered
  static void logAfterYields(List<String> log, String what) {
    Fiber.yieldNow();
    Fiber.yieldNow();
    log.add(what);
  }

  /** A pooled fiber that spawns another through the same pool. */
  @Fibered
  static void spawnsThroughPool(Pool pool, List<String> log) {
    Fiber<Void> child = CorpusRuntimeReviewFibers.logAfterYields(log, "child done");
    pool.spawn(child);
    log.add("parent done");
  }

  @Fibered
  static void sleepThenEmit(Generator.Emitter<Integer> out, long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
    out.emit(1);
  }

  @Fibered
  static int consumeSleepyGenerator(Generator<Integer> g) {
    int n = 0;
    while (g.hasNext()) {
      n += g.next();
    }
    return n;
  }

  @Fibered
  static long tick(long[] ticks, long millis) {
    for (int i = 0; i < 5; i++) {
      Fiber.sleep(Duration.ofMillis(millis));
      ticks[0]++;
    }
    ticks[1] = System.nanoTime();
    return ticks[0];
  }

  /** A producer that leaves a helper waiting on a channel no one sends to. */
  @Fibered
  static void producerWithIdleHelper(Generator.Emitter<Integer> out, Channel<Integer> never) {
    Scheduler here = Scheduler.current();
    here.spawn(CorpusRuntimeReviewFibers.receiveOne(never));
    out.emit(1);
    out.emit(2);
  }

  @Fibered
  static int receiveOne(Channel<Integer> channel) {
    int v = channel.receive();
    return v;
  }

  /** Re-emits, doubled, what an inner generator produces. */
  @Fibered
  static void doubled(Generator.Emitter<Integer> out, Generator<Integer> inner) {
    while (inner.hasNext()) {
      int v = inner.next();
      out.emit(2 * v);
    }
  }
}
