package dev.fibered.benchmarks;

import dev.fibered.Fiber;
import dev.fibered.Preemption;
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
 * compiled-in checks and of running as a state machine. Each fiber runs twice: under the default
 * counting preemption ({@code ...Fiber}) and under {@link Preemption#TICKER} ({@code
 * ...FiberTicker}), whose checks read a flag instead of counting.
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

  @Param({"64"})
  int bodies;

  private int[] data;
  private double[][] plainBodies;
  private double[][] fiberBodies;
  private Scheduler scheduler;
  private Scheduler tickerScheduler;

  @Setup
  public void setUp() {
    data = new Random(42).ints(size, 0, 1000).toArray();
    scheduler = Scheduler.create();
    tickerScheduler = Scheduler.builder().preemption(Preemption.TICKER).build();
    plainBodies = Kernels.bodies(bodies, 42);
    fiberBodies = Kernels.bodies(bodies, 42);
  }

  /** Each kernel's fiber gives the plain method's answer; throws if one does not. */
  public static void checkAnswers() {
    CheckOverhead state = new CheckOverhead();
    state.size = 1000;
    state.fibN = 15;
    state.bodies = 8;
    state.setUp();
    for (int step = 0; step < 3; step++) {
      same("arraySum", state.arraySumPlain(), state.arraySumFiber());
      same("fib", state.fibPlain(), state.fibFiber());
      same("nbody", state.nbodyPlain(), state.nbodyFiber());
    }
    state.setUp();
    for (int step = 0; step < 3; step++) {
      same("arraySum", state.arraySumPlain(), state.arraySumFiberTicker());
      same("fib", state.fibPlain(), state.fibFiberTicker());
      same("nbody", state.nbodyPlain(), state.nbodyFiberTicker());
    }
  }

  private static void same(String kernel, double plain, double fiber) {
    if (Double.compare(plain, fiber) != 0) {
      throw new AssertionError(kernel + ": the fiber gave " + fiber + ", the plain method " + plain);
    }
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
  public long arraySumFiberTicker() {
    Fiber<Long> f = tickerScheduler.spawn(KernelsFibers.arraySum(data));
    tickerScheduler.run();
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

  @Benchmark
  public long fibFiberTicker() {
    Fiber<Long> f = tickerScheduler.spawn(KernelsFibers.fib(fibN));
    tickerScheduler.run();
    return f.result();
  }

  @Benchmark
  public double nbodyPlain() {
    return Kernels.nbodyStep(plainBodies[0], plainBodies[1], plainBodies[2], 0.001);
  }

  @Benchmark
  public double nbodyFiber() {
    Fiber<Double> f = scheduler.spawn(
        KernelsFibers.nbodyStep(fiberBodies[0], fiberBodies[1], fiberBodies[2], 0.001));
    scheduler.run();
    return f.result();
  }

  @Benchmark
  public double nbodyFiberTicker() {
    Fiber<Double> f = tickerScheduler.spawn(
        KernelsFibers.nbodyStep(fiberBodies[0], fiberBodies[1], fiberBodies[2], 0.001));
    tickerScheduler.run();
    return f.result();
  }
}
