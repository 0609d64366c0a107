package dev.fibered.benchmarks;

import dev.fibered.Fiber;
import dev.fibered.Scheduler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one call from fibered code to a tiny {@code @Fibered} method costs, by how the callee is
 * found: a static method (the machine is created directly), an overridable method called on an
 * instance of its own class (one {@code getClass()} comparison, then directly), and an override
 * called through the base type (the runtime's {@code Dispatch}: a {@code ClassValue} lookup and
 * an argument array). Beside them, the same loop of plain virtual calls. Each operation is one
 * call; a fiber makes {@link #CALLS} of them, so the scheduler's set-up is spread thin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DispatchCost {
  static final int CALLS = 10_000;

  private final Steppers.Base base = new Steppers.Base();
  private final Steppers.Base derived = new Steppers.Derived();
  private Scheduler scheduler;

  @Setup
  public void setUp() {
    scheduler = Scheduler.create();
  }

  /** Each fiber gives the plain loop's answer; throws if one does not. */
  public static void checkAnswers() {
    DispatchCost state = new DispatchCost();
    state.setUp();
    same("static", Steppers.callPlain(state.base, CALLS), state.staticCall());
    same("own class", Steppers.callPlain(state.base, CALLS), state.ownClass());
    same("override", Steppers.callPlain(state.derived, CALLS), state.override());
  }

  private static void same(String call, long plain, long fiber) {
    if (plain != fiber) {
      throw new AssertionError(call + ": the fiber gave " + fiber + ", the plain loop " + plain);
    }
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long plainVirtual() {
    return Steppers.callPlain(derived, CALLS);
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long staticCall() {
    return run(SteppersFibers.callStatic(CALLS));
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long ownClass() {
    return run(SteppersFibers.callVirtual(base, CALLS));
  }

  @Benchmark
  @OperationsPerInvocation(CALLS)
  public long override() {
    return run(SteppersFibers.callVirtual(derived, CALLS));
  }

  private long run(Fiber<Long> fiber) {
    scheduler.spawn(fiber);
    scheduler.run();
    return fiber.result();
  }
}
