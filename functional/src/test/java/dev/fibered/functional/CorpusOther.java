package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

/** @Fibered methods that {@link CorpusCalls} calls from another class. */
final class CorpusOther {
  private CorpusOther() {}

  @Fibered
  static int triple(int x) {
    int r = 0;
    for (int i = 0; i < 3; i++) {
      r += x;
    }
    return r;
  }

  @Fibered
  static String shout(String s, int times) {
    String out = "";
    for (int i = 0; i < times; i++) {
      out += s.toUpperCase();
      Fiber.yieldNow();
    }
    return out + "!";
  }

  @Fibered
  static void bump(Counter c, int times) {
    for (int i = 0; i < times; i++) {
      c.count++;
    }
  }

  /** A mutable box that a void @Fibered method changes. */
  static final class Counter {
    int count;
  }
}
