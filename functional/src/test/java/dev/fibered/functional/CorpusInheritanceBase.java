package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/** The base of {@link CorpusInheritance}. */
abstract class CorpusInheritanceBase {
  static final int BONUS = 5;
  int inherited = 10;

  @Fibered
  final int baseWork(int n) {
    int r = 0;
    for (int i = 0; i < n; i++) {
      r += inherited;
      Fiber.yield();
    }
    return r;
  }

  @Fibered
  static int baseStatic(int n) {
    Fiber.yieldNow();
    return n + BONUS;
  }

  int plain() {
    return 1000;
  }
}
