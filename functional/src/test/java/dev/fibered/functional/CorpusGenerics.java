package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Generic @Fibered methods and instance methods of a generic class: type parameters with bounds,
 * hoisted locals that keep their type arguments, wildcards, and generic callees whose results are
 * inferred from where they go.
 */
final class CorpusGenerics {
  private CorpusGenerics() {}

  @Fibered
  static <T> T pass(T value) {
    Fiber.yieldNow();
    return value;
  }

  @Fibered
  static <T extends Comparable<? super T>> T max(List<? extends T> values) {
    T best = null;
    for (T v : values) {
      T seen = pass(v);
      if (best == null || seen.compareTo(best) > 0) {
        best = seen;
      }
    }
    return best;
  }

  @Fibered
  static <K extends Comparable<K>, V> Map<K, List<V>> groupBy(List<V> values, Function<V, K> key) {
    Map<K, List<V>> groups = new TreeMap<>();
    for (V v : values) {
      K k = pass(key.apply(v));
      List<V> group = groups.computeIfAbsent(k, x -> new ArrayList<>());
      group.add(v);
    }
    return groups;
  }

  @Fibered
  static String describe(List<String> words) {
    String longest = max(words);
    Map<Integer, List<String>> byLength = groupBy(words, String::length);
    Integer biggest = max(List.of(3, 9, 4));
    return longest + " " + byLength + " " + biggest;
  }

  /** A generic class whose @Fibered instance methods use its type parameter. */
  static final class Box<T> {
    final List<T> items = new ArrayList<>();

    @Fibered
    final int addAll(List<? extends T> more) {
      for (T t : more) {
        T kept = pass(t);
        items.add(kept);
      }
      return items.size();
    }

    @Fibered
    final <R> List<R> mapped(Function<? super T, ? extends R> f) {
      List<R> out = new ArrayList<>();
      for (T t : items) {
        Fiber.yield();
        out.add(f.apply(t));
      }
      return out;
    }

    List<T> items() {
      return items;
    }
  }

  @Fibered
  static String useBox(List<String> words) {
    Box<String> box = new Box<>();
    int size = box.addAll(words);
    List<Integer> lengths = box.mapped(String::length);
    return size + " " + lengths + " " + box.items();
  }
}
