package dev.fibered;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@code @Fibered} producer consumed as an {@link Iterator} or a {@link Stream}: the producer
 * calls {@link Emitter#emit} for each value, and each call hands the value to the consumer and
 * suspends the producer until the consumer asks for the next one (python-fibers' and greenlet's
 * {@code switch(value)}, Python's generators).
 *
 * <pre>{@code
 * @Fibered
 * static void squares(Generator.Emitter<Integer> out, int n) {
 *   for (int i = 1; i <= n; i++) {
 *     out.emit(i * i);
 *   }
 * }
 *
 * try (Generator<Integer> g = Generator.of(out -> SquaresFibers.squares(out, 5))) {
 *   g.forEachRemaining(System.out::println);
 * }
 * }</pre>
 *
 * <p>The producer runs on the consumer's thread, on a scheduler of its own, only while the
 * consumer waits in {@link #hasNext()} or {@link #next()}; the consumer may itself be a fiber. So
 * whatever the producer waits for (a sleep, a future) also holds up the consumer, and, if the
 * consumer is a fiber, every fiber of the consumer's scheduler: keep producers to computing and
 * emitting. An
 * exception that ends the producer is thrown from {@code hasNext()}, as {@link Fiber#result()}
 * throws it. {@link #close()} cancels a producer that has not finished.
 *
 * <p>Not thread-safe: one consumer thread.
 *
 * @param <T> the type of the values
 */
public final class Generator<T> implements Iterator<T>, AutoCloseable {
  private final Scheduler scheduler = Scheduler.create();
  private final Emitter<T> emitter = new Emitter<>(this);
  private final Fiber<?> producer;
  private T pending;
  private boolean ready;
  private boolean finished;

  private Generator(Function<Emitter<T>, Fiber<?>> body) {
    this.producer = Objects.requireNonNull(body.apply(emitter), "the body returned no fiber");
    scheduler.spawn(producer);
  }

  /**
   * Creates a generator; its producer starts at the first {@link #hasNext()} or {@link #next()}.
   *
   * @param <T> the type of the values
   * @param body makes the producer's fiber from its emitter, typically by calling a generated
   *     factory: {@code out -> SquaresFibers.squares(out, 5)}
   * @return a new generator
   */
  public static <T> Generator<T> of(Function<Emitter<T>, Fiber<?>> body) {
    return new Generator<>(body);
  }

  /**
   * Runs the producer until it emits the next value or ends.
   *
   * @return true if there is a next value
   * @throws RuntimeException the producer's unchecked exception, as {@link Fiber#result()} throws
   *     it (checked ones wrapped in {@link java.util.concurrent.CompletionException})
   */
  @Override
  public boolean hasNext() {
    if (!ready && !finished) {
      if (emitting != null) {
        scheduler.wake(emitting, emitPark); // only the emit that paused, not any other wait
      }
      scheduler.runUntilPause();
      if (producer.isDone()) {
        finished = true;
        producer.result(); // rethrows the producer's exception
      }
    }
    return ready;
  }

  /**
   * Returns the next value.
   *
   * @return the value the producer emitted next
   * @throws NoSuchElementException if the producer has ended
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the generator's producer has ended");
    }
    T value = pending;
    pending = null;
    ready = false;
    return value;
  }

  /**
   * Returns the rest of the values as a sequential, ordered stream; closing the stream closes
   * this generator.
   *
   * @return a stream of the values not consumed yet
   */
  public Stream<T> stream() {
    Spliterator<T> values = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED);
    return StreamSupport.stream(values, false).onClose(this::close);
  }

  /** Cancels the producer if it has not finished, and lets it end. Closing twice does nothing. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      producer.cancel();
      scheduler.cancelAll(); // helpers the producer spawned, too
      scheduler.runUntilPause();
    }
    ready = false;
    pending = null;
  }

  private Fiber<?> emitting;
  private long emitPark;

  void offer(T value, Fiber<?> by, long park) {
    pending = value;
    ready = true;
    emitting = by;
    emitPark = park;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  /**
   * What a generator's producer emits values through.
   *
   * @param <T> the type of the values
   */
  public static final class Emitter<T> {
    private final Generator<T> generator;

    private Emitter(Generator<T> generator) {
      this.generator = generator;
    }

    /**
     * Hands {@code value} to the consumer and waits until it asks for the next one. A switch
     * point; it works only in the producer's {@code @Fibered} code.
     *
     * @param value the value, null allowed
     * @throws IllegalStateException if called from plain code
     */
    @Fibered
    public void emit(T value) {
      throw new IllegalStateException("emit works only in the generator's @Fibered producer");
    }

    Generator<T> generator() {
      return generator;
    }
  }
}
