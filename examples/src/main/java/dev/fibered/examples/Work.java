package dev.fibered.examples;

import java.time.Duration;

/** Stand-ins for real work in the examples. */
public final class Work {
  private Work() {}

  /**
   * Keeps the CPU busy for about {@code duration}: unlike {@code Thread.sleep}, this is the kind
   * of work that never gives the thread back on its own, which is what time slices are for.
   */
  public static long spin(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    return spins;
  }
}
