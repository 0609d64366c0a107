package dev.fibered;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns generated frames back into the user's: a stack trace shows each {@code @Fibered} method on
 * the fiber's stack with its source line, as if the methods had called each other directly.
 *
 * <p>Only the innermost machine of a fiber is on the thread's stack while it runs; its callers are
 * suspended objects. When an exception leaves a machine, its {@code resume} frame is replaced by
 * the method's source frame and the callers' source frames are inserted after it, where the
 * direct calls would have been (Kotlin's debug mode recovers coroutine traces the same way).
 */
final class FiberTraces {
  private FiberTraces() {}

  /**
   * Rewrites {@code failure}'s stack trace as it leaves {@code thrower}, whose callers are still
   * linked. Does nothing when the trace does not run through {@code thrower} (an exception made
   * elsewhere and rethrown here, or one without a stack trace).
   */
  static void recover(Throwable failure, Machine<?> thrower) {
    StackTraceElement[] trace = failure.getStackTrace();
    String machineClass = thrower.getClass().getName();
    for (int i = 0; i < trace.length; i++) {
      StackTraceElement frame = trace[i];
      if (frame.getClassName().equals(machineClass) && frame.getMethodName().equals("resume")) {
        StackTraceElement own = thrower.sourceFrame(Math.max(frame.getLineNumber(), 0));
        if (own == null) {
          own = frame; // the runtime's own machines (sleep, join, channels) show as they are
        }
        List<StackTraceElement> recovered = new ArrayList<>(trace.length + 8);
        for (int j = 0; j < i; j++) {
          recovered.add(trace[j]);
        }
        recovered.add(own);
        addCallers(thrower.caller, recovered);
        for (int j = i + 1; j < trace.length; j++) {
          recovered.add(trace[j]);
        }
        failure.setStackTrace(recovered.toArray(new StackTraceElement[0]));
        return;
      }
    }
  }

  /** The source frames of a suspended fiber's machines, innermost first. */
  static StackTraceElement[] of(Machine<?> top) {
    List<StackTraceElement> frames = new ArrayList<>();
    addCallers(top, frames);
    return frames.toArray(new StackTraceElement[0]);
  }

  private static void addCallers(Machine<?> from, List<StackTraceElement> frames) {
    for (Machine<?> m = from; m != null; m = m.caller) {
      StackTraceElement frame = m.sourceFrame(0);
      if (frame != null) {
        frames.add(frame);
      }
    }
  }
}
