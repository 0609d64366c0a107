package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/**
 * Fibers the harness runs next to the fiber under test: a companion that spins until its targets
 * are done keeps another fiber runnable at every check, so that under a 1 ns slice every check of
 * the fiber under test really switches.
 */
final class CorpusSupport {
  private CorpusSupport() {}

  /**
   * Spins until every target is done; returns the number of rounds it spun. It gives way at every
   * round (under a huge slice its checks would never switch, and the targets would starve).
   */
  @Fibered
  static long spinUntilDone(List<Fiber<?>> targets) {
    long rounds = 0;
    while (!allDone(targets)) {
      rounds++;
      Fiber.yieldNow();
    }
    return rounds;
  }

  /** A plain helper: called from fibered code, it runs inline like any method. */
  static boolean allDone(List<Fiber<?>> targets) {
    for (Fiber<?> f : targets) {
      if (!f.isDone()) {
        return false;
      }
    }
    return true;
  }
}
