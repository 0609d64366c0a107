package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/** @Fibered methods in nested hosts: static nested, inner, doubly nested, a record, an enum. */
final class CorpusHosts {
  CorpusHosts() {}

  static final class Nested {
    private Nested() {}

    @Fibered
    static int twice(int x) {
      Fiber.yieldNow();
      return x * 2;
    }

    static final class Deepest {
      private Deepest() {}

      @Fibered
      static String where(int n) {
        String s = "";
        for (int i = 0; i < n; i++) {
          int t = twice(i);
          s += t;
        }
        return s;
      }
    }
  }

  /** An inner (non-static) class: its @Fibered instance method uses only its own fields. */
  final class Inner {
    int k;

    Inner(int k) {
      this.k = k;
    }

    @Fibered
    int times(int x) {
      int r = 0;
      for (int i = 0; i < x; i++) {
        r += k;
        k++;
      }
      return r;
    }
  }

  Inner inner(int k) {
    return new Inner(k);
  }

  /** A record: its components are read through the accessors from the generated class. */
  record Point(int x, int y) {
    @Fibered
    int walk(int steps) {
      int d = 0;
      for (int i = 0; i < steps; i++) {
        d += Math.abs(x) + Math.abs(y());
      }
      return d;
    }
  }

  /** An enum without constant bodies: its methods cannot be overridden. */
  enum Op {
    ADD,
    MUL;

    @Fibered
    int fold(int[] xs) {
      int acc = this == ADD ? 0 : 1;
      for (int x : xs) {
        if (this == ADD) {
          acc += x;
        } else {
          acc *= x;
        }
      }
      return acc;
    }
  }
}
