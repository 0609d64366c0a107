package dev.fibered.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoopsTest {
  @Test
  void sumMatchesTheDirectCall() {
    Scheduler s = Scheduler.builder().timeSlice(Duration.ofNanos(1)).build();
    Fiber<Long> f = s.spawn(LoopsFibers.sum(1000));
    s.run();
    assertEquals(Loops.sum(1000), f.result());
  }
}
