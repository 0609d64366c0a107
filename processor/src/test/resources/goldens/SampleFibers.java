package p;

import dev.fibered.Fiber;
import dev.fibered.Fibered;
import java.util.ArrayList;
import java.util.List;

import dev.fibered.Machine;
import dev.fibered.SourceMap;
import java.util.Iterator;
import javax.annotation.processing.Generated;

/**
 * Fibers for the {@code @Fibered} methods of {@link Sample}: one factory per method,
 * returning an unstarted {@link Fiber}. Generated from Sample.java; do not edit.
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
    comments = "from Sample.java"
)
final class SampleFibers {
  /**
   * Where the machines' code comes from, for stack traces: from each generated line
   * listed on, the source line after the colon.
   */
  private static final String SOURCE_LINES = "133:18 142:19 143:20 160:21 163:20 174:23 218:27 227:28 233:29 242:30 248:31 253:32 331:36 340:37 341:39 342:38 351:40 364:41 365:42 367:44 368:45 370:47 372:40 381:38 386:39 387:38 396:50 408:51 409:52 411:50 419:54 474:58 483:59 484:60 493:61 499:62 500:63 501:64 502:65 504:67 513:60 527:69 533:70 544:71 558:58";

  private SampleFibers() {
  }

  /**
   * Returns an unstarted fiber that runs {@link Sample#sum(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Long> sum(int n) {
    return new SumMachine(n).asFiber("Sample.sum");
  }

  /**
   * Returns the state machine of {@link Sample#sum(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Long> sum$machine(int n) {
    return new SumMachine(n);
  }

  /**
   * Returns an unstarted fiber that runs {@link Sample#twice(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Long> twice(int n) {
    return new TwiceMachine(n).asFiber("Sample.twice");
  }

  /**
   * Returns the state machine of {@link Sample#twice(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Long> twice$machine(int n) {
    return new TwiceMachine(n);
  }

  /**
   * Returns an unstarted fiber that runs {@link Sample#grid(int[], java.util.List)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Integer> grid(Sample self, int[] cells, List<String> names) {
    return new GridMachine(self, cells, names).asFiber("Sample.grid");
  }

  /**
   * Returns the state machine of {@link Sample#grid(int[], java.util.List)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Integer> grid$machine(Sample self, int[] cells, List<String> names) {
    return new GridMachine(self, cells, names);
  }

  /**
   * Returns an unstarted fiber that runs {@link Sample#countdown(int)}; pass it to
   * {@code Scheduler.spawn} to run it.
   */
  static Fiber<Void> countdown(Sample self, int from) {
    return new CountdownMachine(self, from).asFiber("Sample.countdown");
  }

  /**
   * Returns the state machine of {@link Sample#countdown(int)}, unstarted; generated code
   * calls this to push the method onto the calling fiber.
   */
  static Machine<Void> countdown$machine(Sample self, int from) {
    return new CountdownMachine(self, from);
  }

  /**
   * {@link Sample#sum(int)} as a state machine (Sample.java:17).
   */
  private static final class SumMachine extends Machine<Long> {
    private static final SourceMap SOURCE = new SourceMap("p.Sample", "sum", "Sample.java", new int[] {18, 18, 20}, SOURCE_LINES);

    private int state;

    private int n;

    /**
     * local s, line 19
     */
    private long s;

    /**
     * local i, line 20
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
            // Sample.java:18: entry: static long sum(int n) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Sample.java:18: body: static long sum(int n) {
            s = 0;
            i = 0;
            state = 2;
            continue;
          }
          case 2: {
            // Sample.java:20: for (int i = 0; i < n; i++) {
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
                  {
                    s2 += i2;
                  }
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

  /**
   * {@link Sample#twice(int)} as a state machine (Sample.java:26).
   */
  private static final class TwiceMachine extends Machine<Long> {
    private static final SourceMap SOURCE = new SourceMap("p.Sample", "twice", "Sample.java", new int[] {27, 27, 28, 29, 30, 31}, SOURCE_LINES);

    private int state;

    private int n;

    /**
     * local a, line 28
     */
    private long a;

    /**
     * local b, line 30
     */
    private long b;

    TwiceMachine(int n) {
      this.n = n;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Sample.java:27: entry: static long twice(int n) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Sample.java:27: body: static long twice(int n) {
            state = 2;
            return call(SampleFibers.sum$machine(n));
          }
          case 2: {
            // Sample.java:28: after: long a = sum(n);
            a = this.<Long>result();
            if (yieldDue()) {
              state = 3;
              return SUSPEND;
            }
            state = 3;
            continue;
          }
          case 3: {
            // Sample.java:29: after: Fiber.yield();
            state = 4;
            return call(SampleFibers.sum$machine(Sample.half(n)));
          }
          case 4: {
            // Sample.java:30: after: long b = sum(half(n));
            b = this.<Long>result();
            state = 5;
            return SUSPEND;
          }
          case 5: {
            // Sample.java:31: after: Fiber.yieldNow();
            { long result = a + b + Sample.BONUS; return result; }
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

  /**
   * {@link Sample#grid(int[], java.util.List)} as a state machine (Sample.java:35).
   */
  private static final class GridMachine extends Machine<Integer> {
    private static final SourceMap SOURCE = new SourceMap("p.Sample", "grid", "Sample.java", new int[] {36, 36, 39, 40, 40, 39, 39, 50, 50}, SOURCE_LINES);

    private int state;

    /**
     * The receiver, {@code this} in the source method.
     */
    private final Sample self;

    private int[] cells;

    private List<String> names;

    /**
     * local hits, line 37
     */
    private int hits;

    /**
     * local row, line 39
     */
    private int row;

    /**
     * the array of the for-each, line 40
     */
    private int[] array;

    /**
     * its index
     */
    private int index;

    /**
     * local cell, line 40
     */
    private int cell;

    /**
     * the iterator of the for-each, line 50
     */
    private Iterator<? extends String> iterator;

    /**
     * local name, line 50
     */
    private String name;

    GridMachine(Sample self, int[] cells, List<String> names) {
      this.self = receiver(self);
      this.cells = cells;
      this.names = names;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Sample.java:36: entry: final int grid(int[] cells, List<String> names) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Sample.java:36: body: final int grid(int[] cells, List<String> names) {
            hits = 0;
            row = 0;
            state = 2;
            continue;
          }
          case 2: {
            // Sample.java:39: for (int row = 0; row < 3; row++) {
            if (!(row < 3)) {
              state = 6;
              continue;
            }
            array = cells;
            index = 0;
            state = 3;
            continue;
          }
          case 3: {
            // Sample.java:40: for (int cell : cells) {
            if (index >= array.length) {
              state = 4;
              continue;
            }
            cell = array[index];
            {
              if (cell < 0) {
                { state = 5; continue; }
              }
              if (cell > 100) {
                { state = 6; continue; }
              }
              hits += cell;
            }
            index++;
            if (check()) {
              return SUSPEND;
            }
            state = 3;
            continue;
          }
          case 4: {
            // Sample.java:40: after: for (int cell : cells) {
            state = 5;
            continue;
          }
          case 5: {
            // Sample.java:39: back-edge: for (int row = 0; row < 3; row++) {
            row++;
            if (check()) {
              state = 2;
              return SUSPEND;
            }
            state = 2;
            continue;
          }
          case 6: {
            // Sample.java:39: after: for (int row = 0; row < 3; row++) {
            iterator = iterate(names);
            state = 7;
            continue;
          }
          case 7: {
            // Sample.java:50: for (String name : names) {
            if (!iterator.hasNext()) {
              state = 8;
              continue;
            }
            name = iterator.next();
            {
              self.log.add(name);
              self.total += name.length();
            }
            if (check()) {
              return SUSPEND;
            }
            state = 7;
            continue;
          }
          case 8: {
            // Sample.java:50: after: for (String name : names) {
            { int result = hits; return result; }
          }
          default:
            throw new IllegalStateException("GridMachine resumed in unknown state " + state);
        }
      }
    }

    @Override
    protected StackTraceElement sourceFrame(int generatedLine) {
      return SOURCE.frame(state, generatedLine);
    }
  }

  /**
   * {@link Sample#countdown(int)} as a state machine (Sample.java:57).
   */
  private static final class CountdownMachine extends Machine<Void> {
    private static final SourceMap SOURCE = new SourceMap("p.Sample", "countdown", "Sample.java", new int[] {58, 58, 60, 61, 67, 60, 60, 69, 70}, SOURCE_LINES);

    private int state;

    /**
     * The receiver, {@code this} in the source method.
     */
    private final Sample self;

    private int from;

    /**
     * local left, line 59
     */
    private int left;

    /**
     * local s, line 61
     */
    private long s;

    /**
     * local g, line 69
     */
    private int g;

    CountdownMachine(Sample self, int from) {
      this.self = receiver(self);
      this.from = from;
    }

    @Override
    protected Object resume() throws Throwable {
      while (true) {
        switch (state) {
          case 0: {
            // Sample.java:58: entry: final void countdown(int from) {
            if (check()) {
              state = 1;
              return SUSPEND;
            }
            state = 1;
            continue;
          }
          case 1: {
            // Sample.java:58: body: final void countdown(int from) {
            left = from;
            state = 2;
            continue;
          }
          case 2: {
            // Sample.java:60: while (left > 0) {
            if (!(left > 0)) {
              state = 6;
              continue;
            }
            state = 3;
            return call(SampleFibers.twice$machine(left));
          }
          case 3: {
            // Sample.java:61: after: long s = twice(left);
            s = this.<Long>result();
            self.total += (int) s;
            left--;
            if (left == 2) {
              { state = 5; continue; }
            }
            if (yieldDue()) {
              state = 4;
              return SUSPEND;
            }
            state = 4;
            continue;
          }
          case 4: {
            // Sample.java:67: after: Fiber.yield();
            state = 5;
            continue;
          }
          case 5: {
            // Sample.java:60: back-edge: while (left > 0) {
            if (check()) {
              state = 2;
              return SUSPEND;
            }
            state = 2;
            continue;
          }
          case 6: {
            // Sample.java:60: after: while (left > 0) {
            state = 7;
            return call(SampleFibers.grid$machine(self, new int[] {1, 2}, List.copyOf(self.log)));
          }
          case 7: {
            // Sample.java:69: after: int g = grid(new int[] {1, 2}, List.copyOf(log));
            g = this.<Integer>result();
            state = 8;
            continue;
          }
          case 8: {
            // Sample.java:70: do {
            int g2 = g;
            try {
              loop:
              while (true) {
                iteration: {
                  {
                    g2 -= 10;
                  }
                }
                if (!(g2 > 0)) {
                  break loop;
                }
                if (check()) {
                  state = 8;
                  return SUSPEND;
                }
              }
            } finally {
              g = g2;
            }
            return null;
          }
          default:
            throw new IllegalStateException("CountdownMachine resumed in unknown state " + state);
        }
      }
    }

    @Override
    protected StackTraceElement sourceFrame(int generatedLine) {
      return SOURCE.frame(state, generatedLine);
    }
  }
}
