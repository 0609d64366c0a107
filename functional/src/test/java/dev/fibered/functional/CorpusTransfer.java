package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/**
 * Value transfer between fibers (python-fibers' and greenlet's {@code switch(value)}): a ping-pong
 * of values, and a producer that hands values to a consumer it names.
 */
final class CorpusTransfer {
  private CorpusTransfer() {}

  /** Waits for the partner fiber, then passes a counter back and forth {@code rounds} times. */
  @Fibered
  static int ping(int rounds, List<String> log) {
    Fiber<?> partner = Fiber.awaitTransfer();
    int n = 0;
    for (int i = 0; i < rounds; i++) {
      Integer back = Fiber.transfer(partner, n + 1);
      n = back;
      log.add("ping got " + n);
    }
    Fiber.handOver(partner, -1); // the last word: nothing comes back
    return n;
  }

  /** Introduces itself to {@code ping}, then adds ten to every value until it gets -1. */
  @Fibered
  static int pong(Fiber<?> ping, List<String> log) {
    Integer n = Fiber.transfer(ping, Fiber.current());
    int handled = 0;
    while (n != -1) {
      log.add("pong got " + n);
      handled++;
      n = Fiber.transfer(ping, n + 10);
    }
    return handled;
  }

  /** Receives values (null among them) until "end". */
  @Fibered
  static String gather(List<String> log) {
    String v = Fiber.awaitTransfer();
    while (!"end".equals(v)) {
      log.add(String.valueOf(v));
      v = Fiber.awaitTransfer();
    }
    return "collected " + log.size();
  }
}
