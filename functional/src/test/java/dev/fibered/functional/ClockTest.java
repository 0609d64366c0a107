package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Fiber#nanoTime()}: virtual time under a deterministic scheduler, real time otherwise. */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClockTest {
  private static final long HOUR = Duration.ofHours(1).toNanos();

  @Test
  void aOneHourSleepTakesOneHourOfVirtualTime() {
    for (long seed = 0; seed < 5; seed++) {
      Scheduler s = Scheduler.builder().deterministic(seed).build();
      Fiber<Long> slept = s.spawn(CorpusClockFibers.measureSleep(Duration.ofHours(1)));
      s.spawn(CorpusClockFibers.measureSleep(Duration.ofMinutes(30))); // another sleeper between
      Check.run(s);
      long nanos = slept.result();
      assertTrue(nanos >= HOUR && nanos < HOUR + 1_000_000, "slept " + nanos + " ns");
    }
  }

  @Test
  void aRealSchedulerReadsTheRealClock() {
    Scheduler s = Scheduler.create();
    Fiber<Long> slept = s.spawn(CorpusClockFibers.measureSleep(Duration.ofMillis(1)));
    Check.run(s);
    assertTrue(slept.result() >= 1_000_000, "slept " + slept.result() + " ns");
  }
}
