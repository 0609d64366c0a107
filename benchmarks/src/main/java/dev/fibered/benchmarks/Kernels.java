package dev.fibered.benchmarks;

import dev.fibered.Fibered;

/**
 * Tight loops for the check-overhead case. Called directly they are the plain methods; through
 * {@code KernelsFibers} they run as state machines with a check at entry and on every back-edge.
 */
final class Kernels {
  private Kernels() {}

  @Fibered
  static long arraySum(int[] data) {
    long s = 0;
    for (int i = 0; i < data.length; i++) {
      s += data[i];
    }
    return s;
  }

  @Fibered
  static long fib(int n) {
    if (n < 2) {
      return n;
    }
    long a = fib(n - 1);
    long b = fib(n - 2);
    return a + b;
  }
}
