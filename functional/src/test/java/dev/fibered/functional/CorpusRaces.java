package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.time.Duration;
import java.util.List;

/** Code whose outcome depends on the interleaving, for the deterministic scheduler. */
final class CorpusRaces {
  private CorpusRaces() {}

  /** A planted race: read, maybe switch, write back. Two of these can lose an update. */
  @Fibered
  static void racyIncrement(int[] counter) {
    int seen = counter[0];
    Fiber.yield();
    counter[0] = seen + 1;
  }

  /** Logs its steps; where others' steps fall in between depends on the interleaving. */
  @Fibered
  static void steps(String name, int n, List<String> log) {
    for (int i = 0; i < n; i++) {
      log.add(name + i);
    }
  }

  @Fibered
  static void sleepThenLog(String name, long hours, List<String> log) {
    Fiber.sleep(Duration.ofHours(hours));
    log.add(name);
  }
}
