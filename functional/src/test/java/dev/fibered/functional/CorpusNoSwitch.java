package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.List;

/** Blocks that must not be interleaved with other fibers. */
final class CorpusNoSwitch {
  private CorpusNoSwitch() {}

  /** A guarded block with no switch point in it: fine, and nothing can interleave it. */
  @SuppressWarnings("try") // javac's lint: the guard is never named inside the block
  @Fibered
  static void transfer(int[] accounts, int amount, List<String> log) {
    Fiber.yieldNow();
    try (Fiber.NoSwitch guard = Fiber.noSwitch()) {
      accounts[0] -= amount;
      log.add("moved " + amount);
      accounts[1] += amount;
    }
    Fiber.yieldNow();
  }

  /** Opens a guard without try, which the processor cannot see, then switches: fails at run time. */
  @Fibered
  static void switchesWhileGuarded(List<String> log) {
    Fiber.NoSwitch guard = Fiber.noSwitch();
    log.add("guarded");
    Fiber.yieldNow();
    log.add("never reached");
    guard.close();
  }
}
