package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.*;

/**
 * Programs from the first code review that the processor once compiled wrongly or not at all; each
 * must now behave exactly as the original. (The on-demand import above is part of the test: a
 * generated import must never shadow it.)
 */
final class CorpusReview {
  private CorpusReview() {}

  enum Color {
    RED,
    GREEN
  }

  /** A host field with the name of an enum constant used as a case label. */
  static final String RED = "not the enum constant";

  /** java.util.Date through the on-demand import, java.sql.Date spelled out in a hoisted local. */
  @Fibered
  static String dates() {
    java.sql.Date sql = new java.sql.Date(0L);
    Fiber.yieldNow();
    Date util = new Date(0L);
    return util.getClass().getName() + " " + sql.getClass().getName();
  }

  /** A final local with a constant initializer stays a constant across a switch point. */
  @Fibered
  static String constants() {
    final int one = 1;
    final String pre = "ab";
    Fiber.yieldNow();
    byte narrowed = one;
    String label;
    switch (narrowed) {
      case one:
        label = "one";
        break;
      default:
        label = "other";
    }
    return label + ((pre + "c") == "abc") + narrowed;
  }

  /** Two Java locals of the same name in sibling blocks that end up in one state. */
  @Fibered
  static int siblingLocals(boolean c) {
    {
      int a = 1;
      if (c) {
        a++;
      } else {
        return other();
      }
    }
    int a = 2;
    int b = a + 1;
    Fiber.yieldNow();
    return b;
  }

  static int other() {
    return 40;
  }

  /** An enum switch whose label shares its name with a host field. */
  @Fibered
  static int enumLabel(Color color) {
    Fiber.yieldNow();
    switch (color) {
      case RED:
        return 1;
      default:
        return 2;
    }
  }

  static int twice(int x) {
    return 2 * x;
  }

  String twice(String s) {
    return s + s;
  }

  /** A static method calling into a group of static and instance overloads. */
  @Fibered
  static int mixedOverloads(int x) {
    int r = twice(x);
    Fiber.yieldNow();
    return r + twice(1);
  }

  /** A primitive loop variable over an Iterable of a narrower boxed type, and chars widened. */
  @Fibered
  static long widenedForEach(List<Integer> xs, List<Character> cs) {
    long sum = 0;
    for (long x : xs) {
      sum += x;
    }
    for (int c : cs) {
      sum += c;
    }
    return sum;
  }

  static int[] data() {
    return new int[] {3, 4, 5};
  }

  /** A boxed loop variable over a primitive array returned by a call. */
  @Fibered
  static int boxedForEachOverPrimitiveArray() {
    int sum = 0;
    for (Integer x : data()) {
      sum += x;
    }
    return sum;
  }

  /** A hoisted local named like a package that the body also names in full. */
  @Fibered
  static String packageNamedLocal() {
    int kind = java.util.Calendar.JANUARY;
    Fiber.yieldNow();
    String result;
    {
      String java = "j" + kind;
      Fiber.yieldNow();
      result = java;
    }
    return result + java.util.Calendar.FEBRUARY;
  }

  /** A pattern variable scoped to its if, then a same-named host member after it. */
  static final String s = "field";

  @Fibered
  static String patternThenField(Object o) {
    Fiber.yieldNow();
    int n = 0;
    if (o instanceof String s) {
      n = s.length();
    }
    return n + s;
  }

  static final class Task {
    final int weight;

    Task(int weight) {
      this.weight = weight;
    }

    @Fibered
    int run() {
      Fiber.yieldNow();
      return weight;
    }
  }

  static final class Job {
    final int cost;

    Job(int cost) {
      this.cost = cost;
    }

    @Fibered
    int run() {
      Fiber.yieldNow();
      return 100 * cost;
    }
  }

  /** Two loop variables of one name and different types, each the receiver of a fibered call. */
  @Fibered
  static int siblingReceivers(List<Task> tasks, List<Job> jobs) {
    int s = 0;
    for (Task t : tasks) {
      int r = t.run();
      s += r;
    }
    for (Job t : jobs) {
      int r = t.run();
      s += r;
    }
    return s;
  }
}
