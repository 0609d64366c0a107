package dev.fibered;

/**
 * The machine of {@link Select#select()}, written by hand to the contract of generated {@code
 * FooFibers} classes, so that {@code @Fibered} code that calls it suspends only its own fiber while
 * it waits. Not meant to be called by hand.
 */
public final class SelectFibers {
  private SelectFibers() {}

  /**
   * The machine of {@link Select#select()}.
   *
   * @param self the select
   * @return an unstarted machine
   */
  public static Machine<Select.Case<?>> select$machine(Select self) {
    return new SelectMachine(self);
  }

  /**
   * Holding every case's channel monitor, completes the first ready case, or parks the fiber with
   * a waiter on every case, all sharing one {@link Select.Round}; woken, it reads which case won
   * the round (or claims it for nobody: the time ran out) and withdraws the others.
   */
  private static final class SelectMachine extends Machine<Select.Case<?>> {
    private final Select select;

    /** The round the fiber waits in, or null before it waits and once it is over. */
    private Select.Round round;

    SelectMachine(Select select) {
      this.select = receiver(select);
    }

    @Override
    protected Object resume() {
      if (round == null) {
        select.begin();
        return select.locked(this::readyOrWait);
      }
      Select.Round over = round;
      round = null;
      if (over.giveUp()) {
        withdraw(null); // the time ran out before any case was ready
        return null;
      }
      Channel.Waiter<?> winner = over.winner();
      withdraw(winner);
      for (Select.Case<?> c : select.cases()) {
        if (c.waiting == winner) {
          return outcome(c);
        }
      }
      throw new IllegalStateException(select + " was won by a waiter of none of its cases");
    }

    /** Holds every case's channel monitor: the first ready case wins now, else the fiber waits. */
    private Object readyOrWait() {
      Select.Case<?> ready = select.firstReady();
      long timeout = select.timeoutNanos();
      if (ready != null || timeout == 0) {
        return ready;
      }
      Scheduler scheduler = fiber.scheduler();
      Select.Round waiting = new Select.Round();
      long park = scheduler.park(fiber); // before any waiter is visible to a waker
      Scheduler.Timer timer =
          timeout > 0 ? scheduler.wakeAt(fiber, park, scheduler.deadlineIn(timeout)) : null;
      for (Select.Case<?> c : select.cases()) {
        enqueue(c, waiting, park, timer);
      }
      round = waiting;
      return SUSPEND;
    }

    private <T> void enqueue(Select.Case<T> c, Select.Round waiting, long park, Scheduler.Timer timer) {
      Channel.Waiter<T> w = new Channel.Waiter<>(fiber, c.toSend(), waiting);
      w.park = park;
      w.timer = timer;
      c.waiting = w;
      if (c.kind == Select.Kind.SEND) {
        c.channel.addSender(w);
      } else {
        c.channel.addReceiver(w);
      }
    }

    /** The winning case's outcome, read under its channel's monitor, where the waker wrote it. */
    private static <T> Select.Case<?> outcome(Select.Case<T> c) {
      Channel.Waiter<T> w = c.waiting;
      c.waiting = null;
      synchronized (c.channel.lock()) {
        if (!w.closed) {
          return c.won(c.kind == Select.Kind.SEND ? c.toSend() : w.value);
        }
      }
      if (c.kind == Select.Kind.RECEIVE_OR_NULL) {
        return c.won(null);
      }
      String op = c.kind == Select.Kind.SEND ? "send" : "receive";
      throw new ChannelClosedException(c.channel + " was closed while a select waited to " + op);
    }

    /** Takes every case's waiter but the winner's out of its channel's queue. */
    private void withdraw(Channel.Waiter<?> winner) {
      for (Select.Case<?> c : select.cases()) {
        if (c.waiting != null && c.waiting != winner) {
          forget(c);
        }
      }
    }

    private static <T> void forget(Select.Case<T> c) {
      c.channel.forget(c.waiting);
      c.waiting = null;
    }

    @Override
    void abandon() {
      Select.Round over = round;
      if (over == null) {
        return;
      }
      round = null;
      if (over.giveUp()) {
        withdraw(null); // no case can win from now on
        return;
      }
      Channel.Waiter<?> winner = over.winner();
      withdraw(winner);
      for (Select.Case<?> c : select.cases()) {
        if (c.waiting == winner) {
          giveBack(c);
        }
      }
    }

    /** Cancelled after a sender handed the winning receive case a value: the value goes on. */
    private static <T> void giveBack(Select.Case<T> c) {
      Channel.Waiter<T> w = c.waiting;
      c.waiting = null;
      if (c.kind == Select.Kind.SEND) {
        return; // its value was taken: delivered, as a cancelled plain send's would be
      }
      synchronized (c.channel.lock()) {
        if (w.done && !w.closed) {
          c.channel.giveBack(w.value);
        }
      }
    }
  }
}
