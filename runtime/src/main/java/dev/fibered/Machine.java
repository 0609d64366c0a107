package dev.fibered;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The base class of the state machines that the Fibered processor generates; not meant to be
 * extended by hand.
 *
 * <p>A machine is one activation of a {@code @Fibered} method. A fiber runs a stack of machines
 * (one per nested {@code @Fibered} call) and always resumes the innermost one directly, so the
 * cost of a switch does not grow with call depth.
 *
 * <p>Not thread-safe: a machine is only touched by the thread that currently runs its fiber.
 *
 * @param <T> the boxed result type of the method
 */
public abstract class Machine<T> {
  /** Returned by {@link #resume()} when the machine has saved its state and wants to switch. */
  protected static final Object SUSPEND = new Signal("SUSPEND");

  /** Returned by {@link #resume()} after {@link #call} pushed a callee onto the fiber. */
  protected static final Object CALL = new Signal("CALL");

  /** The machine that called this one, or null for the fiber's outermost machine. */
  Machine<?> caller;

  /** The fiber this machine runs on; set when the machine is started or called. */
  Fiber<?> fiber;

  /** Creates a machine in its entry state. */
  protected Machine() {}

  /**
   * Runs from the saved state until the method completes (returns its value, boxed, or null for
   * void), switches ({@link #SUSPEND}) or calls another machine ({@link #CALL}). An exception
   * thrown here is the method's exception; it is delivered to the caller's machine.
   *
   * @return the method's result, {@link #SUSPEND} or {@link #CALL}
   * @throws Throwable whatever the method throws
   */
  protected abstract Object resume() throws Throwable;

  /**
   * The frame of this machine's {@code @Fibered} method in its source file, for stack traces and
   * {@link Fiber#stackTrace()}. Generated machines override this with their {@link SourceMap}.
   *
   * @param generatedLine the line of this machine's {@code resume} frame in the generated file, or
   *     0 while the machine is suspended
   * @return the source frame, or null if this machine has no source map
   */
  protected StackTraceElement sourceFrame(int generatedLine) {
    return null;
  }

  /**
   * Moves this machine to the catch or finally block that covers its current state and takes
   * {@code thrown}, as Java's exception table would; machines generated for methods with a try
   * around a switch point override it. The generated {@link #resume()} calls it for what a state
   * throws, and the runtime for an exception it raises where the machine waits ({@link
   * Fiber#cancel()}, {@link Fiber#throwInto}).
   *
   * @param thrown the exception
   * @return true if a handler took it and the machine is to be resumed there; false if it leaves
   *     the machine
   */
  protected boolean enterHandler(Throwable thrown) {
    return false;
  }

  /**
   * Called on the innermost machine of a fiber that is cancelled while it waits, before the
   * cancellation is raised: the runtime's own waiting machines give back what was handed to them
   * after they were woken and before they could run (a semaphore permit, a channel value).
   */
  void abandon() {}

  /**
   * Wraps this machine in an unstarted fiber; the generated factories call this. (It saves them
   * naming {@code Fiber} in an expression, where a parameter called {@code dev} would hide the
   * package.)
   *
   * @param name a name for diagnostics, such as {@code "Jobs.sum"}
   * @return an unstarted fiber
   * @throws IllegalStateException if this machine was already started
   */
  public final Fiber<T> asFiber(String name) {
    return Fiber.of(name, this);
  }

  /**
   * Wraps this machine in an unstarted fiber with its own time slice; the generated factories
   * call this for a method compiled with a time-slice hint.
   *
   * @param name a name for diagnostics, such as {@code "Jobs.sum"}
   * @param timeSliceNanos the fiber's own time slice in nanoseconds, positive
   * @return an unstarted fiber
   * @throws IllegalStateException if this machine was already started
   * @see Fiber#withTimeSlice
   */
  public final Fiber<T> asFiber(String name, long timeSliceNanos) {
    return Fiber.of(name, this).withTimeSlice(java.time.Duration.ofNanos(timeSliceNanos));
  }

  /**
   * Checks a receiver for null, as calling an instance method on it would.
   *
   * @param <R> the receiver's type
   * @param receiver the receiver
   * @return the receiver
   * @throws NullPointerException if it is null
   */
  protected static <R> R receiver(R receiver) {
    if (receiver == null) {
      throw new NullPointerException("receiver of a @Fibered instance method is null");
    }
    return receiver;
  }

  /**
   * The scheduling check that the processor inserts at method entry and on loop back-edges. Under
   * {@link Preemption#COUNTING} a counter decrement and a branch, the clock read only when the
   * counter runs out; under {@link Preemption#TICKER} a read of the flag the ticker thread raises.
   *
   * @return true if the time slice is spent and another fiber is waiting to run
   */
  protected final boolean check() {
    Fiber<?> f = fiber;
    if (f.tickerSlot == null) {
      if (--f.countdown > 0) {
        return false;
      }
      return f.sliceSpentOnCountdown();
    }
    return f.sliceOver && f.sliceSpentOnTick();
  }

  /**
   * The test behind {@link Fiber#yield()}: reads the clock at once.
   *
   * @return true if the time slice is spent and another fiber is waiting to run
   */
  protected final boolean yieldDue() {
    return fiber.sliceSpentNow();
  }

  /**
   * Pushes {@code callee} onto this machine's fiber; the caller returns the result of this method
   * from {@link #resume()} after saving the state to resume in, and reads the callee's outcome
   * there with {@link #result()}.
   *
   * @param callee an unstarted machine
   * @return {@link #CALL}
   */
  protected final Object call(Machine<?> callee) {
    if (callee.fiber != null) {
      throw new IllegalStateException("machine " + callee + " has already been started");
    }
    Fiber<?> f = fiber;
    callee.caller = this;
    callee.fiber = f;
    f.top = callee;
    return CALL;
  }

  /**
   * The outcome of the callee that just finished: its value, or its exception rethrown.
   *
   * @param <V> the callee's boxed result type
   * @return the callee's value
   * @throws Throwable the callee's exception
   */
  @SuppressWarnings("unchecked")
  protected final <V> V result() throws Throwable {
    return (V) fiber.takeCallOutcome();
  }

  /**
   * Iterates an array for an enhanced {@code for} loop whose variable has a reference type.
   *
   * @param <E> the element type
   * @param array the array
   * @return an iterator over a snapshot-free view of the array
   */
  protected static <E> Iterator<E> iterate(E[] array) {
    return Arrays.asList(array).iterator();
  }

  /**
   * Iterates an {@link Iterable} for an enhanced {@code for} loop.
   *
   * @param <E> the element type
   * @param iterable the iterable
   * @return its iterator
   */
  protected static <E> Iterator<E> iterate(Iterable<E> iterable) {
    return iterable.iterator();
  }

  /**
   * Iterates a int array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Integer> iterate(int[] array) {
    return new Iterator<Integer>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Integer next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a long array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Long> iterate(long[] array) {
    return new Iterator<Long>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Long next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a short array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Short> iterate(short[] array) {
    return new Iterator<Short>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Short next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a byte array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Byte> iterate(byte[] array) {
    return new Iterator<Byte>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Byte next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a char array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Character> iterate(char[] array) {
    return new Iterator<Character>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Character next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a boolean array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Boolean> iterate(boolean[] array) {
    return new Iterator<Boolean>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Boolean next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a float array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Float> iterate(float[] array) {
    return new Iterator<Float>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Float next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * Iterates a double array for an enhanced {@code for} loop whose variable is a reference.
   *
   * @param array the array
   * @return an iterator over the boxed elements
   */
  protected static Iterator<Double> iterate(double[] array) {
    return new Iterator<Double>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < array.length;
      }

      @Override
      public Double next() {
        if (next >= array.length) {
          throw new NoSuchElementException();
        }
        return array[next++];
      }
    };
  }

  /**
   * The element of an enhanced {@code for} loop over an {@link Iterable} with a primitive loop
   * variable: unboxing, then widening, as Java does ({@code for (long x : List<Integer>)}).
   *
   * @param element the boxed element
   * @return it as a long
   */
  protected static long unboxLong(Object element) {
    return element instanceof Character ? (Character) element : ((Number) element).longValue();
  }

  /**
   * As {@link #unboxLong}, for a {@code int} loop variable.
   *
   * @param element the boxed element
   * @return it as a int
   */
  protected static int unboxInt(Object element) {
    return element instanceof Character ? (Character) element : ((Number) element).intValue();
  }

  /**
   * As {@link #unboxLong}, for a {@code short} loop variable.
   *
   * @param element the boxed element
   * @return it as a short
   */
  protected static short unboxShort(Object element) {
    return ((Number) element).shortValue();
  }

  /**
   * As {@link #unboxLong}, for a {@code byte} loop variable.
   *
   * @param element the boxed element
   * @return it as a byte
   */
  protected static byte unboxByte(Object element) {
    return (Byte) element;
  }

  /**
   * As {@link #unboxLong}, for a {@code float} loop variable.
   *
   * @param element the boxed element
   * @return it as a float
   */
  protected static float unboxFloat(Object element) {
    return element instanceof Character ? (Character) element : ((Number) element).floatValue();
  }

  /**
   * As {@link #unboxLong}, for a {@code double} loop variable.
   *
   * @param element the boxed element
   * @return it as a double
   */
  protected static double unboxDouble(Object element) {
    return element instanceof Character ? (Character) element : ((Number) element).doubleValue();
  }

  /**
   * As {@link #unboxLong}, for a {@code char} loop variable.
   *
   * @param element the boxed element
   * @return it as a char
   */
  protected static char unboxChar(Object element) {
    return (Character) element;
  }

  /**
   * As {@link #unboxLong}, for a {@code boolean} loop variable.
   *
   * @param element the boxed element
   * @return it as a boolean
   */
  protected static boolean unboxBoolean(Object element) {
    return (Boolean) element;
  }

  private static final class Signal {
    private final String name;

    Signal(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
