package example;

import dev.fibered.Fibered;
import java.util.List;

/** Work to run as fibers; the Fibered processor writes {@code JobsFibers} beside this class. */
public final class Jobs {
  private Jobs() {}

  /** Sums 1..n. Never yields: the check compiled onto the loop's back-edge time-slices it. */
  @Fibered
  static long sum(long n) {
    long s = 0;
    for (long i = 1; i <= n; i++) {
      s += i;
    }
    return s;
  }

  /**
   * Calls another {@code @Fibered} method (a switch point: {@code sum} runs inside this fiber and
   * is preempted with it), then records that this job finished.
   */
  @Fibered
  static long job(String name, long n, List<String> finished) {
    long s = sum(n);
    finished.add(name);
    return s;
  }
}
