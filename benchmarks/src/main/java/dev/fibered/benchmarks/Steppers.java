package dev.fibered.benchmarks;

import dev.fibered.Fibered;

/**
 * The calls {@link DispatchCost} measures: a loop of calls to a tiny {@code @Fibered} method,
 * static, overridable on its own class, and overridden; and the same loop as plain Java.
 */
final class Steppers {
  private Steppers() {}

  /** Declares an overridable {@code @Fibered} method. */
  static class Base {
    @Fibered
    int step(int x) {
      return x + 1;
    }
  }

  /** Overrides it: calls through a {@code Base} reference go through the runtime's dispatch. */
  static final class Derived extends Base {
    @Fibered
    @Override
    int step(int x) {
      return x + 2;
    }
  }

  @Fibered
  static int staticStep(int x) {
    return x + 1;
  }

  @Fibered
  static long callStatic(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += staticStep(i);
    }
    return sum;
  }

  @Fibered
  static long callVirtual(Base receiver, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += receiver.step(i);
    }
    return sum;
  }

  static long callPlain(Base receiver, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += receiver.step(i);
    }
    return sum;
  }
}
