package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.List;

/**
 * Fibers that wait: {@link Fiber#sleep} and {@link Fiber#join()} / {@link Fiber#result()} from
 * fibered code, which suspend the fiber while the others run.
 */
final class CorpusWaits {
  private CorpusWaits() {}

  @Fibered
  static void sleeper(String name, long millis, List<String> log) {
    log.add(name + ":start");
    Fiber.sleep(Duration.ofMillis(millis));
    log.add(name + ":woke");
  }

  /** Counts, yielding each time, until {@code watched} holds {@code size} entries. */
  @Fibered
  static long spinUntil(List<String> watched, int size) {
    long spins = 0;
    while (watched.size() < size) {
      spins++;
      Fiber.yieldNow();
    }
    return spins;
  }

  @Fibered
  static int child(int n, List<String> log) {
    Fiber.sleep(Duration.ofMillis(n));
    log.add("child " + n);
    return n * 10;
  }

  /** Spawns two children beside itself and waits for both. */
  @Fibered
  static int parent(int n, List<String> log) {
    Scheduler scheduler = Scheduler.current();
    Fiber<Integer> slow = scheduler.spawn(CorpusWaitsFibers.child(n + 20, log));
    Fiber<Integer> fast = scheduler.spawn(CorpusWaitsFibers.child(n, log));
    log.add("parent spawned");
    int a = slow.result();
    log.add("parent got slow");
    fast.join();
    log.add("parent joined fast");
    int b = fast.result();
    return a + b;
  }

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  @Fibered
  static int failing(int n) {
    Fiber.yieldNow();
    if (n > 0) {
      throw new Boom("failed " + n);
    }
    return n;
  }

  /** Waits for a failing fiber: its exception surfaces here, at the result() call. */
  @Fibered
  static int waitsForFailure(int n) {
    Fiber<Integer> f = Scheduler.current().spawn(CorpusWaitsFibers.failing(n));
    int r = f.result();
    return r + 1;
  }

  @Fibered
  static void joinsItself() {
    Fiber<?> me = Fiber.current();
    me.join();
  }

  /** Two fibers that each wait for the other: a deadlock the scheduler reports. */
  @Fibered
  static void joinsPartner(List<Fiber<?>> partners, int index) {
    Fiber.yieldNow(); // both are spawned before either joins
    Fiber<?> partner = partners.get(1 - index);
    partner.join();
  }
}
