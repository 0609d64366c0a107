package dev.fibered.examples;

import dev.fibered.Fibered;
import dev.fibered.Scheduler;
import java.time.Duration;

/**
 * greenlet_fiber's "preemptive scheduling": {@code badFunction} never yields, yet the two fibers
 * still take turns. greenlet_fiber needs a SIGALRM timer ({@code setpreemptive}) or rewriting the
 * function ({@code wrap}, {@code inject}) for that; here the processor put a scheduling check on
 * the loop's back-edge at compile time, and the check switches once the 10 ms slice is spent.
 */
public final class PreemptiveScheduling {
  private PreemptiveScheduling() {}

  @Fibered
  static void badFunction(String name, int steps, Duration step) {
    for (int i = 0; i < steps; i++) {
      Log.line(name + " " + i);
      Work.spin(step);
      // no yield: the check on this loop's back-edge preempts the fiber
    }
  }

  public static void main(String[] args) {
    run(10, Duration.ofMillis(20), Duration.ofMillis(10));
  }

  static void run(int steps, Duration step, Duration slice) {
    Scheduler scheduler = Scheduler.builder().timeSlice(slice).build();
    scheduler.spawn(PreemptiveSchedulingFibers.badFunction("a", steps, step));
    scheduler.spawn(PreemptiveSchedulingFibers.badFunction("b", steps, step));
    scheduler.run();
  }
}
