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

  /** Takes the lock; an unlock hands it over, the new owner set before the fiber runs. */
  private static final class LockMachine extends TicketMachine<Void> {
    private final Lock lock;

    LockMachine(Lock lock) {
      super(-1);
      this.lock = receiver(lock);
    }

    @Override
    Object lock() {
      return lock.monitor();
    }

    @Override
    boolean tryNow() {
      return lock.tryLock();
    }

    @Override
    WaitQueue.Ticket park(long timeoutNanos) {
      return lock.waitForLock(fiber);
    }

    @Override
    void giveBack() {
      if (lock.owner() == fiber) {
        lock.release(); // cancelled after the lock was handed to it: the lock goes on
      }
    }
  }
}
