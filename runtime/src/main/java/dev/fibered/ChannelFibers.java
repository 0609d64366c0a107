package dev.fibered;

import java.time.Duration;

/**
 * The machines of {@link Channel#send} and {@link Channel#receive}, written by hand to the
 * contract of generated {@code FooFibers} classes, so that {@code @Fibered} code that calls them
 * suspends only its own fiber while it waits. Not meant to be called by hand.
 */
public final class ChannelFibers {
  private ChannelFibers() {}

  /**
   * The machine of {@link Channel#send}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @param value the value to send
   * @return an unstarted machine
   */
  public static <T> Machine<Void> send$machine(Channel<T> self, T value) {
    return new SendMachine<>(self, value, -1);
  }

  /**
   * The machine of {@link Channel#offer}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @param value the value to send
   * @param timeout how long to wait at most
   * @return an unstarted machine
   */
  public static <T> Machine<Boolean> offer$machine(Channel<T> self, T value, Duration timeout) {
    return new SendMachine<>(self, value, Math.max(0, Fiber.saturatedNanos(timeout)));
  }

  /**
   * The machine of {@link Channel#poll}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @param timeout how long to wait at most
   * @return an unstarted machine
   */
  public static <T> Machine<T> poll$machine(Channel<T> self, Duration timeout) {
    return new ReceiveMachine<>(self, false, Math.max(0, Fiber.saturatedNanos(timeout)));
  }

  /**
   * The machine of {@link Channel#receive}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @return an unstarted machine
   */
  public static <T> Machine<T> receive$machine(Channel<T> self) {
    return new ReceiveMachine<>(self, false, -1);
  }

  /**
   * The machine of {@link Channel#receiveOrNull}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @return an unstarted machine
   */
  public static <T> Machine<T> receiveOrNull$machine(Channel<T> self) {
    return new ReceiveMachine<>(self, true, -1);
  }

  /**
   * Sends; with a timeout (not negative), gives up when it runs out and returns false, else returns
   * true (null without a timeout, for a void send).
   */
  private static final class SendMachine<T, R> extends Machine<R> {
    private final Channel<T> channel;
    private final T value;
    private final long timeoutNanos;
    private Channel.Waiter<T> waiter;

    SendMachine(Channel<T> channel, T value, long timeoutNanos) {
      this.channel = receiver(channel);
      this.value = value;
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    protected Object resume() {
      synchronized (channel.lock()) { // a receiver on another carrier sees each step whole
        return step();
      }
    }

    private Object step() {
      if (waiter == null) {
        if (channel.trySend(value)) {
          return sent(true);
        }
        waiter = new Channel.Waiter<>(fiber, value);
        channel.waitToSend(waiter, timeoutNanos);
        return SUSPEND;
      }
      if (waiter.closed) {
        throw new ChannelClosedException(channel + " was closed while a send waited");
      }
      if (!waiter.done) {
        channel.forget(waiter); // the time ran out: the value stays with the sender
        return sent(false);
      }
      return sent(true);
    }


    private Object sent(boolean sent) {
      return timeoutNanos >= 0 ? Boolean.valueOf(sent) : null;
    }
  }

  /**
   * Receives; when the channel is closed and empty, throws, or returns null if {@code orNull}; with
   * a timeout (not negative), returns null when it runs out.
   */
  private static final class ReceiveMachine<T> extends Machine<T> {
    private final Channel<T> channel;
    private final boolean orNull;
    private final long timeoutNanos;
    private Channel.Waiter<T> waiter;

    ReceiveMachine(Channel<T> channel, boolean orNull, long timeoutNanos) {
      this.channel = receiver(channel);
      this.orNull = orNull;
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    protected Object resume() {
      synchronized (channel.lock()) { // a sender on another carrier sees each step whole
        return step();
      }
    }

    private Object step() {
      if (waiter == null) {
        if (orNull && channel.isDrained()) {
          return null;
        }
        T value = channel.tryReceive();
        if (value != null) {
          return value;
        }
        waiter = new Channel.Waiter<>(fiber, null);
        channel.waitToReceive(waiter, timeoutNanos);
        return SUSPEND;
      }
      if (waiter.closed) {
        if (orNull) {
          return null;
        }
        throw new ChannelClosedException(channel + " was closed while a receive waited");
      }
      if (!waiter.done) {
        channel.forget(waiter); // the time ran out
        return null;
      }
      return waiter.value;
    }

    @Override
    void abandon() {
      if (waiter == null) {
        return;
      }
      synchronized (channel.lock()) {
        if (waiter.done) {
          channel.giveBack(waiter.value); // cancelled after a sender chose it: the value goes on
        } else {
          channel.forget(waiter); // no sender may choose it from now on
        }
      }
    }
  }
}
