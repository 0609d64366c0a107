package dev.fibered.benchmarks;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two ways a loop check can learn that its slice is spent, in isolation (issue 4): counting
 * (a counter decremented at each check, the clock read when it runs out; what the runtime does)
 * against a ticker (a thread sets a volatile flag once per slice; the check only reads the flag;
 * greenlet_fiber's {@code setpreemptive}). The same array sum runs bare, with a counting check per
 * element, and with a flag check per element, in one run; the differences are the per-check cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CheckMechanism {
  @Param({"100000"})
  int size;

  private int[] data;

  /** The counting check's state, as in the runtime's fiber object. */
  private final Countdown countdown = new Countdown();

  /** Set by the ticker thread once per slice (1 ms here). */
  private volatile boolean sliceSpent;

  private ScheduledExecutorService ticker;

  static final class Countdown {
    int left = 1;
    int stride = 1;
    long clockReads;
  }

  @Setup(Level.Trial)
  public void setUp() {
    data = new Random(42).ints(size, 0, 1000).toArray();
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ticker");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> sliceSpent = true, 1, 1, TimeUnit.MILLISECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ticker.shutdownNow();
  }

  @Benchmark
  public long bare() {
    long s = 0;
    for (int x : data) {
      s += x;
    }
    return s;
  }

  @Benchmark
  public long counting() {
    long s = 0;
    Countdown c = countdown;
    for (int x : data) {
      s += x;
      if (--c.left <= 0) {
        slowPath(c);
      }
    }
    return s;
  }

  @Benchmark
  public long ticker() {
    long s = 0;
    for (int x : data) {
      s += x;
      if (sliceSpent) {
        sliceSpent = false; // here a fiber would switch
      }
    }
    return s;
  }

  /** The clock read when the counter runs out, with the runtime's stride cap. */
  private static void slowPath(Countdown c) {
    c.clockReads += System.nanoTime() & 1;
    c.stride = Math.min(4096, c.stride * 2);
    c.left = c.stride;
  }
}
