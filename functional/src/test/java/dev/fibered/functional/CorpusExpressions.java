package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * Switch points inside expressions: operands, arguments, receivers, conditions, short-circuit
 * operators, ?:, array elements, string concatenation, throw and switch selectors. Every call logs
 * itself, so the order of evaluation is part of the result compared with the direct call.
 */
final class CorpusExpressions {
  private CorpusExpressions() {}

  /** A mutable counter with a @Fibered method that changes it. */
  static final class Counter {
    int count;
    final List<String> log = new ArrayList<>();

    /** Logs, yields, adds {@code by} to the count and returns the new count. */
    @Fibered
    final int bump(int by) {
      log.add("bump" + by);
      Fiber.yieldNow();
      count += by;
      return count;
    }

    /**
     * Compound assignments to the field around calls that change it: Java reads the field, then
     * calls, then stores, so the call's own change to the field is lost.
     */
    @Fibered
    final String compoundOnField() {
      count += bump(5);
      log.add("after += " + count);
      this.count *= bump(2);
      log.add("after *= " + count);
      return String.join(",", log);
    }

    /** The old count and the new one: Java reads the field before the call changes it. */
    @Fibered
    final String readThenBump() {
      int sum = count + bump(10) + count * bump(100);
      String text = "old " + count + " sum " + sum + " new " + bump(1) + " last " + count;
      log.add(text);
      return String.join(",", log);
    }
  }

  @Fibered
  static int id(int n, List<String> log) {
    log.add("id" + n);
    Fiber.yieldNow();
    return n;
  }

  @Fibered
  static boolean test(boolean b, List<String> log) {
    log.add("test" + b);
    Fiber.yield();
    return b;
  }

  @Fibered
  static String text(String s, List<String> log) {
    log.add("text " + s);
    Fiber.yieldNow();
    return s;
  }

  @Fibered
  static String arithmeticAndArguments(int n) {
    List<String> log = new ArrayList<>();
    int a = 1 + id(n, log) * id(n + 1, log) - id(2, log);
    long b = Math.max(id(3, log), (long) id(a, log)) + n;
    int c = id(id(id(4, log), log) + 1, log);
    log.add("a=" + a + " b=" + b + " c=" + c + " concat " + id(7, log) + "/" + text("x", log));
    String s = text("p", log) + text("q", log) + id(5, log) + text("r", log).length();
    log.add(s.toUpperCase());
    return String.join(",", log);
  }

  @Fibered
  static String conditionsAndShortCircuits(int n) {
    List<String> log = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (test(i % 2 == 0, log) && id(i, log) > 1) {
        log.add("and " + i);
      }
      if (test(i == 1, log) || !test(i > 2, log)) {
        log.add("or " + i);
      }
      int pick = i > 2 ? id(i, log) : id(-i, log);
      log.add("pick " + pick);
    }
    int k = 0;
    while (id(k, log) < 3) {
      k++;
    }
    do {
      k--;
    } while (test(k > 1, log));
    return String.join(",", log) + " k=" + k;
  }

  @Fibered
  static String arraysLoopsAndSwitches(int n) {
    List<String> log = new ArrayList<>();
    int[] values = new int[] {id(1, log), id(2, log), 3};
    for (int i = 0; i < values.length; i = i + id(1, log)) {
      values[i] = values[i] * id(10, log);
    }
    int total = values[0] + id(values[1], log) + values[2];
    List<String> words = new ArrayList<>(List.of("a", "bb", "ccc"));
    for (String w : wordsOf(words, log)) {
      log.add(w + id(w.length(), log));
    }
    switch (id(n % 3, log)) {
      case 0 -> log.add("zero");
      case 1 -> log.add("one " + id(11, log));
      default -> log.add("other");
    }
    log.add("total " + total);
    return String.join(",", log);
  }

  /** {@code a[i()] += f()}: the array, then the index's call, then the element, then f. */
  @Fibered
  static String compoundOnArrayElements(int n) {
    List<String> log = new ArrayList<>();
    int[] values = {1, 2, 3};
    for (int i = 0; i < n; i++) {
      values[id(i % 3, log)] += id(10 * i, log);
      values[i % 3] -= id(1, log) + values[(i + 1) % 3];
    }
    String[] words = {"a", "b"};
    words[id(1, log)] += text("!", log);
    log.add(java.util.Arrays.toString(values) + " " + java.util.Arrays.toString(words));
    return String.join(",", log);
  }

  /**
   * {@code a[i()]++}, {@code --a[i()]}, {@code a[i()] += 1}, and compound assignments nested in
   * larger expressions, whose value is the new one.
   */
  @Fibered
  static String incrementsAndNestedCompounds(int n) {
    List<String> log = new ArrayList<>();
    int[] values = {1, 2, 3};
    long[] totals = {0};
    for (int i = 0; i < n; i++) {
      int old = values[id(i % 3, log)]++;
      int now = --values[id((i + 1) % 3, log)];
      values[id(2, log)] += 1;
      long sum = (totals[id(0, log)] += id(i, log)) + old + now;
      log.add("sum " + sum + " " + (values[i % 3] *= id(2, log)));
    }
    log.add(java.util.Arrays.toString(values) + " " + totals[0]);
    return String.join(",", log);
  }

  @Fibered
  static List<String> wordsOf(List<String> words, List<String> log) {
    log.add("words");
    Fiber.yieldNow();
    return words;
  }

  @Fibered
  static int throwsWithACall(int n) {
    List<String> log = new ArrayList<>();
    if (id(n, log) > 2) {
      throw new IllegalArgumentException("too big: " + id(n * 10, log) + " after " + log);
    }
    return id(n, log) + id(1, log);
  }

  /** A receiver evaluated before a switch point among the arguments. */
  @Fibered
  static String receiverThenArguments(int n) {
    List<String> log = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    out.append(text("a", log));
    out.append(id(n, log));
    log.add(id(0, log), text("first", log) + out);
    return String.join(",", log);
  }
}
