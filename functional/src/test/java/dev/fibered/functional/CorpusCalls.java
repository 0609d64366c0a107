package dev.fibered.functional;

import static dev.fibered.functional.CorpusOther.triple;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls between @Fibered methods: chains several levels deep, recursion, mutual recursion, calls
 * into another class (qualified, fully qualified and statically imported), overloads by arity, and
 * a plain method in between that calls a @Fibered method directly (which then runs inline).
 */
final class CorpusCalls {
  private CorpusCalls() {}

  // ------------------------------------------------------------------ nesting

  @Fibered
  static long level1(int n) {
    long acc = 0;
    for (int i = 0; i < n; i++) {
      long r = level2(i);
      acc += r;
    }
    return acc;
  }

  @Fibered
  static long level2(int n) {
    long r = level3(n);
    Fiber.yield();
    return r * 2 + 1;
  }

  @Fibered
  static long level3(int n) {
    long acc = 1;
    int i = 0;
    while (i < n) {
      acc += level4(i);
      i++;
    }
    return acc;
  }

  @Fibered
  static int level4(int n) {
    int r = level5(n);
    return r - 1;
  }

  @Fibered
  static int level5(int n) {
    int r = 0;
    for (int i = 0; i <= n; i++) {
      r += i;
      Fiber.yieldNow();
    }
    return r;
  }

  // ------------------------------------------------------------------ recursion

  @Fibered
  static long fib(int n) {
    if (n < 2) {
      return n;
    }
    long a = fib(n - 1);
    long b = fib(n - 2);
    return a + b;
  }

  @Fibered
  static long ackermann(long m, long n) {
    if (m == 0) {
      return n + 1;
    }
    if (n == 0) {
      return ackermann(m - 1, 1);
    }
    long inner = ackermann(m, n - 1);
    return ackermann(m - 1, inner);
  }

  @Fibered
  static boolean isEven(int n) {
    if (n == 0) {
      return true;
    }
    return isOdd(n - 1);
  }

  @Fibered
  static boolean isOdd(int n) {
    if (n == 0) {
      return false;
    }
    return isEven(n - 1);
  }

  /** Three-way mutual recursion, with loops in between. */
  @Fibered
  static String rotA(int n, String acc) {
    if (n <= 0) {
      return acc;
    }
    String next = acc;
    for (int i = 0; i < n % 3; i++) {
      next += "a";
    }
    return rotB(n - 1, next);
  }

  @Fibered
  static String rotB(int n, String acc) {
    if (n <= 0) {
      return acc;
    }
    String next = rotC(n - 1, acc + "b");
    return next;
  }

  @Fibered
  static String rotC(int n, String acc) {
    if (n <= 0) {
      return acc;
    }
    Fiber.yieldNow();
    String next;
    next = rotA(n - 1, acc + "c");
    return next;
  }

  /** Towers of Hanoi: a void recursive method that records its moves. */
  @Fibered
  static void hanoi(int n, char from, char to, char via, List<String> moves) {
    if (n == 0) {
      return;
    }
    hanoi(n - 1, from, via, to, moves);
    moves.add(n + ":" + from + to);
    hanoi(n - 1, via, to, from, moves);
  }

  /** Recursion deeper than a Java thread stack could take, were each level a Java frame. */
  @Fibered
  static long depth(int n) {
    if (n == 0) {
      return 0;
    }
    long below = depth(n - 1);
    return below + 1;
  }

  /** Sums a binary tree recursively; the recursion happens inside a loop over children. */
  @Fibered
  static long treeSum(Node node) {
    if (node == null) {
      return 0;
    }
    long s = node.value;
    for (Node child : node.children) {
      long c = treeSum(child);
      s += c;
    }
    return s;
  }

  static Node tree(int depth, int fanOut, int[] counter) {
    Node n = new Node(counter[0]++);
    if (depth > 0) {
      for (int i = 0; i < fanOut; i++) {
        n.children.add(tree(depth - 1, fanOut, counter));
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ another class

  @Fibered
  static int callsOtherClass(int n) {
    int a = CorpusOther.triple(n);
    int b = triple(n + 1);
    int c = dev.fibered.functional.CorpusOther.triple(n + 2);
    String d = CorpusOther.shout("x", n);
    CorpusOther.Counter counter = new CorpusOther.Counter();
    CorpusOther.bump(counter, n);
    return a + b + c + d.length() + counter.count;
  }

  // ------------------------------------------------------------------ overloads by arity

  @Fibered
  static int area(int side) {
    Fiber.yieldNow();
    return side * side;
  }

  @Fibered
  static int area(int width, int height) {
    Fiber.yieldNow();
    return width * height;
  }

  /** A plain method named like a @Fibered one, with another arity. */
  static int area(int a, int b, int c) {
    return a * b * c;
  }

  @Fibered
  static int callsOverloads(int n) {
    int a = area(n);
    int b = area(n, n + 1);
    int c = area(1, 2, n);
    return a * 10000 + b * 100 + c;
  }

  // ------------------------------------------------------------------ plain method in between

  /**
   * A plain method that calls @Fibered methods directly: they run inline, to completion, on the
   * calling fiber's thread; their switch points do nothing.
   */
  static long plainCallsFibered(int n, List<String> trace) {
    trace.add("plain-in");
    long r = level1(n);
    boolean even = isEven(n);
    trace.add("plain-out");
    return even ? r : -r;
  }

  @Fibered
  static long viaPlain(int n, List<String> trace) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      trace.add("loop" + i);
      total += plainCallsFibered(i, trace);
    }
    return total;
  }

  /** Records its own steps: each loop round and each yieldNow is a separate trace entry. */
  @Fibered
  static int noisy(String name, int n, List<String> trace) {
    for (int i = 0; i < n; i++) {
      Trace.record(trace, name + i);
      Fiber.yieldNow();
    }
    return n;
  }

  /** A plain helper around a @Fibered method: the method runs inline, its yields do nothing. */
  static int noisyInline(String name, int n, List<String> trace) {
    return noisy(name, n, trace);
  }

  @Fibered
  static int callsNoisyInline(String name, int n, List<String> trace) {
    Trace.record(trace, name + "-before");
    Fiber.yieldNow();
    int r = noisyInline(name, n, trace);
    Fiber.yieldNow();
    Trace.record(trace, name + "-after");
    return r;
  }

  /** A tree node for {@link #treeSum}. */
  static final class Node {
    final int value;
    final List<Node> children = new ArrayList<>();

    Node(int value) {
      this.value = value;
    }
  }
}
