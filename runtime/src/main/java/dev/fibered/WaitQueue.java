package dev.fibered;

import java.util.ArrayDeque;

/**
 * Fibers parked on a synchronisation object, first come, first served. A fiber that stopped
 * waiting (it timed out, was cancelled, or ended) is skipped when it reaches the head, so it is
 * never handed anything.
 *
 * <p>Thread-safety: every method, and every read or write of a ticket's {@code granted} and
 * {@code abandoned}, happens while holding the monitor of {@link #lock} (the primitive's lock).
 * So whether a ticket is served or given up is decided once, under that lock, even when the
 * waker and the waiting fiber run on two carriers of a multi-threaded scheduler.
 */
final class WaitQueue {
  /** One wait of one fiber. */
  static final class Ticket {
    final Fiber<?> fiber;

    /** The queue the ticket waits in, or null for a join (the target's list). */
    WaitQueue owner;

    /** The timer of a timed wait, or null. */
    Scheduler.Timer timer;

    /** Which of the fiber's waits this is: a wake-up for another wait wakes nothing. */
    long park;

    /** Set when a wake-up chose this ticket (the fiber was handed what it waited for). */
    boolean granted;

    /** Set by the fiber itself when it stops waiting without being granted (a timeout). */
    boolean abandoned;

    Ticket(Fiber<?> fiber) {
      this.fiber = fiber;
    }

    /** Whether the fiber no longer waits on this ticket. */
    boolean gone() {
      return abandoned || fiber.stopsWaiting() || fiber.isDone();
    }

    /** Grants the ticket and wakes its fiber from this wait; its timer is dead from now on. */
    void grant() {
      granted = true;
      fiber.scheduler().cancelTimer(timer);
      fiber.scheduler().wake(fiber, park);
    }

    /** The fiber stops waiting without being granted (its time ran out): leave the queue now. */
    void giveUp() {
      abandoned = true;
      if (owner != null) {
        owner.tickets.remove(this);
      }
    }
  }

  private final ArrayDeque<Ticket> tickets = new ArrayDeque<>();

  /** The monitor that guards this queue: its own, or that of the primitive it belongs to. */
  final Object lock;

  /** A queue guarded by its own monitor. */
  WaitQueue() {
    this.lock = this;
  }

  /** A queue guarded by {@code lock}'s monitor (a lock's conditions share the lock's). */
  WaitQueue(Object lock) {
    this.lock = lock;
  }

  /**
   * Parks the running {@code fiber} at the back of the queue, until it is granted or, if {@code
   * timeoutNanos} is not negative, until that time has passed.
   */
  Ticket park(Fiber<?> fiber, long timeoutNanos) {
    Scheduler scheduler = fiber.scheduler();
    Ticket ticket = new Ticket(fiber);
    ticket.owner = this;
    tickets.addLast(ticket);
    ticket.park = scheduler.park(fiber);
    if (timeoutNanos >= 0) {
      ticket.timer = scheduler.wakeAt(fiber, ticket.park, scheduler.deadlineIn(timeoutNanos));
    }
    return ticket;
  }

  /** Parks the running {@code fiber} until it is granted. */
  Ticket park(Fiber<?> fiber) {
    return park(fiber, -1);
  }

  /** The first ticket still waiting, or null; throws, changing nothing, if it cannot be woken. */
  private Ticket peekLive() {
    while (!tickets.isEmpty() && tickets.peekFirst().gone()) {
      tickets.pollFirst();
    }
    Ticket first = tickets.peekFirst();
    if (first != null) {
      first.fiber.scheduler().checkCanWake();
    }
    return first;
  }

  /** Grants and wakes the first fiber still waiting; returns false if there is none. */
  boolean wakeFirst() {
    Ticket first = peekLive();
    if (first == null) {
      return false;
    }
    tickets.pollFirst();
    first.grant();
    return true;
  }

  /**
   * Grants the first fiber still waiting, running {@code handOver} first (to give it what it
   * waited for before it can run), and wakes it; returns false if there is none.
   */
  boolean grantFirst(java.util.function.Consumer<Ticket> handOver) {
    Ticket first = peekLive();
    if (first == null) {
      return false;
    }
    tickets.pollFirst();
    handOver.accept(first);
    first.grant();
    return true;
  }

  /** Grants and wakes every fiber still waiting, after checking that all of them can be woken. */
  void wakeAll() {
    for (Ticket t : tickets) {
      if (!t.gone()) {
        t.fiber.scheduler().checkCanWake();
      }
    }
    Ticket t;
    while ((t = tickets.pollFirst()) != null) {
      if (!t.gone()) {
        t.grant();
      }
    }
  }

  boolean isEmpty() {
    return peekLive() == null;
  }
}
