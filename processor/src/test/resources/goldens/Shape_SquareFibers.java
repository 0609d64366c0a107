package p;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

import dev.fibered.Dispatch;
import dev.fibered.Machine;
import dev.fibered.SourceMap;
import javax.annotation.processing.Generated;

/**
 * Fibers for the {@code @Fibered} methods of {@link Shape.Square}: one factory per method,
 * returning an unstarted {@link Fiber}. Generated from Shape.java; do not edit.
 */
@SuppressWarnings({
    "cast",
    "deprecation",
    "removal",
    "rawtypes",
    "static",
    "unchecked"
})
@Generated(
    value = "dev.fibered.processor.FiberedProcessor",
    comments = "from Shape.java"
)
final class Shape_SquareFibers {
  /**
   * Where the machines' code comes from, for stack traces: from each generated line
   * listed on, the source line after the colon.
   */
  private static final String SOURCE_LINES = "84:19 93:20 98:21";

  static {
    Dispatch.register(Shape.Square.class, Shape.class, "area", new Class<?>[] {int.class},
        (receiver, arguments) -> new AreaMachine(((Shape.Square) receiver), (int) arguments[0]));
  }

  private Shape_SquareFibers() {
  }

  /**
   * Returns an unstarted fiber that runs {@link Shape.Square#area(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Integer> area(Shape.Square self, int scale) {
    return new AreaMachine(self, scale).asFiber("Square.area");
  }

  /**
   * Returns the state machine of {@link Shape.Square#area(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Integer> area$machine(Shape.Square self, int scale) {
    return new AreaMachine(self, scale);
  }

  /**
   * {@link Shape.Square#area(int)} as a state machine (Shape.java:17).
   */
  private static final class AreaMachine extends Machine<Integer> {
    private static final SourceMap SOURCE = new SourceMap("p.Shape$Square", "area", "Shape.java", new int[] {19, 19, 20}, SOURCE_LINES);

    private int state;

    /**
     * The receiver, {@code this} in the source method.
     */
    private final Shape.Square self;

    private int scale;

    AreaMachine(Shape.Square self, int scale) {
      this.self = receiver(self);
      this.scale = scale;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Shape.java:19: entry: int area(int scale) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Shape.java:19: body: int area(int scale) {
            state = 2;
            return SUSPEND;
          }
          case 2: {
            // Shape.java:20: after: Fiber.yieldNow();
            { int result = scale * scale; return result; }
          }
          default:
            throw new IllegalStateException("AreaMachine resumed in unknown state " + state);
        }
      }
    }

    @Override
    protected StackTraceElement sourceFrame(int generatedLine) {
      return SOURCE.frame(state, generatedLine);
    }
  }
}
