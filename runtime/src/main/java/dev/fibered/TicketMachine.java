package dev.fibered;

/**
 * The shape of the runtime's machines that wait in a {@link WaitQueue}: take what they want at
 * once if they can, else park with a ticket (with a time limit, or none) until a wake-up hands it
 * over; if the fiber is cancelled after the hand-over and before it ran, give it back.
 *
 * @param <R> the result: a Boolean for a timed wait, else what {@link #acquired()} returns
 */
abstract class TicketMachine<R> extends Machine<R> {
  /** The time limit in nanoseconds, or negative for none. */
  private final long timeoutNanos;

  private WaitQueue.Ticket ticket;

  TicketMachine(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * The monitor of the primitive's {@link WaitQueue}: held while trying, parking, giving up and
   * abandoning, so that a waker on another carrier sees each as one step.
   */
  abstract Object lock();

  /** Takes what the machine waits for if that needs no wait. */
  abstract boolean tryNow();

  /** Parks the running fiber in the right queue. */
  abstract WaitQueue.Ticket park(long timeoutNanos);

  /** The result once the fiber holds what it waited for (also after a hand-over). */
  Object acquired() {
    return timeoutNanos >= 0 ? Boolean.TRUE : null;
  }

  /** Passes on what was handed over to a fiber cancelled before it could run; nothing by default. */
  void giveBack() {}

  @Override
  protected final Object resume() {
    if (ticket == null) {
      synchronized (lock()) {
        if (!tryNow()) {
          ticket = park(timeoutNanos);
          return SUSPEND;
        }
      }
      return acquired();
    }
    synchronized (lock()) {
      if (!ticket.granted) {
        ticket.giveUp(); // the time ran out
        return Boolean.FALSE;
      }
    }
    return acquired(); // the wake-up handed it over before waking this fiber
  }

  @Override
  final void abandon() {
    if (ticket == null) {
      return;
    }
    synchronized (lock()) {
      if (ticket.granted) {
        giveBack();
      } else {
        ticket.abandoned = true; // no waker may grant it from now on
      }
    }
  }
}
