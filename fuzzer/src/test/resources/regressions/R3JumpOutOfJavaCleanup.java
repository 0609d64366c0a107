// seed 4454; entries: m0 m1
package fuzz;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/**
 * Found by the fuzzer (seed 4454): a return from inside a copied try-with-resources, in a lowered
 * catch block, changed the state before Java closed the resource; the close failed, and its
 * exception was looked up in the target state's try (none), so the enclosing finally block never
 * ran.
 */
final class R3JumpOutOfJavaCleanup {
  static class A extends RuntimeException {
    A(String m) { super(m); }
  }
  static final class B extends RuntimeException {
    B(String m) { super(m); }
  }
  static final class C extends A {
    C(String m) { super(m); }
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
  static String cut(String s) {
    return s.length() > 12 ? s.substring(s.length() - 12) : s;
  }
  static int idx(int i, int[] a) {
    return Math.floorMod(i, a.length);
  }
  
  @Fibered
  static int m0(List<String> t, int d, int a) throws Exception {
    t.add("m0 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return (11 / 2);
    t.add("e0 " + java.util.Arrays.toString(new int[] {d}));
    try {
      Fiber.yieldNow();
      int x1 = (d / 3);
      L2: {
        for (int v3 : new int[] {(int) 16L}) {
          if ((x1 % 2 == 0)) {
            break L2;
          }
        }
        boolean x4 = (d > 1);
      }
    } catch (A c5) {
      t.add("c5 " + c5);
      synchronized (t) {
        boolean x6 = (d > 1);
        synchronized (t) {
          int[] x7 = new int[] {new int[] {a, a, 5}.length, (11 % 2)};
          a += d;
          boolean x8 = ("s0".isEmpty() && "s2".isEmpty());
        }
      }
    }
    t.add("end m0" + " " + d + " " + a);
    return ((d > 1) ? ((a > 3) ? a : a) : a);
  }
  
  @Fibered
  static long m1(List<String> t, int d, int a) throws Exception {
    t.add("m1 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return (long) d;
    try {
      throw new K("x9 " + ((a > 2) ? a : a));
    } catch (Exception c10) {
      t.add("c10 " + c10);
      try (Res r11 = new Res(t, "r11", ((a > 3) || (a > 5)))) {
        return (long) d;
      }
    } finally {
      t.add("f12");
      switch (d % 4) {
        case 1:
          try {
            if (!(a > 2)) {
              break;
            }
            String x13 = "";
            long x14 = m1(t, d - 1, (a % 3));
            t.add("r15 " + x14);
          } catch (C | B c16) {
            t.add("c16 " + c16);
            Fiber.yield();
          }
        case -2:
          try {
            return ((long) d * 31L);
          } catch (C | B c17) {
            t.add("c17 " + c17);
            t.add("e18 " + (long) d);
            String x19 = "s1";
            Fiber.yield();
          }
          if ((d < a)) {
            break;
          }
          synchronized (t) {
          }
          break;
        case -3:
      }
    }
  }
  
}

