package dev.fibered.functional;

import dev.fibered.Fibered;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fibers for the ticker-driven preemption tests; the spinner is {@link CorpusMultiThreaded#spin}.
 */
final class CorpusTicker {
  private CorpusTicker() {}

  @Fibered
  static void stop(AtomicBoolean stop) {
    stop.set(true);
  }

  /** Runs plain code in a fiber's slice. */
  @Fibered
  static void inSlice(Runnable action) {
    action.run();
  }

  /**
   * Spins until it has seen another fiber run {@code turns} times: each time the last name written
   * to {@code last} is another's, it records a turn. Two of these on one carrier end only if
   * preemption interleaves them.
   */
  @Fibered
  static int takeTurns(String name, int turns, AtomicReference<String> last, List<String> trace) {
    int seen = 0;
    while (seen < turns) {
      String before = last.getAndSet(name);
      if (before != null && !before.equals(name)) {
        Trace.record(trace, name + seen);
        seen++;
      }
    }
    return seen;
  }
}
