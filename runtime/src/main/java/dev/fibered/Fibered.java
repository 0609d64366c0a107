package dev.fibered;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body runs as a fiber: the Fibered annotation processor turns it into a
 * resumable state machine and writes a {@code FooFibers} class beside the declaring class {@code
 * Foo}, with a static factory of the same name that returns an unstarted {@link Fiber}.
 *
 * <p>The generated machine checks the scheduler's time slice at method entry and on every loop
 * back-edge (see {@link #checks()} for the other policies), so a fiber that never yields by hand is
 * still preempted. Calls to other
 * {@code @Fibered} methods, {@link Fiber#yield()} and {@link Fiber#yieldNow()} are switch points:
 * the fiber may be suspended there and resumed later.
 *
 * <p>The annotated method itself stays an ordinary method. Called directly, outside the generated
 * factory, it runs to completion on the calling thread like any other method: its switch points
 * return at once and nothing is time-sliced.
 *
 * <p>Retention is {@link RetentionPolicy#CLASS} so that the processor still recognises calls to a
 * {@code @Fibered} method compiled into a library jar.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Fibered {
  /**
   * Where the processor puts scheduling checks in this method, overriding the compilation's
   * {@code -Afibered.checks} option: {@code "default"} (method entry and loop back-edges), {@code
   * "calls"} (also before every statement that calls a method), {@code "every:N"} (also before
   * every N-th statement of a block) or {@code "none"} (only the explicit switch points). Empty,
   * the default, means the option's policy. Any other value is a compile error.
   *
   * @return the check policy of this method, or empty for the compilation's
   */
  String checks() default "";

  /**
   * The time slice this method's fibers ask for, overriding the compilation's {@code
   * -Afibered.timeSlice} option and their scheduler's slice: a positive whole number with a unit,
   * {@code ns}, {@code us}, {@code ms} or {@code s} ({@code "500us"}, {@code "2ms"}). Empty, the
   * default, means the option's hint or, without one, the scheduler's slice. Only fibers started
   * from this method's factory get it; a call from another fiber runs in that fiber's slice.
   *
   * @return the time slice of this method's fibers, or empty
   * @see Fiber#withTimeSlice
   */
  String timeSlice() default "";
}
