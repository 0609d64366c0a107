package dev.fibered.functional.lib;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/** Public @Fibered methods in another package, called from {@code CorpusCrossPackage}. */
public final class CorpusLib {
  private CorpusLib() {}

  @Fibered
  public static int work(int n) {
    int r = 0;
    for (int i = 0; i < n; i++) {
      r += i;
      Fiber.yield();
    }
    return r;
  }

  @Fibered
  protected static int identity(int n) {
    Fiber.yieldNow();
    return n;
  }

  /** A public final class with a public @Fibered instance method. */
  public static final class Acc {
    int total;

    public int total() {
      return total;
    }

    @Fibered
    public void add(int k) {
      for (int i = 0; i < k; i++) {
        total++;
      }
      Fiber.yieldNow();
    }
  }
}
