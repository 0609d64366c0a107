package dev.fibered.examples;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;

/**
 * A CPU-bound fiber does not hold up a short one: with a 10 ms slice, the short sum finishes
 * within the heavy sum's first slice, long before the heavy one is done.
 */
public final class HeavyAndLight {
  private HeavyAndLight() {}

  @Fibered
  static long sum(String name, long n) {
    long s = 0;
    for (long i = 0; i < n; i++) {
      s += i; // a check is inserted on this back-edge
    }
    Log.line(name + " done: " + s);
    return s;
  }

  public static void main(String[] args) {
    run(400_000_000L, Duration.ofMillis(10));
  }

  static void run(long heavy, Duration slice) {
    Scheduler scheduler = Scheduler.builder().timeSlice(slice).build();
    Fiber<Long> a = scheduler.spawn(HeavyAndLightFibers.sum("heavy", heavy));
    Fiber<Long> b = scheduler.spawn(HeavyAndLightFibers.sum("light", 10));
    scheduler.run();
    Log.line("results: heavy=" + a.result() + ", light=" + b.result());
  }
}
