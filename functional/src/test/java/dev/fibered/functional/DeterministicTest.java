package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Scheduler;
import dev.fibered.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deterministic scheduler: the seed alone decides the interleaving, time is virtual, and
 * {@link Seeds} finds a planted race and replays it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeterministicTest {
  /** Two racy increments: the test fails when an update is lost. */
  private static final Consumer<Scheduler> TWO_INCREMENTS =
      scheduler -> {
        int[] counter = {0};
        scheduler.spawn(CorpusRacesFibers.racyIncrement(counter));
        scheduler.spawn(CorpusRacesFibers.racyIncrement(counter));
        scheduler.run();
        assertEquals(2, counter[0], "lost update");
      };

  private static List<String> interleaving(long seed) {
    Scheduler scheduler = Scheduler.builder().deterministic(seed).build();
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusRacesFibers.steps("a", 30, log));
    scheduler.spawn(CorpusRacesFibers.steps("b", 30, log));
    scheduler.spawn(CorpusRacesFibers.steps("c", 30, log));
    scheduler.run();
    return log;
  }

  @Test
  void theSameSeedGivesTheSameInterleaving() {
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(interleaving(seed), interleaving(seed), "seed " + seed);
    }
  }

  @Test
  void differentSeedsExploreDifferentInterleavings() {
    Set<List<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      seen.add(interleaving(seed));
    }
    assertTrue(seen.size() > 10, seen.size() + " distinct interleavings in 20 seeds");
  }

  @Test
  void aPlantedRaceIsFoundByItsSeedAndReplays() {
    OptionalLong failing = Seeds.findFailing(0, 500, TWO_INCREMENTS);
    assertTrue(failing.isPresent(), "no seed in 500 lost an update");
    long seed = failing.getAsLong();
    for (int replay = 0; replay < 3; replay++) {
      assertThrows(AssertionError.class, () -> TWO_INCREMENTS.accept(Seeds.scheduler(seed)));
    }
    AssertionError reported =
        assertThrows(AssertionError.class, () -> Seeds.check(0, 500, TWO_INCREMENTS));
    assertTrue(
        reported.getMessage().startsWith("failed with seed " + seed + " "), reported.getMessage());
    assertTrue(reported.getMessage().contains("deterministic(" + seed + "L)"), reported.getMessage());
  }

  @Test
  void seedsWithoutTheRacePass() {
    OptionalLong failing = Seeds.findFailing(0, 500, TWO_INCREMENTS);
    long passing = failing.getAsLong() == 0 ? 1 : 0;
    TWO_INCREMENTS.accept(Seeds.scheduler(passing));
    TWO_INCREMENTS.accept(Seeds.scheduler(passing));
  }

  @Test
  void virtualTimeLetsAnHourPassAtOnce() {
    Scheduler scheduler = Seeds.scheduler(7);
    List<String> log = new ArrayList<>();
    scheduler.spawn(CorpusRacesFibers.sleepThenLog("two hours", 2, log));
    scheduler.spawn(CorpusRacesFibers.sleepThenLog("one hour", 1, log));
    long start = System.nanoTime();
    scheduler.run();
    assertEquals(List.of("one hour", "two hours"), log);
    assertTrue(System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1), "slept in real time");
  }
}
