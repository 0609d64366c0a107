package dev.fibered;

/**
 * The machine of {@link Lock#lock()}, written by hand to the contract of generated {@code
 * FooFibers} classes. Not meant to be called by hand.
 */
public final class LockFibers {
  private LockFibers() {}

  /**
   * The machine of {@link Lock#lock()}.
   *
   * @param self the lock
   * @return an unstarted machine
   */
  public static Machine<Void> lock$machine(Lock self) {
    return new LockMachine(self);
  }

  private static final class LockMachine extends Machine<Void> {
    private final Lock lock;
    private WaitQueue.Ticket ticket;

    LockMachine(Lock lock) {
      this.lock = receiver(lock);
    }

    @Override
    protected Object resume() {
      if (ticket != null || lock.tryLock()) {
        return null; // the unlock that woke this fiber made it the owner
      }
      ticket = lock.waitForLock(fiber);
      return SUSPEND;
    }

    @Override
    void abandon() {
      if (ticket != null && ticket.granted && lock.owner() == fiber) {
        lock.release(); // cancelled after the lock was handed to it: the lock goes on
      }
    }
  }
}
