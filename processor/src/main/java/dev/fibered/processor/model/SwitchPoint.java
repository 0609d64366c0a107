package dev.fibered.processor.model;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import javax.lang.model.element.ExecutableElement;

/** A place where a fiber may be suspended: a call the processor must lower, not copy. */
public sealed interface SwitchPoint {
  MethodInvocationTree call();

  /** {@code Fiber.yield()}: switches only when the time slice is spent. */
  record Yield(MethodInvocationTree call) implements SwitchPoint {}

  /** {@code Fiber.yieldNow()}: always lets the other runnable fibers run. */
  record YieldNow(MethodInvocationTree call) implements SwitchPoint {}

  /**
   * A call to a {@code @Fibered} method: its machine is pushed on the caller's fiber.
   *
   * @param receiver the receiver expression as written, or null when it is implicit ({@code this})
   *     or the callee is static
   */
  record FiberedCall(MethodInvocationTree call, ExecutableElement callee, ExpressionTree receiver)
      implements SwitchPoint {}
}
