package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Generator;
import java.util.List;

/** Producers consumed as iterators. */
final class CorpusGenerators {
  private CorpusGenerators() {}

  @Fibered
  static void squares(Generator.Emitter<Integer> out, int n, List<String> log) {
    for (int i = 1; i <= n; i++) {
      log.add("emit " + (i * i));
      out.emit(i * i);
    }
    log.add("producer done");
  }

  /** Emits forever: only a consumer that stops early ends it (by closing the generator). */
  @Fibered
  static void naturals(Generator.Emitter<Long> out) {
    long i = 0;
    while (true) {
      out.emit(i);
      i++;
    }
  }

  @Fibered
  static void failsAfter(Generator.Emitter<String> out, int n) {
    for (int i = 0; i < n; i++) {
      out.emit("item " + i);
    }
    throw new IllegalStateException("producer failed after " + n);
  }

  static Generator<Integer> squaresOf(int n, List<String> log) {
    return Generator.of(out -> CorpusGeneratorsFibers.squares(out, n, log));
  }

  /** A fiber consuming a generator, switching between values. */
  @Fibered
  static int sumInAFiber(int n, List<String> log) {
    Generator<Integer> squares = squaresOf(n, log);
    int sum = 0;
    while (squares.hasNext()) {
      sum += squares.next();
      Fiber.yieldNow();
    }
    return sum;
  }
}
