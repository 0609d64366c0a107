package dev.fibered;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Slices and expected event logs shared by the scheduling tests. */
final class TestLogs {
  /** Every check switches when another fiber is runnable. */
  static final Duration ONE_NANO = Duration.ofNanos(1);

  /** No check switches within a test. */
  static final Duration ONE_HOUR = Duration.ofHours(1);

  private TestLogs() {}

  /** {@code a0, b0, a1, b1, ...}: two fibers taking turns, {@code n} steps each. */
  static List<String> alternating(String a, String b, int n) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add(a + i);
      expected.add(b + i);
    }
    return expected;
  }

  /** {@code label0, label1, ...}: one fiber's {@code n} steps. */
  static List<String> sequence(String label, int n) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add(label + i);
    }
    return expected;
  }
}
