package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.List;

/** Fibers for the scheduler dump and the per-fiber counters. */
final class CorpusDiagnostics {
  private CorpusDiagnostics() {}

  @Fibered
  static void sleepLong() {
    Fiber.sleep(Duration.ofMillis(50)); // at:sleep
  }

  @Fibered
  static void joinOther(Fiber<?> other) {
    other.join(); // at:join
  }

  /** Records the scheduler's dump and its own state while the others wait. */
  @Fibered
  static void observe(List<String> dumps) {
    Fiber.yieldNow();
    record(dumps);
  }

  static void record(List<String> dumps) {
    dumps.add(Fiber.current().state().name());
    dumps.add(Scheduler.current().dump());
  }

  /** Holds its scheduler's thread until released: the scheduler is surely running meanwhile. */
  @Fibered
  static void holdThread(java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch release) {
    hold(entered, release);
  }

  static void hold(java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch release) {
    entered.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Fibered
  static long spin(long n) {
    long s = 0;
    for (long i = 0; i < n; i++) {
      s += i;
    }
    return s;
  }

  @Fibered
  static void yieldTimes(int n) {
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
    }
  }
}
