// seed 1; entries: m0 m1
package fuzz;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/**
 * Kept by hand as the first regression program (the format of a shrunk failure): jumps and
 * exceptions leaving through finally blocks with switch points, a resource that fails to close,
 * and a return from a finally that discards an exception.
 */
final class R1JumpsThroughFinally {
  static class A extends RuntimeException {
    A(String m) { super(m); }
  }
  static final class B extends RuntimeException {
    B(String m) { super(m); }
  }
  static final class K extends Exception {
    K(String m) { super(m); }
  }
  static final class Res implements AutoCloseable {
    final List<String> t;
    final String name;
    final boolean fail;
    Res(List<String> t, String name, boolean fail) {
      this.t = t; this.name = name; this.fail = fail;
      t.add("open " + name);
    }
    @Override public void close() {
      t.add("close " + name);
      if (fail) throw new B("close " + name);
    }
  }

  @Fibered
  static int m0(List<String> t, int d, int a) throws Exception {
    t.add("m0 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return a;
    int sum = 0;
    L0:
    for (int i = 0; i < 4; i++) {
      try {
        sum += m1(t, d - 1, i);
        if (i == 1) continue L0;
        if (i == 2) break L0;
      } catch (A e) {
        t.add("caught " + e.getMessage());
        Fiber.yieldNow();
      } finally {
        t.add("finally " + i);
        Fiber.yield();
        sum += m1(t, d - 1, a);
      }
    }
    try (Res r = new Res(t, "r", a > 3)) {
      t.add("body " + sum);
      throw new K("in body " + sum);
    } catch (K e) {
      t.add("k " + e.getMessage() + " " + e.getSuppressed().length);
    }
    return sum;
  }

  @Fibered
  static int m1(List<String> t, int d, int a) throws Exception {
    t.add("m1 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return a;
    int w = 0;
    do {
      w++;
      try {
        if (a % 2 == 0) throw new A("even " + a);
        Fiber.yieldNow();
      } finally {
        if (t != null) {
          return w + m2(a);
        }
      }
    } while (w < 3);
    return -1;
  }

  static int m2(int a) {
    return a * 10;
  }
}
