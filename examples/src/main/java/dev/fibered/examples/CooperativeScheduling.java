package dev.fibered.examples;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;

/**
 * greenlet_fiber's "cooperative scheduling": each fiber offers to switch after every step with
 * {@link Fiber#yield()}, which switches only once the time slice is spent (greenlet_fiber's {@code
 * schedule()}). With a 10 ms slice and 20 ms steps, every offer is taken: a, b, a, b...
 */
public final class CooperativeScheduling {
  private CooperativeScheduling() {}

  @Fibered
  static void niceFunction(String name, int steps, Duration step) {
    for (int i = 0; i < steps; i++) {
      Log.line(name + " " + i);
      Work.spin(step);
      Fiber.yield(); // give the other fibers a chance to run
    }
  }

  public static void main(String[] args) {
    run(10, Duration.ofMillis(20), Duration.ofMillis(10));
  }

  static void run(int steps, Duration step, Duration slice) {
    Scheduler scheduler = Scheduler.builder().timeSlice(slice).build();
    scheduler.spawn(CooperativeSchedulingFibers.niceFunction("a", steps, step));
    scheduler.spawn(CooperativeSchedulingFibers.niceFunction("b", steps, step));
    scheduler.run();
  }
}
