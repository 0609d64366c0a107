package dev.fibered;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Waits on several channel operations at once and completes exactly one of them: Go's {@code
 * select}. Each case is a receive from, or a send to, a {@link Channel}; {@link #select()} waits
 * until one of them can complete, completes that one only, and returns its {@link Case}.
 *
 * <pre>{@code
 * Select choice = new Select();
 * Select.Case<Order> order = choice.receive(orders);
 * Select.Case<String> command = choice.receive(commands);
 * choice.timeout(Duration.ofSeconds(1));
 * Select.Case<?> won = choice.select();        // a switch point in @Fibered code
 * if (won == order) {
 *   handle(order.value());
 * } else if (won == command) {
 *   obey(command.value());
 * } else {
 *   idle();                                     // null: the time ran out
 * }
 * }</pre>
 *
 * <p><b>Which case wins.</b> If several cases can complete at once, the first one added wins, so
 * the order of the cases is their priority. While the select waits, the first case whose channel
 * becomes ready wins; the others are withdrawn. A case that did not win has taken nothing and
 * sent nothing: no value is ever taken from a channel, or delivered to one, by a case that lost.
 * {@link #trySelect()} never waits (Go's {@code default}); {@link #timeout} bounds the wait.
 *
 * <p><b>Closed channels.</b> A case on a closed channel is ready at once, as the channel's own
 * operation would be: a {@link #receive} case on a closed, drained channel makes {@code select()}
 * throw {@link ChannelClosedException}, as {@link Channel#receive()} would; a {@link
 * #receiveOrNull} case wins with the value null instead (use it to notice the end of one of
 * several inputs); a {@link #send} case on a closed channel throws, and its value is not sent.
 * Closing a channel while a select waits on it does the same.
 *
 * <p><b>Where it may be called.</b> In {@code @Fibered} code {@code select()} is a switch point and
 * suspends only the calling fiber. Called from plain code it completes only if a case is ready,
 * like {@link Channel#receive()}: it throws {@link IllegalStateException} if it would have to wait
 * (or returns null at once if a timeout was set, like {@link Channel#poll}). A cancelled fiber
 * ({@link Fiber#cancel()}) stops waiting and takes nothing; a value handed to it just before is
 * given back to its channel.
 *
 * <p>Thread-safety: a {@code Select} is used by one fiber or thread at a time; build one per
 * fiber. It may be used again once a select is over (the same cases, the same values to send);
 * each {@link Case#value()} then tells about the latest one. Its channels follow their own rules
 * (one scheduler's fibers, or any thread if the scheduler is multi-threaded).
 */
public final class Select {
  private final List<Case<?>> cases = new ArrayList<>();

  /** The cases' channels in one global order: their monitors are taken in it. */
  private Channel<?>[] lockOrder;

  private long timeoutNanos = -1;

  /** The case that won the latest select, or null. */
  private Case<?> won;

  /** Creates a select with no case and no timeout. */
  public Select() {}

  /** What a case does. */
  enum Kind {
    RECEIVE,
    RECEIVE_OR_NULL,
    SEND
  }

  /**
   * One operation of a {@link Select}: a receive or a send on one channel.
   *
   * @param <T> the channel's value type
   */
  public static final class Case<T> {
    private final Select owner;
    private final int index;
    final Kind kind;
    final Channel<T> channel;
    private final T toSend;
    private T value;

    /** This case's waiter while a select waits, else null. Only the selecting fiber. */
    Channel.Waiter<T> waiting;

    private Case(Select owner, int index, Kind kind, Channel<T> channel, T toSend) {
      this.owner = owner;
      this.index = index;
      this.kind = kind;
      this.channel = channel;
      this.toSend = toSend;
    }

    /**
     * Returns what this case moved in the latest select, which it won: the value received (null
     * for a {@link Select#receiveOrNull} case whose channel was closed and drained), or the value
     * sent.
     *
     * @return the value
     * @throws IllegalStateException if this case did not win the latest select of its {@code Select}
     */
    public T value() {
      if (owner.won != this) {
        throw new IllegalStateException("case " + index + " did not win the latest select");
      }
      return value;
    }

    /**
     * Returns the position of this case in its {@code Select}, from 0 in the order they were added.
     *
     * @return the index
     */
    public int index() {
      return index;
    }

    /**
     * Returns the channel this case receives from or sends to.
     *
     * @return the channel
     */
    public Channel<T> channel() {
      return channel;
    }

    /** The value to put in a waiter for this case: the one to send, or none. */
    T toSend() {
      return toSend;
    }

    /** This case won with {@code moved}: the value received, or the one sent. */
    Case<?> won(T moved) {
      value = moved;
      owner.won = this;
      return this;
    }

    /**
     * Completes this case now if it can, holding its channel's monitor; null if it would wait.
     *
     * @throws ChannelClosedException as the channel's own operation would
     */
    Case<?> tryNow() {
      if (kind == Kind.SEND) {
        return channel.trySend(toSend) ? won(toSend) : null;
      }
      if (kind == Kind.RECEIVE_OR_NULL && channel.isDrained()) {
        return won(null);
      }
      T received = channel.tryReceive();
      return received != null ? won(received) : null;
    }

    @Override
    public String toString() {
      return "Select.Case[" + index + ", " + kind.name().toLowerCase(java.util.Locale.ROOT) + " "
          + channel + "]";
    }
  }

  /**
   * Adds a case that receives a value from {@code channel}.
   *
   * @param <T> the channel's value type
   * @param channel the channel
   * @return the case, to compare with what {@link #select()} returns and to read the value from
   */
  public <T> Case<T> receive(Channel<T> channel) {
    return add(Kind.RECEIVE, channel, null);
  }

  /**
   * Adds a case that receives a value from {@code channel}, or wins with null once the channel is
   * closed and drained (where a {@link #receive} case would throw).
   *
   * @param <T> the channel's value type
   * @param channel the channel
   * @return the case
   */
  public <T> Case<T> receiveOrNull(Channel<T> channel) {
    return add(Kind.RECEIVE_OR_NULL, channel, null);
  }

  /**
   * Adds a case that sends {@code value} to {@code channel}.
   *
   * @param <T> the channel's value type
   * @param channel the channel
   * @param value the value, not null
   * @return the case
   */
  public <T> Case<T> send(Channel<T> channel, T value) {
    return add(Kind.SEND, channel, Objects.requireNonNull(value, "value"));
  }

  /**
   * Bounds how long {@link #select()} waits: once {@code timeout} has passed with no case ready, it
   * returns null, having completed none. Zero means: do not wait at all, as {@link #trySelect()}.
   *
   * @param timeout how long to wait at most, not negative
   * @return this select
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public Select timeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    timeoutNanos = Fiber.saturatedNanos(timeout);
    return this;
  }

  private <T> Case<T> add(Kind kind, Channel<T> channel, T toSend) {
    Objects.requireNonNull(channel, "channel");
    Case<T> c = new Case<>(this, cases.size(), kind, channel, toSend);
    cases.add(c);
    lockOrder = null;
    return c;
  }

  /**
   * Waits until one case can complete, completes it and returns it; the other cases do nothing.
   * If several are ready, the first one added wins. A switch point in {@code @Fibered} code.
   *
   * @return the case that won, or null if the {@link #timeout} ran out first
   * @throws ChannelClosedException if a {@link #receive} case's channel is closed and drained, or a
   *     {@link #send} case's channel is closed, before another case wins or while the select waits
   * @throws IllegalStateException if there is no case; from plain code, if no case is ready and no
   *     timeout was set (it would have to wait)
   */
  @Fibered
  public Case<?> select() {
    Case<?> ready = trySelect();
    if (ready == null && timeoutNanos < 0) {
      throw new IllegalStateException(
          "select would wait: call it from @Fibered code, set a timeout, or use trySelect");
    }
    return ready;
  }

  /**
   * Completes the first case that can complete now and returns it, or returns null if none can;
   * never waits (Go's {@code default}).
   *
   * @return the case that won, or null
   * @throws ChannelClosedException as {@link #select()} does
   * @throws IllegalStateException if there is no case
   */
  public Case<?> trySelect() {
    won = null;
    return locked(this::firstReady);
  }

  // ---- for SelectFibers ----

  /** The time limit in nanoseconds, or negative for none. */
  long timeoutNanos() {
    return timeoutNanos;
  }

  List<Case<?>> cases() {
    return cases;
  }

  /** Called at the start of a select: no case has won it yet. */
  void begin() {
    won = null;
  }

  /** The first case that completes now, or null. Holds every case's channel's monitor. */
  Case<?> firstReady() {
    for (Case<?> c : cases) {
      Case<?> done = c.tryNow();
      if (done != null) {
        return done;
      }
    }
    return null;
  }

  /**
   * Runs {@code action} holding the monitor of every case's channel. They are taken in the order
   * of the channels' ids, the same for every select, so two selects never wait for each other's
   * monitors; no other code holds two channel monitors at once.
   */
  <R> R locked(Supplier<R> action) {
    if (cases.isEmpty()) {
      throw new IllegalStateException("a select needs at least one case");
    }
    Channel<?>[] order = lockOrder;
    if (order == null) {
      order =
          cases.stream()
              .map(c -> c.channel)
              .distinct()
              .sorted(Comparator.comparingLong(ch -> ch.id))
              .toArray(Channel<?>[]::new);
      lockOrder = order;
    }
    return lockFrom(order, 0, action);
  }

  private static <R> R lockFrom(Channel<?>[] order, int next, Supplier<R> action) {
    if (next == order.length) {
      return action.get();
    }
    synchronized (order[next].lock()) {
      return lockFrom(order, next + 1, action);
    }
  }

  @Override
  public String toString() {
    return "Select" + Arrays.toString(cases.toArray());
  }

  /**
   * One select waiting on its cases: every case's waiter shares it, and the first waker to claim
   * it wins; a case that loses the claim is skipped by its channel. The fiber claims it for
   * nobody when its time runs out or it is cancelled, so that no waker can win after that.
   */
  static final class Round {
    private static final Object NOBODY = new Object();

    private final AtomicReference<Object> winner = new AtomicReference<>();

    /** Claims the select for {@code waiter}: true if no other case (and no timeout) was first. */
    boolean claim(Channel.Waiter<?> waiter) {
      return winner.compareAndSet(null, waiter);
    }

    /** The fiber stops waiting: true if no case won before (none will now). */
    boolean giveUp() {
      return winner.compareAndSet(null, NOBODY);
    }

    boolean isDecided() {
      return winner.get() != null;
    }

    /** The waiter that won, or null if none did. */
    Channel.Waiter<?> winner() {
      Object w = winner.get();
      return w instanceof Channel.Waiter ? (Channel.Waiter<?>) w : null;
    }
  }
}
