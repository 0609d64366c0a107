package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Anonymous classes in @Fibered bodies: they capture locals that live across switch points with
 * the value Java gives them, keep their own members, supertype members and {@code this}, and
 * have loops, jumps and returns of their own.
 */
final class CorpusAnonymous {
  static final int STEP = 3;
  int bias = 100;

  /** A supertype with state and a method of its own, which anonymous bodies use unqualified. */
  abstract static class Counter {
    int count;

    int bump(int by) {
      count += by;
      return count;
    }

    abstract int next();
  }

  /** A comparator capturing a local that lives across a switch point. */
  @Fibered
  static List<String> sortedBy(List<String> words, boolean reverse) {
    int sign = reverse ? -1 : 1;
    Fiber.yieldNow();
    Comparator<String> order =
        new Comparator<String>() {
          @Override
          public int compare(String a, String b) {
            return sign * a.compareTo(b);
          }
        };
    Fiber.yield();
    List<String> out = new ArrayList<>(words);
    out.sort(order);
    return out;
  }

  /** Each instance sees the k of its own iteration, though k is a field reused by every one. */
  @Fibered
  static String perIteration(int n) {
    List<Supplier<String>> suppliers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i * STEP;
      Fiber.yieldNow();
      suppliers.add(
          new Supplier<>() {
            @Override
            public String get() {
              return "k" + k;
            }
          });
    }
    StringBuilder out = new StringBuilder();
    for (Supplier<String> s : suppliers) {
      out.append(s.get()).append(' ');
    }
    return out.toString();
  }

  /** Own fields and methods, supertype members, this, loops, returns and an initializer. */
  @Fibered
  int counters(int n) {
    int limit = n + 1;
    Fiber.yieldNow();
    Counter c =
        new Counter() {
          final List<Integer> seen = new ArrayList<>();
          int extra;

          {
            extra = STEP;
          }

          @Override
          int next() {
            for (int i = 0; i < 10; i++) {
              if (i == limit) {
                break;
              }
              if (i % 2 == 0) {
                continue;
              }
              seen.add(bump(i));
            }
            return remember(this) + extra + bias;
          }

          int remember(Counter self) {
            if (self.count > 1000) {
              return -1;
            }
            return self.count + seen.size();
          }
        };
    int first = c.next();
    Fiber.yield();
    bias = 7;
    int second = c.next();
    return first * 1000 + second;
  }
}
