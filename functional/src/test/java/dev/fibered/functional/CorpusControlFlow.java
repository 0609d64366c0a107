package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements and control flow inside @Fibered bodies: if/else, while, do/while, for, labels,
 * break/continue, early returns, statements without switch points copied whole, locals that live
 * across states. Every method is deterministic, so a fiber must return what the direct call does.
 */
final class CorpusControlFlow {
  private CorpusControlFlow() {}

  // ------------------------------------------------------------------ if / else

  @Fibered
  static String ifElseChain(int x) {
    String r;
    if (x < 0) {
      Fiber.yieldNow();
      r = "negative";
    } else if (x == 0) {
      r = "zero";
      Fiber.yield();
    } else if (x < 10) {
      Fiber.yieldNow();
      r = "small";
      Fiber.yieldNow();
    } else {
      r = "large";
    }
    Fiber.yieldNow();
    return r + ":" + x;
  }

  @Fibered
  static int ifWithoutBraces(int x) {
    int r = 0;
    if (x > 5) Fiber.yieldNow();
    if (x > 5) r += 1;
    else r -= 1;
    if (x % 2 == 0) Fiber.yieldNow(); else r *= 3;
    if (x > 100) return -1;
    return r;
  }

  @Fibered
  static int nestedIfs(int a, int b) {
    int r = 0;
    if (a > 0) {
      if (b > 0) {
        Fiber.yieldNow();
        r = 1;
      } else {
        r = 2;
        if (b < -10) {
          Fiber.yieldNow();
          return 20;
        }
      }
    } else {
      Fiber.yieldNow();
      if (b > 0) {
        r = 3;
      }
    }
    return r;
  }

  // ------------------------------------------------------------------ while

  @Fibered
  static long whileSum(int n) {
    long s = 0;
    int i = 0;
    while (i < n) {
      s += (long) i * i;
      i++;
    }
    return s;
  }

  @Fibered
  static int whileBreakContinue(int n) {
    int i = 0;
    int acc = 0;
    while (true) {
      i++;
      if (i > n) {
        break;
      }
      if (i % 3 == 0) {
        continue;
      }
      acc += i;
    }
    return acc * 1000 + i;
  }

  @Fibered
  static int whileTrueReturn(int n) {
    int i = 0;
    while (true) {
      if (i * i >= n) {
        return i;
      }
      i++;
    }
  }

  @Fibered
  static int whileNeverEntered(int n) {
    int count = 0;
    while (n < 0) {
      count++;
      n++;
    }
    return count;
  }

  // ------------------------------------------------------------------ do / while

  @Fibered
  static int doWhileRunsOnce(int n) {
    int runs = 0;
    do {
      runs++;
    } while (runs < n);
    return runs;
  }

  /** {@code continue} in a do/while goes to the condition, not to the top of the body. */
  @Fibered
  static String doWhileContinue(int n) {
    String sb = "";
    int i = 0;
    do {
      i++;
      if (i % 2 == 0) {
        continue;
      }
      sb += "" + i + ',';
    } while (i < n);
    return sb;
  }

  /** A continue that would loop forever if it skipped the condition. */
  @Fibered
  static int doWhileContinueFalseCondition(int n) {
    int visits = 0;
    do {
      visits++;
      if (n > 0) {
        continue;
      }
      visits += 100;
    } while (false);
    return visits;
  }

  @Fibered
  static int doWhileBreak(int n) {
    int i = 0;
    do {
      i += 3;
      if (i > n) {
        break;
      }
      Fiber.yieldNow();
    } while (i < 1000);
    return i;
  }

  // ------------------------------------------------------------------ for

  @Fibered
  static long forClassic(int n) {
    long product = 1;
    for (int i = 1; i <= n; i++) {
      product = product * i % 1_000_000_007L;
    }
    return product;
  }

  @Fibered
  static String forTwoVariables(int n) {
    String sb = "";
    for (int i = 0, j = n; i < j; i++, j--) {
      sb += "" + i + '-' + j + ' ';
    }
    return sb;
  }

  @Fibered
  static int forWithoutHeader(int n) {
    int i = 0;
    for (;;) {
      if (i >= n) {
        break;
      }
      i += 2;
    }
    return i;
  }

  @Fibered
  static int forOuterVariable(int n) {
    int i;
    for (i = 0; i < n; i += 3) {
      if (i > 50) {
        break;
      }
    }
    return i;
  }

  @Fibered
  static int forContinueRunsUpdate(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      if (i % 2 == 1) {
        continue;
      }
      sum += i;
    }
    return sum;
  }

  @Fibered
  static int forEmptyBodies(int n) {
    int i = 0;
    for (; i < n; i++) {}
    int j = 0;
    while (j++ < n) ;
    int k = 0;
    do {} while (++k < n);
    return i * 10000 + j * 100 + k;
  }

  // ------------------------------------------------------------------ labels and nesting

  /** Labelled break and continue across nested for loops. */
  @Fibered
  static String nestedLabelled(int n, int limit) {
    String sb = "";
    int visited = 0;
    outer:
    for (int i = 0; i < n; i++) {
      inner:
      for (int j = 0; j < n; j++) {
        visited++;
        if (j > i) {
          continue outer;
        }
        if (i * j > limit) {
          break outer;
        }
        if ((i + j) % 5 == 0) {
          continue inner;
        }
        if (j == 3) {
          break inner;
        }
        if (j == 1) {
          continue;
        }
        sb += "" + i + j + ' ';
      }
      sb += "" + '|';
    }
    return sb + " visited=" + visited;
  }

  /** A labelled while with a do/while inside: continue and break of the outer loop from inside. */
  @Fibered
  static String labelledWhileDoWhile(int n) {
    List<String> seen = new ArrayList<>();
    int i = 0;
    rows:
    while (i < n) {
      i++;
      int j = 0;
      do {
        j++;
        if (j == i) {
          continue rows;
        }
        if (i + j == 9) {
          break rows;
        }
        seen.add(i + "." + j);
      } while (j < 4);
      seen.add("end" + i);
    }
    return seen + " i=" + i;
  }

  /** Three nested loops of three kinds, each with its own label. */
  @Fibered
  static long threeLevels(int n) {
    long acc = 0;
    a:
    for (int i = 0; i < n; i++) {
      int j = 0;
      b:
      while (j < n) {
        j++;
        int k = 0;
        c:
        do {
          k++;
          if (k == 2) {
            continue c;
          }
          if (k > j) {
            continue b;
          }
          if (i + j + k > n + 2) {
            break b;
          }
          if (i * j * k == 12) {
            continue a;
          }
          if (acc > 10_000) {
            break a;
          }
          acc += (long) i * 100 + j * 10 + k;
        } while (k < n);
      }
    }
    return acc;
  }

  @Fibered
  static int labelledBlock(int n) {
    int r = 0;
    block:
    {
      r += 1;
      Fiber.yieldNow();
      if (n > 3) {
        break block;
      }
      r += 10;
      Fiber.yieldNow();
      r += 100;
    }
    return r;
  }

  // ------------------------------------------------------------------ early returns

  @Fibered
  static String findInGrid(int[][] grid, int target) {
    for (int i = 0; i < grid.length; i++) {
      int j = 0;
      while (j < grid[i].length) {
        if (grid[i][j] == target) {
          return i + "," + j;
        }
        j++;
      }
    }
    return "none";
  }

  @Fibered
  static int returnFromDoWhileInsideFor(int n) {
    for (int i = 0; i < n; i++) {
      int j = 0;
      do {
        if (i * j == 42) {
          return i * 100 + j;
        }
        j++;
      } while (j < i);
    }
    return -1;
  }

  @Fibered
  static void voidEarlyReturn(List<Integer> out, int n) {
    for (int i = 0; ; i++) {
      if (i == n) {
        return;
      }
      out.add(i);
    }
  }

  // ------------------------------------------------------------------ statements copied whole

  /** try/catch/finally without switch points inside, in a loop, with break and continue in it. */
  @Fibered
  static String tryCatchInLoop(int n) {
    String sb = "";
    for (int i = 0; i < n; i++) {
      try {
        if (i == 9) {
          break;
        }
        if (i % 4 == 1) {
          continue;
        }
        int parsed = Integer.parseInt(i % 3 == 0 ? "x" + i : "" + i);
        sb += "" + 100 / (parsed - 2);
      } catch (NumberFormatException e) {
        sb += "" + 'N';
      } catch (ArithmeticException e) {
        sb += "" + 'Z';
      } finally {
        sb += "" + ';';
      }
    }
    return sb;
  }

  /** A return inside a copied try returns through the machine (with the finally run). */
  @Fibered
  static long returnInsideCopiedTry(int n, List<String> log) {
    for (int i = 0; i < n; i++) {
      try {
        if (i == 3) {
          return i;
        }
      } finally {
        log.add("finally" + i);
      }
    }
    return -1;
  }

  /** A try-with-resources without switch points. */
  @Fibered
  static String tryWithResources(int n) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try (Resource r = new Resource(events, "r" + i)) {
        events.add(r.name() + ".use");
      }
    }
    return events.toString();
  }

  /** synchronized without switch points inside, in a loop. */
  @Fibered
  static int synchronizedInLoop(int n) {
    Object lock = new Object();
    int acc = 0;
    for (int i = 0; i < n; i++) {
      synchronized (lock) {
        acc += i;
        if (acc > 1000) {
          break;
        }
      }
    }
    return acc;
  }

  /** A pattern variable in a copied if. */
  @Fibered
  static int instanceofPattern(Object[] things) {
    int acc = 0;
    for (int i = 0; i < things.length; i++) {
      Object o = things[i];
      if (o instanceof String s && !s.isEmpty()) {
        acc += s.length();
      } else if (o instanceof Integer k) {
        acc += k;
      }
    }
    return acc;
  }

  /** Conditions with side effects are evaluated exactly as often as in the original. */
  @Fibered
  static String conditionSideEffects(int n) {
    int[] counter = {0};
    int rounds = 0;
    while (next(counter) < n) {
      rounds++;
      if (next(counter) % 7 == 0 && next(counter) > 0) {
        rounds += 100;
      }
    }
    return rounds + "/" + counter[0];
  }

  static int next(int[] counter) {
    return counter[0]++;
  }

  /** Short-circuit operators and the conditional operator stay as they are. */
  @Fibered
  static int shortCircuit(int[] xs) {
    int hits = 0;
    for (int i = 0; i <= xs.length; i++) {
      if (i < xs.length && xs[i] > 0 || i == xs.length && xs.length > 2) {
        hits += i < xs.length ? xs[i] : 1000;
      }
      Fiber.yield();
    }
    return hits;
  }

  // ------------------------------------------------------------------ locals

  /** Same-named locals of different types in sibling scopes, each living across a switch. */
  @Fibered
  static String siblingLocals(int n) {
    String sb = "";
    for (int i = 0; i < n; i++) {
      sb += "" + i;
    }
    for (long i = 10_000_000_000L; i < 10_000_000_000L + n; i++) {
      sb += "" + i % 7;
    }
    {
      String t = "s";
      Fiber.yieldNow();
      sb += "" + t;
    }
    {
      double t = 1.5;
      Fiber.yieldNow();
      sb += "" + t;
    }
    if (n > 0) {
      char t = 'c';
      Fiber.yieldNow();
      sb += "" + t;
    } else {
      boolean t = true;
      Fiber.yieldNow();
      sb += "" + t;
    }
    return sb;
  }

  /** Locals and parameters named like the machine's own members. */
  @Fibered
  static int generatedNames(int state, int self) {
    int result = state + self;
    Fiber.yieldNow();
    int array = result * 2;
    int index = array + 1;
    Fiber.yieldNow();
    int iterator = index + 1;
    int SUSPEND = iterator * 2;
    int CALL = SUSPEND + 1;
    int fiber = CALL + 1;
    int caller = fiber + 1;
    for (int state2 = 0; state2 < 3; state2++) {
      caller += state2;
    }
    Fiber.yieldNow();
    return caller + state;
  }

  /** A local declared without a value, assigned on different paths across switch points. */
  @Fibered
  static String assignedLater(int n) {
    String label;
    int v;
    if (n > 3) {
      Fiber.yieldNow();
      label = "big";
      v = n * 2;
    } else {
      label = "small";
      Fiber.yieldNow();
      v = -n;
    }
    Fiber.yieldNow();
    final int copy = v;
    Fiber.yieldNow();
    return label + copy;
  }

  /** Array locals with bare initializers, C-style declarations and multi-dimensional arrays. */
  @Fibered
  static String arrayLocals(int n) {
    int[] a = {1, 2, 3};
    int b[] = {4, 5};
    int[][] m = {{1}, {2, 3}, {}};
    String[] s = {"x", "y"};
    long[] filled = new long[n];
    Fiber.yieldNow();
    for (int i = 0; i < filled.length; i++) {
      filled[i] = a[i % a.length] * 10L + b[i % b.length];
    }
    int cells = 0;
    for (int i = 0; i < m.length; i++) {
      cells += m[i].length;
    }
    return java.util.Arrays.toString(filled) + cells + s[1];
  }

  /** Parameters reassigned in the body. */
  @Fibered
  static long parametersReassigned(int n, long acc) {
    while (n > 0) {
      acc = acc * 3 + n;
      n--;
    }
    return acc;
  }

  /** Final parameters and final locals. */
  @Fibered
  static int finals(final int n) {
    final int doubled = n * 2;
    Fiber.yieldNow();
    final List<Integer> out = new ArrayList<>();
    for (int i = 0; i < doubled; i++) {
      final int sq = i * i;
      out.add(sq);
    }
    return sum(out);
  }

  static int sum(List<Integer> xs) {
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  /** A resource for {@link #tryWithResources}: records when it is closed. */
  static final class Resource implements AutoCloseable {
    private final List<String> events;
    private final String name;

    Resource(List<String> events, String name) {
      this.events = events;
      this.name = name;
      events.add(name + ".open");
    }

    String name() {
      return name;
    }

    @Override
    public void close() {
      events.add(name + ".close");
    }
  }

  // ------------------------------------------------------------------ labels reused, empty bodies

  /** The same label on sibling statements, on a block, on loops and on an if. */
  @Fibered
  static String reusedLabels(int n) {
    String out = "";
    x:
    {
      if (n > 2) {
        break x;
      }
      out += "small";
    }
    x:
    for (int i = 0; i < n; i++) {
      if (i == 4) {
        break x;
      }
      out += i;
    }
    i:
    for (int i = 0; i < 2; i++) {
      x:
      {
        if (i == 0) {
          break x;
        }
        continue i;
      }
      out += "after-x";
    }
    lbl:
    if (n > 1) {
      out += "if";
      Fiber.yieldNow();
      if (n > 3) {
        break lbl;
      }
      out += "more";
    }
    return out;
  }

  @Fibered
  static void emptyBody() {}

  @Fibered
  static void onlyAYield() {
    Fiber.yieldNow();
  }
}
