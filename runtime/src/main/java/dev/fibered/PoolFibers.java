package dev.fibered;

/**
 * The machines of {@link Pool#spawn} and {@link Pool#join()}, written by hand to the contract of
 * generated {@code FooFibers} classes. Not meant to be called by hand.
 */
public final class PoolFibers {
  private PoolFibers() {}

  /**
   * The machine of {@link Pool#spawn}.
   *
   * @param <T> the fiber's result type
   * @param self the pool
   * @param fiber the fiber to spawn
   * @return an unstarted machine
   */
  public static <T> Machine<Fiber<T>> spawn$machine(Pool self, Fiber<T> fiber) {
    return new SpawnMachine<>(self, fiber);
  }

  /**
   * The machine of {@link Pool#join()}.
   *
   * @param self the pool
   * @return an unstarted machine
   */
  public static Machine<Void> join$machine(Pool self) {
    return new JoinMachine(self);
  }

  private static final class SpawnMachine<T> extends Machine<Fiber<T>> {
    private final Pool pool;
    private final Fiber<T> fiber;
    private WaitQueue.Ticket ticket;

    SpawnMachine(Pool pool, Fiber<T> fiber) {
      this.pool = receiver(pool);
      this.fiber = java.util.Objects.requireNonNull(fiber, "fiber");
    }

    @Override
    protected Object resume() {
      if (ticket != null || pool.tryTakeSlot()) {
        return pool.start(fiber); // a freed slot was handed to this fiber before it was woken
      }
      ticket = pool.waitForSlot(super.fiber);
      return SUSPEND;
    }

    @Override
    void abandon() {
      if (ticket != null && ticket.granted) {
        pool.giveBackSlot(); // cancelled after a slot was handed to it: the slot goes on
      }
    }
  }

  /** Waits until the pool has no running fiber; spawns while it waits extend the wait. */
  private static final class JoinMachine extends Machine<Void> {
    private final Pool pool;

    JoinMachine(Pool pool) {
      this.pool = receiver(pool);
    }

    @Override
    protected Object resume() {
      if (pool.isIdle()) {
        return null;
      }
      pool.waitUntilIdle(fiber);
      return SUSPEND;
    }
  }
}
