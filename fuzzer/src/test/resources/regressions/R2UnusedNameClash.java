// seed 397; entries: m0 m1
package fuzz;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/**
 * Found by the fuzzer (seed 397): a loop copied as a Java loop read the field of {@code x1} into
 * a Java local named {@code x12}, the name of a local the loop's finally block declares and never
 * uses, which the processor did not count among the file's names; the generated class did not
 * compile.
 */
final class R2UnusedNameClash {
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
    if (d <= 0 || t.size() > 200) return ((a > 2) ? d : 6);
    long x0 = (16L + (long) a) + m2(t, d - 1, d) * d;
    boolean x1 = (d > 1);
    try {
      int[] x2 = new int[] {(d / 1), (d / a)};
    } catch (RuntimeException c3) {
      t.add("c3 " + c3);
      L4: for (int i5 = 0; i5 < 0; i5++) {
        long x6 = x0;
      }
      int i7 = 0;
      do {
        i7++;
        try {
          boolean x8 = x1;
        } catch (C | B c9) {
          t.add("c9 " + c9);
          if ((a < 10)) {
            continue;
          }
          t.add("e10 " + a);
        } finally {
          t.add("f11");
          boolean x12 = !"s3".isEmpty();
        }
      } while (i7 < (a & 3));
      int i13 = 0;
      do {
        i13++;
        if (x1 || m2(t, d - 1, (7 / 11)) > i13) {
          t.add("c14" + " " + d + " " + a + " " + x0 + " " + x1 + " " + i13);
        }
      } while (i13 < 2);
    }
    t.add("end m0" + " " + d + " " + a + " " + x0 + " " + x1);
    return (int) x0;
  }
  
  @Fibered
  static int m1(List<String> t, int d, int a) throws Exception {
    t.add("m1 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return (a / 1);
    Fiber.yield();
    if (((a > 3) || (a > 0))) {
      return "s6".length();
    }
    t.add("end m1" + " " + d + " " + a);
    return (d % 3);
  }
  
  @Fibered
  static int m2(List<String> t, int d, int a) throws Exception {
    t.add("m2 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return (a * 4);
    switch (((a > 5) ? d : a) % 4) {
      case 1:
        try {
          long x15 = (long) d;
          t.add("e16 " + ((d > 1) || ((a > 4) || (a > 5))));
        } catch (RuntimeException c17) {
          t.add("c17 " + c17);
          try {
            Fiber.yield();
          } catch (RuntimeException c18) {
            t.add("c18 " + c18);
            boolean x19 = (a % 2 == 0);
          } finally {
            t.add("f20");
            int x21 = (((a > 5) && (a > 0)) ? (a * 4) : 4);
          }
        } finally {
          t.add("f22");
          try (Res r23 = new Res(t, "r23", (d > 1))) {
            String x24 = "";
            int[] x25 = new int[] {new int[] {d, 6, d}.length, (d - d)};
            a = ((a + a) ^ ((a > 5) ? d : 8));
          } catch (B c26) {
            t.add("c26 " + c26);
            String x27 = String.valueOf(((long) a + (long) a));
          }
          String x28 = "";
          int i30 = 0;
          L29: do {
            i30++;
            long x31 = ((long) 6 * 31L);
            if (x28.isEmpty()) {
              break;
            }
          } while (i30 < 1);
        }
        try {
          synchronized (t) {
          }
        } catch (A c32) {
          t.add("c32 " + c32);
        }
      case 0:
      default:
    }
    t.add("end m2" + " " + d + " " + a);
    return (-3 - d);
  }
  
  @Fibered
  static long m3(List<String> t, int d, int a) throws Exception {
    t.add("m3 " + d + " " + a);
    if (d <= 0 || t.size() > 200) return (long) d;
    a += ((10 / 1) - a);
    t.add("e33 " + d);
    try (Res r34 = new Res(t, "r34", false)) {
      int[] x35 = new int[] {(a / 3), new int[] {6, a, 10}.length, (int) 90L};
      L36: {
        m0(t, d - 1, -3);
      }
      synchronized (t) {
        int x37 = (d / 1);
        synchronized (t) {
        }
      }
    } finally {
      t.add("f38");
    }
    t.add("end m3" + " " + d + " " + a);
    return 93L;
  }
  
}

