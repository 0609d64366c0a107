package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobsTest {
  @Test
  void lightJobFinishesBeforeHeavyOneThatNeverYields() {
    Scheduler scheduler = Scheduler.builder().timeSlice(Duration.ofMillis(1)).build();
    List<String> finished = new ArrayList<>();
    Fiber<Long> heavy = scheduler.spawn(JobsFibers.job("heavy", 20_000_000L, finished));
    Fiber<Long> light = scheduler.spawn(JobsFibers.job("light", 1_000L, finished));
    scheduler.run();

    assertEquals(List.of("light", "heavy"), finished);
    assertEquals(Jobs.sum(20_000_000L), heavy.result()); // called directly: a plain method
    assertEquals(500_500L, light.result());
  }
}
