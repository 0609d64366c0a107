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

  /** Spawns into a free slot; a freed slot is handed over before the waiting fiber runs. */
  private static final class SpawnMachine<T> extends TicketMachine<Fiber<T>> {
    private final Pool pool;
    private final Fiber<T> spawned;

    SpawnMachine(Pool pool, Fiber<T> spawned) {
      super(-1);
      this.pool = receiver(pool);
      this.spawned = java.util.Objects.requireNonNull(spawned, "fiber");
    }

    @Override
    Object lock() {
      return pool.slotLock();
    }

    @Override
    boolean tryNow() {
      return pool.tryTakeSlot();
    }

    @Override
    WaitQueue.Ticket park(long timeoutNanos) {
      return pool.waitForSlot(fiber);
    }

    @Override
    Object acquired() {
      return pool.start(spawned);
    }

    @Override
    void giveBack() {
      pool.giveBackSlot(); // cancelled after a slot was handed to it: the slot goes on
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
      return pool.parkUnlessIdle(fiber) ? SUSPEND : null;
    }
  }
}
