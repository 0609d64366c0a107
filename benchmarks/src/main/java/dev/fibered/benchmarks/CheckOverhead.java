package dev.fibered.benchmarks;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same kernel as a plain method and as a fiber (alone on a scheduler with the default 10 ms
 * slice, so checks run but never switch), in one run. The ratio fiber/plain is the cost of the
 * compiled-in checks and of running as a state machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CheckOverhead {
  @Param({"100000"})
  int size;

  @Param({"20"})
  int fibN;

  private int[] data;
  private Scheduler scheduler;

  @Setup
  public void setUp() {
    data = new Random(42).ints(size, 0, 1000).toArray();
    scheduler = Scheduler.create();
  }

  @Benchmark
  public long arraySumPlain() {
    return Kernels.arraySum(data);
  }

  @Benchmark
  public long arraySumFiber() {
    Fiber<Long> f = scheduler.spawn(KernelsFibers.arraySum(data));
    scheduler.run();
    return f.result();
  }

  @Benchmark
  public long fibPlain() {
    return Kernels.fib(fibN);
  }

  @Benchmark
  public long fibFiber() {
    Fiber<Long> f = scheduler.spawn(KernelsFibers.fib(fibN));
    scheduler.run();
    return f.result();
  }
}
