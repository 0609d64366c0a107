package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Lambdas and method references in @Fibered bodies: they capture locals that live across switch
 * points (fields of the machine) with the value Java gives them, have loops, jumps and returns of
 * their own, and are passed to @Fibered calls.
 */
final class CorpusLambdas {
  private CorpusLambdas() {}

  /** Each supplier sees the k of its own iteration, though k is a field reused by every one. */
  @Fibered
  static String capturesPerIteration(int n) {
    List<Supplier<String>> suppliers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i * 10;
      Fiber.yieldNow();
      suppliers.add(() -> "k" + k);
      Fiber.yield();
      suppliers.add(() -> "again" + k);
    }
    List<String> words = List.of("a", "b", "c");
    for (String w : words) {
      Fiber.yieldNow();
      suppliers.add(() -> w.toUpperCase() + n);
    }
    return suppliers.stream().map(Supplier::get).collect(Collectors.joining(","));
  }

  /**
   * A lambda capturing a local that is kept as a Java local (not used after the next switch
   * point): it captures the Java local itself. The fuzzer found this one crashing the processor.
   */
  @Fibered
  static String capturesAJavaLocal(int a) {
    int c = a + 1;
    Supplier<String> s = () -> "c" + c;
    String early = s.get();
    Fiber.yield();
    return early + s.get();
  }

  /** A block body with a loop, continue, break and return of its own, and a captured parameter. */
  @Fibered
  static String blockBodies(int base, int n) {
    Function<Integer, Integer> sumSkippingThree =
        x -> {
          int s = 0;
          for (int j = 0; j < x; j++) {
            if (j == 3) {
              continue;
            }
            if (j > 8) {
              break;
            }
            s += j;
          }
          return s + base;
        };
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
      out.add(String.valueOf(sumSkippingThree.apply(i * 2)));
    }
    return String.join(",", out);
  }

  @Fibered
  static int applyTwice(IntUnaryOperator f, int x) {
    Fiber.yieldNow();
    int once = f.applyAsInt(x);
    return f.applyAsInt(once);
  }

  /** Lambdas and method references as arguments of @Fibered calls and in conditions. */
  @Fibered
  static String asArgumentsAndInConditions(List<String> words, int k) {
    List<String> log = new ArrayList<>();
    int step = k + 1;
    int twice = applyTwice(x -> x * step, 3);
    log.add("twice " + twice);
    int neg = applyTwice(Math::negateExact, k);
    log.add("neg " + neg);
    if (words.stream().anyMatch(w -> w.length() > step)) {
      log.add("long word");
    }
    words.forEach(log::add);
    int total = applyTwice(x -> x + step, 0) + words.stream().map(String::length).reduce(0, Integer::sum);
    log.add("total " + total);
    return String.join(",", log);
  }
}
