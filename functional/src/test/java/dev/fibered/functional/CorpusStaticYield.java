package dev.fibered.functional;

import static dev.fibered.Fiber.yieldNow;

import dev.fibered.Fibered;
import java.util.List;

/** {@code yieldNow()} statically imported and written unqualified is the same switch point. */
final class CorpusStaticYield {
  private CorpusStaticYield() {}

  @Fibered
  static int worker(String name, int n, List<String> trace) {
    for (int i = 0; i < n; i++) {
      Trace.record(trace, name + i);
      yieldNow();
    }
    return n;
  }
}
