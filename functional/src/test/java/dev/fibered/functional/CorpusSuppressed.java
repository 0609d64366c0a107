package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/** Warnings the user suppressed on the method must not come back from the generated copy. */
final class CorpusSuppressed {
  private CorpusSuppressed() {}

  @Fibered
  @SuppressWarnings("fallthrough")
  static int fallthrough(int n) {
    int acc = 0;
    for (int i = 0; i < n; i++) {
      switch (i % 3) {
        case 0:
          acc += 1;
        case 1:
          acc += 10;
          break;
        default:
          acc += 100;
      }
    }
    return acc;
  }

  @Fibered
  @SuppressWarnings("try")
  static int unusedResource(int n) {
    Fiber.yieldNow();
    try (java.io.StringReader r = new java.io.StringReader("x")) {
      n++;
    }
    return n;
  }
}
