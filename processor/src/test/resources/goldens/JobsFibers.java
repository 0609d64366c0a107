package p;

import dev.fibered.Fibered;

import dev.fibered.Fiber;
import dev.fibered.Machine;
import dev.fibered.SourceMap;
import javax.annotation.processing.Generated;

/**
 * Fibers for the {@code @Fibered} methods of {@link Jobs}: one factory per method,
 * returning an unstarted {@link Fiber}. Generated from Jobs.java; do not edit.
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
    comments = "from Jobs.java"
)
final class JobsFibers {
  /**
   * Where the machines' code comes from, for stack traces: from each generated line
   * listed on, the source line after the colon.
   */
  private static final String SOURCE_LINES = "82:7 91:8 92:9 121:10";

  private JobsFibers() {
  }

  /**
   * Returns an unstarted fiber that runs {@link Jobs#sum(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Long> sum(int n) {
    return new SumMachine(n).asFiber("Jobs.sum");
  }

  /**
   * Returns the state machine of {@link Jobs#sum(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Long> sum$machine(int n) {
    return new SumMachine(n);
  }

  /**
   * {@link Jobs#sum(int)} as a state machine (Jobs.java:6).
   */
  private static final class SumMachine extends Machine<Long> {
    private static final SourceMap SOURCE = new SourceMap("p.Jobs", "sum", "Jobs.java", new int[] {7, 7, 9}, SOURCE_LINES);

    private int state;

    private int n;

    /**
     * local s, line 8
     */
    private long s;

    /**
     * local i, line 9
     */
    private int i;

    SumMachine(int n) {
      this.n = n;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Jobs.java:7: entry: static long sum(int n) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Jobs.java:7: body: static long sum(int n) {
            s = 0;
            i = 0;
            state = 2;
            continue;
          }
          case 2: {
            // Jobs.java:9: for (int i = 0; i < n; i++) s += i;
            int i2 = i;
            long s2 = s;
            int n2 = n;
            try {
              loop:
              while (true) {
                if (!(i2 < n2)) {
                  break loop;
                }
                iteration: {
                  s2 += i2;
                }
                i2++;
                if (check()) {
                  state = 2;
                  return SUSPEND;
                }
              }
            } finally {
              i = i2;
              s = s2;
              n = n2;
            }
            { long result = s; return result; }
          }
          default:
            throw new IllegalStateException("SumMachine resumed in unknown state " + state);
        }
      }
    }

    @Override
    protected StackTraceElement sourceFrame(int generatedLine) {
      return SOURCE.frame(state, generatedLine);
    }
  }
}
