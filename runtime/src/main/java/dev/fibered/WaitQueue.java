package dev.fibered;

import java.util.ArrayDeque;

/**
 * Fibers parked on a synchronisation object, first come, first served. A fiber that was cancelled
 * (or ended) while it waited is skipped when it reaches the head, so it is never handed anything.
 * Confined to the scheduler's thread, like the fibers it holds.
 */
final class WaitQueue {
  /** One fiber's place in the queue; {@code granted} once a wake-up chose it. */
  static final class Ticket {
    final Fiber<?> fiber;
    boolean granted;

    Ticket(Fiber<?> fiber) {
      this.fiber = fiber;
    }
  }

  private final ArrayDeque<Ticket> tickets = new ArrayDeque<>();

  /** Parks the running {@code fiber} at the back of the queue. */
  Ticket park(Fiber<?> fiber) {
    Ticket ticket = new Ticket(fiber);
    tickets.addLast(ticket);
    fiber.scheduler().park(fiber);
    return ticket;
  }

  /** The first ticket whose fiber still waits, or null; throws, changing nothing, if it cannot be woken. */
  private Ticket peekLive() {
    while (!tickets.isEmpty() && gone(tickets.peekFirst().fiber)) {
      tickets.pollFirst();
    }
    Ticket first = tickets.peekFirst();
    if (first != null) {
      first.fiber.scheduler().checkCanWake();
    }
    return first;
  }

  private static boolean gone(Fiber<?> fiber) {
    return fiber.isCancelled() || fiber.isDone();
  }

  /** Grants and wakes the first fiber still waiting; returns false if there is none. */
  boolean wakeFirst() {
    Ticket first = peekLive();
    if (first == null) {
      return false;
    }
    tickets.pollFirst();
    first.granted = true;
    first.fiber.scheduler().wake(first.fiber);
    return true;
  }

  /** Grants and wakes every fiber still waiting, after checking that all of them can be woken. */
  void wakeAll() {
    for (Ticket t : tickets) {
      if (!gone(t.fiber)) {
        t.fiber.scheduler().checkCanWake();
      }
    }
    Ticket t;
    while ((t = tickets.pollFirst()) != null) {
      if (!gone(t.fiber)) {
        t.granted = true;
        t.fiber.scheduler().wake(t.fiber);
      }
    }
  }

  boolean isEmpty() {
    return peekLive() == null;
  }
}
