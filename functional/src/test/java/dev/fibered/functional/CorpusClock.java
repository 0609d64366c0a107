package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.time.Duration;

/** Fiber code that reads its scheduler's clock. */
final class CorpusClock {
  private CorpusClock() {}

  /** How long a sleep took on the scheduler's clock. */
  @Fibered
  static long measureSleep(Duration duration) {
    long start = Fiber.nanoTime();
    Fiber.sleep(duration);
    return Fiber.nanoTime() - start;
  }
}
