package dev.fibered;

import java.time.Duration;

/**
 * The machines of {@link Semaphore#acquire()} and {@link Semaphore#tryAcquire(Duration)}, written
 * by hand to the contract of generated {@code FooFibers} classes. Not meant to be called by hand.
 */
public final class SemaphoreFibers {
  private SemaphoreFibers() {}

  /**
   * The machine of {@link Semaphore#acquire()}.
   *
   * @param self the semaphore
   * @return an unstarted machine
   */
  public static Machine<Void> acquire$machine(Semaphore self) {
    return new AcquireMachine<>(self, -1);
  }

  /**
   * The machine of {@link Semaphore#tryAcquire(Duration)}.
   *
   * @param self the semaphore
   * @param timeout how long to wait at most
   * @return an unstarted machine
   */
  public static Machine<Boolean> tryAcquire$machine(Semaphore self, Duration timeout) {
    return new AcquireMachine<>(self, Math.max(0, Fiber.saturatedNanos(timeout)));
  }

  /** Takes a permit; with a timeout (not negative), returns whether it got one in time. */
  private static final class AcquireMachine<R> extends TicketMachine<R> {
    private final Semaphore semaphore;

    AcquireMachine(Semaphore semaphore, long timeoutNanos) {
      super(timeoutNanos);
      this.semaphore = receiver(semaphore);
    }

    @Override
    Object lock() {
      return semaphore.lock();
    }

    @Override
    boolean tryNow() {
      return semaphore.tryAcquire();
    }

    @Override
    WaitQueue.Ticket park(long timeoutNanos) {
      return semaphore.park(fiber, timeoutNanos);
    }

    @Override
    void giveBack() {
      semaphore.release(); // cancelled after a release chose it: the permit goes on
    }
  }
}
