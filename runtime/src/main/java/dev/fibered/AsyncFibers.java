package dev.fibered;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The machines of {@link Async#await} and {@link Async#blocking}, written by hand to the contract
 * of generated {@code FooFibers} classes. Not meant to be called by hand.
 */
public final class AsyncFibers {
  private AsyncFibers() {}

  /**
   * The machine of {@link Async#await}.
   *
   * @param <T> the type of the value
   * @param stage the stage to wait for
   * @return an unstarted machine
   */
  public static <T> Machine<T> await$machine(CompletionStage<T> stage) {
    return new AwaitMachine<>(stage.toCompletableFuture());
  }

  /**
   * The machine of {@link Async#blocking}.
   *
   * @param <T> the type of the result
   * @param work the work to run on the blocking pool
   * @return an unstarted machine
   */
  public static <T> Machine<T> blocking$machine(Callable<T> work) {
    return new AwaitMachine<>(null, work);
  }

  /** Waits for a future without holding the scheduler's thread. */
  private static final class AwaitMachine<T> extends Machine<T> {
    private CompletableFuture<T> future;
    private final Callable<T> work;

    /**
     * Set while this machine's fiber counts as waiting outside; cleared exactly once, by the
     * completion's task or by a cancellation, which may run on two carriers at once: guarded by
     * this machine's monitor.
     */
    private boolean waitingOutside;

    AwaitMachine(CompletableFuture<T> future) {
      this(future, null);
    }

    AwaitMachine(CompletableFuture<T> future, Callable<T> work) {
      this.future = future;
      this.work = work;
    }

    @Override
    protected Object resume() {
      if (future == null) {
        future = Async.startBlocking(work); // started by the fiber, not by the factory
      }
      if (future.isDone()) {
        endOutsideWait();
        return Async.outcome(future);
      }
      Scheduler scheduler = fiber.scheduler();
      Fiber<?> me = fiber;
      long park = scheduler.park(me);
      scheduler.externalWaitBegins();
      synchronized (this) {
        waitingOutside = true;
      }
      future.whenComplete(
          (value, failure) ->
              scheduler.execute(
                  () -> {
                    endOutsideWait();
                    scheduler.wake(me, park);
                  }));
      return SUSPEND;
    }

    /** The fiber no longer waits outside: the completion arrived, or it was cancelled. */
    private void endOutsideWait() {
      synchronized (this) {
        if (!waitingOutside) {
          return;
        }
        waitingOutside = false;
      }
      fiber.scheduler().externalWaitEnds();
    }

    @Override
    void abandon() {
      endOutsideWait();
    }
  }
}
