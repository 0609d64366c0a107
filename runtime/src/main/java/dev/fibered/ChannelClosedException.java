package dev.fibered;

/**
 * Thrown by {@link Channel#send} on a closed channel, by {@link Channel#receive} on a closed
 * channel with nothing left in it, and at the switch point of a fiber that was waiting in either
 * when the channel was closed.
 */
public final class ChannelClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was attempted on which channel
   */
  public ChannelClosedException(String message) {
    super(message);
  }
}
