package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hosts of other kinds: an interface with a static @Fibered method, a generic class. */
interface CorpusTypes {
  int LIMIT = 50;

  @Fibered
  static int clamp(int x) {
    Fiber.yieldNow();
    return Math.min(x, LIMIT);
  }

  /** Locals of nested generic types that live across switch points. */
  @Fibered
  static String genericLocals(int n) {
    Map<String, List<Integer>> groups = new TreeMap<>();
    List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = "k" + i % 3;
      List<Integer> g = groups.get(key);
      if (g == null) {
        g = new ArrayList<>();
        groups.put(key, g);
      }
      g.add(i);
      Fiber.yieldNow();
      pairs.add(Map.entry(key, i));
    }
    return groups + " " + pairs;
  }

  /** A generic class: static @Fibered methods are fine. */
  final class Box<T> {
    final List<T> items = new ArrayList<>();

    @Fibered
    static int totalLength(List<String> xs) {
      int n = 0;
      for (String x : xs) {
        n += x.length();
      }
      return n;
    }
  }
}
