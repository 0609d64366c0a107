package example;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spawns a heavy job, then a light one, on one thread. The heavy one runs first and never yields,
 * yet the light one finishes first: the heavy loop is preempted at the end of every 1 ms slice.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Scheduler scheduler = Scheduler.builder().timeSlice(Duration.ofMillis(1)).build();
    List<String> finished = new ArrayList<>();
    Fiber<Long> heavy = scheduler.spawn(JobsFibers.job("heavy", 20_000_000L, finished));
    Fiber<Long> light = scheduler.spawn(JobsFibers.job("light", 1_000L, finished));
    scheduler.run();
    System.out.println("heavy: sum(1..20000000) = " + heavy.result());
    System.out.println("light: sum(1..1000) = " + light.result());
    System.out.println("finish order: " + finished);
  }
}
