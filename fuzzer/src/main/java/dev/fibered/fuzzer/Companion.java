package dev.fibered.fuzzer;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/**
 * The fiber that keeps another runnable, so that every check of the fibers under test switches.
 * The same as the functional tests' {@code CorpusSupport.spinUntilDone}: those are test classes of
 * another module, and twenty lines do not justify a test-jar between the two.
 */
final class Companion {
  private Companion() {}

  /** Yields until every fiber of {@code targets} is done; returns how many times it yielded. */
  @Fibered
  static long spinUntilDone(List<Fiber<?>> targets) {
    long rounds = 0;
    while (!allDone(targets)) {
      rounds++;
      Fiber.yieldNow();
    }
    return rounds;
  }

  static boolean allDone(List<Fiber<?>> targets) {
    for (Fiber<?> f : targets) {
      if (!f.isDone()) {
        return false;
      }
    }
    return true;
  }
}
