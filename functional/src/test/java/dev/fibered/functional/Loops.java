package dev.fibered.functional;

import dev.fibered.Fibered;

final class Loops {
  private Loops() {}

  @Fibered
  static long sum(int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += i;
    }
    return s;
  }
}
