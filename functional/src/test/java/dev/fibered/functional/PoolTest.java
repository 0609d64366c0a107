package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Pool;
import dev.fibered.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Pool} and {@link Fiber#joinAll}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolTest {

  @Test
  void aPoolRunsAtMostItsSizeAndItsJoinWaitsForAll() {
    Scheduler s = Scheduler.create();
    Pool pool = new Pool(s, 2);
    int[] inside = {0, 0};
    List<String> log = new ArrayList<>();
    s.spawn(CorpusPoolFibers.boss(pool, 7, inside, log));
    s.run();
    assertEquals(2, inside[1], "two at once, never more");
    assertEquals("boss:joined 0", log.get(log.size() - 1));
    assertEquals(7, log.stream().filter(e -> e.endsWith(":in")).count());
    assertTrue(log.indexOf("boss:spawned all") > log.indexOf("w4:in"), "the boss waited for slots");
    assertEquals(2, pool.freeCount());
    assertEquals(0, pool.runningCount());
  }

  @Test
  void fromPlainCodeAFullPoolRefusesAndJoinDrivesTheScheduler() {
    Scheduler s = Scheduler.create();
    Pool pool = new Pool(s, 1);
    int[] inside = {0, 0};
    List<String> log = new ArrayList<>();
    Fiber<Void> first = pool.spawn(CorpusPoolFibers.worker("a", inside, log));
    assertEquals(0, pool.freeCount());
    IllegalStateException full =
        assertThrows(IllegalStateException.class, () -> pool.spawn(CorpusPoolFibers.worker("b", inside, log)));
    assertTrue(full.getMessage().contains("would wait"), full.getMessage());
    pool.join();
    assertTrue(first.isDone());
    assertEquals(1, pool.freeCount());
    assertThrows(IllegalArgumentException.class, () -> new Pool(s, 0));
  }

  @Test
  void joinAllWaitsForEveryFiber() {
    Scheduler s = Scheduler.create();
    List<String> log = new ArrayList<>();
    Fiber<Integer> gather = s.spawn(CorpusPoolFibers.gather(log));
    s.run();
    assertEquals((15 + 10 + 5) * 10, gather.result());
    assertEquals(List.of("child 5", "child 10", "child 15", "all joined"), log);
  }
}
