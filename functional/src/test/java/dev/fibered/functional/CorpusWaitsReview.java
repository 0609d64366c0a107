package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.time.Duration;

/** Fibers from the review of sleep, join and channels: busy pollers and sleepers. */
final class CorpusWaitsReview {
  private CorpusWaitsReview() {}

  @Fibered
  static void setAfterSleep(boolean[] flag, long millis) {
    Fiber.sleep(Duration.ofMillis(millis));
    flag[0] = true;
  }

  /** Busy-waits (back-edge checks only) for the flag; gives up after giveUpMillis of real time. */
  @Fibered
  static boolean spinWithChecks(boolean[] flag, long giveUpMillis) {
    long end = System.nanoTime() + giveUpMillis * 1_000_000L;
    while (!flag[0] && System.nanoTime() - end < 0) {
      flag[1] = flag[1];
    }
    return flag[0];
  }

  /** Busy-waits with Fiber.yield(). */
  @Fibered
  static boolean spinWithYield(boolean[] flag, long giveUpMillis) {
    long end = System.nanoTime() + giveUpMillis * 1_000_000L;
    while (!flag[0] && System.nanoTime() - end < 0) {
      Fiber.yield();
    }
    return flag[0];
  }

  /** Busy-waits with Fiber.yieldNow(), at most maxRounds rounds. */
  @Fibered
  static boolean spinWithYieldNow(boolean[] flag, long maxRounds) {
    long n = 0;
    while (!flag[0] && n < maxRounds) {
      n++;
      Fiber.yieldNow();
    }
    return flag[0];
  }

  @Fibered
  static void yieldOnce() {
    Fiber.yieldNow();
  }
}
