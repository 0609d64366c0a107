package dev.fibered.functional;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Pool;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;

/** A bounded pool of workers, and waiting for many fibers at once. */
final class CorpusPool {
  private CorpusPool() {}

  /** Holds its slot across two switches, recording how many workers run at once. */
  @Fibered
  static void worker(String name, int[] inside, List<String> log) {
    inside[0]++;
    inside[1] = Math.max(inside[1], inside[0]);
    log.add(name + ":in");
    Fiber.yieldNow();
    Fiber.yieldNow();
    inside[0]--;
  }

  /** Spawns n workers through the pool (waiting while it is full), then waits for all. */
  @Fibered
  static void boss(Pool pool, int n, int[] inside, List<String> log) {
    for (int i = 0; i < n; i++) {
      pool.spawn(CorpusPoolFibers.worker("w" + i, inside, log));
    }
    log.add("boss:spawned all");
    pool.join();
    log.add("boss:joined " + inside[0]);
  }

  /** Spawns three children that sleep different times, waits for all, sums their results. */
  @Fibered
  static int gather(List<String> log) {
    Scheduler scheduler = Scheduler.current();
    List<Fiber<Integer>> kids = new ArrayList<>();
    for (int i = 3; i >= 1; i--) {
      kids.add(scheduler.spawn(CorpusWaitsFibers.child(i * 5, log)));
    }
    Fiber.joinAll(kids);
    log.add("all joined");
    int sum = 0;
    for (Fiber<Integer> kid : kids) {
      int r = kid.result();
      sum += r;
    }
    return sum;
  }
}
