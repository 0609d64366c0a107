package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enhanced for loops inside @Fibered bodies: over arrays of every primitive type and of
 * references, over Lists, Sets, Map entry sets and a hand-written Iterable, over array fields and
 * freshly created arrays, nested, with break/continue and calls in the body.
 */
final class CorpusForEach {
  static int[] staticValues = {5, 6, 7};

  private CorpusForEach() {}

  // ------------------------------------------------------------------ primitive arrays

  @Fibered
  static long sumInts(int[] xs) {
    long s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  @Fibered
  static long sumLongs(long[] xs) {
    long s = 0;
    for (long x : xs) {
      s = s * 31 + x;
    }
    return s;
  }

  @Fibered
  static int sumBytesAndShorts(byte[] bs, short[] ss) {
    int s = 0;
    for (byte b : bs) {
      s += b;
    }
    for (short x : ss) {
      s = s * 7 + x;
    }
    return s;
  }

  @Fibered
  static String chars(char[] cs) {
    String out = "";
    for (char c : cs) {
      if (c == ' ') {
        continue;
      }
      out += Character.toUpperCase(c);
    }
    return out;
  }

  @Fibered
  static double doublesAndFloats(double[] ds, float[] fs) {
    double s = 0;
    for (double d : ds) {
      s += d * d;
    }
    for (float f : fs) {
      s -= f;
    }
    return s;
  }

  @Fibered
  static int countTrue(boolean[] flags) {
    int n = 0;
    for (boolean b : flags) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /** The loop variable is wider than the element type, and boxed. */
  @Fibered
  static String widenedAndBoxed(int[] xs) {
    long total = 0;
    for (long x : xs) {
      total += x << 33;
    }
    List<Integer> boxed = new ArrayList<>();
    for (Integer x : xs) {
      boxed.add(x);
    }
    double d = 0;
    for (double x : xs) {
      d += x / 2;
    }
    return total + " " + boxed + " " + d;
  }

  // ------------------------------------------------------------------ reference arrays

  @Fibered
  static String joinStrings(String[] parts) {
    String out = "";
    for (String p : parts) {
      out = out.isEmpty() ? p : out + "+" + p;
    }
    return out;
  }

  @Fibered
  static int sumBoxedArray(Integer[] xs) {
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    for (Integer x : xs) {
      s += x * 10;
    }
    return s;
  }

  @Fibered
  static int nullsInArray(Object[] things) {
    int nulls = 0;
    for (Object o : things) {
      if (o == null) {
        nulls++;
      }
    }
    return nulls;
  }

  @Fibered
  static int grid(int[][] g) {
    int s = 0;
    for (int[] row : g) {
      for (int v : row) {
        s = s * 3 + v;
      }
      s += 1000;
    }
    return s;
  }

  @Fibered
  static int overNewArray(int k) {
    int s = 0;
    for (int x : new int[] {1, 2, 3, k}) {
      s = s * 10 + x;
    }
    for (String w : new String[] {"a", "bb", "ccc"}) {
      s += w.length();
    }
    return s;
  }

  @Fibered
  static int overArrayReturnedByACall(int n) {
    int s = 0;
    for (String w : words(n)) {
      s += w.length();
    }
    return s;
  }

  static String[] words(int n) {
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = "w".repeat(i);
    }
    return w;
  }

  @Fibered
  static int overStaticArrayField(int times) {
    int s = 0;
    for (int i = 0; i < times; i++) {
      for (int v : staticValues) {
        s += v;
      }
    }
    return s;
  }

  /** The array is read once, as in Java: replacing the field inside the loop does not matter. */
  @Fibered
  static String arrayEvaluatedOnce(int[] holder) {
    int[] local = holder;
    String out = "";
    for (int v : local) {
      local = new int[] {99};
      out += v;
    }
    return out + local[0];
  }

  // ------------------------------------------------------------------ Iterables

  @Fibered
  static long sumList(List<Integer> xs) {
    long s = 0;
    for (int x : xs) {
      s = s * 2 + x;
    }
    for (Integer x : xs) {
      s += x;
    }
    return s;
  }

  @Fibered
  static int sumSet(Set<String> words) {
    int total = 0;
    for (String w : words) {
      total += w.length() * w.charAt(0);
    }
    return total;
  }

  @Fibered
  static String orderedSet(Set<Integer> xs) {
    String out = "";
    for (Integer x : xs) {
      out += x + ";";
    }
    return out;
  }

  @Fibered
  static String mapEntries(Map<String, Integer> map) {
    String out = "";
    for (Map.Entry<String, Integer> e : map.entrySet()) {
      out += e.getKey() + "=" + e.getValue() * 2 + " ";
    }
    return out;
  }

  @Fibered
  static int overIterableReturnedByACall(int n) {
    int s = 0;
    for (Integer x : range(n)) {
      s += x;
    }
    return s;
  }

  @Fibered
  static long customIterable(Range r) {
    long s = 0;
    for (int x : r) {
      s += (long) x * x;
    }
    return s;
  }

  static Range range(int n) {
    return new Range(n);
  }

  /** A list of lists, with labelled break and continue across the two for-each loops. */
  @Fibered
  static String nestedListsWithLabels(List<List<Integer>> rows) {
    String out = "";
    rows:
    for (List<Integer> row : rows) {
      for (int v : row) {
        if (v < 0) {
          continue rows;
        }
        if (v == 0) {
          break rows;
        }
        if (v % 2 == 0) {
          continue;
        }
        out += v + ",";
      }
      out += "|";
    }
    return out;
  }

  @Fibered
  static int breakOutOfForEach(List<Integer> xs, int stop) {
    int seen = 0;
    for (int x : xs) {
      if (x == stop) {
        break;
      }
      seen++;
    }
    return seen;
  }

  @Fibered
  static int returnFromForEach(String[] words, String wanted) {
    int i = 0;
    for (String w : words) {
      if (w.equals(wanted)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Calls to @Fibered methods and yields in the body of a for-each. */
  @Fibered
  static long callsInTheBody(int[] xs, List<Integer> ys) {
    long s = 0;
    for (int x : xs) {
      long sq = square(x);
      s += sq;
      Fiber.yieldNow();
    }
    for (int y : ys) {
      s += square(y);
      Fiber.yield();
    }
    return s;
  }

  @Fibered
  static long square(int x) {
    return (long) x * x;
  }

  /** Assigning the loop variable changes only the variable. */
  @Fibered
  static String reassignLoopVariable(int[] xs) {
    String out = "";
    for (int x : xs) {
      x = x * 100;
      Fiber.yieldNow();
      out += x + " ";
    }
    return out + xs[0];
  }

  /** Changing the list inside its for-each fails with ConcurrentModificationException. */
  @Fibered
  static int modifyWhileIterating(List<Integer> xs) {
    int n = 0;
    for (int x : xs) {
      n += x;
      if (n > 3) {
        xs.add(n);
      }
    }
    return n;
  }

  @Fibered
  static int emptySources(int[] none, List<String> nothing) {
    int n = 0;
    for (int x : none) {
      n += x;
    }
    for (String s : nothing) {
      n += s.length();
    }
    return n - 1;
  }

  /** An Iterable of the ints from 0 to n - 1. */
  static final class Range implements Iterable<Integer> {
    private final int n;

    Range(int n) {
      this.n = n;
    }

    @Override
    public Iterator<Integer> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < n;
        }

        @Override
        public Integer next() {
          return next++;
        }
      };
    }
  }

  /** Instance for-each over the receiver's array field. */
  static final class Holder {
    int[] values;
    String[] names;

    Holder(int[] values, String[] names) {
      this.values = values;
      this.names = names;
    }

    @Fibered
    int sumField() {
      int s = 0;
      for (int v : values) {
        s += v;
      }
      for (int v : this.values) {
        s += v * 2;
      }
      return s;
    }

    @Fibered
    String namesField() {
      String out = "";
      for (String n : names) {
        out += n;
      }
      return out;
    }
  }
}
