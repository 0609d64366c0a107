package dev.fibered;

import java.util.ArrayDeque;

/**
 * One carrier's run queue: a FIFO of fibers plus a {@code runnext} slot (Go's), for the fiber its
 * carrier just woke, which runs before the FIFO so that a waker and the fiber it woke hand the
 * carrier to each other without a trip round the queue.
 *
 * <p>Only the owning carrier adds fibers; the owner takes from the head, and other carriers steal
 * half from the head too (the oldest fibers). Every operation holds this object's monitor for a few
 * field writes, never while a fiber runs; it is almost always uncontended, since another carrier
 * touches the queue only when it has run out of work. {@link #size} mirrors the contents in a
 * volatile field so that checks, wake-up decisions and the last look before parking read it
 * without the monitor.
 */
final class CarrierQueue {
  private final ArrayDeque<Fiber<?>> fibers = new ArrayDeque<>();
  private Fiber<?> runnext;

  /**
   * Every fiber this carrier spawned, ended ones dropped lazily: the live set for dumps and the
   * end of a run, kept here because one set shared by the carriers (a concurrent set) was the
   * hottest spot of a spawn-heavy run (its size counter, written by every spawn and every end).
   */
  private final java.util.ArrayList<Fiber<?>> spawned = new java.util.ArrayList<>();

  /** When {@link #spawned} reaches this size, its ended fibers are dropped. */
  private int pruneAt = 64;

  /** Fibers here, {@code runnext} included; written under the monitor, read without it. */
  private volatile int size;

  int size() {
    return size;
  }

  private void noteSize() {
    size = fibers.size() + (runnext != null ? 1 : 0);
  }

  /** Registers a fiber this carrier spawned and queues it at the tail. */
  synchronized void addSpawned(Fiber<?> fiber) {
    if (spawned.size() >= pruneAt) {
      spawned.removeIf(Fiber::isDone);
      pruneAt = Math.max(64, 2 * spawned.size()); // amortised: a constant per spawn
    }
    spawned.add(fiber);
    fibers.addLast(fiber);
    noteSize();
  }

  /** Adds the fibers this carrier spawned that have not ended to {@code into}. */
  synchronized void addLiveTo(java.util.Collection<Fiber<?>> into) {
    for (Fiber<?> f : spawned) {
      if (!f.isDone()) {
        into.add(f);
      }
    }
  }

  /** Whether a fiber this carrier spawned has not ended. */
  synchronized boolean anyLive() {
    for (Fiber<?> f : spawned) {
      if (!f.isDone()) {
        return true;
      }
    }
    return false;
  }

  /** Puts {@code woken} at the head, in the given order, ahead of the FIFO but after runnext. */
  synchronized void addFirst(java.util.List<Fiber<?>> woken) {
    for (int i = woken.size() - 1; i >= 0; i--) {
      fibers.addFirst(woken.get(i));
    }
    noteSize();
  }

  /**
   * Puts {@code fiber} in the runnext slot; a fiber already there goes to the tail of the FIFO.
   * Returns whether the FIFO grew (so that an idle carrier may be wanted).
   */
  synchronized boolean putNext(Fiber<?> fiber) {
    Fiber<?> kicked = runnext;
    runnext = fiber;
    if (kicked != null) {
      fibers.addLast(kicked);
    }
    noteSize();
    return kicked != null;
  }

  /**
   * Takes the next fiber for the owner: runnext first, unless {@code runnextSpent} says the chain
   * of runnext fibers has had its slice while others waited in the FIFO, in which case runnext goes
   * to the tail and the head runs. Null if empty.
   */
  synchronized Fiber<?> poll(Chain chain) {
    Fiber<?> next = runnext;
    if (next != null) {
      runnext = null;
      if (!fibers.isEmpty() && chain.spent()) {
        fibers.addLast(next);
        next = fibers.pollFirst();
        chain.reset();
      }
    } else {
      next = fibers.pollFirst();
      chain.reset();
    }
    noteSize();
    return next;
  }

  /**
   * Moves half of this queue (rounded up; the runnext fiber only if the FIFO is empty) to {@code
   * into}, and returns how many it moved.
   */
  int stealHalfInto(ArrayDeque<Fiber<?>> into) {
    synchronized (this) {
      int n = fibers.size();
      if (n == 0) {
        if (runnext == null) {
          return 0;
        }
        into.addLast(runnext);
        runnext = null;
        noteSize();
        return 1;
      }
      int half = (n + 1) / 2;
      for (int i = 0; i < half; i++) {
        into.addLast(fibers.pollFirst());
      }
      noteSize();
      return half;
    }
  }

  /** Adds the fibers a steal brought, at the tail. */
  synchronized void addAll(ArrayDeque<Fiber<?>> moved) {
    fibers.addAll(moved);
    moved.clear();
    noteSize();
  }

  /**
   * How long a chain of runnext fibers has held its carrier while others waited in its FIFO: after
   * one slice the FIFO's head goes first, as Go's runnext inherits the waker's time slice so that
   * two fibers waking each other cannot starve the rest. The clock is read only while others wait.
   */
  static final class Chain {
    private final long sliceNanos;
    private boolean timing;
    private long start;

    Chain(long sliceNanos) {
      this.sliceNanos = sliceNanos;
    }

    boolean spent() {
      long now = System.nanoTime();
      if (!timing) {
        timing = true;
        start = now;
        return false;
      }
      return now - start >= sliceNanos;
    }

    void reset() {
      timing = false;
    }
  }
}
