package dev.fibered.functional;

import dev.fibered.Fibered;

/**
 * Names that collide with what generated code spells out: this file has a type of its own named
 * Fiber (so the generated file must qualify dev.fibered.Fiber) and parameters named dev and java;
 * a var local that is dead before the switch point.
 */
final class CorpusOddNames {
  private CorpusOddNames() {}

  /** The user's own type named Fiber (fibers of a fabric, say). */
  static final class Fiber {
    final int strands;

    Fiber(int strands) {
      this.strands = strands;
    }
  }

  @Fibered
  static int sum(int dev) {
    int r = 0;
    for (int i = 0; i < dev; i++) {
      r += i;
    }
    return r;
  }

  @Fibered
  static int strands(Fiber fiber, int java) {
    int r = 0;
    for (int i = 0; i < java; i++) {
      r += fiber.strands;
    }
    return r;
  }

  /** {@code t} is dead before the switch point, so it need not be spelled out. */
  @Fibered
  static int varDeadBeforeTheSwitch(int n) {
    var t = n * 2;
    int u = t + 1;
    dev.fibered.Fiber.yieldNow();
    return u;
  }
}
