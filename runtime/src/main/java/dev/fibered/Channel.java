package dev.fibered;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A queue that fibers use to hand values to each other: {@link #send} waits while the channel is
 * full and {@link #receive} while it is empty, suspending only the calling fiber. Values arrive in
 * the order they were sent, each to exactly one receiver; waiting senders and receivers are served
 * first come, first served.
 *
 * <ul>
 *   <li>{@link #rendezvous()}: no buffer; a send completes when a receiver takes the value.
 *   <li>{@link #bounded(int)}: up to {@code capacity} values wait in the channel.
 *   <li>{@link #unbounded()}: sends never wait.
 * </ul>
 *
 * <p>{@link #close()} ends the channel: later sends fail, receivers still get what was sent before
 * and then fail, and fibers waiting in {@code send} or {@code receive} fail at once, so no fiber
 * waits forever on a closed channel and no sent value is silently lost (a send that fails did not
 * deliver its value). The failure is a {@link ChannelClosedException}.
 *
 * <p>In {@code @Fibered} code {@code send} and {@code receive} are switch points. Called from plain
 * code they complete only if they need not wait and throw {@link IllegalStateException} otherwise;
 * {@link #trySend} and {@link #tryReceive} never wait.
 *
 * <p>Thread-safety: on a single-threaded scheduler, a channel serves its fibers, on the thread
 * that runs it, or plain code while it is idle. On a multi-threaded one ({@link
 * Scheduler.Builder#threads}) it is thread-safe: fibers on any carrier, and plain code on any
 * thread, may use it at once. Null values are not allowed.
 *
 * @param <T> the type of the values
 */
public final class Channel<T> {
  private static final java.util.concurrent.atomic.AtomicLong IDS =
      new java.util.concurrent.atomic.AtomicLong();

  /** The order in which a {@link Select} takes the monitors of several channels. */
  final long id = IDS.incrementAndGet();

  private final int capacity;
  private final ArrayDeque<T> buffer = new ArrayDeque<>();
  private final ArrayDeque<Waiter<T>> senders = new ArrayDeque<>();
  private final ArrayDeque<Waiter<T>> receivers = new ArrayDeque<>();
  private boolean closed;

  /**
   * Guards the buffer, both queues, {@code closed} and every waiter's fields: a waiter is served,
   * closed or given up under it, so a sender and a timing-out receiver on two carriers agree.
   */
  private final Object lock = new Object();

  /** A fiber waiting in send (with its value) or receive (for a value). */
  static final class Waiter<T> {
    final Fiber<?> fiber;
    T value;
    boolean done;
    boolean closed;

    /** Which of the fiber's waits this is; see {@link Scheduler#wake(Fiber, long)}. */
    long park;

    /** Set by the fiber when it stops waiting on its own (a timeout): skipped from then on. */
    boolean abandoned;

    /** The timer of a timed wait, or null; dead once the waiter is served. */
    Scheduler.Timer timer;

    /** The waiting select this is one case of, or null for a plain send or receive. */
    final Select.Round round;

    Waiter(Fiber<?> fiber, T value) {
      this(fiber, value, null);
    }

    Waiter(Fiber<?> fiber, T value, Select.Round round) {
      this.fiber = fiber;
      this.value = value;
      this.round = round;
    }

    /** Whether the fiber no longer waits here: it gave up, ended, or its select was decided. */
    boolean gone() {
      return abandoned
          || fiber.stopsWaiting()
          || fiber.isDone()
          || (round != null && round.isDecided());
    }

    /**
     * Takes this waiter for a hand-over or a close; false if it is a case of a select that another
     * case won first (a value must never go to it).
     */
    boolean claim() {
      return round == null || round.claim(this);
    }
  }

  private Channel(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Returns a channel without a buffer: each send waits until a receiver takes its value.
   *
   * @param <T> the type of the values
   * @return a new open channel
   */
  public static <T> Channel<T> rendezvous() {
    return new Channel<>(0);
  }

  /**
   * Returns a channel that holds up to {@code capacity} values; a send waits only when it is full.
   *
   * @param <T> the type of the values
   * @param capacity how many values may wait in the channel, at least 1
   * @return a new open channel
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public static <T> Channel<T> bounded(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "capacity must be at least 1, was " + capacity + "; use rendezvous() for none");
    }
    return new Channel<>(capacity);
  }

  /**
   * Returns a channel whose sends never wait.
   *
   * @param <T> the type of the values
   * @return a new open channel
   */
  public static <T> Channel<T> unbounded() {
    return new Channel<>(Integer.MAX_VALUE);
  }

  /**
   * Sends a value, waiting while the channel is full (for a rendezvous channel: until a receiver
   * takes it). A switch point in {@code @Fibered} code.
   *
   * @param value the value, not null
   * @throws ChannelClosedException if the channel is closed, or is closed while this waits (the
   *     value is then not delivered)
   * @throws IllegalStateException if called from plain code and the send would have to wait
   */
  @Fibered
  public void send(T value) {
    if (!trySend(value)) {
      throw new IllegalStateException(
          "send on " + this + " would wait: call it from @Fibered code, or use trySend");
    }
  }

  /**
   * Receives the next value, waiting while the channel is empty. A switch point in {@code
   * @Fibered} code.
   *
   * @return the value
   * @throws ChannelClosedException if the channel is closed and empty, or is closed while this
   *     waits
   * @throws IllegalStateException if called from plain code and the receive would have to wait
   */
  @Fibered
  public T receive() {
    T value = tryReceive();
    if (value == null) {
      throw new IllegalStateException(
          "receive on " + this + " would wait: call it from @Fibered code, or use tryReceive");
    }
    return value;
  }

  /**
   * Receives the next value, waiting while the channel is empty, or returns null once the channel
   * is closed and empty: the loop {@code for (T v = ch.receiveOrNull(); v != null; v =
   * ch.receiveOrNull())} drains a channel until its sender closes it. A switch point in {@code
   * @Fibered} code.
   *
   * @return the value, or null if the channel is closed and empty
   * @throws IllegalStateException if called from plain code and the receive would have to wait
   */
  @Fibered
  public T receiveOrNull() {
    return isDrained() ? null : receive();
  }

  /**
   * Sends a value, waiting at most {@code timeout} while the channel is full. A switch point in
   * {@code @Fibered} code; from plain code it does not wait, as nothing else could make room.
   *
   * @param value the value, not null
   * @param timeout how long to wait at most
   * @return true if the value was delivered or buffered, false if the time ran out first (the value
   *     is then not sent)
   * @throws ChannelClosedException if the channel is closed, or is closed while this waits
   */
  @Fibered
  public boolean offer(T value, java.time.Duration timeout) {
    return trySend(value);
  }

  /**
   * Receives the next value, waiting at most {@code timeout} while the channel is empty. A switch
   * point in {@code @Fibered} code; from plain code it does not wait, as nothing else could send.
   *
   * @param timeout how long to wait at most
   * @return the value, or null if the time ran out first
   * @throws ChannelClosedException if the channel is closed and empty, or is closed while this
   *     waits
   */
  @Fibered
  public T poll(java.time.Duration timeout) {
    return tryReceive();
  }

  /**
   * Sends a value if that needs no wait: a receiver is waiting, or the buffer has room.
   *
   * @param value the value, not null
   * @return true if the value was delivered or buffered, false if the send would have to wait
   * @throws ChannelClosedException if the channel is closed
   */
  public boolean trySend(T value) {
    synchronized (lock) {
      Objects.requireNonNull(value, "value");
      if (closed) {
        throw new ChannelClosedException("send on closed " + this);
      }
      Waiter<T> receiver = claimFirst(receivers);
      if (receiver != null) {
        receiver.value = value;
        receiver.done = true;
        wake(receiver);
        return true;
      }
      if (buffer.size() < capacity) {
        buffer.addLast(value);
        return true;
      }
      return false;
    }
  }

  /**
   * Receives a value if one is there: buffered, or offered by a waiting sender.
   *
   * @return the value, or null if the receive would have to wait
   * @throws ChannelClosedException if the channel is closed and empty
   */
  public T tryReceive() {
    synchronized (lock) {
      Waiter<T> sender = claimFirst(senders);
      T value = buffer.pollFirst();
      if (value == null && sender != null) {
        value = sender.value;
      } else if (sender != null) {
        buffer.addLast(sender.value); // the room just made goes to the longest-waiting sender
      }
      if (sender != null) {
        sender.done = true;
        wake(sender);
      }
      if (value == null && closed) {
        throw new ChannelClosedException("receive on closed and empty " + this);
      }
      return value;
    }
  }

  /**
   * Closes the channel. Values already in it can still be received; fibers waiting to send or
   * receive fail with {@link ChannelClosedException}. Closing a closed channel does nothing.
   */
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (ArrayDeque<Waiter<T>> waiting : java.util.List.of(senders, receivers)) {
        for (Waiter<T> w : waiting) {
          if (!w.gone()) {
            w.fiber.scheduler().checkCanWake(); // all or nothing
          }
        }
      }
      closed = true;
      for (ArrayDeque<Waiter<T>> waiting : java.util.List.of(senders, receivers)) {
        Waiter<T> w;
        while ((w = waiting.pollFirst()) != null) {
          if (!w.gone() && w.claim()) { // a select that another case won is not told
            w.closed = true;
            wake(w);
          }
        }
      }
    }
  }

  /**
   * Tells whether {@link #close()} was called.
   *
   * @return true once the channel is closed
   */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /**
   * Returns how many values wait in the channel's buffer.
   *
   * @return the number of buffered values
   */
  public int size() {
    synchronized (lock) {
      return buffer.size();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return describe();
    }
  }

  private String describe() {
    String kind =
        capacity == 0
            ? "rendezvous"
            : capacity == Integer.MAX_VALUE ? "unbounded" : "bounded(" + capacity + ")";
    return "Channel[" + kind + ", " + buffer.size() + " buffered" + (closed ? ", closed]" : "]");
  }

  // ---- for ChannelFibers ----

  /**
   * Puts back, first in line, a value handed to a receiver that was cancelled before it could take
   * it; a waiting receiver gets it at once. The buffer may exceed its capacity by this one value.
   */
  void giveBack(T value) {
    synchronized (lock) {
      Waiter<T> receiver = claimFirst(receivers);
      if (receiver != null) {
        receiver.value = value;
        receiver.done = true;
        wake(receiver);
      } else {
        buffer.addFirst(value);
      }
    }
  }

  /** Closed, and nothing left to receive. */
  boolean isDrained() {
    synchronized (lock) {
      dropCancelled(senders);
      return closed && buffer.isEmpty() && senders.isEmpty();
    }
  }

  /** Queues a select's send case; under {@link #lock()}, its fiber already parked. */
  void addSender(Waiter<T> waiter) {
    senders.addLast(waiter);
  }

  /** Queues a select's receive case, as {@link #addSender} does a send. */
  void addReceiver(Waiter<T> waiter) {
    receivers.addLast(waiter);
  }

  /**
   * A cancelled fiber no longer waits: its value is not sent, and it takes none. Dropped when it
   * reaches the head of its queue, so each operation stays O(1) amortised.
   */
  private static void dropCancelled(ArrayDeque<? extends Waiter<?>> waiting) {
    while (!waiting.isEmpty() && waiting.peekFirst().gone()) {
      waiting.pollFirst();
    }
  }

  /**
   * Takes the first waiter that still waits off {@code waiting}, claimed for the caller (for a
   * select's case, the select is won by it); null if none is left. Throws, having changed nothing
   * but drop waiters that were gone, if the waiter's fiber cannot be woken from this thread.
   */
  private static <T> Waiter<T> claimFirst(ArrayDeque<Waiter<T>> waiting) {
    while (true) {
      dropCancelled(waiting);
      Waiter<T> first = waiting.peekFirst();
      if (first == null) {
        return null;
      }
      first.fiber.scheduler().checkCanWake(); // before anything changes
      waiting.pollFirst();
      if (first.claim()) {
        return first;
      }
    }
  }

  /** The monitor the machines hold while they try, park, and read a waiter after a wake-up. */
  Object lock() {
    return lock;
  }

  /**
   * Parks a sender; a non-negative timeout also wakes it then, unless it was served first. Under
   * {@link #lock()}: the park number is set before the waiter can be seen by a receiver.
   */
  void waitToSend(Waiter<T> waiter, long timeoutNanos) {
    park(waiter, timeoutNanos);
    addSender(waiter);
  }

  /** Parks a receiver, as {@link #waitToSend} parks a sender. */
  void waitToReceive(Waiter<T> waiter, long timeoutNanos) {
    park(waiter, timeoutNanos);
    addReceiver(waiter);
  }

  private static void park(Waiter<?> waiter, long timeoutNanos) {
    Scheduler scheduler = waiter.fiber.scheduler();
    waiter.park = scheduler.park(waiter.fiber);
    if (timeoutNanos >= 0) {
      waiter.timer = scheduler.wakeAt(waiter.fiber, waiter.park, scheduler.deadlineIn(timeoutNanos));
    }
  }

  /** A waiter whose time ran out leaves its queue at once, so timed-out waits do not pile up. */
  void forget(Waiter<T> waiter) {
    synchronized (lock) {
      waiter.abandoned = true;
      senders.remove(waiter);
      receivers.remove(waiter);
    }
  }

  private static void wake(Waiter<?> waiter) {
    Scheduler scheduler = waiter.fiber.scheduler();
    scheduler.cancelTimer(waiter.timer);
    scheduler.wake(waiter.fiber, waiter.park);
  }
}
