package dev.fibered;

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
    return new SendMachine<>(self, value);
  }

  /**
   * The machine of {@link Channel#receive}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @return an unstarted machine
   */
  public static <T> Machine<T> receive$machine(Channel<T> self) {
    return new ReceiveMachine<>(self, false);
  }

  /**
   * The machine of {@link Channel#receiveOrNull}.
   *
   * @param <T> the type of the values
   * @param self the channel
   * @return an unstarted machine
   */
  public static <T> Machine<T> receiveOrNull$machine(Channel<T> self) {
    return new ReceiveMachine<>(self, true);
  }

  private static final class SendMachine<T> extends Machine<Void> {
    private final Channel<T> channel;
    private final T value;
    private Channel.Waiter<T> waiter;

    SendMachine(Channel<T> channel, T value) {
      this.channel = receiver(channel);
      this.value = value;
    }

    @Override
    protected Object resume() {
      if (waiter == null) {
        if (channel.trySend(value)) {
          return null;
        }
        waiter = new Channel.Waiter<>(fiber, value);
        channel.waitToSend(waiter);
        return SUSPEND;
      }
      if (waiter.closed) {
        throw new ChannelClosedException(channel + " was closed while a send waited");
      }
      return null;
    }
  }

  /** Receives; when the channel is closed and empty, throws, or returns null if {@code orNull}. */
  private static final class ReceiveMachine<T> extends Machine<T> {
    private final Channel<T> channel;
    private final boolean orNull;
    private Channel.Waiter<T> waiter;

    ReceiveMachine(Channel<T> channel, boolean orNull) {
      this.channel = receiver(channel);
      this.orNull = orNull;
    }

    @Override
    protected Object resume() {
      if (waiter == null) {
        if (orNull && channel.isDrained()) {
          return null;
        }
        T value = channel.tryReceive();
        if (value != null) {
          return value;
        }
        waiter = new Channel.Waiter<>(fiber, null);
        channel.waitToReceive(waiter);
        return SUSPEND;
      }
      if (waiter.closed) {
        if (orNull) {
          return null;
        }
        throw new ChannelClosedException(channel + " was closed while a receive waited");
      }
      return waiter.value;
    }

    @Override
    void abandon() {
      if (waiter != null && waiter.done) {
        channel.giveBack(waiter.value); // cancelled after a sender chose it: the value goes on
      }
    }
  }
}
