package dev.fibered;

/**
 * The machine of {@link Generator.Emitter#emit}, written by hand to the contract of generated
 * {@code FooFibers} classes (a nested host {@code Generator.Emitter} gives {@code
 * Generator_EmitterFibers}). Not meant to be called by hand.
 */
public final class Generator_EmitterFibers {
  private Generator_EmitterFibers() {}

  /**
   * The machine of {@link Generator.Emitter#emit}.
   *
   * @param <T> the type of the values
   * @param self the emitter
   * @param value the value to hand over
   * @return an unstarted machine
   */
  public static <T> Machine<Void> emit$machine(Generator.Emitter<T> self, T value) {
    return new EmitMachine<>(self, value);
  }

  private static final class EmitMachine<T> extends Machine<Void> {
    private final Generator.Emitter<T> emitter;
    private final T value;
    private boolean emitted;

    EmitMachine(Generator.Emitter<T> emitter, T value) {
      this.emitter = receiver(emitter);
      this.value = value;
    }

    @Override
    protected Object resume() {
      if (emitted) {
        return null; // the consumer asked for the next value
      }
      Generator<T> generator = emitter.generator();
      if (fiber.scheduler() != generator.scheduler()) {
        throw new IllegalStateException("emit works only in the generator's own producer fiber");
      }
      emitted = true;
      generator.offer(value, fiber, generator.scheduler().park(fiber));
      generator.scheduler().requestPause();
      return SUSPEND;
    }
  }
}
