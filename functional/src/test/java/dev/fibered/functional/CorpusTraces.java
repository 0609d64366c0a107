package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

/**
 * Stack traces through fibered code: three nested @Fibered calls in two classes, the innermost
 * throwing after it has been suspended and resumed. The comments {@code // at:...} mark the lines
 * the tests expect in traces; they find them by reading this file.
 */
final class CorpusTraces {
  private CorpusTraces() {}

  /** The frames of {@link #watched}, taken by a fiber while the watched one is suspended. */
  static final List<StackTraceElement[]> SNAPSHOTS = new ArrayList<>();

  static Fiber<?> watched;

  @Fibered
  static int outer(int n) {
    int before = n + 1;
    int r = Inner.middle(before); // at:outer-call
    return r + 1;
  }

  static final class Inner {
    private Inner() {}

    @Fibered
    static int middle(int n) {
      int doubled = n * 2;
      int r = innermost(doubled); // at:middle-call
      return r;
    }
  }

  @Fibered
  static int innermost(int n) {
    Fiber.yieldNow(); // at:innermost-yield
    if (n > 0) {
      throw new IllegalStateException("failed with " + n); // at:innermost-throw
    }
    return n;
  }

  /** Like {@link #innermost}, but the exception comes from a plain method it calls. */
  @Fibered
  static int viaPlainMethod(int n) {
    Fiber.yieldNow();
    int r = plain(n); // at:plain-call
    return r;
  }

  static int plain(int n) {
    throw new ArithmeticException("plain " + n); // at:plain-throw
  }

  /** Runs beside {@link #watched} and records where it waits. */
  @Fibered
  static void observer() {
    snapshot();
  }

  static void snapshot() {
    SNAPSHOTS.add(watched.stackTrace());
  }
}
