package p;

import dev.fibered.Fiber;
import dev.fibered.Fibered;

import dev.fibered.Dispatch;
import dev.fibered.Machine;
import dev.fibered.SourceMap;
import javax.annotation.processing.Generated;

/**
 * Fibers for the {@code @Fibered} methods of {@link Shape}: one factory per method,
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
final class ShapeFibers {
  /**
   * Where the machines' code comes from, for stack traces: from each generated line
   * listed on, the source line after the colon.
   */
  private static final String SOURCE_LINES = "129:11 138:12 144:13";

  /**
   * Chooses the machine of {@link Shape#area(int)} by the receiver's class; an implementation that is
   * not {@code @Fibered} runs as a plain call.
   */
  private static final Dispatch area$dispatch = Dispatch.of(Shape.class, "area",
      new Class<?>[] {int.class}, (receiver, arguments) ->
      Dispatch.plain(() -> ((Shape) receiver).area((int) arguments[0])));

  /**
   * Chooses the machine of {@link Shape#twice(int)} by the receiver's class; an implementation that is
   * not {@code @Fibered} runs as a plain call.
   */
  private static final Dispatch twice$dispatch = Dispatch.of(Shape.class, "twice",
      new Class<?>[] {int.class}, (receiver, arguments) ->
      Dispatch.plain(() -> ((Shape) receiver).twice((int) arguments[0])));

  static {
    Dispatch.register(Shape.class, Shape.class, "twice", new Class<?>[] {int.class},
        (receiver, arguments) -> new TwiceMachine(((Shape) receiver), (int) arguments[0]));
  }

  private ShapeFibers() {
  }

  /**
   * Returns an unstarted fiber that runs {@link Shape#area(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Integer> area(Shape self, int scale) {
    return area$machine(self, scale).asFiber("Shape.area");
  }

  /**
   * Returns the state machine of {@link Shape#area(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Integer> area$machine(Shape self, int scale) {
    return area$dispatch.machine(self, new Object[] {scale});
  }

  /**
   * Returns an unstarted fiber that runs {@link Shape#twice(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Integer> twice(Shape self, int scale) {
    return twice$machine(self, scale).asFiber("Shape.twice");
  }

  /**
   * Returns the state machine of {@link Shape#twice(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Integer> twice$machine(Shape self, int scale) {
    if (twice$dispatch.isOverriddenBy(self)) {
      return twice$dispatch.machine(self, new Object[] {scale});
    }
    return new TwiceMachine(self, scale);
  }

  /**
   * {@link Shape#twice(int)} as a state machine (Shape.java:10).
   */
  private static final class TwiceMachine extends Machine<Integer> {
    private static final SourceMap SOURCE = new SourceMap("p.Shape", "twice", "Shape.java", new int[] {11, 11, 12, 13}, SOURCE_LINES);

    private int state;

    /**
     * The receiver, {@code this} in the source method.
     */
    private final Shape self;

    private int scale;

    /**
     * local once, line 12
     */
    private int once;

    /**
     * a value computed before a switch point, line 13
     */
    private int value;

    TwiceMachine(Shape self, int scale) {
      this.self = receiver(self);
      this.scale = scale;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Shape.java:11: entry: int twice(int scale) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Shape.java:11: body: int twice(int scale) {
            state = 2;
            return call(ShapeFibers.area$machine(self, scale));
          }
          case 2: {
            // Shape.java:12: after: int once = area(scale);
            once = this.<Integer>result();
            state = 3;
            return call(ShapeFibers.area$machine(self, scale));
          }
          case 3: {
            // Shape.java:13: after: return once + area(scale);
            value = this.<Integer>result();
            { int result = once + value; return result; }
          }
          default:
            throw new IllegalStateException("TwiceMachine resumed in unknown state " + state);
        }
      }
    }

    @Override
    protected StackTraceElement sourceFrame(int generatedLine) {
      return SOURCE.frame(state, generatedLine);
    }
  }
}
