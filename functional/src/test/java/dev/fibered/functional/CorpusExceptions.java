package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.io.IOException;
import java.util.List;

/**
 * Exceptions in @Fibered code: thrown deep in nested calls, checked and unchecked, errors, thrown by
 * the JVM (null, array index, division), caught by a plain try/catch in the body.
 */
final class CorpusExceptions {
  private CorpusExceptions() {}

  /** An unchecked exception of the tests' own. */
  static final class CorpusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorpusException(String message) {
      super(message);
    }
  }

  /** A checked exception of the tests' own. */
  static final class CorpusCheckedException extends Exception {
    private static final long serialVersionUID = 1L;

    CorpusCheckedException(String message) {
      super(message);
    }
  }

  /** An error of the tests' own. */
  static final class CorpusError extends Error {
    private static final long serialVersionUID = 1L;

    CorpusError(String message) {
      super(message);
    }
  }

  // ------------------------------------------------------------------ thrown deep down

  @Fibered
  static int outer(int depth, List<String> log) {
    log.add("outer-in");
    int r = middle(depth, log);
    log.add("outer-after-middle"); // never reached when middle throws
    return r;
  }

  @Fibered
  static int middle(int depth, List<String> log) {
    int acc = 0;
    for (int i = 0; i < 3; i++) {
      log.add("middle" + i);
      int r = inner(depth, i, log);
      acc += r;
    }
    return acc;
  }

  @Fibered
  static int inner(int depth, int round, List<String> log) {
    if (depth <= 0) {
      if (round == 1) {
        throw new CorpusException("deep failure in round " + round);
      }
      return round;
    }
    Fiber.yieldNow();
    int r = inner(depth - 1, round, log);
    log.add("inner-unwound" + depth);
    return r;
  }

  /** Recursion that throws at the bottom; the message says how deep. */
  @Fibered
  static long recurseThenThrow(int n, int total) {
    if (n == 0) {
      throw new IllegalStateException("bottom reached after " + total + " levels");
    }
    long below = recurseThenThrow(n - 1, total);
    return below + 1;
  }

  // ------------------------------------------------------------------ checked

  @Fibered
  static int checked(int n) throws IOException {
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += i;
    }
    throw new IOException("checked after " + s);
  }

  @Fibered
  static int checkedThroughCalls(int n) throws IOException, CorpusCheckedException {
    if (n > 100) {
      throw new CorpusCheckedException("too big: " + n);
    }
    int r = checked(n);
    return r + 1;
  }

  @Fibered
  static void checkedOwn(int n) throws CorpusCheckedException {
    for (int i = 0; i < n; i++) {
      Fiber.yield();
    }
    throw new CorpusCheckedException("own checked " + n);
  }

  // ------------------------------------------------------------------ errors and JVM exceptions

  @Fibered
  static int error(int n) {
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
    }
    throw new CorpusError("error after " + n);
  }

  @Fibered
  static int assertionError(int n) {
    Fiber.yieldNow();
    if (n > 0) {
      throw new AssertionError("assertion " + n);
    }
    return n;
  }

  @Fibered
  static int nullPointer(String s) {
    int r = 0;
    for (int i = 0; i < 3; i++) {
      r += i;
    }
    return r + s.length();
  }

  @Fibered
  static int arrayIndex(int[] xs, int n) {
    int s = 0;
    for (int i = 0; i <= n; i++) {
      s += xs[i];
    }
    return s;
  }

  @Fibered
  static int divide(int a, int b) {
    Fiber.yieldNow();
    int q = a / b;
    return q;
  }

  @Fibered
  static int classCast(Object o) {
    Fiber.yieldNow();
    String s = (String) o;
    return s.length();
  }

  @Fibered
  static int throwsAtEntry(int n) {
    throw new UnsupportedOperationException("entry " + n);
  }

  /** A callee's exception propagates through a caller that was in the middle of a loop. */
  @Fibered
  static int throwsFromLoopCallee(int n, List<String> log) {
    for (int i = 0; i < n; i++) {
      log.add("round" + i);
      int d = divide(10, 3 - i);
      log.add("got" + d);
    }
    return -1;
  }

  /** Throws a statically created exception instance, so tests can check identity. */
  static final CorpusException SHARED = new CorpusException("shared instance");

  @Fibered
  static int throwsShared(int n) {
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
    }
    throw SHARED;
  }

  // ------------------------------------------------------------------ caught in the body

  /** A plain try/catch (no switch point inside) catches, and the loop goes on. */
  @Fibered
  static String caughtInTheBody(String[] inputs) {
    String out = "";
    for (String in : inputs) {
      try {
        int v = Integer.parseInt(in);
        out += 100 / v + ",";
      } catch (NumberFormatException e) {
        out += "nfe(" + e.getMessage() + "),";
      } catch (ArithmeticException e) {
        out += "ae,";
      }
      Fiber.yieldNow();
    }
    return out;
  }

  /** A plain helper that throws; the @Fibered caller catches it in a plain try/catch. */
  static int plainThrower(int i) {
    if (i % 3 == 2) {
      throw new CorpusException("plain " + i);
    }
    return i;
  }

  @Fibered
  static String catchesPlainHelper(int n) {
    String out = "";
    for (int i = 0; i < n; i++) {
      try {
        out += plainThrower(i);
      } catch (CorpusException e) {
        out += "[" + e.getMessage() + "]";
        if (i > 6) {
          break;
        }
        continue;
      } finally {
        out += ";";
      }
      out += ".";
    }
    return out;
  }

  /** A rethrow from a catch block: the fiber fails with the new exception. */
  @Fibered
  static int rethrowsWrapped(int n) {
    for (int i = 0; i < n; i++) {
      Fiber.yieldNow();
    }
    try {
      plainThrower(n);
    } catch (CorpusException e) {
      throw new IllegalArgumentException("wrapped: " + e.getMessage(), e);
    }
    return n;
  }
}
