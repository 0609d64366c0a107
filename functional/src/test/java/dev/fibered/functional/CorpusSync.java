package dev.fibered.functional;

import dev.fibered.Event;
import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Semaphore;
import java.util.List;

/** Fibers that coordinate through an Event and a Semaphore. */
final class CorpusSync {
  private CorpusSync() {}

  @Fibered
  static void awaitEvent(Event event, String name, List<String> log) {
    log.add(name + ":wait");
    event.await();
    log.add(name + ":go");
  }

  @Fibered
  static void setAfterYield(Event event, List<String> log) {
    Fiber.yieldNow();
    log.add("set");
    event.set();
  }

  /** Holds a permit across two switches, recording how many fibers are inside at once. */
  @Fibered
  static void critical(Semaphore permits, String name, int[] inside, List<String> log) {
    permits.acquire();
    inside[0]++;
    inside[1] = Math.max(inside[1], inside[0]);
    log.add(name);
    Fiber.yieldNow();
    Fiber.yieldNow();
    inside[0]--;
    permits.release();
  }

  @Fibered
  static void acquireOnce(Semaphore permits) {
    permits.acquire();
  }
}
