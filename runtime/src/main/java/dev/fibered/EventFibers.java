package dev.fibered;

/**
 * The machine of {@link Event#await()}, written by hand to the contract of generated {@code
 * FooFibers} classes. Not meant to be called by hand.
 */
public final class EventFibers {
  private EventFibers() {}

  /**
   * The machine of {@link Event#await()}.
   *
   * @param self the event
   * @return an unstarted machine
   */
  public static Machine<Void> await$machine(Event self) {
    return new AwaitMachine(self);
  }

  private static final class AwaitMachine extends Machine<Void> {
    private final Event event;
    private boolean waited;

    AwaitMachine(Event event) {
      this.event = receiver(event);
    }

    @Override
    protected Object resume() {
      if (waited || event.isSet()) {
        return null; // woken by set(); a cancellation never resumes here
      }
      waited = true;
      event.park(fiber);
      return SUSPEND;
    }
  }
}
