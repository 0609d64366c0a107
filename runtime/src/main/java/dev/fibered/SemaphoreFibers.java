package dev.fibered;

/**
 * The machine of {@link Semaphore#acquire()}, written by hand to the contract of generated {@code
 * FooFibers} classes. Not meant to be called by hand.
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
    return new AcquireMachine(self);
  }

  private static final class AcquireMachine extends Machine<Void> {
    private final Semaphore semaphore;
    private WaitQueue.Ticket ticket;

    AcquireMachine(Semaphore semaphore) {
      this.semaphore = receiver(semaphore);
    }

    @Override
    protected Object resume() {
      if (ticket != null || semaphore.tryAcquire()) {
        return null; // a release handed this fiber its permit before waking it
      }
      ticket = semaphore.park(fiber);
      return SUSPEND;
    }

    @Override
    void abandon() {
      if (ticket != null && ticket.granted) {
        semaphore.release(); // cancelled after a release chose it: the permit goes on
      }
    }
  }
}
