package dev.fibered;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value per fiber, as {@link ThreadLocal} is per thread (gruvi's {@code local}): each fiber sees
 * its own, whichever thread runs it. Outside any fiber it is a value per thread, so plain code that
 * uses it still works.
 *
 * <p>An {@linkplain #inheritable inheritable} local is copied into a fiber when it is spawned from
 * another fiber: the child starts with the parent's value (the same object, not a copy of it), and
 * later changes on either side are not seen by the other. A fiber spawned from plain code starts
 * from the initial value.
 *
 * @param <T> the type of the value
 */
public final class FiberLocal<T> {
  private final Supplier<? extends T> initial;
  private final boolean inheritable;
  private final ThreadLocal<T> outsideFibers;

  private FiberLocal(Supplier<? extends T> initial, boolean inheritable) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.inheritable = inheritable;
    this.outsideFibers = ThreadLocal.withInitial(initial);
  }

  /**
   * A local whose value starts as null in every fiber.
   *
   * @param <T> the type of the value
   * @return a new local
   */
  public static <T> FiberLocal<T> create() {
    return new FiberLocal<>(() -> null, false);
  }

  /**
   * A local whose value starts as {@code initial.get()} in every fiber, called on first use.
   *
   * @param <T> the type of the value
   * @param initial gives each fiber's first value
   * @return a new local
   */
  public static <T> FiberLocal<T> withInitial(Supplier<? extends T> initial) {
    return new FiberLocal<>(initial, false);
  }

  /**
   * A local that a fiber spawned from another fiber starts with the parent's value of.
   *
   * @param <T> the type of the value
   * @param initial gives the first value of a fiber with no parent fiber
   * @return a new local
   */
  public static <T> FiberLocal<T> inheritable(Supplier<? extends T> initial) {
    return new FiberLocal<>(initial, true);
  }

  /**
   * Returns the current fiber's value (the current thread's, outside fibers).
   *
   * @return the value, which may be null
   */
  @SuppressWarnings("unchecked")
  public T get() {
    Fiber<?> fiber = Fiber.current();
    if (fiber == null) {
      return outsideFibers.get();
    }
    java.util.Map<FiberLocal<?>, Object> values = fiber.locals(true);
    if (!values.containsKey(this)) {
      values.put(this, initial.get());
    }
    return (T) values.get(this);
  }

  /**
   * Sets the current fiber's value (the current thread's, outside fibers).
   *
   * @param value the value, null allowed
   */
  public void set(T value) {
    Fiber<?> fiber = Fiber.current();
    if (fiber == null) {
      outsideFibers.set(value);
    } else {
      fiber.locals(true).put(this, value);
    }
  }

  /** Forgets the current fiber's value: the next {@link #get()} starts from the initial value. */
  public void remove() {
    Fiber<?> fiber = Fiber.current();
    if (fiber == null) {
      outsideFibers.remove();
    } else {
      java.util.Map<FiberLocal<?>, Object> values = fiber.locals(false);
      if (values != null) {
        values.remove(this);
      }
    }
  }

  boolean isInheritable() {
    return inheritable;
  }
}
