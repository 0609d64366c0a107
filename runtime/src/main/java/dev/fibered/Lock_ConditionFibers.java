package dev.fibered;

/**
 * The machine of {@link Lock.Condition#await()}, written by hand to the contract of generated
 * {@code FooFibers} classes (a nested host {@code Lock.Condition} gives {@code
 * Lock_ConditionFibers}). Not meant to be called by hand.
 */
public final class Lock_ConditionFibers {
  private Lock_ConditionFibers() {}

  /**
   * The machine of {@link Lock.Condition#await()}.
   *
   * @param self the condition
   * @return an unstarted machine
   */
  public static Machine<Void> await$machine(Lock.Condition self) {
    return new AwaitMachine(self);
  }

  /** Gives up the lock, waits for a signal, then waits for the lock and restores its holds. */
  private static final class AwaitMachine extends Machine<Void> {
    private final Lock.Condition condition;
    private int state;
    private int holds;
    private WaitQueue.Ticket relock;
    private WaitQueue.Ticket signal;

    AwaitMachine(Lock.Condition condition) {
      this.condition = receiver(condition);
    }

    @Override
    protected Object resume() {
      Lock lock = condition.lock();
      synchronized (lock.monitor()) { // a signal or an unlock on another carrier sees each step whole
        return step(lock);
      }
    }

    private Object step(Lock lock) {
      switch (state) {
        case 0:
          condition.checkHeld();
          holds = lock.release();
          signal = condition.waitForSignal(fiber);
          state = 1;
          return SUSPEND;
        case 1: // signalled: take the lock back
          if (lock.tryLock()) {
            return restore(lock);
          }
          relock = lock.waitForLock(fiber);
          state = 2;
          return SUSPEND;
        default: // the unlock that woke this fiber made it the owner
          return restore(lock);
      }
    }

    private Object restore(Lock lock) {
      lock.take(fiber, holds);
      return null;
    }

    @Override
    void abandon() {
      synchronized (condition.lock().monitor()) {
        abandonWait();
      }
    }

    private void abandonWait() {
      if (state == 1 && signal.granted) {
        condition.passOn(); // cancelled after a signal chose it: the signal goes on
      } else if (state == 1) {
        signal.abandoned = true;
      }
      if (state == 2 && relock.granted && condition.lock().owner() == fiber) {
        condition.lock().release(); // cancelled after the lock was handed back: it goes on
      } else if (state == 2) {
        relock.abandoned = true;
      }
    }
  }
}
